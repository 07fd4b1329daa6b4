// Builds kap: cli/main.ts bundled for Node into dist/cli.js (ExcelJS and JSZip stay
// external, installed with the package). bin/kap.js loads it and calls main().
import esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function build() {
  await esbuild.build({
    entryPoints: [path.join(root, 'cli/main.ts')],
    outfile: path.join(root, 'dist/cli.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['exceljs', 'jszip'],
    sourcemap: true,
    logLevel: 'warning',
  });
}
