// The Excel adapter: the task pane's PaneHost built on Office.js. Every Excel.run
// body is an exported function taking the request context, so tests drive it
// with an in-memory double. It only moves 2-D arrays and formats in batches, in
// a fixed number of syncs whatever the row count; every decision is the core's.

import { a1, columnLetter } from '../core/a1';
import { approvalBlocks, approvalCellsForSelection, ApprovalOutcome, approvalOutcome, SelectedRows } from '../core/approval';
import { checkPlan, CheckResult } from '../core/check';
import { Language, sheetKeyOf } from '../core/contract';
import { clientCopyWorkbook } from './client-copy-file';
import { hostValues, isDate, isFormula, LayoutCell, NUMBER_FORMATS } from '../core/layout/cells';
import { reviewInputOf, reviewLayout } from '../core/layout/review';
import { PrintSetup, titleRowsReference } from '../core/layout/print';
import { SheetLayout, templateLayout } from '../core/layout/template';
import { PaneCheckView, paneView } from '../core/pane-view';
import { readPlan, SheetGrid, WorkbookInput } from '../core/read';
import { Day, dayFromParts } from '../core/values';
import type { PaneHost } from '../ui/pane-host';

/** The part of the `Excel` global the adapter uses. */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  createWorkbook(base64File?: string): Promise<void>;
}

/**
 * Largest payload one write may carry. Excel on the web rejects a request
 * over 5 MB; a sync sends everything queued as one request, so the adapter
 * keeps each block well under it and the benchmark measures whole requests.
 */
export const WRITE_CHUNK_BYTES = 1024 * 1024;

/** Excel column widths are in points; the layout gives them in characters of the default font. */
const POINTS_PER_CHARACTER = 5.6;

type HostValue = string | number | boolean;

/**
 * What this Excel offers beyond the manifest's ExcelApi 1.8. Merged areas
 * (ExcelApi 1.13) are read where Excel has them, so the check reports merged
 * cells as kap does; older Excel checks everything else the same.
 */
export interface ExcelFeatures {
  mergedAreas: boolean;
  /** A selection of several areas (Ctrl+click) is read whole (ExcelApi 1.9); older Excel reads one area. */
  selectedRanges?: boolean;
  /** Sheets the add-in makes get the core's print setup (worksheet.pageLayout, ExcelApi 1.9); older Excel prints them as it would. */
  pageLayout?: boolean;
}

export const NO_EXTRA_FEATURES: ExcelFeatures = { mergedAreas: false, selectedRanges: false, pageLayout: false };

/** The plan sheets as the core reads them, and every sheet name in the workbook. */
export interface WorkbookRead {
  names: string[];
  input: WorkbookInput;
}

/** Rows `from..to` (1-based, inclusive) of one sheet, read in one of the two value requests. */
interface ReadPiece {
  sheet: number;
  from: number;
  to: number;
  columns: number;
}

/**
 * Splits the plan sheets' rows into two requests of about the same number of
 * cells, cutting a sheet between rows where needed. Excel on the web rejects a
 * response over 5 MB, and a plan of 10,000 rows per sheet is about 7 MB of
 * values; two requests, whatever the size, keep the sync count fixed and each
 * response under the limit up to about 10 MB of plan (bench/excel.ts).
 */
export function splitReads(sizes: readonly { rows: number; columns: number }[]): [ReadPiece[], ReadPiece[]] {
  const total = sizes.reduce((n, s) => n + s.rows * s.columns, 0);
  const half = Math.ceil(total / 2);
  const first: ReadPiece[] = [];
  const second: ReadPiece[] = [];
  let taken = 0;
  sizes.forEach((s, sheet) => {
    if (s.rows === 0 || s.columns === 0) return;
    const room = Math.max(0, half - taken);
    const rowsFirst = Math.min(s.rows, Math.floor(room / s.columns));
    if (rowsFirst > 0) first.push({ sheet, from: 1, to: rowsFirst, columns: s.columns });
    if (rowsFirst < s.rows) second.push({ sheet, from: rowsFirst + 1, to: s.rows, columns: s.columns });
    taken += rowsFirst * s.columns;
  });
  return [first, second];
}

/**
 * Reads every plan sheet in four syncs whatever its size: sheet names, each
 * plan sheet's used range, then its values from A1 to the used range's last
 * cell (so row and column numbers are the sheet's own) in two requests.
 */
export async function readWorkbook(context: Excel.RequestContext, features: ExcelFeatures = NO_EXTRA_FEATURES): Promise<WorkbookRead> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  const planSheets = names.filter((n) => {
    const key = sheetKeyOf(n);
    return key !== undefined && key !== 'review';
  });
  const used = planSheets.map((name) => {
    const range = sheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    return range;
  });
  // Merged areas ride in the same request as the used ranges: no extra sync.
  const merged = features.mergedAreas
    ? planSheets.map((name) => {
        const areas = sheets.getItem(name).getRange().getMergedAreasOrNullObject();
        areas.load('address');
        return areas;
      })
    : [];
  await context.sync();
  const sizes = used.map((range) =>
    range.isNullObject ? { rows: 0, columns: 0 } : { rows: range.rowIndex + range.rowCount, columns: range.columnIndex + range.columnCount },
  );
  const [first, second] = splitReads(sizes);
  const queueRead = (piece: ReadPiece): Excel.Range => {
    const range = sheets.getItem(planSheets[piece.sheet]).getRange(`${a1(piece.from, 1)}:${a1(piece.to, piece.columns)}`);
    range.load('values');
    return range;
  };
  const firstRanges = first.map(queueRead);
  await context.sync();
  const secondRanges = second.map(queueRead);
  await context.sync();
  const grids: SheetGrid[] = planSheets.map((name, i) => {
    const areas = merged[i];
    return areas && !areas.isNullObject ? { name, values: [], merges: mergedRanges(areas.address) } : { name, values: [] };
  });
  [...first, ...second].forEach((piece, i) => {
    const range = i < first.length ? firstRanges[i] : secondRanges[i - first.length];
    for (const row of range.values) grids[piece.sheet].values.push(row);
  });
  return { names, input: { sheets: grids } };
}

/** The A1 ranges of a RangeAreas address (`'Learning plan'!A1:B2,'Learning plan'!D4:E5`). */
export function mergedRanges(address: string): string[] {
  return [...address.matchAll(/!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/g)].map((m) => m[1].replace(/\$/g, ''));
}

/**
 * Create plan: adds the missing sheets and columns in two write requests after
 * the read. Excel runs a request's actions in order and keeps those before a
 * failing one, so each new sheet is built under an unfinished name and takes
 * its plan name last, and a new column's header is written after its formats:
 * a run that stops part-way leaves every plan sheet whole or absent, and the
 * next run removes the unfinished sheet and finishes the job.
 */
export async function createPlan(context: Excel.RequestContext, language: Language, features: ExcelFeatures = NO_EXTRA_FEATURES): Promise<{ added: string[] }> {
  const { names, input } = await readWorkbook(context);
  const layout = templateLayout(input, language);
  const writes = new Writes();
  for (const sheet of layout.sheets) {
    queueSheetLayout(context, sheet, layout.language, names, writes, features);
    writes.nextSheet();
  }
  // Two requests of about equal size, in order: each stays under 5 MB up to about 10 MB of template (bench/excel.ts).
  const [first, second] = writes.halves();
  for (const write of first) write();
  await context.sync();
  for (const write of second) write();
  await context.sync();
  return { added: addedNames(layout.sheets) };
}

const UNFINISHED: Record<Language, string> = { en: 'unfinished', es: 'sin terminar' };

/** The name a sheet has while it is being built (`Capacity (unfinished)`), within Excel's 31 characters. */
export function unfinishedName(name: string, language: Language): string {
  const suffix = ` (${UNFINISHED[language]})`;
  return `${name.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
}

/** What Create plan added, in words the KAM recognises: new sheets, and "Sheet: Column" for new columns or fields. */
export function addedNames(sheets: readonly SheetLayout[]): string[] {
  const added: string[] = [];
  for (const s of sheets) {
    if (s.isNew) {
      added.push(s.name);
      continue;
    }
    if (s.key === 'plan') {
      for (const row of s.blocks[0]?.values ?? []) if (typeof row[0] === 'string') added.push(`${s.name}: ${row[0]}`);
      continue;
    }
    const header = s.blocks.find((b) => b.row === s.headerCells.row);
    for (const v of header?.values[0] ?? []) if (typeof v === 'string') added.push(`${s.name}: ${v}`);
  }
  return added;
}

/**
 * Bytes the library adds to a request for one write besides its values: the
 * Instantiate, _KeepReference and SetProperty actions and the object paths of
 * `sheet.getRange(address).property = ...` (measured on the real library,
 * bench/excel.ts).
 */
const BYTES_PER_WRITE = 700;

/** Writes to queue, in order, with the size each adds to its request; split into two requests of about equal size. */
export class Writes {
  private readonly list: { bytes: number; write: () => void; sheet: number }[] = [];
  private sheet = 0;
  add(bytes: number, write: () => void): void {
    this.list.push({ bytes: bytes + BYTES_PER_WRITE, write, sheet: this.sheet });
  }
  /** Writes added from now on belong to the next sheet. */
  nextSheet(): void {
    this.sheet++;
  }
  /**
   * Two requests of about equal size. Where it keeps both under the budget,
   * the cut falls between sheets, so a request Excel refuses whole leaves
   * each sheet either whole or not there at all; otherwise it falls where the
   * bytes split evenly (a sheet cut across the two requests is still built
   * under its unfinished name until its last write).
   */
  halves(budget = SPLIT_BUDGET_BYTES): [(() => void)[], (() => void)[]] {
    const total = this.list.reduce((n, w) => n + w.bytes, 0);
    let best: { at: number; larger: number } | undefined;
    let taken = 0;
    this.list.forEach((w, i) => {
      if (i > 0 && w.sheet !== this.list[i - 1].sheet) {
        const larger = Math.max(taken, total - taken);
        if (!best || larger < best.larger) best = { at: i, larger };
      }
      taken += w.bytes;
    });
    let cut = best && best.larger <= budget ? best.at : this.list.length;
    if (!best || best.larger > budget) {
      taken = 0;
      cut = this.list.findIndex((w) => (taken += w.bytes) > total / 2);
      cut = cut < 0 ? this.list.length : cut + 1;
    }
    return [this.list.slice(0, cut).map((w) => w.write), this.list.slice(cut).map((w) => w.write)];
  }
}

/** The most one of Create's two requests may carry when cut between sheets: under Excel on the web's 5 MB. */
const SPLIT_BUDGET_BYTES = 4 * 1024 * 1024;

/** Writes queued straight into the request, for actions that write in one sync. */
const DIRECT: Pick<Writes, 'add'> = { add: (_bytes, write) => write() };

/**
 * Queues one sheet's layout. Proxies are made inside the writes, so each
 * object's Instantiate action lands in the request that uses it, after the
 * `worksheets.add` that makes it (Excel resolves a path when its Instantiate
 * action runs).
 */
function queueSheetLayout(context: Excel.RequestContext, layout: SheetLayout, language: Language, names: readonly string[], writes: Pick<Writes, 'add'>, features: ExcelFeatures): void {
  const sheets = context.workbook.worksheets;
  const building = unfinishedName(layout.name, language);
  let proxy: Excel.Worksheet | undefined;
  const sheet = (): Excel.Worksheet => (proxy ??= layout.isNew ? sheets.add(building) : sheets.getItem(layout.name));
  if (layout.isNew) {
    // A sheet left unfinished by a run that stopped part-way is built again from scratch.
    if (names.some((n) => n.toLowerCase() === building.toLowerCase())) writes.add(building.length, () => sheets.getItem(building).delete());
    writes.add(building.length, () => void sheet());
    for (const block of layout.blocks) queueValues(sheet, block.row, block.column, block.values, writes);
  }
  const header = layout.headerCells;
  if (header.columns.length > 0) {
    const first = Math.min(...header.columns);
    const last = Math.max(...header.columns);
    writes.add(40, () => void (sheet().getRange(`${a1(header.row, first)}:${a1(header.row, last)}`).format.font.bold = true));
  }
  for (const f of layout.formats) {
    const letter = columnLetter(f.column - 1);
    const width = f.width;
    if (width !== undefined) writes.add(40, () => void (sheet().getRange(`${letter}${f.fromRow}`).format.columnWidth = Math.round(width * POINTS_PER_CHARACTER)));
    const format = f.numberFormat;
    if (format !== undefined) {
      const rows = f.toRow - f.fromRow + 1;
      queueChunks(rows, format.length + 6, (from, count) =>
        writes.add(count * (format.length + 6), () => {
          sheet().getRange(`${letter}${f.fromRow + from}:${letter}${f.fromRow + from + count - 1}`).numberFormat = Array.from({ length: count }, () => [format]);
        }),
      );
    }
    const list = f.list;
    if (list !== undefined) {
      writes.add(60 + list.join(',').length, () => {
        const validation = sheet().getRange(`${letter}${f.fromRow}:${letter}${f.toRow}`).dataValidation;
        // A column added to an existing sheet may carry a rule from a run that stopped before its header.
        if (!layout.isNew) validation.clear();
        validation.rule = { list: { inCellDropDown: true, source: list.join(',') } };
      });
    }
  }
  if (layout.freezeRows > 0) writes.add(20, () => sheet().freezePanes.freezeRows(layout.freezeRows));
  const tableLayout = layout.table;
  if (tableLayout) {
    writes.add(80, () => {
      const table = sheet().tables.add(sheet().getRange(tableLayout.range), true);
      table.name = tableLayout.name;
      table.style = 'TableStyleLight9';
    });
  }
  // Only a sheet the add-in made: a sheet of the user's keeps the print setup it has.
  if (layout.isNew && features.pageLayout) writes.add(200, () => setPrintSetup(sheet(), layout.print));
  if (layout.isNew) {
    writes.add(layout.name.length, () => void (sheet().name = layout.name));
  } else {
    // New headers (and Plan field names) last: until they are there, the next run sees the column as missing and writes it again.
    for (const block of [...layout.blocks].reverse()) queueValues(sheet, block.row, block.column, block.values, writes);
  }
}

/** Points per inch: Excel's page layout takes margins in points, the core gives them in inches. */
const POINTS_PER_INCH = 72;

/** The core's print setup (core/layout/print.ts) on one sheet, queued in the current request (ExcelApi 1.9). */
function setPrintSetup(sheet: Excel.Worksheet, print: PrintSetup): void {
  const page = sheet.pageLayout;
  page.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.zoom = { horizontalFitToPages: print.fitWidth, verticalFitToPages: print.fitHeight };
  const m = print.margins;
  page.leftMargin = m.left * POINTS_PER_INCH;
  page.rightMargin = m.right * POINTS_PER_INCH;
  page.topMargin = m.top * POINTS_PER_INCH;
  page.bottomMargin = m.bottom * POINTS_PER_INCH;
  page.headerMargin = m.header * POINTS_PER_INCH;
  page.footerMargin = m.footer * POINTS_PER_INCH;
  const titles = titleRowsReference(print);
  if (titles) page.setPrintTitleRows(titles);
}

/**
 * Queues a block of layout cells at (row, column), split into row chunks of at
 * most WRITE_CHUNK_BYTES. A block holding formulas goes through
 * `range.formulas`, which Excel always reads as en-US whatever the user's
 * locale; every other block through `range.values`. Text is made inert by
 * the core either way (core/inert.ts).
 */
function queueValues(sheet: () => Excel.Worksheet, row: number, column: number, cells: LayoutCell[][], writes: Pick<Writes, 'add'>): void {
  const values = hostValues(cells);
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  if (values.length === 0 || width === 0) return;
  const rows = values.map((r) => (r.length === width ? r : [...r, ...Array<HostValue>(width - r.length).fill('')]));
  const withFormulas = cells.some((r) => r.some(isFormula));
  let start = 0;
  let bytes = 0;
  const flush = (end: number): void => {
    if (end <= start) return;
    const [from, chunk] = [start, rows.slice(start, end)];
    writes.add(bytes, () => {
      const range = sheet().getRange(`${a1(row + from, column)}:${a1(row + from + chunk.length - 1, column + width - 1)}`);
      if (withFormulas) range.formulas = chunk;
      else range.values = chunk;
    });
    start = end;
    bytes = 0;
  };
  rows.forEach((r, i) => {
    const size = JSON.stringify(r).length;
    if (bytes + size > WRITE_CHUNK_BYTES) flush(i);
    bytes += size;
  });
  flush(rows.length);
  // Dates arrive as serial numbers: give their cells a date format so they read as dates.
  cells.forEach((r, i) =>
    r.forEach((c, j) => {
      if (isDate(c)) writes.add(30, () => void (sheet().getRange(a1(row + i, column + j)).numberFormat = [[NUMBER_FORMATS.date]]));
    }),
  );
}

/** Calls `queue(from, count)` for consecutive row chunks whose estimated size stays under WRITE_CHUNK_BYTES. */
function queueChunks(rows: number, bytesPerRow: number, queue: (from: number, count: number) => void): void {
  const perChunk = Math.max(1, Math.floor(WRITE_CHUNK_BYTES / bytesPerRow));
  for (let from = 0; from < rows; from += perChunk) queue(from, Math.min(perChunk, rows - from));
}

/** Check plan: reads the plan sheets (four syncs) and runs the core's check. */
export async function checkWorkbook(
  context: Excel.RequestContext,
  language: Language,
  asOf: Day,
  features: ExcelFeatures = NO_EXTRA_FEATURES,
): Promise<PaneCheckView> {
  const { input } = await readWorkbook(context, features);
  return paneView(runCheck(input, language, asOf), asOf);
}

function runCheck(input: WorkbookInput, language: Language, asOf: Day): CheckResult {
  return checkPlan(input, { asOf, language });
}

/**
 * Write review: reads, checks, and writes the Review sheet in one request
 * (five syncs). The new Review is built under an unfinished name and replaces
 * the old one (deleted, then renamed into its place) only at the end of the
 * request, so a request that stops part-way leaves the old Review as it was.
 */
export async function writeReview(
  context: Excel.RequestContext,
  language: Language,
  asOf: Day,
  features: ExcelFeatures = NO_EXTRA_FEATURES,
): Promise<{ sheet: string; findings: number }> {
  const { names, input } = await readWorkbook(context, features);
  const result = runCheck(input, language, asOf);
  const layout = reviewLayout(reviewInputOf(result, asOf), names);
  const sheets = context.workbook.worksheets;
  const building = unfinishedName(layout.name, language);
  const has = (name: string): boolean => names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (has(building)) sheets.getItem(building).delete();
  const sheet = sheets.add(building);
  queueValues(() => sheet, 1, 1, layout.values, DIRECT);
  const width = layout.values[0]?.length ?? 1;
  for (const row of layout.headerRows) sheet.getRange(`${a1(row, 1)}:${a1(row, width)}`).format.font.bold = true;
  for (const f of layout.formats) {
    if (f.width !== undefined) sheet.getRange(a1(1, f.column)).format.columnWidth = Math.round(f.width * POINTS_PER_CHARACTER);
    if (f.wrap) sheet.getRange(`${a1(f.fromRow, f.column)}:${a1(f.toRow, f.column)}`).format.wrapText = true;
  }
  // Every cell sits at the top of its row, beside the first line of any wrapped text, and rows grow to fit it.
  const whole = sheet.getRange(`A1:${a1(layout.values.length, width)}`);
  whole.format.verticalAlignment = 'Top';
  whole.format.autofitRows();
  if (layout.freezeRows > 0) sheet.freezePanes.freezeRows(layout.freezeRows);
  if (features.pageLayout) setPrintSetup(sheet, layout.print);
  // The Review sheet is the check's own: the old one is replaced whole, never edited.
  if (has(layout.name)) sheets.getItem(layout.name).delete();
  sheet.name = layout.name;
  sheet.activate();
  await context.sync();
  return { sheet: layout.name, findings: result.findings.length };
}

/** A click on a finding: shows its sheet and selects its cell (one sync). */
export async function selectCell(context: Excel.RequestContext, sheetName: string, cell: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
  await context.sync();
}

/** Prepare client copy: reads the plan (four syncs) and returns the client copy as a base64 .xlsx. */
export async function clientCopyFile(context: Excel.RequestContext, language: Language): Promise<string> {
  const { input } = await readWorkbook(context);
  return clientCopyWorkbook(input, language);
}

/**
 * Approve: the commitments on the selected rows get their Approved by,
 * Approval date and Approved terms, and no other cell changes. The selection
 * is read with the plan (four syncs), the core decides the cells, and they are
 * written as one range per column and run of rows, in one more sync.
 */
export async function approveSelected(context: Excel.RequestContext, language: Language, by: string, on: Day, features: ExcelFeatures = NO_EXTRA_FEATURES): Promise<ApprovalOutcome> {
  // Loaded here, sent with readWorkbook's first request: no sync of its own.
  const selection = features.selectedRanges ? context.workbook.getSelectedRanges() : context.workbook.getSelectedRange();
  selection.load('address');
  const { input } = await readWorkbook(context, features);
  const { plan } = readPlan(input, language);
  const result = approvalCellsForSelection(plan, selectionRows(selection.address), { by, on }, language);
  const sheetName = plan.sheets.commitments?.name ?? '';
  if (result.ok) {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    for (const block of approvalBlocks(result.cells)) {
      const range = sheet.getRange(`${a1(block.row, block.column)}:${a1(block.row + block.values.length - 1, block.column)}`);
      range.values = hostValues(block.values);
      // Dates arrive as serial numbers: the date cells get a date format so they read as dates.
      if (block.values.some(([v]) => isDate(v))) range.numberFormat = block.values.map(() => [NUMBER_FORMATS.date]);
    }
    await context.sync();
  }
  return approvalOutcome(result, { by, on }, sheetName);
}

/**
 * The rows of a selection's address: `Commitments!A2:C4`, `'Learning plan'!B3`,
 * `Commitments!A:A` (a whole column), `Commitments!3:5` (whole rows), several
 * areas separated by commas.
 */
export function selectionRows(address: string): SelectedRows[] {
  const rows: SelectedRows[] = [];
  for (const m of address.matchAll(/(?:'((?:[^']|'')+)'|([^'!,]+))!\$?([A-Z]{0,3})\$?(\d*)(?::\$?([A-Z]{0,3})\$?(\d*))?/gi)) {
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    const top = m[4] === '' ? 1 : Number(m[4]);
    const end = m[6] === undefined ? m[4] : m[6];
    const bottom = end === '' ? EXCEL_ROWS : Number(end);
    rows.push({ sheet, top: Math.min(top, bottom), bottom: Math.max(top, bottom) });
  }
  return rows;
}

/** Excel's last row: a whole-column selection reaches it. */
const EXCEL_ROWS = 1048576;

/** Today in the user's own time zone, which is what "overdue" means to them. */
export function today(now: Date = new Date()): Day {
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

const CLIENT_COPY_OPENED: Record<Language, string> = {
  en: 'The client copy opened as a new workbook. Save it and send it to the client.',
  es: 'La copia para el cliente se abrió como un libro nuevo. Guárdela y envíela al cliente.',
};

/** The PaneHost the Excel task pane talks to. */
export function excelPaneHost(excel: ExcelApi, clock: () => Day = () => today(), features: ExcelFeatures = NO_EXTRA_FEATURES): PaneHost {
  return {
    createPlan: (language) => excel.run((context) => createPlan(context, language, features)),
    checkPlan: (language) => excel.run((context) => checkWorkbook(context, language, clock(), features)),
    writeReview: (language) => excel.run((context) => writeReview(context, language, clock(), features)),
    selectCell: (sheet, cell) => excel.run((context) => selectCell(context, sheet, cell)),
    approveCommitments: (language, by) => excel.run((context) => approveSelected(context, language, by, clock(), features)),
    prepareClientCopy: async (language) => {
      const file = await excel.run((context) => clientCopyFile(context, language));
      await excel.createWorkbook(file);
      return { message: CLIENT_COPY_OPENED[language] };
    },
  };
}
