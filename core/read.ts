// Reading: host grids (2-D arrays of whatever the host hands over) into a typed
// Plan, with a finding for every value that cannot be read. Never throws.

import { a1, columnLetter, parseRange } from './a1';
import {
  ColumnDef,
  findListItem,
  Label,
  Language,
  ListItem,
  ListKey,
  LISTS,
  matchKey,
  PLAN_SHEET,
  PlanFieldKey,
  sheetKeyOf,
  sheetLabel,
  SheetKey,
  TABLE_SHEETS,
  TableSheetDef,
} from './contract';
import { Finding, makeFinding, Params, RuleDef } from './finding';
import { CapacityRow, cellOf, Commitment, KnowledgeItem, LearningActivity, Opportunity, Plan, PlanSummary, RowOrigin, SheetLayoutFound, Stakeholder } from './plan';
import { STRUCTURE_READ_RULES as R } from './rules/catalog-structure';
import { errorOf, EXCEL_EPOCH_OFFSET, isBlank, MAX_SERIAL, MAX_TEXT, parseDate, parseIdList, parseNumber, parsePercent, toText } from './values';

/** One sheet as a host hands it over: values from `firstRow`/`firstColumn` (1-based, default A1). */
export interface SheetGrid {
  name: string;
  values: unknown[][];
  firstRow?: number;
  firstColumn?: number;
  /** Merged ranges on the sheet, as A1 ranges (`B2:C3`). */
  merges?: string[];
}

export interface WorkbookInput {
  sheets: SheetGrid[];
}

export interface ReadResult {
  plan: Plan;
  findings: Finding[];
}

/** How far down a sheet the header row is looked for (users put titles above tables). */
const HEADER_SEARCH_ROWS = 20;

/** A grid with 1-based addressing that tolerates ragged rows and any junk. */
class GridView {
  readonly top: number;
  readonly left: number;
  readonly rows: unknown[][];
  constructor(readonly sheet: SheetGrid) {
    this.top = positiveInt(sheet.firstRow);
    this.left = positiveInt(sheet.firstColumn);
    this.rows = Array.isArray(sheet.values) ? sheet.values : [];
  }
  get lastRow(): number {
    return this.top + this.rows.length - 1;
  }
  get lastColumn(): number {
    let width = 0;
    for (const r of this.rows) if (Array.isArray(r) && r.length > width) width = r.length;
    return this.left + width - 1;
  }
  at(row: number, column: number): unknown {
    const r = this.rows[row - this.top];
    if (!Array.isArray(r)) return undefined;
    return r[column - this.left];
  }
  rowIsBlank(row: number): boolean {
    const r = this.rows[row - this.top];
    if (!Array.isArray(r)) return true;
    for (const v of r) if (!isBlank(v)) return false;
    return true;
  }
}

function positiveInt(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

/** Tells the workbook's language from its sheet names and headers; English when it cannot tell. */
export function detectLanguage(input: WorkbookInput): Language {
  let en = 0;
  let es = 0;
  // Label keys are worked out once per sheet and each cell's key once, not once per cell and label.
  const count = (text: unknown, label: { en: string; es: string }): void => {
    if (typeof text !== 'string') return;
    const k = matchKey(text);
    const isEn = label.en === k;
    const isEs = label.es === k;
    if (isEn && !isEs) en++;
    if (isEs && !isEn) es++;
  };
  const countAll = (text: unknown, labels: readonly { en: string; es: string }[]): void => {
    if (typeof text !== 'string') return;
    const k = matchKey(text);
    for (const l of labels) {
      if (l.en === k && l.es !== k) en++;
      if (l.es === k && l.en !== k) es++;
    }
  };
  for (const sheet of sheetsOf(input)) {
    const key = sheetKeyOf(sheet.name);
    if (!key) continue;
    const sheetKeys = sheetLabel(key);
    count(sheet.name, { en: matchKey(sheetKeys.en), es: matchKey(sheetKeys.es) });
    const grid = new GridView(sheet);
    const labels: Label[] =
      key === 'plan' ? [...PLAN_SHEET.fields] : key === 'review' ? [] : [...TABLE_SHEETS.find((t) => t.key === key)!.columns];
    const keys = labels.map((l) => ({ en: matchKey(l.en), es: matchKey(l.es) }));
    for (let r = grid.top; r <= Math.min(grid.lastRow, grid.top + HEADER_SEARCH_ROWS); r++) {
      const row = grid.rows[r - grid.top];
      if (!Array.isArray(row)) continue;
      for (const v of row) countAll(v, keys);
    }
  }
  return es > en ? 'es' : 'en';
}

function sheetsOf(input: WorkbookInput): SheetGrid[] {
  const sheets = input && Array.isArray(input.sheets) ? input.sheets : [];
  return sheets.filter((s) => s && typeof s.name === 'string');
}

/** Reads a workbook into a Plan; findings are written in `outLang` (default: the workbook's language). */
export function readPlan(input: WorkbookInput, outLang?: Language): ReadResult {
  const language = detectLanguage(input);
  const lang = outLang ?? language;
  const reader = new Reader(language, lang);
  const byKey = new Map<SheetKey, SheetGrid>();
  for (const sheet of sheetsOf(input)) {
    const key = sheetKeyOf(sheet.name);
    if (key && !byKey.has(key)) byKey.set(key, sheet);
  }
  const plan: Plan = {
    language,
    summary: reader.readSummary(byKey.get('plan')),
    knowledge: [],
    learning: [],
    stakeholders: [],
    vision: [],
    commitments: [],
    capacity: [],
    sheets: {},
  };
  const planSheet = byKey.get('plan');
  if (planSheet) plan.sheets.plan = { name: planSheet.name, headerRow: 1, columns: {} };
  for (const def of TABLE_SHEETS) {
    const sheet = byKey.get(def.key);
    if (!sheet) {
      reader.raise(R.missingSheet, { sheet: def[language], cell: 'A1' }, { sheet: def[language] });
      continue;
    }
    // Each row is built into its record as it is read: no row is held twice.
    const read = <T extends RowOrigin>(build: (r: RowReader) => T): T[] => {
      const table = reader.readTable(def, sheet, build);
      plan.sheets[def.key] = table.found;
      return table.rows;
    };
    switch (def.key) {
      case 'knowledge':
        plan.knowledge = read((r) => ({
          sheet: r.sheet,
          row: r.row,
          letters: r.letters,
          id: r.text('id'),
          category: r.list('category'),
          finding: r.text('finding'),
          source: r.text('source'),
          impact: r.list('impact'),
          confirmed: r.yes('confirmed'),
          lastVerified: r.date('lastVerified'),
        })) satisfies KnowledgeItem[];
        break;
      case 'learning':
        plan.learning = read((r) => ({
          sheet: r.sheet,
          row: r.row,
          letters: r.letters,
          id: r.text('id'),
          activity: r.text('activity'),
          owner: r.text('owner'),
          due: r.date('due'),
          status: r.list('status'),
          knowledgeGained: r.ids('knowledgeGained'),
        })) satisfies LearningActivity[];
        break;
      case 'stakeholders':
        plan.stakeholders = read((r) => ({
          sheet: r.sheet,
          row: r.row,
          letters: r.letters,
          id: r.text('id'),
          name: r.text('name'),
          title: r.text('title'),
          businessUnit: r.text('businessUnit'),
          role: r.list('role'),
          attitude: r.list('attitude'),
          influence: r.list('influence'),
          relationshipOwner: r.text('relationshipOwner'),
          lastContact: r.date('lastContact'),
        })) satisfies Stakeholder[];
        break;
      case 'vision':
        plan.vision = read((r) => ({
          sheet: r.sheet,
          row: r.row,
          letters: r.letters,
          id: r.text('id'),
          opportunity: r.text('opportunity'),
          addresses: r.ids('addresses'),
          solution: r.text('solution'),
          clientBenefit: r.text('clientBenefit'),
          clientValue: r.number('clientValue'),
          ourRevenue: r.number('ourRevenue'),
          probability: r.number('probability'),
          validation: r.list('validation'),
          validatedWith: r.text('validatedWith'),
        })) satisfies Opportunity[];
        break;
      case 'commitments':
        plan.commitments = read((r) => ({
          sheet: r.sheet,
          row: r.row,
          letters: r.letters,
          id: r.text('id'),
          commitment: r.text('commitment'),
          supports: r.ids('supports'),
          side: r.list('side'),
          owner: r.text('owner'),
          clientCounterpart: r.text('clientCounterpart'),
          due: r.date('due'),
          team: r.text('team'),
          effortHours: r.number('effortHours'),
          cost: r.number('cost'),
          needsApproval: r.yes('needsApproval'),
          approvedBy: r.text('approvedBy'),
          clientAgreed: r.yes('clientAgreed'),
          status: r.list('status'),
          approvalDate: r.date('approvalDate'),
          approvedTerms: r.text('approvedTerms'),
        })) satisfies Commitment[];
        break;
      case 'capacity':
        plan.capacity = read((r) => ({
          sheet: r.sheet,
          row: r.row,
          letters: r.letters,
          team: r.text('team'),
          start: r.date('start'),
          end: r.date('end'),
          availableHours: r.number('availableHours'),
          budget: r.number('budget'),
        })) satisfies CapacityRow[];
        break;
    }
  }
  if (!planSheet) reader.raise(R.missingSheet, { sheet: PLAN_SHEET[language], cell: 'A1' }, { sheet: PLAN_SHEET[language] });
  return { plan, findings: reader.findings };
}

/** One data row while reading: typed accessors that record a finding for what they cannot read. */
interface RowReader extends RowOrigin {
  text(key: string): string;
  list(key: string): string | undefined;
  yes(key: string): boolean | undefined;
  date(key: string): number | undefined;
  number(key: string): number | undefined;
  ids(key: string): string[];
}

/**
 * A cursor over a table's rows: it holds the current row's values by column
 * key, with typed accessors. One per table, moved from row to row, so reading
 * ten thousand rows allocates nothing but their records.
 */
class RowRead implements RowReader {
  row = 0;
  /** Keys of this row's cells that could not be read; a new array only for a row that has some. */
  unread: string[] | undefined;
  readonly cells: unknown[];
  constructor(
    readonly sheet: string,
    readonly letters: Readonly<Record<string, string>>,
    private readonly index: Record<string, number>,
    width: number,
  ) {
    this.cells = new Array<unknown>(width);
  }
  private get(key: string): unknown {
    const i = this.index[key];
    return i === undefined ? undefined : this.cells[i];
  }
  text(key: string): string {
    const v = this.get(key);
    return typeof v === 'string' ? v : '';
  }
  list(key: string): string | undefined {
    const v = this.get(key);
    return typeof v === 'string' ? v : undefined;
  }
  yes(key: string): boolean | undefined {
    const v = this.get(key);
    return v === 'yes' ? true : v === 'no' ? false : undefined;
  }
  date(key: string): number | undefined {
    const v = this.get(key);
    return typeof v === 'number' ? v : undefined;
  }
  number(key: string): number | undefined {
    const v = this.get(key);
    return typeof v === 'number' ? v : undefined;
  }
  ids(key: string): string[] {
    const v = this.get(key);
    return Array.isArray(v) ? (v as string[]) : [];
  }
}

function blankValue(type: ColumnDef['type']): unknown {
  return type.kind === 'refs' ? [] : type.kind === 'text' || type.kind === 'id' ? '' : undefined;
}

class Reader {
  readonly findings: Finding[] = [];
  constructor(
    private readonly language: Language,
    private readonly lang: Language,
  ) {}

  /** List lookups by typed text: a column repeats a handful of values over thousands of rows. */
  private readonly listCache = new Map<ListKey, Map<string, ListItem | null>>();

  private listItem(list: ListKey, text: string): ListItem | undefined {
    let cache = this.listCache.get(list);
    if (!cache) this.listCache.set(list, (cache = new Map()));
    let item = cache.get(text);
    if (item === undefined) {
      item = findListItem(list, text) ?? null;
      cache.set(text, item);
    }
    return item ?? undefined;
  }

  raise(rule: RuleDef, place: { sheet: string; cell: string }, params: Params): void {
    this.findings.push(makeFinding(rule, place, params, this.lang));
  }

  private checkMerges(sheet: SheetGrid, fromRow: number): void {
    const merges = Array.isArray(sheet.merges) ? sheet.merges : [];
    for (const m of merges) {
      if (typeof m !== 'string') continue;
      const box = parseRange(m);
      if (!box || box.bottom < fromRow) continue;
      this.raise(R.mergedCells, { sheet: sheet.name, cell: a1(box.top, box.left) }, { sheet: sheet.name, value: m });
    }
  }

  readSummary(sheet: SheetGrid | undefined): PlanSummary {
    const summary: PlanSummary = { account: '', kam: '', currency: '', internalSponsor: '', clientSponsor: '', signOffBy: '', cells: {} };
    if (!sheet) return summary;
    this.checkMerges(sheet, 1);
    const grid = new GridView(sheet);
    const seen = new Set<PlanFieldKey>();
    for (let r = grid.top; r <= grid.lastRow; r++) {
      if (grid.rowIsBlank(r)) continue;
      // The field label is the first filled cell of the row; its value sits just right of it.
      let c = grid.left;
      while (c <= grid.lastColumn && isBlank(grid.at(r, c))) c++;
      if (c > grid.left + 4) continue;
      const label = grid.at(r, c);
      if (typeof label !== 'string') continue;
      const field = PLAN_SHEET.fields.find((f) => matchKey(f.en) === matchKey(label) || matchKey(f.es) === matchKey(label));
      if (!field || seen.has(field.key)) continue;
      seen.add(field.key);
      const cell = a1(r, c + 1);
      summary.cells[field.key] = cell;
      const raw = grid.at(r, c + 1);
      const ctx: CellContext = { sheet: sheet.name, row: r, letter: columnLetter(c), column: field, thing: () => ({ en: 'Plan', es: 'Plan' }) };
      const before = this.findings.length;
      const value = this.value(field.type, raw, ctx);
      if (this.findings.length > before) (summary.unread ??= []).push(field.key);
      if (value === undefined) continue;
      switch (field.key) {
        case 'periodStart':
        case 'periodEnd':
        case 'signOffDate':
        case 'revenueTarget':
          (summary as unknown as Record<string, unknown>)[field.key] = value;
          break;
        default:
          (summary as unknown as Record<string, unknown>)[field.key] = typeof value === 'string' ? value : toText(raw);
      }
    }
    for (const f of PLAN_SHEET.fields) {
      // Account and period have rules of their own that say more than "missing row".
      if (seen.has(f.key) || f.key === 'account' || f.key === 'periodStart' || f.key === 'periodEnd') continue;
      this.raise(R.missingField, { sheet: sheet.name, cell: a1(grid.top, grid.left) }, { field: f });
    }
    return summary;
  }

  readTable<T extends RowOrigin>(def: TableSheetDef, sheet: SheetGrid, build: (r: RowReader) => T): { found: SheetLayoutFound; rows: T[] } {
    const grid = new GridView(sheet);
    const { headerRow, columns } = findHeader(grid, def);
    const found: SheetLayoutFound = { name: sheet.name, headerRow, columns };
    for (const col of def.columns) {
      if (columns[col.key] !== undefined || col.optional) continue;
      this.raise(R.missingColumn, { sheet: sheet.name, cell: a1(headerRow, grid.left) }, { sheet: sheet.name, column: col });
    }
    this.checkMerges(sheet, headerRow);
    const table = tableSlots(def, columns);
    const cursor = new RowRead(sheet.name, table.letters, table.index, table.slots.length);
    const ctx = this.tableContext(table, grid);
    const rows: T[] = [];
    for (let r = headerRow + 1; r <= grid.lastRow; r++) {
      if (grid.rowIsBlank(r)) continue;
      this.readRow(table, grid, r, cursor, ctx);
      const record = build(cursor);
      if (cursor.unread) record.unread = cursor.unread;
      rows.push(record);
    }
    this.checkIds(def, rows);
    return { found, rows };
  }

  private checkIds(def: TableSheetDef, rows: readonly (RowOrigin & { id?: string })[]): void {
    if (!def.idPrefix || rows.length === 0 || rows[0].letters.id === undefined) return;
    const missing = rows.filter((r) => !r.id);
    if (missing.length === 0) return;
    // Suggested IDs continue after the highest number in use, so they are new.
    let max = 0;
    for (const r of rows) {
      const m = /(\d+)$/.exec(r.id ?? '');
      if (m) max = Math.max(max, Number(m[1]));
    }
    for (const r of missing) {
      max++;
      this.raise(R.missingId, { sheet: r.sheet, cell: cellOf(r, 'id')! }, { thing: rowThing(def, r.sheet, r.row, ''), suggested: `${def.idPrefix}${max}` });
    }
  }

  /** The cell context of a table's cursor; it names the cursor's current row when a finding needs it. */
  private tableContext(table: TableSlots, grid: GridView): CellContext {
    const ctx: CellContext = {
      sheet: grid.sheet.name,
      row: 0,
      letter: '',
      column: table.def.columns[0],
      thing: () => rowThing(table.def, grid.sheet.name, ctx.row, rowId(table, grid.rows[ctx.row - grid.top] as unknown[], grid.left)),
    };
    return ctx;
  }

  /** Reads every contract cell of a row once into the cursor: a bad value yields exactly one finding. */
  private readRow(table: TableSlots, grid: GridView, row: number, cursor: RowRead, ctx: CellContext): void {
    const cells = grid.rows[row - grid.top] as unknown[];
    const values = cursor.cells;
    cursor.row = row;
    cursor.unread = undefined;
    ctx.row = row;
    for (let i = 0; i < table.slots.length; i++) {
      const slot = table.slots[i];
      const raw = cells[slot.column - grid.left];
      if (isBlank(raw)) {
        values[i] = blankValue(slot.def.type);
        continue;
      }
      ctx.letter = slot.letter;
      ctx.column = slot.def;
      const before = this.findings.length;
      values[i] = this.value(slot.def.type, raw, ctx);
      if (this.findings.length > before) (cursor.unread ??= []).push(slot.def.key);
    }
  }

  /** Reads one cell as its column's type; undefined (and a finding) when it cannot. */
  private value(type: ColumnDef['type'], raw: unknown, ctx: CellContext): unknown {
    if (isBlank(raw)) return blankValue(type);
    if (typeof raw === 'string') {
      if (raw.length > MAX_TEXT) return this.fail(R.textTooLong, ctx, raw, { value: raw.length });
      // Error text always holds a '#': most cells skip the pattern match.
      const err = raw.includes('#') ? errorOf(raw) : undefined;
      if (err) return this.fail(R.errorValue, ctx, raw, { value: err });
    } else if (typeof raw === 'object') {
      const err = errorOf(raw);
      if (err) return this.fail(R.errorValue, ctx, raw, { value: err });
    }
    switch (type.kind) {
      case 'id':
      case 'text':
        return toText(raw);
      case 'refs':
        return parseIdList(raw);
      case 'formula':
        return undefined;
      case 'list': {
        const list = type.list;
        if (typeof raw === 'boolean' && list === 'yesNo') return raw ? 'yes' : 'no';
        const item = this.listItem(list, toText(raw));
        if (item) return item.key;
        const allowed = { en: LISTS[list].map((i) => i.en).join(', '), es: LISTS[list].map((i) => i.es).join(', ') };
        return this.fail(R.notInList, ctx, raw, { allowed });
      }
      case 'date': {
        // An Excel serial (what Excel hands over for a date cell) needs no parsing.
        if (typeof raw === 'number' && raw >= 1 && raw <= MAX_SERIAL) return Math.floor(raw) - EXCEL_EPOCH_OFFSET;
        const d = parseDate(raw);
        return d.ok ? d.value : this.fail(R.notADate, ctx, raw);
      }
      case 'percent': {
        const p = parsePercent(raw, this.language);
        return p.ok ? p.value : this.fail(R.notAPercent, ctx, raw);
      }
      case 'number':
      case 'money': {
        if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0) return raw;
        const n = parseNumber(raw, this.language);
        if (!n.ok) return this.fail(R.notANumber, ctx, raw);
        return n.value < 0 ? this.fail(R.negativeNumber, ctx, raw) : n.value;
      }
    }
  }

  /** Raises a value finding; the message's words are built only now, for the few cells that fail. */
  private fail(rule: RuleDef, ctx: CellContext, raw: unknown, extra: Params = {}): undefined {
    this.raise(rule, { sheet: ctx.sheet, cell: ctx.letter + ctx.row }, { thing: ctx.thing(), column: ctx.column, value: displayOf(raw), ...extra });
    return undefined;
  }
}

interface CellContext {
  sheet: string;
  row: number;
  letter: string;
  column: Label;
  /** What messages call the row; worked out only when a finding needs it. */
  thing(): Label;
}

/** A table's found columns in contract order, worked out once per sheet. */
interface TableSlots {
  def: TableSheetDef;
  slots: { def: ColumnDef; column: number; letter: string }[];
  /** Position in `slots` of each column key. */
  index: Record<string, number>;
  letters: Record<string, string>;
}

function tableSlots(def: TableSheetDef, columns: Record<string, number>): TableSlots {
  const table: TableSlots = { def, slots: [], index: {}, letters: {} };
  for (const c of def.columns) {
    const column = columns[c.key];
    if (column === undefined) continue;
    const letter = columnLetter(column - 1);
    table.index[c.key] = table.slots.length;
    table.letters[c.key] = letter;
    table.slots.push({ def: c, column, letter });
  }
  return table;
}

/** The row's ID as typed, for messages. */
function rowId(table: TableSlots, cells: unknown[], left: number): string {
  const slot = table.index.id;
  return table.def.idPrefix && slot !== undefined ? toText(cells[table.slots[slot].column - left]) : '';
}

/** What a message calls a row: its sheet and ID ("Commitments C3"), or its row number. */
function rowThing(def: TableSheetDef, sheetName: string, row: number, id: string): Label {
  if (id !== '') return { en: `${sheetName} ${id}`, es: `${sheetName} ${id}` };
  return { en: `${sheetName} row ${row}`, es: `${sheetName} fila ${row}` };
}

/** A bad value as the user would recognise it, shortened for messages. */
function displayOf(raw: unknown): string {
  const s = raw instanceof Date ? (Number.isFinite(raw.getTime()) ? raw.toISOString().slice(0, 10) : 'Invalid date') : toText(raw);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** The row whose cells name the most contract columns, within the first rows of the sheet. */
function findHeader(grid: GridView, def: TableSheetDef): { headerRow: number; columns: Record<string, number> } {
  let best = { headerRow: grid.top, columns: {} as Record<string, number>, count: 0 };
  const last = Math.min(grid.lastRow, grid.top + HEADER_SEARCH_ROWS - 1);
  const keys = def.columns.map((c) => ({ key: c.key, en: matchKey(c.en), es: matchKey(c.es) }));
  for (let r = grid.top; r <= last; r++) {
    const row = grid.rows[r - grid.top];
    if (!Array.isArray(row)) continue;
    const columns: Record<string, number> = {};
    let count = 0;
    row.forEach((v, i) => {
      if (typeof v !== 'string') return;
      const k = matchKey(v);
      const col = keys.find((c) => (c.en === k || c.es === k) && columns[c.key] === undefined);
      if (!col) return;
      columns[col.key] = grid.left + i;
      count++;
    });
    if (count > best.count) best = { headerRow: r, columns, count };
  }
  return { headerRow: best.headerRow, columns: best.columns };
}

