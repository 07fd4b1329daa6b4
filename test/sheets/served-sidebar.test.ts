// Sidebar.html survives the way HtmlService serves it: the build leaves no `//`
// or `/*` in its script (every `/` inside a literal escaped as \x2f), so the
// reported rewrite of inline scripts (html-service.ts) changes nothing, and
// the build refuses a script it cannot make safe. Without the escaping the
// same page, rewritten, no longer parses: the blank sidebar of issue 9.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { buildAddon, DIST, ROOT } from './addon';
import { servedByHtmlService } from './html-service';

let html: string;
beforeAll(() => {
  buildAddon();
  html = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
});

const scriptOf = (page: string): string => {
  const scripts = [...page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
  expect(scripts).toHaveLength(1);
  return scripts[0];
};

/** What the build module does to a script, run in a child process (the build is an ES module). */
function inlineScript(js: string): { script?: string; error?: string } {
  const program = `import { inlineScript } from ${JSON.stringify(path.join(ROOT, 'build', 'sheets.mjs'))};
try { process.stdout.write(JSON.stringify({ script: inlineScript(${JSON.stringify(js)}) })); }
catch (e) { process.stdout.write(JSON.stringify({ error: e.message })); }`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' })) as { script?: string; error?: string };
}

describe('Sidebar.html as HtmlService serves it', () => {
  it('its script holds no // or /* at all, so the rewrite leaves the page as built', () => {
    const script = scriptOf(html);
    expect(script.match(/\/\/|\/\*/g)).toBeNull();
    expect(servedByHtmlService(html)).toBe(html);
    expect(() => new vm.Script(scriptOf(servedByHtmlService(html)))).not.toThrow();
  });

  it('without the escaped slashes the served script would not parse (the namespace and URL literals are cut)', () => {
    const unescaped = html.replace(/\\x2f/g, '/');
    expect(scriptOf(unescaped)).toMatch(/http:\/\/www\.w3\.org/);
    let failure: unknown;
    try {
      new vm.Script(scriptOf(servedByHtmlService(unescaped)));
    } catch (e) {
      failure = e;
    }
    // The vm's SyntaxError is another realm's, so it is known by name.
    expect((failure as Error | undefined)?.name).toBe('SyntaxError');
  });

  it('the build escapes slashes in strings, templates and regular expressions, keeping what they mean', () => {
    const source = 'var a="http://x/*y*/",b=`//${"q"}/*`,c=/\\/\\/[/]*/.test("///")&&/\\/\\/[/]*/.test("/"),d=\'\\\\//\';globalThis.out=[a,b,c,d,/a\\/*b/.test("a//b")];';
    const { script, error } = inlineScript(source);
    expect(error).toBeUndefined();
    expect(script!.match(/\/\/|\/\*/g)).toBeNull();
    const run = (js: string): unknown => {
      const context = vm.createContext({});
      vm.runInContext(js, context);
      return JSON.parse(JSON.stringify(context.out));
    };
    expect(run(script!)).toEqual(run(source));
  });

  it('the build fails on a script it cannot make safe: a tagged template with a slash reads its raw text', () => {
    expect(inlineScript('var t=String.raw`a//b`;').error).toMatch(/tagged template/);
  });
});
