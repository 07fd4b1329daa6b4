// What every host's client-copy file must show, checked on the .xlsx package
// itself: no sentinel in any part, no comments, names, tables, properties or
// hidden sheets, every shared value present, and formula-looking text stored
// as quote-prefixed text, never as a formula. The add-ins' leak tests share it.

import ExcelJS from 'exceljs';
import { SentinelPlan } from '../fixtures/sentinel-plan';
import { packageParts } from './xlsx-files';

export interface CopyPackage {
  parts: Map<string, string>;
  /** The copy's cells by their value as text, read back by ExcelJS. */
  cells: Map<string, ExcelJS.Cell[]>;
  /** Each inline-string cell's text, and whether its style carries the quote prefix. */
  inlineText: Map<string, boolean>;
}

export async function readCopyPackage(bytes: Uint8Array): Promise<CopyPackage> {
  const parts = await packageParts(bytes);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(bytes).buffer);
  const cells = new Map<string, ExcelJS.Cell[]>();
  for (const ws of book.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.set(String(c.value), [...(cells.get(String(c.value)) ?? []), c])));
  const styles = parts.get('xl/styles.xml') ?? '';
  const xfs = [...styles.slice(styles.indexOf('<cellXfs')).matchAll(/<xf\b[^>]*\/>/g)].map((m) => m[0]);
  const inlineText = new Map<string, boolean>();
  for (const [name, xml] of parts) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    for (const m of xml.matchAll(/<c\b([^>]*)\bt="inlineStr"[^>]*><is><t\b[^>]*>([\s\S]*?)<\/t><\/is><\/c>/g)) {
      const style = /\bs="(\d+)"/.exec(m[1]);
      const text = m[2].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
      inlineText.set(text, style !== null && /quotePrefix="1"/.test(xfs[Number(style[1])] ?? ''));
    }
  }
  return { parts, cells, inlineText };
}

/** Registers the package tests; `get` is called inside each test, after the suite's beforeAll made the copy. */
export function describeCopyPackage(get: () => { plan: SentinelPlan; copy: CopyPackage }): void {
  test('no sentinel in any part of the package', () => {
    const { plan, copy } = get();
    expect(copy.parts.has('xl/workbook.xml')).toBe(true);
    const leaks: string[] = [];
    for (const [name, text] of copy.parts) for (const s of plan.sentinels) if (text.includes(s)) leaks.push(`${s} in ${name}`);
    expect(leaks).toEqual([]);
  });

  test('no comments, defined names, tables, document properties or hidden sheets', () => {
    const { copy } = get();
    expect([...copy.parts.keys()].filter((n) => /comments|vmlDrawing|tables\/|docProps\/|externalLink|vbaProject/.test(n))).toEqual([]);
    const workbookXml = copy.parts.get('xl/workbook.xml')!;
    expect(workbookXml).not.toMatch(/<definedName\b/);
    expect(workbookXml).not.toMatch(/state="(very)?[hH]idden"/);
  });

  test('every shared value is a cell of the copy', () => {
    const { plan, copy } = get();
    expect(plan.shared.filter((s) => !copy.cells.has(s))).toEqual([]);
  });

  test('formula-looking text is quote-prefixed string cells, never formulas', () => {
    const { plan, copy } = get();
    for (const [name, xml] of copy.parts) expect([name, /<f[ >]/.test(xml)]).toEqual([name, false]);
    for (const s of plan.dangerous) {
      expect([s, copy.inlineText.get(s)]).toEqual([s, true]);
      for (const cell of copy.cells.get(s) ?? []) expect([s, cell.type, cell.formula]).toEqual([s, ExcelJS.ValueType.String, undefined]);
    }
    // Ordinary text carries no prefix: the mark is for what a spreadsheet would run.
    expect(copy.inlineText.get(plan.shared.find((v) => /^[A-Za-z]/.test(v))!)).toBe(false);
  });
}
