// The add-in manifest, checked offline: well-formed XML, the elements Office
// requires, HTTPS everywhere, a GUID for an ID, every icon it names present in
// the build, and the host rewritten from KAP_HOST in one place.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';

const ROOT = path.resolve(__dirname, '../..');
// Built into test-output so this suite never rewrites dist/ while another suite serves it.
const DIST = path.join(ROOT, 'test-output', 'excel', 'build-dev');
const PROD = path.join(ROOT, 'test-output', 'excel', 'build-prod');

function buildInto(outDir: string, host?: string): void {
  const options = JSON.stringify({ outDir, ...(host ? { host } : {}) });
  execFileSync('node', ['-e', `import('./build/excel.mjs').then((m) => m.build(${options}))`], { cwd: ROOT });
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

/** Parses with a strict XML parser (saxes, which ExcelJS brings): any well-formedness error throws. */
function parse(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, text: '', children: [] };
  const stack = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const node: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '', children: [] };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => (stack[stack.length - 1].text += t));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root.children[0];
}

function all(node: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (n: XmlElement): void => {
    if (name === undefined || n.name === name) out.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

function one(node: XmlElement, name: string): XmlElement {
  const found = all(node, name);
  if (found.length === 0) throw new Error(`manifest has no <${name}>`);
  return found[0];
}

describe('manifest.xml', () => {
  const source = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const manifest = parse(source);

  beforeAll(() => {
    buildInto(DIST);
  });

  it('is a task pane add-in with the required elements, in the order Office reads them', () => {
    expect(manifest.name).toBe('OfficeApp');
    expect(manifest.attributes['xsi:type']).toBe('TaskPaneApp');
    const order = manifest.children.map((c) => c.name);
    const required = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    for (const name of required) expect(order).toContain(name);
    const positions = required.map((n) => order.indexOf(n));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(one(manifest, 'Permissions').text).toBe('ReadWriteDocument');
    expect(one(manifest, 'Host').attributes.Name).toBe('Workbook');
    expect(one(manifest, 'Set').attributes).toMatchObject({ Name: 'ExcelApi', MinVersion: '1.8' });
  });

  it('has a GUID for an ID', () => {
    expect(one(manifest, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
  });

  it('puts a "Key Account Plan" group with a task pane button on the Home tab', () => {
    const tab = one(manifest, 'OfficeTab');
    expect(tab.attributes.id).toBe('TabHome');
    const group = one(tab, 'Group');
    const strings = Object.fromEntries(all(manifest, 'bt:String').map((s) => [s.attributes.id, s.attributes.DefaultValue]));
    expect(strings[one(group, 'Label').attributes.resid]).toBe('Key Account Plan');
    const action = one(one(group, 'Control'), 'Action');
    expect(action.attributes['xsi:type']).toBe('ShowTaskpane');
    const urls = Object.fromEntries(all(manifest, 'bt:Url').map((u) => [u.attributes.id, u.attributes.DefaultValue]));
    expect(urls[one(action, 'SourceLocation').attributes.resid]).toBe('https://localhost:3000/taskpane.html');
    // Every resid points at a resource that exists.
    const ids = new Set(all(manifest).map((n) => n.attributes.id).filter(Boolean));
    for (const n of all(manifest)) if (n.attributes.resid) expect(ids).toContain(n.attributes.resid);
  });

  it('uses HTTPS for every URL, all on the one development host', () => {
    const values = all(manifest).flatMap((n) => [n.text, ...Object.entries(n.attributes).filter(([k]) => !k.startsWith('xmlns')).map(([, v]) => v)]);
    const urls = values.map((v) => v.trim()).filter((v) => v.includes('://'));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000(\/|$)/);
  });

  it('names only icon and page files that the build produces, at 16, 32, 64 and 80 px', () => {
    const built = readFileSync(path.join(DIST, 'manifest.xml'), 'utf8');
    const files = [...built.matchAll(/https:\/\/localhost:3000\/([^"<\s]+)/g)].map((m) => m[1]);
    expect(files).toEqual(expect.arrayContaining(['assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png', 'taskpane.html']));
    for (const file of files) expect([file, existsSync(path.join(DIST, file))]).toEqual([file, true]);
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(path.join(DIST, 'assets', `icon-${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('takes its production host from KAP_HOST, in every URL', () => {
    buildInto(PROD, 'https://kap.example.com');
    const prod = readFileSync(path.join(PROD, 'manifest.xml'), 'utf8');
    expect(prod).not.toContain('localhost');
    expect(prod).toContain('<SourceLocation DefaultValue="https://kap.example.com/taskpane.html"/>');
    expect(one(parse(prod), 'AppDomain').text).toBe('https://kap.example.com');
  });
});
