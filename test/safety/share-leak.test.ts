// The leak test for `kap share`: the client copy of a plan full of sentinels
// carries none of them in any part of its package, carries every shared value,
// and writes formula-looking text as text.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runShare } from '../../cli/share';
import { LANGUAGES } from '../../core/contract';
import { captureIo, packageParts, sentinelXlsx } from './xlsx-files';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kap-leak-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(LANGUAGES)('kap share on the sentinel plan (%s)', (lang) => {
  let parts: Map<string, string>;
  let plan: Awaited<ReturnType<typeof sentinelXlsx>>['plan'];
  let cells: Set<string>;
  let exit: number;

  beforeAll(async () => {
    const made = await sentinelXlsx(lang);
    plan = made.plan;
    const file = path.join(dir, `plan-${lang}.xlsx`);
    const out = path.join(dir, `client-${lang}.xlsx`);
    writeFileSync(file, made.bytes);
    const { io } = captureIo();
    exit = await runShare({ file, out }, io);
    const copy = readFileSync(out);
    parts = await packageParts(copy);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(copy).buffer);
    cells = new Set<string>();
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => void cells.add(String(c.value))));
  });

  test('the sentinel workbook really holds its sentinels where a copied file would carry them', async () => {
    const source = await packageParts((await sentinelXlsx(lang)).bytes);
    const all = [...source.values()].join('\n');
    const missing = plan.sentinels.filter((s) => !all.includes(s));
    // Every sentinel is somewhere in the source package (numbers as their text), so finding none in the copy means something.
    expect(missing).toEqual([]);
    for (const name of ['xl/comments1.xml', 'docProps/core.xml', 'docProps/app.xml', 'docProps/custom.xml']) expect(source.has(name)).toBe(true);
    expect([...source.keys()].some((p) => p.startsWith('xl/tables/'))).toBe(true);
  });

  test('exits 0', () => {
    expect(exit).toBe(0);
  });

  test('no sentinel in any part of the package', () => {
    const leaks: string[] = [];
    for (const [name, text] of parts) for (const s of plan.sentinels) if (text.includes(s)) leaks.push(`${s} in ${name}`);
    expect(leaks).toEqual([]);
  });

  test('no comments, defined names, tables, custom properties or hidden sheets', () => {
    const names = [...parts.keys()];
    expect(names.filter((n) => /comments|vmlDrawing|tables\/|custom\.xml|externalLink|vbaProject/.test(n))).toEqual([]);
    const workbookXml = parts.get('xl/workbook.xml')!;
    expect(workbookXml).not.toMatch(/<definedName\b/);
    expect(workbookXml).not.toMatch(/state="(very)?[hH]idden"/);
  });

  test('document properties name only the product', () => {
    const core = parts.get('docProps/core.xml')!;
    expect(core).toMatch(/<dc:creator>Key Account Planner<\/dc:creator>/);
    for (const tag of ['dc:subject', 'cp:keywords', 'cp:category', 'dc:description']) expect(core).not.toMatch(new RegExp(`<${tag}>[^<]`));
    expect(parts.get('docProps/app.xml')!).not.toMatch(/<(Company|Manager)>[^<]/);
  });

  test('every shared value is a cell of the copy', () => {
    expect(plan.shared.filter((s) => !cells.has(s))).toEqual([]);
  });

  test('formula-looking text is string cells marked as text, never formulas', () => {
    const sheets = [...parts.entries()].filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    for (const [, xml] of sheets) expect(xml).not.toMatch(/<f[ >]/);
    for (const s of plan.dangerous) expect(cells.has(s)).toBe(true);
    // Each dangerous text is a shared string, and the cells that show it are string cells (t="s").
    const strings = sharedStrings(parts.get('xl/sharedStrings.xml') ?? '');
    const stringCells = sheets.flatMap(([, xml]) => [...xml.matchAll(/<c\b[^>]*\bt="s"[^>]*><v>(\d+)<\/v>/g)].map((m) => strings[Number(m[1])]));
    for (const s of plan.dangerous) expect(stringCells).toContain(s);
    expect(parts.get('xl/styles.xml')!).toMatch(/quotePrefix="1"/);
  });
});

/** The shared-string table as plain text, in index order. */
function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) =>
    [...si[1].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)]
      .map((t) => t[1])
      .join('')
      .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
