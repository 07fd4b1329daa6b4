// The worksheet XML kap writes: one cell as `<c>`, and a whole sheet kap owns
// (the Review sheet, a new plan sheet) from a draft of its cells, columns,
// frozen header and drop-downs. Text is always an inline string, so the
// workbook's shared strings are never touched, and never a formula.

import { a1, columnLetter } from '../core/a1';
import { excelSerial } from '../core/values';
import { isDate, isFormula, LayoutCell } from '../core/layout/cells';
import { attributes, escapeText } from './xml-text';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** The same two in a Strict Open XML (ISO 29500 Strict) workbook, whose new sheets must use them too. */
export const STRICT_MAIN_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const STRICT_REL_NS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/** The namespaces of a sheet kap writes: the workbook's own (transitional or strict). */
export interface SheetNamespaces {
  main: string;
  relationships: string;
}

export const TRANSITIONAL: SheetNamespaces = { main: MAIN_NS, relationships: REL_NS };
export const STRICT: SheetNamespaces = { main: STRICT_MAIN_NS, relationships: STRICT_REL_NS };

/** One cell to write: a layout value (a formula may carry its cached result) and a cellXfs index. */
export interface CellDraft {
  value: Exclude<LayoutCell, null> | { empty: true };
  style?: number;
  /** The cached result of a formula, what viewers that do not recalculate show. */
  result?: string | number;
}

export interface ColumnDraft {
  /** 1-based. */
  column: number;
  width?: number;
  /** Default cell format of the column's empty cells. */
  style?: number;
}

export interface ListValidation {
  /** A1 range, `H2:H501`. */
  range: string;
  values: readonly string[];
}

export interface SheetDraft {
  /** row -> column -> cell, 1-based. */
  cells: Map<number, Map<number, CellDraft>>;
  columns: ColumnDraft[];
  rowHeights: Map<number, number>;
  freezeRows: number;
  validations: ListValidation[];
}

export function emptyDraft(): SheetDraft {
  return { cells: new Map(), columns: [], rowHeights: new Map(), freezeRows: 0, validations: [] };
}

export function setCell(draft: SheetDraft, row: number, column: number, cell: CellDraft): void {
  let r = draft.cells.get(row);
  if (!r) draft.cells.set(row, (r = new Map()));
  r.set(column, cell);
}

/** `<c>` for one cell; `p` is the worksheet's element prefix. */
export function cellXml(p: string, ref: string, cell: CellDraft): string {
  const s = cell.style ? cell.style : undefined;
  const v = cell.value;
  if (typeof v === 'object' && 'empty' in v) return `<${p}c${attributes([['r', ref], ['s', s]])}/>`;
  if (typeof v === 'string') {
    const space = v !== v.trim() || v.includes('\n') ? ' xml:space="preserve"' : '';
    return `<${p}c${attributes([['r', ref], ['s', s], ['t', 'inlineStr']])}><${p}is><${p}t${space}>${escapeText(v)}</${p}t></${p}is></${p}c>`;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? `<${p}c${attributes([['r', ref], ['s', s]])}><${p}v>${v}</${p}v></${p}c>` : `<${p}c${attributes([['r', ref], ['s', s]])}/>`;
  if (typeof v === 'boolean') return `<${p}c${attributes([['r', ref], ['s', s], ['t', 'b']])}><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  if (isDate(v)) return `<${p}c${attributes([['r', ref], ['s', s]])}><${p}v>${excelSerial(v.date)}</${p}v></${p}c>`;
  if (isFormula(v)) {
    const f = `<${p}f>${escapeText(v.formula.replace(/^=/, ''))}</${p}f>`;
    const r = cell.result;
    if (typeof r === 'number' && Number.isFinite(r)) return `<${p}c${attributes([['r', ref], ['s', s]])}>${f}<${p}v>${r}</${p}v></${p}c>`;
    return `<${p}c${attributes([['r', ref], ['s', s], ['t', 'str']])}>${f}<${p}v>${escapeText(typeof r === 'string' ? r : '')}</${p}v></${p}c>`;
  }
  return `<${p}c${attributes([['r', ref], ['s', s]])}/>`;
}

/** `<row>` children of one row, cells in column order. */
export function rowCellsXml(p: string, row: number, cells: Map<number, CellDraft>): string {
  return [...cells.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([column, cell]) => cellXml(p, a1(row, column), cell))
    .join('');
}

export function dataValidationXml(p: string, v: ListValidation): string {
  // A warning, not a stop: the plan reads both languages' labels, so a value from the other language is not wrong.
  const list = `"${v.values.map((x) => x.replace(/"/g, '""')).join(',')}"`;
  return `<${p}dataValidation${attributes([
    ['type', 'list'],
    ['errorStyle', 'warning'],
    ['allowBlank', 1],
    ['showErrorMessage', 1],
    ['sqref', v.range],
  ])}><${p}formula1>${escapeText(list)}</${p}formula1></${p}dataValidation>`;
}

/** `<col>` elements for single columns, in order. */
export function colsXml(p: string, columns: ColumnDraft[]): string {
  return [...columns]
    .sort((a, b) => a.column - b.column)
    .map((c) =>
      `<${p}col${attributes([
        ['min', c.column],
        ['max', c.column],
        ['width', c.width],
        ['style', c.style],
        ['customWidth', c.width !== undefined ? 1 : undefined],
      ])}/>`,
    )
    .join('');
}

/** A whole worksheet part for a sheet kap owns, in the workbook's namespaces. */
export function worksheetXml(draft: SheetDraft, ns: SheetNamespaces = TRANSITIONAL): string {
  const rows = [...draft.cells.keys(), ...draft.rowHeights.keys()].filter((v, i, all) => all.indexOf(v) === i).sort((a, b) => a - b);
  const sheetData = rows
    .map((row) => {
      const height = draft.rowHeights.get(row);
      const cells = draft.cells.get(row) ?? new Map<number, CellDraft>();
      return `<row${attributes([['r', row], ['ht', height], ['customHeight', height !== undefined ? 1 : undefined]])}>${rowCellsXml('', row, cells)}</row>`;
    })
    .join('');
  const top = draft.freezeRows + 1;
  const view =
    draft.freezeRows > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${draft.freezeRows}" topLeftCell="A${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${top}" sqref="A${top}"/></sheetView></sheetViews>`
      : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols = draft.columns.length > 0 ? `<cols>${colsXml('', draft.columns)}</cols>` : '';
  const validations =
    draft.validations.length > 0 ? `<dataValidations count="${draft.validations.length}">${draft.validations.map((v) => dataValidationXml('', v)).join('')}</dataValidations>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${ns.main}" xmlns:r="${ns.relationships}">${view}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${sheetData}</sheetData>${validations}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

export { columnLetter };
