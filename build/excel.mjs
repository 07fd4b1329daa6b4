// Builds the Excel add-in into dist/excel-addin: the task pane bundle
// (taskpane.ts + ui/, minified), its page, stylesheet, help page, icons and the
// manifest. KAP_HOST (default https://localhost:3000) is the one place the
// production host is set: every localhost URL in the manifest is rewritten to it.
import { build as esbuild } from 'esbuild';
import { copyFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = path.join(root, 'dist', 'excel-addin');
export const DEV_HOST = 'https://localhost:3000';
/** The task pane bundle must stay under this (issue 3). */
export const BUNDLE_BUDGET = 250 * 1024;

/** `options.outDir` and `options.host` let tests build elsewhere without touching dist/. */
export async function build(options = {}) {
  const OUT = options.outDir ?? DEFAULT_OUT;
  const host = (options.host ?? process.env.KAP_HOST ?? DEV_HOST).replace(/\/+$/, '');
  if (!/^https:\/\/[^/\s"<>]+$/.test(host)) throw new Error(`KAP_HOST must be an https origin like https://addin.example.com, not ${host}`);
  await mkdir(path.join(OUT, 'assets'), { recursive: true });
  await esbuild({
    entryPoints: [path.join(root, 'excel-addin', 'taskpane.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    platform: 'browser',
    outfile: path.join(OUT, 'taskpane.js'),
    legalComments: 'none',
    logLevel: 'warning',
  });
  for (const file of ['taskpane.html', 'help.html']) await copyFile(path.join(root, 'excel-addin', file), path.join(OUT, file));
  await copyFile(path.join(root, 'ui', 'pane.css'), path.join(OUT, 'pane.css'));
  for (const icon of (await readdir(path.join(root, 'excel-addin', 'assets'))).filter((f) => f.endsWith('.png'))) {
    await copyFile(path.join(root, 'excel-addin', 'assets', icon), path.join(OUT, 'assets', icon));
  }
  const manifest = await readFile(path.join(root, 'manifest.xml'), 'utf8');
  await writeFile(path.join(OUT, 'manifest.xml'), manifest.split(DEV_HOST).join(host));
  const size = (await stat(path.join(OUT, 'taskpane.js'))).size;
  if (size > BUNDLE_BUDGET) throw new Error(`the task pane bundle is ${size} bytes, over its ${BUNDLE_BUDGET}-byte budget`);
}
