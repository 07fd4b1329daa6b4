// The SpreadsheetApp side of the add-on: the open spreadsheet read into the
// grids the core reads, and the core's layouts written back. It decides nothing
// about the plan, and its number of spreadsheet calls per operation depends on
// the sheets and columns of the plan, never on its number of rows.

import { a1, columnLetter } from '../core/a1';
import { Language, sheetKeyOf } from '../core/contract';
import { ArgumentSeparator, argumentSeparatorOf, localizedFormula } from '../core/formula-locale';
import type { ApprovalBlock, SelectedRows } from '../core/approval';
import { hostValue, isDate, isFormula, LayoutCell, NUMBER_FORMATS } from '../core/layout/cells';
import { ReviewLayout } from '../core/layout/review';
import { ColumnFormat, SheetLayout, TemplateLayout } from '../core/layout/template';
import { SheetGrid, WorkbookInput } from '../core/read';

/*
 * The part of SpreadsheetApp the add-on uses. Each interface below is a
 * structural supertype of the real Apps Script class (the `Fits` checks at the
 * end of this block fail to compile if @types/google-apps-script and this
 * surface drift apart), so server.ts hands the real spreadsheet to these
 * functions and the tests hand them the in-memory double.
 */
export type PlanValidationRule = Pick<GoogleAppsScript.Spreadsheet.DataValidation, 'getCriteriaValues'>;

export interface PlanRange {
  getValues(): unknown[][];
  setValues(values: unknown[][]): PlanRange;
  getA1Notation(): string;
  getMergedRanges(): PlanRange[];
  setNumberFormat(numberFormat: string): PlanRange;
  setDataValidations(rules: (PlanValidationRule | null)[][]): PlanRange;
  setFontWeight(fontWeight: 'bold' | 'normal' | null): PlanRange;
  setFontSize(size: number): PlanRange;
  setBackground(color: string | null): PlanRange;
  /** Selects the range and shows its sheet (Spreadsheet.setActiveRange acts on the active sheet only). */
  activate(): PlanRange;
  getSheet(): PlanSheet;
  getRow(): number;
  getNumRows(): number;
}

export interface PlanRangeList {
  setNumberFormat(numberFormat: string): PlanRangeList;
  setFontWeight(fontWeight: 'bold' | 'normal' | null): PlanRangeList;
  setBackground(color: string | null): PlanRangeList;
  setWrap(isWrapEnabled: boolean): PlanRangeList;
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): PlanRangeList;
  getRanges(): PlanRange[];
}

export interface PlanSheet {
  getName(): string;
  getDataRange(): PlanRange;
  getRange(a1Notation: string): PlanRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): PlanRange;
  getRangeList(a1Notations: string[]): PlanRangeList;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): PlanSheet;
  insertColumnsAfter(afterPosition: number, howMany: number): PlanSheet;
  setFrozenRows(rows: number): void;
  setColumnWidth(columnPosition: number, width: number): PlanSheet;
  clear(): PlanSheet;
  activate(): PlanSheet;
  setName(name: string): PlanSheet;
}

export interface PlanSpreadsheet {
  getSheets(): PlanSheet[];
  getSheetByName(name: string): PlanSheet | null;
  insertSheet(sheetName: string, sheetIndex: number): PlanSheet;
  deleteSheet(sheet: PlanSheet): void;
  getSpreadsheetTimeZone(): string;
  getSpreadsheetLocale(): string;
  toast(msg: string, title: string): void;
  /** The ranges the user has selected (several with Ctrl+click), null when none. */
  getActiveRangeList(): PlanRangeList | null;
}

export interface PlanValidationBuilder {
  requireValueInList(values: string[], showDropdown: boolean): PlanValidationBuilder;
  setAllowInvalid(allowInvalidData: boolean): PlanValidationBuilder;
  build(): PlanValidationRule;
}

/** What the adapter needs from the SpreadsheetApp global itself. */
export interface PlanSpreadsheetApp {
  newDataValidation(): PlanValidationBuilder;
}

type Fits<Real extends Surface, Surface> = [Real, Surface];
export type SurfaceMatchesAppsScript = [
  Fits<GoogleAppsScript.Spreadsheet.Range, PlanRange>,
  Fits<GoogleAppsScript.Spreadsheet.RangeList, PlanRangeList>,
  Fits<GoogleAppsScript.Spreadsheet.Sheet, PlanSheet>,
  Fits<GoogleAppsScript.Spreadsheet.Spreadsheet, PlanSpreadsheet>,
  Fits<GoogleAppsScript.Spreadsheet.DataValidationBuilder, PlanValidationBuilder>,
  Fits<GoogleAppsScript.Spreadsheet.SpreadsheetApp, PlanSpreadsheetApp>,
];

/** Header cells the add-on writes look like the CLI's and the Excel add-in's. */
const HEADER_BACKGROUND = '#dce6f1';
/** Sheets measures column widths in pixels; the layouts give them in characters. */
const PIXELS_PER_CHARACTER = 7;
const PIXEL_PADDING = 5;

/** The spreadsheet as read: the grids for the core, and the sheets to write back to. */
export interface ReadWorkbook {
  input: WorkbookInput;
  /** Every sheet, by name, in workbook order. */
  sheets: Map<string, PlanSheet>;
  /** The spreadsheet's own time zone: what "today" and a date cell mean. */
  timeZone: string;
}

/**
 * Reads every plan sheet (a sheet whose name the contract knows) in three
 * calls plus one per merged range: its values, as plain values, with date cells
 * turned into the calendar day the user sees. Other sheets are named but not
 * read: the core never looks inside them.
 */
export function readWorkbook(ss: PlanSpreadsheet): ReadWorkbook {
  const timeZone = ss.getSpreadsheetTimeZone();
  const toDay = calendarDayIn(timeZone);
  const sheets = new Map<string, PlanSheet>();
  const grids: SheetGrid[] = [];
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    sheets.set(name, sheet);
    if (sheetKeyOf(name) === undefined) {
      grids.push({ name, values: [] });
      continue;
    }
    const range = sheet.getDataRange();
    const values = range.getValues();
    for (const row of values) {
      for (let c = 0; c < row.length; c++) if (isDateValue(row[c])) row[c] = toDay(row[c] as Date);
    }
    const merges = range.getMergedRanges().map((m) => m.getA1Notation());
    grids.push({ name, values, firstRow: 1, firstColumn: 1, ...(merges.length > 0 ? { merges } : {}) });
  }
  return { input: { sheets: grids }, sheets, timeZone };
}

/** Today in the spreadsheet's time zone, as a UTC-midnight Date (the core's day). */
export function todayIn(timeZone: string, now: Date = new Date()): Date {
  return calendarDayIn(timeZone)(now);
}

/** The spreadsheet's language for menu actions: its locale, when it is Spanish. */
export function localeLanguage(locale: string): 'en' | 'es' {
  return /^es\b|^es[_-]/i.test(locale) ? 'es' : 'en';
}

/**
 * Apps Script hands a date cell over as the instant of midnight in the
 * spreadsheet's time zone, which need not be the script's. The core reads
 * calendar days as UTC midnights, so each date becomes the UTC midnight of the
 * day the user sees in the spreadsheet (a date-time keeps its day).
 */
function calendarDayIn(timeZone: string): (d: Date) => Date {
  let parts: Intl.DateTimeFormat | undefined;
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
  } catch {
    // An unknown zone name: the script's own calendar is the best guess left.
    parts = undefined;
  }
  const cache = new Map<number, Date>();
  return (d: Date): Date => {
    const t = d.getTime();
    const known = cache.get(t);
    if (known) return known;
    let day: Date;
    if (!Number.isFinite(t)) {
      day = d;
    } else if (parts) {
      const p: Record<string, number> = {};
      for (const part of parts.formatToParts(d)) if (part.type !== 'literal') p[part.type] = Number(part.value);
      day = new Date(Date.UTC(p.year, p.month - 1, p.day));
    } else {
      day = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
    }
    cache.set(t, day);
    return day;
  };
}

/** Date objects from the host's realm (a test's vm context has its own Date). */
function isDateValue(v: unknown): boolean {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * Writes what the template layout says is missing, and returns what was added
 * (a new sheet's name, or "Sheet: Column" for what was added to a sheet). On
 * an existing sheet a cell that already holds something is never written.
 */
export function applyTemplate(app: PlanSpreadsheetApp, ss: PlanSpreadsheet, workbook: ReadWorkbook, layout: TemplateLayout): string[] {
  const added: string[] = [];
  const rules = new ValidationRules(app);
  // setValues parses a formula as typed in the spreadsheet's locale: its argument separator, not always ','.
  const separator = argumentSeparatorOf(ss.getSpreadsheetLocale());
  let sheetCount = workbook.sheets.size;
  const grids = new Map(workbook.input.sheets.map((g) => [g.name, g]));
  for (const sheetLayout of layout.sheets) {
    let sheet = workbook.sheets.get(sheetLayout.name);
    if (sheetLayout.isNew || !sheet) {
      // Apps Script has no transaction: a new sheet is built under a name that says it is unfinished
      // and takes its real name last, so a run that stops part-way leaves no half sheet under a plan name.
      const unfinished = unfinishedName(sheetLayout.name, layout.language);
      const leftover = workbook.sheets.get(unfinished);
      if (leftover) {
        ss.deleteSheet(leftover);
        workbook.sheets.delete(unfinished);
        sheetCount--;
      }
      sheet = ss.insertSheet(unfinished, sheetCount++);
      writeSheetLayout(sheet, sheetLayout, undefined, rules, separator);
      sheet.setName(sheetLayout.name);
      workbook.sheets.set(sheetLayout.name, sheet);
      added.push(sheetLayout.name);
    } else {
      writeSheetLayout(sheet, sheetLayout, grids.get(sheetLayout.name), rules, separator);
      added.push(...addedToSheet(sheetLayout));
    }
  }
  return added;
}

const UNFINISHED = { en: 'unfinished', es: 'sin terminar' };

/** The name a new sheet has while Create plan builds it (`Capacity (unfinished)`). */
export function unfinishedName(name: string, language: Language): string {
  return `${name} (${UNFINISHED[language]})`;
}

function addedToSheet(layout: SheetLayout): string[] {
  const first = layout.blocks[0];
  if (!first) return [];
  // The Plan sheet gains field rows (names down column A); a table sheet gains header cells along its header row.
  const names = layout.key === 'plan' ? first.values.map((r) => r[0]) : first.values[0];
  return names.filter((n): n is string => typeof n === 'string').map((n) => `${layout.name}: ${n}`);
}

function writeSheetLayout(sheet: PlanSheet, layout: SheetLayout, existing: SheetGrid | undefined, rules: ValidationRules, separator: ArgumentSeparator): void {
  let lastRow = 1;
  let lastColumn = 1;
  for (const b of layout.blocks) {
    lastRow = Math.max(lastRow, b.row + b.values.length - 1);
    lastColumn = Math.max(lastColumn, b.column + widthOf(b.values) - 1);
  }
  for (const f of layout.formats) {
    lastRow = Math.max(lastRow, f.toRow);
    lastColumn = Math.max(lastColumn, f.column);
  }
  ensureSize(sheet, lastRow, lastColumn);
  const write = (block: SheetLayout['blocks'][number]): void => {
    const rects = existing ? writableRects(block.row, block.column, block.values, existing, separator) : [wholeBlock(block.row, block.column, block.values, separator)];
    for (const r of rects) sheet.getRange(r.row, r.column, r.values.length, r.values[0].length).setValues(r.values);
  };
  // On an existing sheet the new header cells go last: they are what Create plan looks for next
  // time, so a run that stops part-way is finished by the next one (formats and drop-downs included).
  const isHeader = (block: SheetLayout['blocks'][number]): boolean => existing !== undefined && block.row === layout.headerCells.row && block.values.length === 1;
  for (const block of layout.blocks) if (!isHeader(block)) write(block);
  applyFormats(sheet, layout.formats, rules);
  for (const block of layout.blocks) if (isHeader(block)) write(block);
  const headers = layout.headerCells;
  if (headers.row > 0 && headers.columns.length > 0) {
    const from = Math.min(...headers.columns);
    const to = Math.max(...headers.columns);
    sheet.getRange(headers.row, from, 1, to - from + 1).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  }
  if (layout.freezeRows > 0) sheet.setFrozenRows(layout.freezeRows);
}

/** Writes the Review sheet whole: in place of an existing one (cleared first), or as a new last sheet. */
export function writeReviewSheet(ss: PlanSpreadsheet, workbook: ReadWorkbook, layout: ReviewLayout, language: Language): PlanSheet {
  // The new Review is built beside the old one under an unfinished name, and replaces it only once
  // it is whole: a run that stops part-way leaves the last complete Review in place.
  const names = [...workbook.sheets.keys()];
  const old = workbook.sheets.get(layout.name);
  const unfinished = unfinishedName(layout.name, language);
  const leftover = workbook.sheets.get(unfinished);
  if (leftover) {
    ss.deleteSheet(leftover);
    workbook.sheets.delete(unfinished);
    names.splice(names.indexOf(unfinished), 1);
  }
  const at = old ? names.indexOf(layout.name) : names.length;
  const sheet = ss.insertSheet(unfinished, at);
  const block = wholeBlock(1, 1, layout.values, ',');
  ensureSize(sheet, block.values.length, block.values[0].length);
  sheet.getRange(1, 1, block.values.length, block.values[0].length).setValues(block.values);
  const dates = dateCells(layout.values);
  if (dates.length > 0) sheet.getRangeList(dates).setNumberFormat(NUMBER_FORMATS.date);
  if (layout.headerRows.length > 0) {
    const last = columnLetter(block.values[0].length - 1);
    sheet
      .getRangeList(layout.headerRows.map((r) => `A${r}:${last}${r}`))
      .setFontWeight('bold')
      .setBackground(HEADER_BACKGROUND);
  }
  sheet.getRange(1, 1, 1, 1).setFontWeight('bold').setFontSize(14);
  setWidths(sheet, layout.formats);
  const wrapped = layout.formats.filter((f) => f.wrap).map((f) => `${columnLetter(f.column - 1)}${f.fromRow}:${columnLetter(f.column - 1)}${f.toRow}`);
  if (wrapped.length > 0) sheet.getRangeList(wrapped).setWrap(true).setVerticalAlignment('top');
  sheet.setFrozenRows(layout.freezeRows);
  if (old) ss.deleteSheet(old);
  sheet.setName(layout.name);
  workbook.sheets.set(layout.name, sheet);
  return sheet;
}

/** Number formats (one call pair per distinct format), drop-down lists (one write per sheet) and widths. */
function applyFormats(sheet: PlanSheet, formats: readonly ColumnFormat[], rules: ValidationRules): void {
  const byFormat = new Map<string, string[]>();
  for (const f of formats) {
    if (!f.numberFormat) continue;
    const ranges = byFormat.get(f.numberFormat) ?? [];
    ranges.push(columnRange(f));
    byFormat.set(f.numberFormat, ranges);
  }
  for (const [format, ranges] of byFormat) sheet.getRangeList(ranges).setNumberFormat(format);
  // Sentences wrap (Apps Script has no page setup to set: wrapping and the frozen header are what a printed sheet gets from here).
  const wrapped = formats.filter((f) => f.wrap).map(columnRange);
  if (wrapped.length > 0) sheet.getRangeList(wrapped).setWrap(true).setVerticalAlignment('top');

  const lists = formats.filter((f) => f.list && f.list.length > 0);
  if (lists.length > 0) {
    // One rectangle over every list column: a cell outside a list column gets no rule (null).
    const top = Math.min(...lists.map((f) => f.fromRow));
    const bottom = Math.max(...lists.map((f) => f.toRow));
    const left = Math.min(...lists.map((f) => f.column));
    const right = Math.max(...lists.map((f) => f.column));
    const byColumn = new Map(lists.map((f) => [f.column, f]));
    const grid: (PlanValidationRule | null)[][] = [];
    for (let row = top; row <= bottom; row++) {
      const cells: (PlanValidationRule | null)[] = [];
      for (let column = left; column <= right; column++) {
        const f = byColumn.get(column);
        cells.push(f && row >= f.fromRow && row <= f.toRow ? rules.for(f.list!) : null);
      }
      grid.push(cells);
    }
    sheet.getRange(top, left, bottom - top + 1, right - left + 1).setDataValidations(grid);
  }
  setWidths(sheet, formats);
}

function setWidths(sheet: PlanSheet, formats: readonly ColumnFormat[]): void {
  for (const f of formats) {
    if (f.width !== undefined) sheet.setColumnWidth(f.column, Math.round(f.width * PIXELS_PER_CHARACTER + PIXEL_PADDING));
  }
}

/** One drop-down rule per distinct list, shared by every cell that offers it. */
class ValidationRules {
  private readonly built = new Map<string, PlanValidationRule>();
  constructor(private readonly app: PlanSpreadsheetApp) {}
  for(list: string[]): PlanValidationRule {
    const key = JSON.stringify(list);
    let rule = this.built.get(key);
    if (!rule) {
      // Invalid values get a warning, not a refusal: the plan reads both languages' labels, so the other language's word is not wrong.
      rule = this.app.newDataValidation().requireValueInList(list, true).setAllowInvalid(true).build();
      this.built.set(key, rule);
    }
    return rule;
  }
}

/** Grows the sheet when a layout reaches past its last row or column (Sheets refuses ranges outside the grid). */
function ensureSize(sheet: PlanSheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

interface Rect {
  row: number;
  column: number;
  values: (string | number | boolean)[][];
}

function widthOf(values: readonly (readonly unknown[])[]): number {
  return Math.max(1, ...values.map((r) => r.length));
}

/** What setValues is handed for a layout cell: the core's host value, a formula in the spreadsheet locale's syntax. */
function sheetsValue(c: LayoutCell, separator: ArgumentSeparator): string | number | boolean {
  return c !== null && isFormula(c) ? localizedFormula(c.formula, separator) : hostValue(c);
}

/** A block written as one rectangle (on a new sheet, where a blank cell overwrites nothing). */
function wholeBlock(row: number, column: number, values: LayoutCell[][], separator: ArgumentSeparator): Rect {
  const width = widthOf(values);
  const rows = values.length > 0 ? values : [[null]];
  return { row, column, values: rows.map((r) => Array.from({ length: width }, (_, i) => sheetsValue(r[i] ?? null, separator))) };
}

/**
 * The parts of a block that may be written on an existing sheet: cells the
 * layout fills (not null) that are blank in the sheet now. Columns with the
 * same runs of such cells share a rectangle, so the usual case (new columns
 * right of the last header) is one rectangle, however many rows.
 */
function writableRects(top: number, left: number, values: LayoutCell[][], existing: SheetGrid, separator: ArgumentSeparator): Rect[] {
  const width = widthOf(values);
  const free = (i: number, j: number): boolean => {
    const v = values[i]?.[j] ?? null;
    if (v === null) return false;
    const cell = existing.values[top + i - 1]?.[left + j - 1];
    return cell === undefined || cell === null || cell === '';
  };
  const runsOf = (j: number): [number, number][] => {
    const runs: [number, number][] = [];
    for (let i = 0; i < values.length; i++) {
      if (!free(i, j)) continue;
      const last = runs[runs.length - 1];
      if (last && last[1] === i - 1) last[1] = i;
      else runs.push([i, i]);
    }
    return runs;
  };
  const rects: Rect[] = [];
  let j = 0;
  while (j < width) {
    const runs = runsOf(j);
    let end = j;
    const key = JSON.stringify(runs);
    while (end + 1 < width && JSON.stringify(runsOf(end + 1)) === key) end++;
    for (const [from, to] of runs) {
      const rows: (string | number | boolean)[][] = [];
      for (let i = from; i <= to; i++) {
        const row: (string | number | boolean)[] = [];
        for (let c = j; c <= end; c++) row.push(sheetsValue(values[i][c] ?? null, separator));
        rows.push(row);
      }
      rects.push({ row: top + from, column: left + j, values: rows });
    }
    j = end + 1;
  }
  return rects;
}

function columnRange(f: ColumnFormat): string {
  const letter = columnLetter(f.column - 1);
  return `${letter}${f.fromRow}:${letter}${f.toRow}`;
}

function dateCells(values: LayoutCell[][]): string[] {
  const cells: string[] = [];
  values.forEach((row, i) => row.forEach((c, j) => c !== null && isDate(c) && cells.push(a1(i + 1, j + 1))));
  return cells;
}

/** The rows the user has selected, area by area: one call per area, whatever the rows. */
export function selectedRows(ss: PlanSpreadsheet): SelectedRows[] {
  const list = ss.getActiveRangeList();
  if (!list) return [];
  return list.getRanges().map((r) => {
    const top = r.getRow();
    return { sheet: r.getSheet().getName(), top, bottom: top + r.getNumRows() - 1 };
  });
}

/**
 * Writes the approval cells the core decided, one range per column and run of
 * rows, and gives the date cells a date format (setValues gets a date as its
 * serial number). Nothing else on the sheet is written.
 */
export function writeApprovalBlocks(sheet: PlanSheet, blocks: readonly ApprovalBlock[]): void {
  const dates: string[] = [];
  for (const b of blocks) {
    sheet.getRange(b.row, b.column, b.values.length, 1).setValues(b.values.map(([v]) => [hostValue(v)]));
    if (b.values.some(([v]) => isDate(v))) dates.push(`${a1(b.row, b.column)}:${a1(b.row + b.values.length - 1, b.column)}`);
  }
  if (dates.length > 0) sheet.getRangeList(dates).setNumberFormat(NUMBER_FORMATS.date);
}
