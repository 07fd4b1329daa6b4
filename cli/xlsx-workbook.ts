// ExcelJS for the workbooks kap makes from nothing (`kap new` on a new file,
// `kap sample`, the client copy, test fixtures): the core's template applied
// to a fresh workbook, and a safe save. A workbook the user already has is
// never written through here (see package-writer.ts). It decides nothing
// about the plan; the core does.

import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { columnLetter } from '../core/a1';
import { checkPlan } from '../core/check';
import { needsQuote } from '../core/inert';
import { isDate, isFormula, LayoutCell, NUMBER_FORMATS } from '../core/layout/cells';
import { blockCells, HEADER_LINES, LINE_POINTS, PrintSetup, titleRowsReference, wrappedRowLines } from '../core/layout/print';
import { ColumnFormat, SheetLayout, TemplateLayout } from '../core/layout/template';
import { SheetGrid, WorkbookInput } from '../core/read';
import { Day } from '../core/values';
import { atomicWrite, replaceProblem, WriteFailed } from './file-safety';
import { guardWholeXlsx } from './xlsx-guard';
import { fileProblem, oneLine, UnreadableWorkbook } from './unreadable-workbook';

export { oneLine, UnreadableWorkbook } from './unreadable-workbook';

let excelJsModule: typeof ExcelJS | undefined;

/**
 * ExcelJS, loaded the first time a workbook is made: loading it takes longer
 * than `kap check` takes to read a 10,000-row plan, and the check never needs it.
 */
function excelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; `import()` would make every caller async
  return (excelJsModule ??= require('exceljs') as typeof ExcelJS);
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
const HEADER_BORDER: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF7F9DB9' } } };
const MS_PER_DAY = 86400000;
/** What ExcelJS does at run time but leaves out of its typings: sheet order and range-wide validations. */
type Worksheet = ExcelJS.Worksheet & {
  orderNo: number;
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/** Rows shared by every blank row of a grid: the core reads, never writes, the grids it is given. */
const BLANK_ROW: unknown[] = Object.freeze([]) as unknown as unknown[];

/** A plan workbook on disk, opened with ExcelJS. */
export class PlanWorkbook {
  private constructor(readonly workbook: ExcelJS.Workbook) {}

  /** A workbook with no sheets yet, for `kap new` and `kap sample` on a new file. */
  static empty(): PlanWorkbook {
    const workbook = new (excelJs().Workbook)();
    workbook.creator = 'Key Account Planner';
    return new PlanWorkbook(workbook);
  }

  /**
   * A workbook holding these grids as plain cells, as a user would have typed
   * them (dates get a date format): fixtures and the benchmark build files so.
   */
  static fromGrids(input: WorkbookInput): PlanWorkbook {
    const book = PlanWorkbook.empty();
    for (const sheet of input.sheets) {
      const ws = book.workbook.addWorksheet(sheet.name);
      const top = sheet.firstRow ?? 1;
      const left = sheet.firstColumn ?? 1;
      sheet.values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === null || v === undefined) return;
          const cell = ws.getCell(top + i, left + j);
          if (v instanceof Date) {
            cell.value = v;
            cell.numFmt = NUMBER_FORMATS.date;
          } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
            cell.value = v;
          } else if (typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string') {
            cell.value = { error: (v as { error: string }).error } as ExcelJS.CellErrorValue;
          }
        }),
      );
      for (const range of sheet.merges ?? []) ws.mergeCells(range);
    }
    return book;
  }

  /** Opens an .xlsx file; anything that is not a readable workbook throws UnreadableWorkbook with the reason. */
  static async open(file: string): Promise<PlanWorkbook> {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      throw new UnreadableWorkbook(`${file}: ${fileProblem(e)}`);
    }
    // The guard refuses, before ExcelJS parses anything, what kap must not open (damaged, encrypted, macros, zip bombs).
    const guarded = guardWholeXlsx(bytes);
    if (!guarded.ok) throw new UnreadableWorkbook(`${file}: ${guarded.reason}`);
    const workbook = new (excelJs().Workbook)();
    try {
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch (e) {
      throw new UnreadableWorkbook(`${file}: the file is damaged or not an .xlsx workbook (${oneLine(e)})`);
    }
    if (workbook.worksheets.length === 0) throw new UnreadableWorkbook(`${file}: the file holds no worksheets, so it is not an .xlsx workbook`);
    return new PlanWorkbook(workbook);
  }

  sheetNames(): string[] {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  /** Every sheet as the core reads it: plain values, trailing empty rows left out. */
  input(): WorkbookInput {
    return { sheets: this.workbook.worksheets.map(sheetGrid) };
  }

  /** Writes what the template layout says is missing; touches nothing else. */
  applyTemplate(layout: TemplateLayout): void {
    for (const sheet of layout.sheets) this.applySheet(sheet);
    this.fillCapacityResults();
    // Excel recalculates the live formulas on open; the cached results serve viewers that do not.
    this.workbook.calcProperties.fullCalcOnLoad = true;
  }

  /** The workbook as .xlsx bytes, with every formula-looking text cell marked as text for Excel. */
  async toBuffer(): Promise<Buffer> {
    const written = Buffer.from(await this.workbook.xlsx.writeBuffer());
    const quoted = this.quotedCells();
    return quoted.size === 0 ? written : markQuotePrefix(written, quoted);
  }

  /** Saves to `file` through a temporary file in the same folder, so a failure never leaves half a file. */
  async save(file: string, options: { force?: boolean } = {}): Promise<void> {
    await writeFileSafely(file, await this.toBuffer(), options);
  }

  private applySheet(layout: SheetLayout): void {
    const ws = layout.isNew ? this.workbook.addWorksheet(layout.name) : this.workbook.getWorksheet(layout.name);
    if (!ws) return;
    for (const block of layout.blocks) writeBlock(ws, block.row, block.column, block.values);
    for (const format of layout.formats) applyFormat(ws as Worksheet, format, layout.isNew);
    for (const column of layout.headerCells.columns) styleHeader(ws.getCell(layout.headerCells.row, column));
    if (layout.freezeRows > 0) ws.views = [{ state: 'frozen', ySplit: layout.freezeRows, xSplit: 0, topLeftCell: `A${layout.freezeRows + 1}` }];
    // A new sheet's header row has room for two-line headers; a user's own header row keeps its height.
    if (layout.isNew) {
      // Every body cell at the top of its row, beside the first line of any wrapped text.
      ws.eachRow((r, n) => n > layout.headerCells.row && r.eachCell((c) => void (c.alignment = { ...c.alignment, vertical: 'top' })));
      for (const [row, n] of wrappedRowLines(blockCells(layout.blocks), layout.formats)) ws.getRow(row).height = n * LINE_POINTS;
      if (layout.headerCells.columns.length > 0) ws.getRow(layout.headerCells.row).height = HEADER_LINES * LINE_POINTS;
    }
    applyPrintSetup(ws, layout.print, layout.isNew);
  }

  /**
   * Gives every live Capacity formula the result the core computes for its row
   * (blank where the row names no team), so viewers that show cached results
   * without recalculating show the right figures.
   */
  private fillCapacityResults(): void {
    const result = checkPlan(this.input(), { asOf: 0 });
    const found = result.plan.sheets.capacity;
    if (!found) return;
    const ws = this.workbook.getWorksheet(found.name);
    if (!ws) return;
    const loads = new Map(result.capacity.map((c) => [c.row, c]));
    const columns: [number | undefined, 'committedHours' | 'committedCost'][] = [
      [found.columns.committedHours, 'committedHours'],
      [found.columns.committedCost, 'committedCost'],
    ];
    for (const [column, key] of columns) {
      if (column === undefined) continue;
      for (let row = found.headerRow + 1; row <= ws.rowCount; row++) {
        const cell = ws.getCell(row, column);
        const value = cell.value;
        if (!isFormulaValue(value) || value.result !== undefined) continue;
        const load = loads.get(row);
        cell.value = { formula: value.formula, result: load ? load[key] : '' } as ExcelJS.CellFormulaValue;
      }
    }
  }

  /** Text cells whose text Excel would read as a formula if the user edited them. */
  private quotedCells(): Map<string, Set<string>> {
    const quoted = new Map<string, Set<string>>();
    for (const ws of this.workbook.worksheets) {
      const cells = new Set<string>();
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && needsQuote(cell.value)) cells.add(cell.address);
        }),
      );
      if (cells.size > 0) quoted.set(ws.name, cells);
    }
    return quoted;
  }
}

function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: unknown[][] = [];
  ws.eachRow((row, rowNumber) => {
    const values: unknown[] = [];
    row.eachCell((cell, column) => {
      const v = plainValue(cell);
      if (v === null || v === '') return;
      while (values.length < column - 1) values.push(null);
      values[column - 1] = v;
    });
    if (values.length === 0) return;
    while (rows.length < rowNumber - 1) rows.push(BLANK_ROW);
    rows[rowNumber - 1] = values;
  });
  return { name: ws.name, values: rows, firstRow: 1, firstColumn: 1, merges: mergesOf(ws) };
}

/** A cell's value as the core reads it: what the user sees, never the formula or the markup behind it. */
export function plainValue(cell: ExcelJS.Cell): unknown {
  if (cell.type === excelJs().ValueType.Merge) return null;
  return plain(cell.value);
}

function plain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return { error: o.error };
  if (Array.isArray(o.richText)) return o.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join('');
  if ('formula' in o || 'sharedFormula' in o) return plain(o.result);
  if ('hyperlink' in o || 'text' in o) return plain(o.text);
  return null;
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  // ExcelJS keeps merges by their top-left cell; the public `model` getter would rebuild every row to list them.
  const merges = (ws as unknown as { _merges?: Record<string, { range?: unknown }> })._merges ?? {};
  return Object.values(merges)
    .map((m) => m?.range)
    .filter((r): r is string => typeof r === 'string');
}

function isFormulaValue(v: unknown): v is ExcelJS.CellFormulaValue {
  return typeof v === 'object' && v !== null && 'formula' in v;
}

/** Writes a block of layout cells; a null leaves the cell as it is. */
function writeBlock(ws: ExcelJS.Worksheet, top: number, left: number, values: LayoutCell[][]): void {
  values.forEach((row, i) => {
    row.forEach((value, j) => {
      if (value === null) return;
      writeCell(ws.getCell(top + i, left + j), value);
    });
  });
}

function writeCell(cell: ExcelJS.Cell, value: Exclude<LayoutCell, null>): void {
  if (isFormula(value)) {
    cell.value = { formula: value.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
  } else if (isDate(value)) {
    cell.value = dateOf(value.date);
    if (!cell.numFmt) cell.numFmt = NUMBER_FORMATS.date;
  } else {
    // A JavaScript string is always written as a string cell: ExcelJS never parses it as a formula.
    cell.value = value;
  }
}

function dateOf(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

/**
 * Width, number format and drop-down list of one column. On an existing sheet
 * a cell that already holds a value keeps its own number format.
 */
function applyFormat(ws: Worksheet, format: ColumnFormat, isNewSheet: boolean): void {
  if (format.width !== undefined) ws.getColumn(format.column).width = format.width;
  if (format.numberFormat) {
    for (let row = format.fromRow; row <= format.toRow; row++) {
      const cell = ws.getCell(row, format.column);
      if (!isNewSheet && cell.value !== null && cell.value !== undefined) continue;
      cell.numFmt = format.numberFormat;
    }
  }
  if (format.wrap) {
    for (let row = format.fromRow; row <= format.toRow; row++) ws.getCell(row, format.column).alignment = { wrapText: true, vertical: 'top' };
  }
  if (format.list && format.list.length > 0) {
    const letter = columnLetter(format.column - 1);
    ws.dataValidations.add(`${letter}${format.fromRow}:${letter}${format.toRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${format.list.map((v) => v.replace(/"/g, '""')).join(',')}"`],
      // A warning, not a stop: the plan reads both languages' labels, so a value from the other language is not wrong.
      showErrorMessage: true,
      errorStyle: 'warning',
    });
  }
}

/** The core's print setup (core/layout/print.ts); a sheet that has one of its own keeps it. */
function applyPrintSetup(ws: ExcelJS.Worksheet, print: PrintSetup, isNewSheet: boolean): void {
  const own = ws.pageSetup;
  const hasOwn = own.fitToPage === true || own.orientation === 'landscape' || (own.scale !== undefined && own.scale !== 100);
  if (isNewSheet || !hasOwn) {
    Object.assign(ws.pageSetup, {
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.fitWidth,
      fitToHeight: print.fitHeight,
      margins: { ...print.margins },
    });
  }
  const titles = titleRowsReference(print);
  if (titles && (isNewSheet || !own.printTitlesRow)) ws.pageSetup.printTitlesRow = titles.replace(/\$/g, '');
}

function styleHeader(cell: ExcelJS.Cell): void {
  cell.font = HEADER_FONT;
  cell.fill = HEADER_FILL;
  cell.border = HEADER_BORDER;
  cell.alignment = { vertical: 'middle', wrapText: true };
}

/**
 * ExcelJS cannot set an xf's quotePrefix, so it is added to the written file:
 * each quoted cell gets a copy of its style with quotePrefix="1", which tells
 * Excel to keep the cell text when the user edits it.
 */
async function markQuotePrefix(xlsx: Buffer, quoted: Map<string, Set<string>>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
  const relsXml = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  const stylesXml = await zip.file('xl/styles.xml')?.async('string');
  if (!workbookXml || !relsXml || !stylesXml) return xlsx;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, ''));
  }
  const sheetFiles = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (name !== undefined && target) sheetFiles.set(unescapeXml(name), `xl/${target}`);
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml);
  if (!cellXfs) return xlsx;
  const xfs: string[] = [...(cellXfs[1].match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [])];
  const quotedStyle = new Map<number, number>();
  const styleFor = (s: number): number => {
    let q = quotedStyle.get(s);
    if (q === undefined) {
      const base = xfs[s] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
      xfs.push(base.replace(/\s+quotePrefix="[^"]*"/, '').replace(/^<xf\b/, '<xf quotePrefix="1"'));
      q = xfs.length - 1;
      quotedStyle.set(s, q);
    }
    return q;
  };
  for (const [sheet, cells] of quoted) {
    const file = sheetFiles.get(sheet);
    const xml = file ? await zip.file(file)?.async('string') : undefined;
    if (!file || xml === undefined) continue;
    const patched = xml.replace(/<c r="([A-Z]+\d+)"([^>]*?)(\/?)>/g, (whole, address: string, attrs: string, slash: string) => {
      if (!cells.has(address)) return whole;
      const s = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
      const rest = attrs.replace(/\s+s="\d+"/, '');
      return `<c r="${address}" s="${styleFor(s)}"${rest}${slash}>`;
    });
    zip.file(file, patched);
  }
  const newCellXfs = cellXfs[0].replace(/^<cellXfs\b[^>]*>[\s\S]*<\/cellXfs>$/, `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>`);
  zip.file('xl/styles.xml', stylesXml.replace(cellXfs[0], newCellXfs));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Writes through a temporary file in the same folder and renames it over the target: the target is whole or untouched. */
export async function writeFileSafely(file: string, data: Buffer, options: { force?: boolean } = {}): Promise<void> {
  const problem = await replaceProblem(file, options);
  if (problem) throw new WriteFailed(problem);
  await atomicWrite(file, data);
}
