// The leak test for the Sheets add-on's client copy: the sentinel plan sits in
// the spreadsheet double as Sheets holds it, the built Code.js's
// prepareClientCopy (what the sidebar calls) filters it, the sidebar's own
// writer (xlsxFile) makes the .xlsx it downloads, and that file carries no
// sentinel in any part, every shared value, formula-looking text only as text,
// while the spreadsheet stays exactly as it was.

import ExcelJS from 'exceljs';
import { ClientCopy } from '../../core/client-copy';
import { LANGUAGES } from '../../core/contract';
import { xlsxFile } from '../../excel-addin/client-copy-file';
import { sentinelPlan, SentinelPlan } from '../fixtures/sentinel-plan';
import { packageParts } from '../safety/xlsx-files';
import { buildAddon, LoadedAddon, loadAddon } from './addon';

let code: string;
beforeAll(() => {
  code = buildAddon();
});

describe.each(LANGUAGES)('the sidebar client copy of the sentinel plan in Sheets (%s)', (lang) => {
  let plan: SentinelPlan;
  let addon: LoadedAddon;
  let before: ReturnType<LoadedAddon['book']['snapshot']>;
  let parts: Map<string, string>;
  let cells: Map<string, ExcelJS.Cell[]>;

  beforeAll(async () => {
    plan = sentinelPlan(lang);
    // Dates become date cells, read back as Date objects in the spreadsheet's time zone, as in Sheets.
    addon = loadAddon(code, plan.input);
    before = addon.book.snapshot();
    // What the sidebar receives through google.script.run (JSON), then turns into the file it downloads.
    const copy = addon.call<ClientCopy>('prepareClientCopy', lang);
    const bytes = xlsxFile(copy.sheets);
    parts = await packageParts(bytes);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(bytes).buffer);
    cells = new Map();
    for (const ws of book.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.set(String(c.value), [...(cells.get(String(c.value)) ?? []), c])));
  });

  test('the spreadsheet holds every sentinel before the copy, so finding none in the copy means something', () => {
    // Sheet names and every cell's text (numbers as their decimal text); a header sentinel carries its [client] marker.
    const held = Object.entries(before)
      .flatMap(([name, sheet]) => [name, ...sheet.values.flat().map(String)])
      .join('\n');
    expect(plan.sentinels.filter((s) => !held.includes(s))).toEqual([]);
  });

  test('no sentinel in any part of the package', () => {
    expect(parts.has('xl/workbook.xml')).toBe(true);
    const leaks: string[] = [];
    for (const [name, text] of parts) for (const s of plan.sentinels) if (text.includes(s)) leaks.push(`${s} in ${name}`);
    expect(leaks).toEqual([]);
  });

  test('no comments, defined names, tables, document properties or hidden sheets', () => {
    expect([...parts.keys()].filter((n) => /comments|vmlDrawing|tables\/|docProps\/|externalLink|vbaProject/.test(n))).toEqual([]);
    const workbookXml = parts.get('xl/workbook.xml')!;
    expect(workbookXml).not.toMatch(/<definedName\b/);
    expect(workbookXml).not.toMatch(/state="(very)?[hH]idden"/);
  });

  test('every shared value is a cell of the copy', () => {
    expect(plan.shared.filter((s) => !cells.has(s))).toEqual([]);
  });

  test('formula-looking text is string cells, never formulas', () => {
    for (const [name, xml] of parts) expect([name, /<f[ >]/.test(xml)]).toEqual([name, false]);
    const strings = inlineStrings(parts);
    for (const s of plan.dangerous) {
      expect(strings).toContain(s);
      for (const cell of cells.get(s) ?? []) expect([s, cell.type, cell.formula]).toEqual([s, ExcelJS.ValueType.String, undefined]);
    }
  });

  test('the spreadsheet is unchanged, cell for cell, and the server only read it', () => {
    expect(addon.book.snapshot()).toEqual(before);
    expect(addon.book.sheets.map((s) => s.name)).toEqual(plan.input.sheets.map((s) => s.name));
    const calls = [...addon.book.calls.byMethod.keys()];
    expect(calls).toContain('Range.getValues');
    expect(calls.filter((m) => /\.(set|insert|clear|delete|copy|add|hide|activate)/i.test(m))).toEqual([]);
  });
});

/** The text of every inline-string cell (t="inlineStr") in the package's worksheets. */
function inlineStrings(parts: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [name, xml] of parts) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    for (const m of xml.matchAll(/<c\b[^>]*\bt="inlineStr"[^>]*><is><t\b[^>]*>([\s\S]*?)<\/t><\/is><\/c>/g)) {
      out.push(m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
    }
  }
  return out;
}
