// The in-memory workbook behind the Excel test host: sheets, cells (value,
// formula, number format, font and alignment), column widths, data validation,
// frozen rows, merged areas, tables, the active sheet and the selection. It
// holds state only; what Excel does to it on each request is rich-api-host.ts.
// No Node imports: the browser test bundles it into the page.

import { columnLetter } from '../../core/a1';

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export type CellValue = string | number | boolean;

export interface Cell {
  value: CellValue;
  /** `=...` in en-US, as `range.formulas` reads it. */
  formula?: string;
  /** An error value (`#NAME?`): `values` reads its text. */
  error?: boolean;
  numberFormat: string;
  bold?: boolean;
  wrap?: boolean;
  verticalAlignment?: string;
}

/** A rectangle of cells, 0-based. */
export interface Box {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export interface Validation {
  box: Box;
  rule: unknown;
}

export class Sheet {
  readonly cells = new Map<number, Map<number, Cell>>();
  readonly validations: Validation[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly merges: Box[] = [];
  /** Boxes given `format.autofitRows()`. */
  readonly autofitted: Box[] = [];
  frozenRows = 0;
  pageLayout: PageLayoutState = defaultPageLayout();
  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(row: number, column: number): Cell | undefined {
    return this.cells.get(row)?.get(column);
  }
  /** The cell to write into, created with Excel's defaults. */
  cellForWrite(row: number, column: number): Cell {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    let c = r.get(column);
    if (!c) r.set(column, (c = { value: '', numberFormat: 'General' }));
    return c;
  }
  /** Bounding box of the cells holding a value (valuesOnly) or any value or format. */
  used(valuesOnly: boolean): Box | undefined {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (const [r, row] of this.cells) {
      for (const [c, cell] of row) {
        const counts =
          cell.value !== '' || cell.formula !== undefined || (!valuesOnly && (cell.numberFormat !== 'General' || cell.bold || cell.wrap || cell.verticalAlignment));
        if (!counts) continue;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
    }
    return bottom < 0 ? undefined : { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }
  /** The last row (0-based) holding anything in this column, or -1. */
  lastRowOf(column: number): number {
    let last = -1;
    for (const [r, row] of this.cells) if (r > last && row.has(column)) last = r;
    return last;
  }
  /** Every cell holding a value or formula, `address -> formula ?? value`, for comparing whole sheets. */
  snapshot(): Record<string, CellValue> {
    const out: Record<string, CellValue> = {};
    for (const [r, row] of this.cells) {
      for (const [c, cell] of row) {
        if (cell.value === '' && cell.formula === undefined) continue;
        out[address(r, c)] = cell.formula ?? cell.value;
      }
    }
    return out;
  }
}

/** A sheet's page layout (ExcelApi 1.9) as Excel keeps it: Excel's defaults until the add-in sets them. */
export interface PageLayoutState {
  orientation: 'Portrait' | 'Landscape';
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** In points; Excel's Normal margins. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Whole rows repeated at the top of every printed page (`$1:$1`), if any. */
  printTitleRows?: string;
}

export function defaultPageLayout(): PageLayoutState {
  return { orientation: 'Portrait', zoom: { scale: 100 }, margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 } };
}

export interface Table {
  id: string;
  name: string;
  sheet: Sheet;
  box: Box;
  style: string;
}

/** A workbook Excel.createWorkbook was asked to open, and by which path of the library. */
export interface CreatedWorkbook {
  base64: string;
  /** `web`: Excel on the web's WacPartition request; `desktop`: workbook.application.createWorkbook(...).open(). */
  path: 'web' | 'desktop';
}

export class Workbook {
  readonly sheets: Sheet[] = [];
  readonly tables: Table[] = [];
  readonly created: CreatedWorkbook[] = [];
  active?: Sheet;
  selected?: { sheet: string; address: string };
  private ids = 0;

  find(name: string): Sheet | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }
  /** A sheet by name (ignoring case) or by its id, as `worksheets.getItem(key)` takes either. */
  findByKey(key: string): Sheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.find(key);
  }
  newId(): string {
    this.ids++;
    return `{00000000-0001-0000-${String(this.ids).padStart(4, '0')}-000000000000}`;
  }
  /** Adds a sheet at the end (name rules are the host's to check). */
  add(name: string): Sheet {
    const sheet = new Sheet(this.newId(), name);
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }
  /** Every sheet's cells by address. */
  snapshot(): Record<string, Record<string, CellValue>> {
    return Object.fromEntries(this.sheets.map((s) => [s.name, s.snapshot()]));
  }
}

/** A1 address of a 0-based cell. */
export function address(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

export function boxAddress(box: Box): string {
  const first = address(box.top, box.left);
  const last = address(box.top + box.rows - 1, box.left + box.columns - 1);
  return first === last ? first : `${first}:${last}`;
}

/** A sheet name as Excel writes it in an address: quoted unless it is letters, digits and underscores. */
export function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.columns && b.left < a.left + a.columns;
}

export function contains(outer: Box, inner: Box): boolean {
  return inner.top >= outer.top && inner.left >= outer.left && inner.top + inner.rows <= outer.top + outer.rows && inner.left + inner.columns <= outer.left + outer.columns;
}
