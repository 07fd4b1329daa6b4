// The leak test for the Excel add-in's *Prepare client copy*: the sentinel plan
// sits in the Office.js double as Excel holds it, the pane's own action runs,
// and the .xlsx it hands to Excel.createWorkbook carries no sentinel in any
// part, every shared value, formula-looking text only as text, and leaves the
// plan workbook exactly as it was.

import ExcelJS from 'exceljs';
import { LANGUAGES } from '../../core/contract';
import { excelPaneHost } from '../../excel-addin/excel-host';
import { sentinelPlan, SentinelPlan } from '../fixtures/sentinel-plan';
import { packageParts } from '../safety/xlsx-files';
import { OfficeDouble } from './office-double';
import { doubleWith, excelOf, snapshotOf } from './workbook-double';

describe.each(LANGUAGES)('Prepare client copy on the sentinel plan in Excel (%s)', (lang) => {
  let plan: SentinelPlan;
  let office: OfficeDouble;
  let before: ReturnType<typeof snapshotOf>;
  let message: string;
  let parts: Map<string, string>;
  let cells: Map<string, ExcelJS.Cell[]>;

  beforeAll(async () => {
    plan = sentinelPlan(lang);
    // Dates become serial numbers and '=' text stays text (typed with an apostrophe), as Excel's `values` holds them.
    office = doubleWith(plan.input);
    before = snapshotOf(office);
    ({ message } = await excelPaneHost(excelOf(office)).prepareClientCopy(lang));
    const bytes = Buffer.from(office.workbook.createdWorkbooks[0] ?? '', 'base64');
    parts = await packageParts(bytes);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(bytes).buffer);
    cells = new Map();
    for (const ws of book.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.set(String(c.value), [...(cells.get(String(c.value)) ?? []), c])));
  });

  test('the plan workbook holds every sentinel before the copy, so finding none in the copy means something', () => {
    // Sheet names and every cell's text (numbers as their decimal text); a header sentinel carries its [client] marker.
    const held = Object.entries(before)
      .flatMap(([name, sheet]) => [name, ...Object.values(sheet).map(String)])
      .join('\n');
    expect(plan.sentinels.filter((s) => !held.includes(s))).toEqual([]);
  });

  test('opens exactly one new workbook and says so', () => {
    expect(office.workbook.createdWorkbooks).toHaveLength(1);
    expect(message).toMatch(lang === 'es' ? /libro nuevo/ : /new workbook/);
    expect(parts.has('xl/workbook.xml')).toBe(true);
  });

  test('no sentinel in any part of the package', () => {
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

  test('formula-looking text carries the quote prefix, so a client who edits the cell still has text', () => {
    const styles = parts.get('xl/styles.xml')!;
    const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf\b[^>]*\/>/g)].map((m) => m[0]);
    const quoted = new Map<string, boolean>();
    for (const [name, xml] of parts) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
      for (const m of xml.matchAll(/<c\b([^>]*)\bt="inlineStr"[^>]*><is><t\b[^>]*>([\s\S]*?)<\/t><\/is><\/c>/g)) {
        const style = /\bs="(\d+)"/.exec(m[1]);
        const text = m[2].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
        quoted.set(text, style !== null && /quotePrefix="1"/.test(xfs[Number(style[1])] ?? ''));
      }
    }
    for (const d of plan.dangerous) expect([d, quoted.get(d)]).toEqual([d, true]);
    expect(quoted.get(plan.shared.find((v) => /^[A-Za-z]/.test(v))!)).toBe(false);
  });

  test('the plan workbook is unchanged, cell for cell', () => {
    expect(snapshotOf(office)).toEqual(before);
    expect(office.workbook.sheets.map((s) => s.name)).toEqual(plan.input.sheets.map((s) => s.name));
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
