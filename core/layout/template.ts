// The plan template: what Create plan writes into a workbook. It compares the
// workbook's sheets and headers with the contract and lays out only what is
// missing, so creating twice, or on a half-built workbook, changes nothing that
// is there.

import { a1, columnLetter } from '../a1';
import {
  ColumnDef,
  ColumnType,
  Language,
  LISTS,
  matchKey,
  PLAN_SHEET,
  PlanFieldKey,
  sheetKeyOf,
  SheetKey,
  TABLE_SHEETS,
  TableSheetDef,
  tableSheet,
} from '../contract';
import { detectLanguage, WorkbookInput } from '../read';
import { dayFromDate } from '../values';
import { LayoutCell, NUMBER_FORMATS } from './cells';
import { PrintSetup, printSetupOf } from './print';

/** Rows below the header that carry drop-downs and number formats in a new sheet. */
export const FORMATTED_ROWS = 500;
/** Capacity rows that get the live committed-hours and committed-cost formulas. */
export const CAPACITY_FORMULA_ROWS = 50;

export type TableKey = TableSheetDef['key'];
/** Text columns at least this wide hold sentences, which wrap; narrower ones hold names. */
const WRAPPED_WIDTH = 24;

/** Filled content for a new workbook (the sample plan): list values as labels, dates as Dates. */
export interface TemplateData {
  plan: Partial<Record<PlanFieldKey, string | number | Date>>;
  rows: Partial<Record<TableKey, Record<string, string | number | Date | null>[]>>;
}

/** Formatting of one column over rows `fromRow..toRow`. */
export interface ColumnFormat {
  column: number;
  fromRow: number;
  toRow: number;
  width?: number;
  numberFormat?: string;
  /** Drop-down values, in the workbook's language. */
  list?: string[];
  /** Long text wraps inside the cell, top-aligned, instead of running under the next column. */
  wrap?: boolean;
}

/** A rectangle of cells to write, its top-left at (row, column), 1-based. */
export interface CellBlock {
  row: number;
  column: number;
  values: LayoutCell[][];
}

/** What to do to one sheet. */
export interface SheetLayout {
  key: SheetKey;
  name: string;
  /** The sheet does not exist yet and is to be added (in contract order). */
  isNew: boolean;
  blocks: CellBlock[];
  formats: ColumnFormat[];
  /** Header row to freeze and to style as a header; 0 when nothing is frozen. */
  freezeRows: number;
  /** Header cells written by this layout (to style as headers), as a row and columns. */
  headerCells: { row: number; columns: number[] };
  /** For new table sheets: the A1 range an Excel table covers (header plus body). */
  table?: { name: string; range: string };
  /** How it prints (core/layout/print.ts); on an existing sheet, writers add it only where the user set none. */
  print: PrintSetup;
}

export interface TemplateLayout {
  language: Language;
  /** Sheets to add or complete, in workbook order; empty when nothing is missing. */
  sheets: SheetLayout[];
}

/**
 * What Create plan must write. The workbook's own language wins over the one
 * asked for when the workbook already has plan sheets, so a plan never mixes
 * languages. `data` fills new sheets (the sample plan); it is ignored for
 * sheets that exist.
 */
export function templateLayout(existing: WorkbookInput, requested: Language, data?: TemplateData): TemplateLayout {
  const sheets = existing && Array.isArray(existing.sheets) ? existing.sheets : [];
  const hasPlanSheets = sheets.some((s) => s && typeof s.name === 'string' && sheetKeyOf(s.name) !== undefined && sheetKeyOf(s.name) !== 'review');
  const language = hasPlanSheets ? detectLanguage(existing) : requested;
  const byKey = new Map<SheetKey, (typeof sheets)[number]>();
  for (const s of sheets) {
    const key = s && typeof s.name === 'string' ? sheetKeyOf(s.name) : undefined;
    if (key && !byKey.has(key)) byKey.set(key, s);
  }
  const out: SheetLayout[] = [];
  const plan = byKey.get('plan');
  const planLayout = plan ? completePlanSheet(plan.name, plan.values, plan.firstRow ?? 1, language) : newPlanSheet(language, data);
  if (planLayout) out.push(planLayout);
  // The formulas name the Commitments sheet the workbook has (its tab may be in another language, case or spacing), else the one Create adds.
  const commitments: CommitmentsRef = {
    sheet: byKey.get('commitments')?.name ?? tableSheet('commitments')[language],
    columns: columnPositions('commitments', byKey.get('commitments')),
  };
  for (const def of TABLE_SHEETS) {
    const sheet = byKey.get(def.key);
    const layout = sheet
      ? completeTableSheet(def, sheet.name, sheet.values, sheet.firstRow ?? 1, sheet.firstColumn ?? 1, language, commitments)
      : newTableSheet(def, language, data?.rows[def.key] ?? [], commitments);
    if (layout) out.push(layout);
  }
  return { language, sheets: out };
}

function newPlanSheet(lang: Language, data?: TemplateData): SheetLayout {
  const rows: LayoutCell[][] = [[PLAN_SHEET.fieldHeader[lang], PLAN_SHEET.valueHeader[lang]]];
  const formats: ColumnFormat[] = [
    { column: 1, fromRow: 1, toRow: 1, width: 30 },
    { column: 2, fromRow: 1, toRow: 1, width: 40 },
  ];
  PLAN_SHEET.fields.forEach((f, i) => {
    rows.push([f[lang], dataCell(data?.plan[f.key])]);
    const format = numberFormatOf(f.type);
    if (format) formats.push({ column: 2, fromRow: i + 2, toRow: i + 2, numberFormat: format });
  });
  return {
    key: 'plan',
    name: PLAN_SHEET[lang],
    isNew: true,
    blocks: [{ row: 1, column: 1, values: rows }],
    formats,
    freezeRows: 1,
    headerCells: { row: 1, columns: [1, 2] },
    print: printSetupOf('plan', 1),
  };
}

/** Adds the Plan field rows that are missing, below the last used row. */
function completePlanSheet(name: string, values: unknown[][], firstRow: number, lang: Language): SheetLayout | undefined {
  const present = new Set<string>();
  const grid = Array.isArray(values) ? values : [];
  for (const row of grid) {
    if (!Array.isArray(row)) continue;
    for (const v of row) if (typeof v === 'string') present.add(matchKey(v));
  }
  const missing = PLAN_SHEET.fields.filter((f) => !present.has(matchKey(f.en)) && !present.has(matchKey(f.es)));
  if (missing.length === 0) return undefined;
  const start = firstRow + lastFilledRowIndex(grid) + 1;
  const formats: ColumnFormat[] = [];
  missing.forEach((f, i) => {
    const format = numberFormatOf(f.type);
    if (format) formats.push({ column: 2, fromRow: start + i, toRow: start + i, numberFormat: format });
  });
  return {
    key: 'plan',
    name,
    isNew: false,
    blocks: [{ row: start, column: 1, values: missing.map((f) => [f[lang], null]) }],
    formats,
    freezeRows: 0,
    headerCells: { row: 0, columns: [] },
    print: printSetupOf('plan', 0),
  };
}

function newTableSheet(
  def: TableSheetDef,
  lang: Language,
  dataRows: Record<string, string | number | Date | null>[],
  commitments: CommitmentsRef,
): SheetLayout {
  const headers: LayoutCell[] = def.columns.map((c) => c[lang]);
  const body: LayoutCell[][] = dataRows.map((r, i) =>
    def.columns.map((c) => (c.type.kind === 'formula' ? capacityFormula(c.key, i + 2, commitments.sheet, commitments.columns) : dataCell(r[c.key] ?? null))),
  );
  if (def.key === 'capacity') {
    // The live formulas reach past the filled rows, so a new capacity row computes as soon as a team is typed.
    for (let row = body.length + 2; row <= CAPACITY_FORMULA_ROWS + 1; row++) {
      body.push(def.columns.map((c) => (c.type.kind === 'formula' ? capacityFormula(c.key, row, commitments.sheet, commitments.columns) : null)));
    }
  }
  const lastRow = Math.max(FORMATTED_ROWS, body.length) + 1;
  const formats = def.columns.map((c, i) => columnFormat(c, i + 1, 2, lastRow, lang));
  formats.forEach((f, i) => (f.width = def.columns[i].width));
  const bodyRows = Math.max(body.length, 1);
  return {
    key: def.key,
    name: def[lang],
    isNew: true,
    blocks: [{ row: 1, column: 1, values: [headers, ...body] }],
    formats,
    freezeRows: 1,
    headerCells: { row: 1, columns: def.columns.map((_, i) => i + 1) },
    table: { name: tableName(def), range: `A1:${columnLetter(def.columns.length - 1)}${bodyRows + 1}` },
    print: printSetupOf(def.key, 1),
  };
}

/** Appends the contract columns a sheet lacks, right of its last header; nothing else is touched. */
function completeTableSheet(
  def: TableSheetDef,
  name: string,
  values: unknown[][],
  firstRow: number,
  firstColumn: number,
  lang: Language,
  commitments: CommitmentsRef,
): SheetLayout | undefined {
  const grid = Array.isArray(values) ? values : [];
  const { headerRow, found, lastHeaderColumn } = headerOf(def, grid, firstRow, firstColumn);
  const missing = def.columns.filter((c) => found[c.key] === undefined);
  if (missing.length === 0) return undefined;
  const start = lastHeaderColumn + 1;
  const dataRows = Math.max(grid.length - (headerRow - firstRow) - 1, 0);
  const lastRow = headerRow + Math.max(FORMATTED_ROWS, dataRows);
  const blocks: CellBlock[] = [{ row: headerRow, column: start, values: [missing.map((c) => c[lang])] }];
  const formulaColumns = missing.filter((c) => c.type.kind === 'formula');
  if (formulaColumns.length > 0) {
    const rows = Math.max(dataRows, CAPACITY_FORMULA_ROWS);
    const formulas: LayoutCell[][] = [];
    for (let r = headerRow + 1; r <= headerRow + rows; r++) {
      formulas.push(missing.map((c) => (c.type.kind === 'formula' ? capacityFormula(c.key, r, commitments.sheet, commitments.columns, found) : null)));
    }
    blocks.push({ row: headerRow + 1, column: start, values: formulas });
  }
  return {
    key: def.key,
    name,
    isNew: false,
    blocks,
    formats: missing.map((c, i) => ({ ...columnFormat(c, start + i, headerRow + 1, lastRow, lang), width: c.width })),
    freezeRows: 0,
    headerCells: { row: headerRow, columns: missing.map((_, i) => start + i) },
    print: printSetupOf(def.key, headerRow),
  };
}

/** The header row of an existing table sheet and where each contract column is (1-based). */
function headerOf(
  def: TableSheetDef,
  grid: unknown[][],
  firstRow: number,
  firstColumn: number,
): { headerRow: number; found: Record<string, number>; lastHeaderColumn: number } {
  let best = { index: -1, found: {} as Record<string, number>, count: 0 };
  for (let i = 0; i < Math.min(grid.length, 20); i++) {
    const row = grid[i];
    if (!Array.isArray(row)) continue;
    const found: Record<string, number> = {};
    let count = 0;
    row.forEach((v, j) => {
      if (typeof v !== 'string') return;
      const col = def.columns.find((c) => found[c.key] === undefined && (matchKey(c.en) === matchKey(v) || matchKey(c.es) === matchKey(v)));
      if (col) {
        found[col.key] = firstColumn + j;
        count++;
      }
    });
    if (count > best.count) best = { index: i, found, count };
  }
  const index = best.index >= 0 ? best.index : Math.max(lastFilledRowIndex(grid) + 1, 0);
  const row = Array.isArray(grid[index]) ? grid[index] : [];
  let last = firstColumn - 1;
  row.forEach((v, j) => {
    if (v !== null && v !== undefined && v !== '') last = firstColumn + j;
  });
  return { headerRow: firstRow + index, found: best.found, lastHeaderColumn: last };
}

function lastFilledRowIndex(grid: unknown[][]): number {
  for (let i = grid.length - 1; i >= 0; i--) {
    const row = grid[i];
    if (Array.isArray(row) && row.some((v) => v !== null && v !== undefined && v !== '')) return i;
  }
  return -1;
}

/** 1-based column of each contract column of a sheet as it is (or will be) in the workbook. */
function columnPositions(key: TableKey, sheet: WorkbookInput['sheets'][number] | undefined): Record<string, number> {
  const def = tableSheet(key);
  const positions: Record<string, number> = {};
  def.columns.forEach((c, i) => (positions[c.key] = i + 1));
  if (!sheet) return positions;
  const { found, lastHeaderColumn } = headerOf(def, Array.isArray(sheet.values) ? sheet.values : [], sheet.firstRow ?? 1, sheet.firstColumn ?? 1);
  let next = lastHeaderColumn;
  for (const c of def.columns) positions[c.key] = found[c.key] ?? ++next;
  return positions;
}

/** The Commitments sheet the Capacity formulas sum over: its name in the workbook and its columns (1-based). */
interface CommitmentsRef {
  sheet: string;
  columns: Record<string, number>;
}

/**
 * Capacity's live formulas: hours (or cost) of the commitments of this team
 * whose due date falls in this row's span, leaving out client-side and
 * cancelled ones in either language. Plain A1 whole-column ranges on the
 * Commitments sheet named `commitmentsSheet` (quoted where a host needs it),
 * which Excel, Google Sheets and LibreOffice compute alike. The formula is in
 * the en-US form; Google Sheets gets it in its locale's syntax
 * (core/formula-locale.ts).
 */
export function capacityFormula(
  key: string,
  row: number,
  commitmentsSheet: string,
  commitments: Record<string, number>,
  capacity: Record<string, number> = defaultPositions('capacity'),
): LayoutCell {
  const sheet = sheetReference(commitmentsSheet);
  const col = (k: string): string => {
    const letter = columnLetter(commitments[k] - 1);
    return `${sheet}!$${letter}:$${letter}`;
  };
  const own = (k: string): string => `$${columnLetter(capacity[k] - 1)}${row}`;
  const sum = key === 'committedHours' ? col('effortHours') : col('cost');
  const [client, cancelled] = [LISTS.side.find((i) => i.key === 'client')!, LISTS.commitmentStatus.find((i) => i.key === 'cancelled')!];
  const criteria = [
    `${col('team')},${own('team')}`,
    `${col('due')},">="&${own('start')}`,
    `${col('due')},"<="&${own('end')}`,
    `${col('side')},"<>${client.en}"`,
    `${col('side')},"<>${client.es}"`,
    `${col('status')},"<>${cancelled.en}"`,
    `${col('status')},"<>${cancelled.es}"`,
  ];
  return { formula: `=IF(${own('team')}="","",SUMIFS(${sum},${criteria.join(',')}))` };
}

function defaultPositions(key: TableKey): Record<string, number> {
  const positions: Record<string, number> = {};
  tableSheet(key).columns.forEach((c, i) => (positions[c.key] = i + 1));
  return positions;
}

/**
 * A sheet name as a formula's reference prefix: bare only when it is a plain
 * ASCII word that no host could read as something else (a cell such as `AB12`,
 * an R1C1 reference, a boolean); otherwise in single quotes with quotes
 * doubled, which Excel, Sheets and LibreOffice all read (`'Plan de aprendizaje'`).
 */
export function sheetReference(name: string): string {
  const bare =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^[RrCc][0-9]*$|^[Rr][0-9]*[Cc][0-9]*$/.test(name) && !/^(true|false)$/i.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

function columnFormat(c: ColumnDef, column: number, fromRow: number, toRow: number, lang: Language): ColumnFormat {
  const format: ColumnFormat = { column, fromRow, toRow };
  const numberFormat = numberFormatOf(c.type);
  if (numberFormat) format.numberFormat = numberFormat;
  if (c.type.kind === 'list') format.list = LISTS[c.type.list].map((i) => i[lang]);
  // Sentences (a finding, an activity, a commitment) wrap, so a printed page shows them whole.
  if (c.type.kind === 'text' && c.width >= WRAPPED_WIDTH) format.wrap = true;
  return format;
}

function numberFormatOf(type: ColumnType): string | undefined {
  switch (type.kind) {
    case 'date':
      return NUMBER_FORMATS.date;
    case 'money':
      return NUMBER_FORMATS.money;
    case 'number':
      return NUMBER_FORMATS.number;
    case 'formula':
      return NUMBER_FORMATS[type.shows];
    case 'percent':
      return NUMBER_FORMATS.percent;
    default:
      return undefined;
  }
}

function dataCell(v: string | number | Date | null | undefined): LayoutCell {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) {
    const day = dayFromDate(v);
    return day === undefined ? null : { date: day };
  }
  return v;
}

/** Excel table names: letters only, unique per workbook, stable across languages. */
function tableName(def: TableSheetDef): string {
  return `KAP_${def.key}`;
}

export { a1 };
