// A strict in-memory double of the SpreadsheetApp surface the add-on uses.
// It implements the adapter's surface interfaces (sheets-adapter.ts), which the
// compiler checks against @types/google-apps-script, and the Ui/Menu/HtmlService
// surfaces below, checked the same way, so the double cannot drift from the
// real API. It behaves like Sheets where the add-on depends on it: 1-based
// ranges inside the sheet's grid, setValues shape checks, strings beginning with
// '=' turning into formulas and a leading apostrophe keeping text literal, date
// cells read back as Date objects (midnight in the spreadsheet's time zone),
// and every method call on a service object counted as one service call.

import { columnLetter, parseRange } from '../../core/a1';
import { SheetGrid, WorkbookInput } from '../../core/read';
import {
  PlanRange,
  PlanRangeList,
  PlanSheet,
  PlanSpreadsheet,
  PlanSpreadsheetApp,
  PlanValidationBuilder,
  PlanValidationRule,
} from '../../sheets-addon/sheets-adapter';
import { servedByHtmlService } from './html-service';
import { Computed, Formula, FormulaBook, parseFormula } from './formula-engine';
import { separatorOf, typedInput } from './typed-input';

const MS_PER_DAY = 86400000;
/** Sheets counts days from 1899-12-30, like Excel. */
const SERIAL_EPOCH_OFFSET = 25569;
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;

/** Every method call on a service object, by "Class.method". */
export class ServiceCalls {
  total = 0;
  readonly byMethod = new Map<string, number>();
  /** The call (1-based, counted from the last reset) that fails, as a quota or a lost connection would. */
  failAt?: number;
  private muted = 0;
  count(method: string): void {
    if (this.muted > 0) return;
    if (this.failAt === this.total + 1) {
      this.failAt = undefined;
      throw new Error(`Service error: Spreadsheets (${method}, test)`);
    }
    this.total++;
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
  }
  reset(): void {
    this.total = 0;
    this.byMethod.clear();
  }
  /** Runs `fn` without counting: one service call already covers what it does. */
  within<T>(fn: () => T): T {
    this.muted++;
    try {
      return fn();
    } finally {
      this.muted--;
    }
  }
}

/** One cell as Sheets keeps it: a value (dates are serial numbers shown through a date format), or a formula. */
export interface DoubleCell {
  value: string | number | boolean;
  formula?: string;
  /** The formula as parsed in the spreadsheet's locale when it was written. */
  parsed?: Formula;
  /** Its last computed value, and the book version it was computed at. */
  computed?: { version: number; value: Computed };
  numberFormat?: string;
  validation?: DoubleValidation | null;
  bold?: boolean;
  fontSize?: number;
  background?: string | null;
  wrap?: boolean;
  verticalAlignment?: string | null;
}

export interface DoubleOptions {
  timeZone?: string;
  /** The zone's fixed offset from UTC in minutes (the double has no daylight saving). */
  utcOffsetMinutes?: number;
  locale?: string;
  /** The Date constructor of the realm the code under test runs in (a vm context has its own). */
  DateClass?: DateConstructor;
}

export class DoubleValidation implements PlanValidationRule {
  constructor(
    readonly list: readonly string[],
    readonly showDropdown: boolean,
    readonly allowInvalid: boolean,
    private readonly calls: ServiceCalls,
  ) {}
  getCriteriaValues(): unknown[] {
    this.calls.count('DataValidation.getCriteriaValues');
    return [[...this.list], this.showDropdown];
  }
}

class DoubleValidationBuilder implements PlanValidationBuilder {
  private list: string[] = [];
  private dropdown = true;
  private allowInvalid = true;
  constructor(private readonly calls: ServiceCalls) {}
  requireValueInList(values: string[], showDropdown: boolean): DoubleValidationBuilder {
    this.calls.count('DataValidationBuilder.requireValueInList');
    this.list = [...values];
    this.dropdown = showDropdown;
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): DoubleValidationBuilder {
    this.calls.count('DataValidationBuilder.setAllowInvalid');
    this.allowInvalid = allowInvalidData;
    return this;
  }
  build(): DoubleValidation {
    this.calls.count('DataValidationBuilder.build');
    return new DoubleValidation(this.list, this.dropdown, this.allowInvalid, this.calls);
  }
}

export class DoubleRange implements PlanRange {
  constructor(
    readonly sheet: DoubleSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private get calls(): ServiceCalls {
    return this.sheet.book.calls;
  }

  private each(fn: (cell: DoubleCell, i: number, j: number) => void): void {
    for (let i = 0; i < this.numRows; i++) for (let j = 0; j < this.numColumns; j++) fn(this.sheet.cellAt(this.row + i, this.column + j, true)!, i, j);
  }

  getValues(): unknown[][] {
    this.calls.count('Range.getValues');
    const out: unknown[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const row: unknown[] = [];
      for (let j = 0; j < this.numColumns; j++) row.push(this.sheet.shownValue(this.row + i, this.column + j));
      out.push(row);
    }
    return out;
  }

  getFormulas(): string[][] {
    this.calls.count('Range.getFormulas');
    const out: string[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      const row: string[] = [];
      for (let j = 0; j < this.numColumns; j++) row.push(this.sheet.cellAt(this.row + i, this.column + j)?.formula ?? '');
      out.push(row);
    }
    return out;
  }

  setValues(values: unknown[][]): DoubleRange {
    this.calls.count('Range.setValues');
    this.checkShape(values);
    this.sheet.book.changed();
    this.each((cell, i, j) => this.sheet.book.typeInto(cell, values[i][j]));
    return this;
  }

  setFormulas(formulas: string[][]): DoubleRange {
    this.calls.count('Range.setFormulas');
    this.checkShape(formulas);
    this.sheet.book.changed();
    this.each((cell, i, j) => {
      const f = formulas[i][j];
      if (f === '') this.sheet.book.typeInto(cell, '');
      else if (typeof f === 'string' && f.startsWith('=')) this.sheet.book.typeInto(cell, f);
      else throw new Error(`Formula parse error: ${String(f)}`);
    });
    return this;
  }

  getA1Notation(): string {
    this.calls.count('Range.getA1Notation');
    return this.a1();
  }

  a1(): string {
    const start = `${columnLetter(this.column - 1)}${this.row}`;
    if (this.numRows === 1 && this.numColumns === 1) return start;
    return `${start}:${columnLetter(this.column + this.numColumns - 2)}${this.row + this.numRows - 1}`;
  }

  getMergedRanges(): DoubleRange[] {
    this.calls.count('Range.getMergedRanges');
    const bottom = this.row + this.numRows - 1;
    const right = this.column + this.numColumns - 1;
    return this.sheet.merges
      .filter((m) => m.top <= bottom && m.bottom >= this.row && m.left <= right && m.right >= this.column)
      .map((m) => new DoubleRange(this.sheet, m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1));
  }

  setNumberFormat(numberFormat: string): DoubleRange {
    this.calls.count('Range.setNumberFormat');
    this.each((cell) => (cell.numberFormat = numberFormat));
    return this;
  }

  setNumberFormats(numberFormats: string[][]): DoubleRange {
    this.calls.count('Range.setNumberFormats');
    this.checkShape(numberFormats);
    this.each((cell, i, j) => (cell.numberFormat = numberFormats[i][j]));
    return this;
  }

  setDataValidations(rules: (PlanValidationRule | null)[][]): DoubleRange {
    this.calls.count('Range.setDataValidations');
    this.checkShape(rules);
    this.each((cell, i, j) => (cell.validation = this.validationOf(rules[i][j])));
    return this;
  }

  setDataValidation(rule: PlanValidationRule | null): DoubleRange {
    this.calls.count('Range.setDataValidation');
    const v = this.validationOf(rule);
    this.each((cell) => (cell.validation = v));
    return this;
  }

  private validationOf(rule: PlanValidationRule | null): DoubleValidation | null {
    if (rule === null) return null;
    if (!(rule instanceof DoubleValidation)) throw new Error('Exception: The parameters (Object) don\u2019t match the method signature for SpreadsheetApp.Range.setDataValidation.');
    return rule;
  }

  setFontWeight(fontWeight: 'bold' | 'normal' | null): DoubleRange {
    this.calls.count('Range.setFontWeight');
    this.each((cell) => (cell.bold = fontWeight === 'bold'));
    return this;
  }

  setFontSize(size: number): DoubleRange {
    this.calls.count('Range.setFontSize');
    this.each((cell) => (cell.fontSize = size));
    return this;
  }

  setBackground(color: string | null): DoubleRange {
    this.calls.count('Range.setBackground');
    this.each((cell) => (cell.background = color));
    return this;
  }

  setWrap(isWrapEnabled: boolean): DoubleRange {
    this.calls.count('Range.setWrap');
    this.each((cell) => (cell.wrap = isWrapEnabled));
    return this;
  }

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): DoubleRange {
    this.calls.count('Range.setVerticalAlignment');
    this.each((cell) => (cell.verticalAlignment = alignment));
    return this;
  }

  /** Selects the range and shows its sheet (Range.activate). */
  activate(): DoubleRange {
    this.calls.count('Range.activate');
    this.sheet.book.active = this;
    this.sheet.book.activeSheet = this.sheet;
    this.sheet.book.activeAreas = undefined;
    return this;
  }

  getSheet(): DoubleSheet {
    this.calls.count('Range.getSheet');
    return this.sheet;
  }

  getRow(): number {
    this.calls.count('Range.getRow');
    return this.row;
  }

  getNumRows(): number {
    this.calls.count('Range.getNumRows');
    return this.numRows;
  }

  private checkShape(values: unknown[][]): void {
    if (!Array.isArray(values) || values.length !== this.numRows) {
      const n = Array.isArray(values) ? values.length : 0;
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${n} but the range has ${this.numRows}.`);
    }
    for (const row of values) {
      const n = Array.isArray(row) ? row.length : 0;
      if (n !== this.numColumns) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${n} but the range has ${this.numColumns}.`);
      }
    }
  }
}

class DoubleRangeList implements PlanRangeList {
  constructor(
    private readonly ranges: DoubleRange[],
    private readonly calls: ServiceCalls,
  ) {}
  // A range list applies to its ranges in one call: the inner ranges are not counted again.
  private apply(method: string, fn: (r: DoubleRange) => void): DoubleRangeList {
    this.calls.count(`RangeList.${method}`);
    this.calls.within(() => this.ranges.forEach(fn));
    return this;
  }
  getRanges(): DoubleRange[] {
    this.calls.count('RangeList.getRanges');
    return [...this.ranges];
  }
  setNumberFormat(numberFormat: string): DoubleRangeList {
    return this.apply('setNumberFormat', (r) => r.setNumberFormat(numberFormat));
  }
  setFontWeight(fontWeight: 'bold' | 'normal' | null): DoubleRangeList {
    return this.apply('setFontWeight', (r) => r.setFontWeight(fontWeight));
  }
  setBackground(color: string | null): DoubleRangeList {
    return this.apply('setBackground', (r) => r.setBackground(color));
  }
  setWrap(isWrapEnabled: boolean): DoubleRangeList {
    return this.apply('setWrap', (r) => r.setWrap(isWrapEnabled));
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): DoubleRangeList {
    return this.apply('setVerticalAlignment', (r) => r.setVerticalAlignment(alignment));
  }
}

export class DoubleSheet implements PlanSheet {
  /** Rows of cells, 0-based inside; the API is 1-based. */
  readonly rows: (DoubleCell | undefined)[][] = [];
  merges: { top: number; left: number; bottom: number; right: number }[] = [];
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();

  constructor(
    readonly book: DoubleSpreadsheet,
    public name: string,
  ) {}

  cellAt(row: number, column: number, create = false): DoubleCell | undefined {
    let r = this.rows[row - 1];
    if (!r) {
      if (!create) return undefined;
      r = this.rows[row - 1] = [];
    }
    let c = r[column - 1];
    if (!c && create) c = r[column - 1] = { value: '' };
    return c;
  }

  /** What getValues shows for a cell: '' when empty, a Date through a date format. */
  shownValue(row: number, column: number): unknown {
    const c = this.cellAt(row, column);
    if (!c) return '';
    const v = this.book.rawValue(this, c);
    if (typeof v === 'object') return v.error;
    if (typeof v === 'number' && isDateFormat(c.numberFormat)) return this.book.dateOfSerial(v);
    return v;
  }

  /** Tests read cells without counting calls. */
  peek(a1: string): DoubleCell | undefined {
    const box = parseRange(a1)!;
    return this.cellAt(box.top, box.left);
  }

  getName(): string {
    this.book.calls.count('Sheet.getName');
    return this.name;
  }

  setName(name: string): DoubleSheet {
    this.book.calls.count('Sheet.setName');
    if (this.book.sheets.some((s) => s !== this && s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.name = name;
    this.book.changed();
    return this;
  }

  lastRow(): number {
    for (let i = this.rows.length - 1; i >= 0; i--) if (this.rows[i]?.some((c) => c && !isEmpty(c))) return i + 1;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const r of this.rows) {
      if (!r) continue;
      for (let j = r.length - 1; j >= last; j--) {
        if (r[j] && !isEmpty(r[j]!)) {
          last = j + 1;
          break;
        }
      }
    }
    return last;
  }

  getLastRow(): number {
    this.book.calls.count('Sheet.getLastRow');
    return this.lastRow();
  }

  getLastColumn(): number {
    this.book.calls.count('Sheet.getLastColumn');
    return this.lastColumn();
  }

  getDataRange(): DoubleRange {
    this.book.calls.count('Sheet.getDataRange');
    return new DoubleRange(this, 1, 1, Math.max(this.lastRow(), 1), Math.max(this.lastColumn(), 1));
  }

  getRange(a1Notation: string): DoubleRange;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): DoubleRange;
  getRange(a: string | number, column?: number, numRows = 1, numColumns = 1): DoubleRange {
    this.book.calls.count('Sheet.getRange');
    return this.rangeOf(a, column, numRows, numColumns);
  }

  rangeOf(a: string | number, column?: number, numRows = 1, numColumns = 1): DoubleRange {
    if (typeof a === 'string') {
      const box = parseRange(a);
      if (!box) throw new Error(`Range not found`);
      return this.rangeOf(box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1);
    }
    const row = a;
    if (![row, column, numRows, numColumns].every((n) => Number.isInteger(n))) throw new Error('The parameters don\u2019t match the method signature for SpreadsheetApp.Sheet.getRange.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row < 1 || column! < 1 || row + numRows - 1 > this.maxRows || column! + numColumns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new DoubleRange(this, row, column!, numRows, numColumns);
  }

  getRangeList(a1Notations: string[]): DoubleRangeList {
    this.book.calls.count('Sheet.getRangeList');
    // Refused rather than a list that does nothing (inferred: Google's page does not say what an empty list does).
    if (!Array.isArray(a1Notations) || a1Notations.length === 0) throw new Error('Exception: The range list must hold at least one range.');
    return new DoubleRangeList(
      a1Notations.map((a) => this.rangeOf(a)),
      this.book.calls,
    );
  }

  getMaxRows(): number {
    this.book.calls.count('Sheet.getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.book.calls.count('Sheet.getMaxColumns');
    return this.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): DoubleSheet {
    this.book.calls.count('Sheet.insertRowsAfter');
    if (afterPosition !== this.maxRows) throw new Error('The double only appends rows at the end of the sheet.');
    this.maxRows += howMany;
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): DoubleSheet {
    this.book.calls.count('Sheet.insertColumnsAfter');
    if (afterPosition !== this.maxColumns) throw new Error('The double only appends columns at the end of the sheet.');
    this.maxColumns += howMany;
    return this;
  }

  setFrozenRows(rows: number): void {
    this.book.calls.count('Sheet.setFrozenRows');
    this.frozenRows = rows;
  }

  setColumnWidth(columnPosition: number, width: number): DoubleSheet {
    this.book.calls.count('Sheet.setColumnWidth');
    this.columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): DoubleSheet {
    this.book.calls.count('Sheet.setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }

  clear(): DoubleSheet {
    this.book.calls.count('Sheet.clear');
    this.book.changed();
    this.rows.length = 0;
    return this;
  }

  activate(): DoubleSheet {
    this.book.calls.count('Sheet.activate');
    this.book.activeSheet = this;
    return this;
  }
}

export class DoubleSpreadsheet implements PlanSpreadsheet, FormulaBook {
  readonly calls = new ServiceCalls();
  private edits = 0;
  private computing = 0;
  readonly sheets: DoubleSheet[] = [];
  readonly timeZone: string;
  readonly utcOffsetMinutes: number;
  readonly locale: string;
  readonly DateClass: DateConstructor;
  active: DoubleRange | undefined;
  activeSheet: DoubleSheet | undefined;
  /** The areas the user selected (Ctrl+click), when more than the active range. */
  activeAreas: DoubleRange[] | undefined;
  readonly toasts: string[] = [];

  constructor(options: DoubleOptions = {}) {
    this.timeZone = options.timeZone ?? 'America/Bogota';
    this.utcOffsetMinutes = options.utcOffsetMinutes ?? -300;
    this.locale = options.locale ?? 'en_US';
    this.DateClass = options.DateClass ?? Date;
  }

  /** A spreadsheet holding these grids, as a user (or an uploaded .xlsx) left them. Dates become date cells. */
  static fromGrids(input: WorkbookInput, options: DoubleOptions = {}): DoubleSpreadsheet {
    const book = new DoubleSpreadsheet(options);
    for (const grid of input.sheets) book.addSheet(grid);
    return book;
  }

  addSheet(grid: SheetGrid): DoubleSheet {
    const sheet = new DoubleSheet(this, grid.name);
    const top = grid.firstRow ?? 1;
    const left = grid.firstColumn ?? 1;
    grid.values.forEach((row, i) => {
      if (!Array.isArray(row)) return;
      row.forEach((v, j) => {
        if (v === null || v === undefined || v === '') return;
        const cell = sheet.cellAt(top + i, left + j, true)!;
        if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
          // A date typed into Sheets: its calendar day (the grid's UTC midnight) as a serial, shown through a date format.
          cell.value = Math.round((v as Date).getTime() / MS_PER_DAY) + SERIAL_EPOCH_OFFSET;
          cell.numberFormat = 'yyyy-mm-dd';
        } else if (typeof v === 'object' && v !== null && 'error' in v) {
          cell.value = String((v as { error: unknown }).error);
        } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
          cell.value = v;
        }
      });
    });
    sheet.maxRows = Math.max(NEW_SHEET_ROWS, top + grid.values.length - 1);
    sheet.maxColumns = Math.max(NEW_SHEET_COLUMNS, left - 1 + Math.max(0, ...grid.values.map((r) => (Array.isArray(r) ? r.length : 0))));
    sheet.merges = (grid.merges ?? []).map((m) => parseRange(m)!).filter(Boolean);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Marks a change to any cell or sheet: computed formula values and indexes are stale. */
  changed(): void {
    this.edits++;
  }

  version(): number {
    return this.edits;
  }

  hasSheet(name: string): boolean {
    // Exact names: Sheets may forgive a difference of case (inferred); the double does not, so a formula must name the real tab.
    return this.sheets.some((s) => s.name === name);
  }

  value(sheetName: string, row: number, column: number): Computed {
    const sheet = this.sheets.find((s) => s.name === sheetName)!;
    const cell = sheet.cellAt(row, column);
    return cell ? this.rawValue(sheet, cell) : '';
  }

  lastRow(sheetName: string): number {
    return this.sheets.find((s) => s.name === sheetName)?.lastRow() ?? 0;
  }

  /** A cell's value before formatting: a formula computed (once per version of the book). */
  rawValue(sheet: DoubleSheet, cell: DoubleCell): Computed {
    if (!cell.parsed) return cell.value;
    if (cell.computed?.version === this.edits) return cell.computed.value;
    if (this.computing > 50) return { error: '#REF!' };
    this.computing++;
    try {
      const value = cell.parsed.compute(this, sheet.name);
      cell.computed = { version: this.edits, value };
      return value;
    } finally {
      this.computing--;
    }
  }

  /** How Sheets stores what setValues hands it: strings as typed in the spreadsheet's locale (typed-input.ts). */
  typeInto(cell: DoubleCell, v: unknown): void {
    delete cell.formula;
    delete cell.parsed;
    delete cell.computed;
    if (v === null || v === undefined) {
      cell.value = '';
    } else if (typeof v === 'string') {
      const typed = typedInput(v, this.locale, cell.numberFormat);
      if (typed.kind === 'formula') {
        cell.formula = typed.formula;
        cell.parsed = parseFormula(typed.formula, separatorOf(this.locale));
        cell.value = '';
      } else {
        cell.value = typed.value;
        if (typed.kind === 'number' && typed.numberFormat && cell.numberFormat === undefined) cell.numberFormat = typed.numberFormat;
      }
    } else if (typeof v === 'number' || typeof v === 'boolean') {
      cell.value = v;
    } else if (Object.prototype.toString.call(v) === '[object Date]') {
      cell.value = ((v as Date).getTime() + this.utcOffsetMinutes * 60000) / MS_PER_DAY + SERIAL_EPOCH_OFFSET;
      if (!isDateFormat(cell.numberFormat)) cell.numberFormat = 'yyyy-mm-dd';
    } else {
      throw new Error(`The parameters (${typeof v}) don\u2019t match the method signature for SpreadsheetApp.Range.setValues.`);
    }
  }

  /** A serial as Apps Script hands it over: the instant of that local time in the spreadsheet's zone. */
  dateOfSerial(serial: number): Date {
    return new this.DateClass((serial - SERIAL_EPOCH_OFFSET) * MS_PER_DAY - this.utcOffsetMinutes * 60000);
  }

  sheet(name: string): DoubleSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Every sheet's values as getValues would show them, without counting calls. */
  snapshot(): Record<string, { values: unknown[][]; formulas: string[][]; formats: (string | undefined)[][] }> {
    const out: Record<string, { values: unknown[][]; formulas: string[][]; formats: (string | undefined)[][] }> = {};
    for (const s of this.sheets) {
      const rows = s.lastRow();
      const cols = s.lastColumn();
      const values: unknown[][] = [];
      const formulas: string[][] = [];
      const formats: (string | undefined)[][] = [];
      for (let r = 1; r <= rows; r++) {
        values.push(Array.from({ length: cols }, (_, j) => s.shownValue(r, j + 1)));
        formulas.push(Array.from({ length: cols }, (_, j) => s.cellAt(r, j + 1)?.formula ?? ''));
        formats.push(Array.from({ length: cols }, (_, j) => s.cellAt(r, j + 1)?.numberFormat));
      }
      out[s.name] = { values, formulas, formats };
    }
    return out;
  }

  getSheets(): DoubleSheet[] {
    this.calls.count('Spreadsheet.getSheets');
    return [...this.sheets];
  }

  getSheetByName(name: string): DoubleSheet | null {
    this.calls.count('Spreadsheet.getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  insertSheet(sheetName: string, sheetIndex: number): DoubleSheet {
    this.calls.count('Spreadsheet.insertSheet');
    if (this.sheets.some((s) => s.name.toLowerCase() === sheetName.toLowerCase())) {
      throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    }
    if (!Number.isInteger(sheetIndex) || sheetIndex < 0 || sheetIndex > this.sheets.length) throw new Error('Sheet index out of range.');
    const sheet = new DoubleSheet(this, sheetName);
    this.sheets.splice(sheetIndex, 0, sheet);
    this.activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: DoubleSheet): void {
    this.calls.count('Spreadsheet.deleteSheet');
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error('Sheet not found.');
    if (this.sheets.length === 1) throw new Error('You can\u2019t remove all the sheets in a document.');
    this.sheets.splice(i, 1);
  }

  getSpreadsheetTimeZone(): string {
    this.calls.count('Spreadsheet.getSpreadsheetTimeZone');
    return this.timeZone;
  }

  getSpreadsheetLocale(): string {
    this.calls.count('Spreadsheet.getSpreadsheetLocale');
    return this.locale;
  }

  /** "Sets the specified range as the active range in the active sheet" (Spreadsheet.setActiveRange): a range on another sheet is refused here (how Sheets fails is inferred). */
  setActiveRange(range: PlanRange): DoubleRange {
    this.calls.count('Spreadsheet.setActiveRange');
    if (!(range instanceof DoubleRange) || range.sheet.book !== this) throw new Error('The range must be in this spreadsheet.');
    if (range.sheet !== this.currentSheet()) throw new Error(`Exception: The range ${range.a1()} is not on the active sheet (${this.currentSheet().name}).`);
    this.active = range;
    this.activeAreas = undefined;
    return range;
  }

  /** "Returns the list of active ranges in the active sheet or null if there are no active ranges." */
  getActiveRangeList(): DoubleRangeList | null {
    this.calls.count('Spreadsheet.getActiveRangeList');
    const areas = this.activeAreas ?? (this.active ? [this.active] : []);
    const here = areas.filter((r) => r.sheet === this.currentSheet());
    return here.length === 0 ? null : new DoubleRangeList(here, this.calls);
  }

  /** The user selects these ranges of a sheet (the last is the active range), as a click and Ctrl+clicks would. */
  select(sheetName: string, ...a1s: string[]): void {
    const sheet = this.sheet(sheetName);
    this.activeSheet = sheet;
    this.activeAreas = a1s.map((a) => sheet.rangeOf(a));
    this.active = this.activeAreas[this.activeAreas.length - 1];
  }

  /** The sheet the user sees: the last one activated or inserted, else the first. */
  currentSheet(): DoubleSheet {
    return this.activeSheet ?? this.sheets[0];
  }

  toast(msg: string, title: string): void {
    this.calls.count('Spreadsheet.toast');
    this.toasts.push(`${title}: ${msg}`);
  }
}

/* The Ui, Menu and HtmlService parts the entry points use, checked against the real types. */
export interface UiSurface {
  createAddonMenu(): MenuSurface;
  showSidebar(userInterface: HtmlOutputSurface): void;
}
export interface MenuSurface {
  addItem(caption: string, functionName: string): MenuSurface;
  addToUi(): void;
}
export interface HtmlOutputSurface {
  setTitle(title: string): HtmlOutputSurface;
  getContent(): string;
}
export interface HtmlServiceSurface {
  createHtmlOutputFromFile(filename: string): HtmlOutputSurface;
}
type Fits<Real extends Surface, Surface> = [Real, Surface];
export type UiSurfaceMatchesAppsScript = [
  Fits<GoogleAppsScript.Base.Ui, UiSurface>,
  Fits<GoogleAppsScript.Base.Menu, MenuSurface>,
  Fits<GoogleAppsScript.HTML.HtmlOutput, HtmlOutputSurface>,
  Fits<GoogleAppsScript.HTML.HtmlService, HtmlServiceSurface>,
];

export class DoubleHtmlOutput implements HtmlOutputSurface {
  title = '';
  constructor(
    readonly file: string,
    private readonly content: string,
    private readonly calls: ServiceCalls,
  ) {}
  setTitle(title: string): DoubleHtmlOutput {
    this.calls.count('HtmlOutput.setTitle');
    this.title = title;
    return this;
  }
  getContent(): string {
    this.calls.count('HtmlOutput.getContent');
    return this.content;
  }
  /** The page as the browser receives it: after HtmlService's reported rewrite of inline scripts (html-service.ts). */
  served(): string {
    return servedByHtmlService(this.content);
  }
}

export class DoubleMenu implements MenuSurface {
  readonly items: { caption: string; functionName: string }[] = [];
  constructor(
    private readonly ui: DoubleUi,
    private readonly calls: ServiceCalls,
  ) {}
  addItem(caption: string, functionName: string): DoubleMenu {
    this.calls.count('Menu.addItem');
    this.items.push({ caption, functionName });
    return this;
  }
  addToUi(): void {
    this.calls.count('Menu.addToUi');
    this.ui.menus.push(this);
  }
}

export class DoubleUi implements UiSurface {
  readonly menus: DoubleMenu[] = [];
  readonly sidebars: DoubleHtmlOutput[] = [];
  constructor(private readonly calls: ServiceCalls) {}
  createAddonMenu(): DoubleMenu {
    this.calls.count('Ui.createAddonMenu');
    return new DoubleMenu(this, this.calls);
  }
  showSidebar(userInterface: HtmlOutputSurface): void {
    this.calls.count('Ui.showSidebar');
    this.sidebars.push(userInterface as DoubleHtmlOutput);
  }
}

/** The SpreadsheetApp and HtmlService globals, over one spreadsheet. */
export class DoubleSpreadsheetApp implements PlanSpreadsheetApp {
  readonly ui: DoubleUi;
  constructor(readonly spreadsheet: DoubleSpreadsheet) {
    this.ui = new DoubleUi(spreadsheet.calls);
  }
  getActiveSpreadsheet(): DoubleSpreadsheet {
    this.spreadsheet.calls.count('SpreadsheetApp.getActiveSpreadsheet');
    return this.spreadsheet;
  }
  getUi(): DoubleUi {
    this.spreadsheet.calls.count('SpreadsheetApp.getUi');
    return this.ui;
  }
  newDataValidation(): DoubleValidationBuilder {
    this.spreadsheet.calls.count('SpreadsheetApp.newDataValidation');
    return new DoubleValidationBuilder(this.spreadsheet.calls);
  }
}

export class DoubleHtmlService implements HtmlServiceSurface {
  readonly created: DoubleHtmlOutput[] = [];
  /** `files` gives a project file's text by its name without `.html` (undefined when there is none). */
  constructor(
    private readonly calls: ServiceCalls,
    private readonly files: (name: string) => string | undefined = () => '',
  ) {}
  createHtmlOutputFromFile(filename: string): DoubleHtmlOutput {
    this.calls.count('HtmlService.createHtmlOutputFromFile');
    const content = this.files(filename);
    if (content === undefined) throw new Error(`Exception: No HTML file named ${filename} was found.`);
    const out = new DoubleHtmlOutput(filename, content, this.calls);
    this.created.push(out);
    return out;
  }
}

function isEmpty(c: DoubleCell): boolean {
  return c.formula === undefined && (c.value === '' || c.value === null);
}

function isDateFormat(format: string | undefined): boolean {
  if (!format || format === '@') return false;
  // Date formats name a year or a day; number formats use 0, # and punctuation only.
  return /[yd]/i.test(format.replace(/"[^"]*"/g, ''));
}
