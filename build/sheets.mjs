// Builds the Google Sheets add-on into dist/sheets-addon/, the folder `clasp push` uploads:
//   Code.js        the server, one readable IIFE (Apps Script has no modules) that leaves
//                  one global, KAP, plus a generated footer of top-level function stubs
//                  for exactly the exports of sheets-addon/server.ts: the functions that
//                  menus and google.script.run may call, and nothing else;
//   Sidebar.html   the sidebar, its script and styles inlined (HtmlService serves one file),
//                  with no `//` or `/*` left anywhere in the script (see inlineScript below);
//   appsscript.json, .claspignore, and .clasp.json copied from sheets-addon/.clasp.json
//                  when the developer has made one (git-ignored; see docs/sheets.md).
import { build as esbuild, transform } from 'esbuild';
import { copyFile, mkdir, writeFile, access, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import vm from 'node:vm';
import { parse } from 'acorn';

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
  const script = inlineScript(js).replace(/<\/script/gi, '<\\/script');
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

/**
 * HtmlService rewrites a page's inline scripts when it serves them, and is
 * reported to take `//` and `/*` inside string, template and regex literals
 * for comments and cut the script there (tanaikech/A2UI-for-Google-Apps-Script#2,
 * enuchi/React-Google-Apps-Script#157): the script no longer parses and the
 * sidebar is blank. So every `/` inside a literal is written as the escape
 * `\x2f`, which means the same character in strings, templates and regular
 * expressions alike, and the build fails if any `//` or `/*` is left anywhere
 * in the script (docs/sheets.md).
 */
export function inlineScript(js) {
  const tokens = [];
  parse(js, { ecmaVersion: 'latest', sourceType: 'script', onToken: tokens });
  let out = '';
  let at = 0;
  tokens.forEach((t, i) => {
    const label = t.type.label;
    if (label !== 'string' && label !== 'template' && label !== 'regexp') return;
    const raw = js.slice(t.start, t.end);
    if (!raw.includes('/') || (label === 'regexp' && !raw.slice(1, raw.lastIndexOf('/')).includes('/'))) return;
    if (label === 'template' && isTagged(tokens, i)) {
      // A tag reads the raw text, in which an escape is not the character it stands for.
      throw new Error(`Sidebar script: a tagged template holds "/" at ${t.start}; write it without a tag or without "/".`);
    }
    const [open, body, close] = label === 'regexp' ? ['/', raw.slice(1, raw.lastIndexOf('/')), raw.slice(raw.lastIndexOf('/'))] : label === 'string' ? [raw[0], raw.slice(1, -1), raw.slice(-1)] : ['', raw, ''];
    out += js.slice(at, t.start) + open + slashesEscaped(body) + close;
    at = t.end;
  });
  out += js.slice(at);
  const left = commentMarkersIn(out);
  if (left.length > 0) {
    throw new Error(`Sidebar script: "//" or "/*" at ${left.slice(0, 5).map((i) => `${i} (…${out.slice(Math.max(0, i - 20), i + 20)}…)`).join(', ')}; HtmlService would cut the script there.`);
  }
  return out;
}

/** Where the script holds `//` or `/*` (offsets): the places HtmlService's rewrite would cut. */
export function commentMarkersIn(script) {
  const at = [];
  for (let i = script.indexOf('/'); i >= 0 && i < script.length - 1; i = script.indexOf('/', i + 1)) {
    if (script[i + 1] === '/' || script[i + 1] === '*') at.push(i);
  }
  return at;
}

/** The literal's body with every `/`, escaped or not, as `\x2f` (other escapes are kept as they are). */
function slashesEscaped(body) {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && i + 1 < body.length) {
      out += body[i + 1] === '/' ? '\\x2f' : ch + body[i + 1];
      i++;
    } else out += ch === '/' ? '\\x2f' : ch;
  }
  return out;
}

function isTagged(tokens, i) {
  let j = i - 1;
  while (j >= 0 && tokens[j].type.label !== '`') j--;
  const before = tokens[j - 1];
  return before !== undefined && ['name', ')', ']', '`', 'this', 'super'].includes(before.type.label);
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
