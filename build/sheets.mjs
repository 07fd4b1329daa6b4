// Builds the Google Sheets add-on into dist/sheets-addon/, the folder `clasp push` uploads:
//   Code.js        the server, one readable IIFE (Apps Script has no modules) that leaves
//                  one global, KAP, plus a generated footer of top-level function stubs
//                  for exactly the exports of sheets-addon/server.ts: the functions that
//                  menus and google.script.run may call, and nothing else;
//   Sidebar.html   the sidebar, its script and styles inlined (HtmlService serves one file);
//   appsscript.json, .claspignore, and .clasp.json copied from sheets-addon/.clasp.json
//                  when the developer has made one (git-ignored; see docs/sheets.md).
import { build as esbuild, transform } from 'esbuild';
import { copyFile, mkdir, writeFile, access, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import vm from 'node:vm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'sheets-addon');
const GLOBAL = 'KAP';

export async function build() {
  await mkdir(out, { recursive: true });
  const code = await buildServer();
  await writeFile(path.join(out, 'Code.js'), code);
  await writeFile(path.join(out, 'Sidebar.html'), await buildSidebar());
  await copyFile(path.join(root, 'appsscript.json'), path.join(out, 'appsscript.json'));
  await writeFile(path.join(out, '.claspignore'), '**/**\n!Code.js\n!Sidebar.html\n!appsscript.json\n');
  const clasp = path.join(root, 'sheets-addon', '.clasp.json');
  if (await exists(clasp)) await copyFile(clasp, path.join(out, '.clasp.json'));
}

async function buildServer() {
  const result = await esbuild({
    entryPoints: [path.join(root, 'sheets-addon', 'server.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    minify: false,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const body = result.outputFiles[0].text;
  const entries = entryPointsOf(body);
  const footer = entries.map((name) => `function ${name}(...args) {\n  return ${GLOBAL}.${name}(...args);\n}`).join('\n');
  return (
    '// Key Account Planner for Google Sheets. Built by build/sheets.mjs from sheets-addon/; do not edit.\n' +
    body +
    '\n// Entry points: the only top-level functions, so the only ones menus and google.script.run can call.\n' +
    footer +
    '\n'
  );
}

/** The functions server.ts exports, found by loading the bundle in an empty context (it touches no Apps Script service while loading). */
function entryPointsOf(body) {
  const exported = new vm.Script(`${body}\n${GLOBAL};`, { filename: 'Code.js' }).runInNewContext({});
  const names = Object.keys(exported).filter((k) => typeof exported[k] === 'function').sort();
  const notFunctions = Object.keys(exported).filter((k) => typeof exported[k] !== 'function');
  if (notFunctions.length > 0) throw new Error(`sheets-addon/server.ts may export only entry-point functions; it also exports: ${notFunctions.join(', ')}`);
  return names;
}

async function buildSidebar() {
  const result = await esbuild({
    entryPoints: [path.join(root, 'sheets-addon', 'sidebar.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    write: false,
    outdir: path.join(out, 'sidebar'),
    loader: { '.svg': 'dataurl', '.png': 'dataurl' },
    logLevel: 'warning',
  });
  const js = result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => f.text).join('\n');
  // The shared pane's look: the same stylesheet the Excel task pane links.
  const css = await minifyCss(await readFile(path.join(root, 'ui', 'pane.css'), 'utf8'));
  // Inline text must not close its own element early.
  const script = js.replace(/<\/script/gi, '<\\/script');
  const style = css.replace(/<\/style/gi, '<\\/style');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<base target="_top">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Key Account Planner</title>
<style>
${style}
</style>
</head>
<body>
<div id="app"></div>
<script>
${script}
</script>
</body>
</html>
`;
}

async function minifyCss(css) {
  return (await transform(css, { loader: 'css', minify: true, target: 'chrome100' })).code;
}

async function exists(file) {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
