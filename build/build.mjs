// Builds every front end with esbuild. Each target lives in its own module
// beside this one (cli.mjs, excel.mjs, sheets.mjs, bench.mjs) and exports build().
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const targets = (await readdir(here)).filter((f) => f.endsWith('.mjs') && f !== 'build.mjs').sort();
const only = process.argv[2];
for (const file of targets) {
  if (only && file !== `${only}.mjs`) continue;
  const mod = await import(pathToFileURL(path.join(here, file)).href);
  await mod.build();
}
