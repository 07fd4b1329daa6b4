// Builds the benchmark: bench/run.ts bundled for Node into dist/bench.js (`npm run bench`).
import esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function build() {
  await esbuild.build({
    entryPoints: [path.join(root, 'bench/run.ts')],
    outfile: path.join(root, 'dist/bench.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['exceljs', 'jszip', 'playwright-core'],
    logLevel: 'warning',
  });
}
