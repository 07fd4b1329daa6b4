// A strict in-memory stand-in for the part of Office.js the Excel adapter uses.
// Like the real thing, work is queued and only happens at context.sync();
// reading a property that was not loaded and synced throws PropertyNotLoaded;
// a 2-D write whose shape differs from its range throws InvalidArgument; a
// string starting with '=' written to `values` becomes a formula and a leading
// apostrophe makes the rest literal text. It counts syncs and the bytes each
// request sends and receives, and rejects a request over Excel on the web's
// 5 MB payload limit. (office-addin-mock returns error strings and models no
// ranges, which is too lenient to catch load/sync mistakes.)
import { columnLetter } from '../../core/a1';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

export type CellValue = string | number | boolean;

/** One stored cell. A formula cell reads back `formulaValue` (the double does not compute formulas). */
export interface StoredCell {
  value: CellValue;
  formula?: string;
  numberFormat: string;
  bold?: boolean;
  fill?: string;
  wrap?: boolean;
  verticalAlignment?: string;
}

export interface ValidationRule {
  box: Box;
  rule: unknown;
}

export interface TableState {
  name: string;
  box: Box;
  style?: string;
}

export interface Box {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export class SheetState {
  readonly cells = new Map<number, Map<number, StoredCell>>();
  readonly validations: ValidationRule[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly tables: TableState[] = [];
  /** Merged areas, 0-based boxes. */
  readonly merges: Box[] = [];
  frozenRows = 0;
  constructor(public name: string) {}

  cell(row: number, column: number): StoredCell | undefined {
    return this.cells.get(row)?.get(column);
  }
  /** The cell to write into, created with Excel's defaults. */
  cellForWrite(row: number, column: number): StoredCell {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    let c = r.get(column);
    if (!c) r.set(column, (c = { value: '', numberFormat: 'General' }));
    return c;
  }
  /** Plain values of a box, as Office.js `values` returns them. */
  values(box: Box): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = 0; r < box.rows; r++) {
      const row: CellValue[] = [];
      const stored = this.cells.get(box.top + r);
      for (let c = 0; c < box.columns; c++) row.push(stored?.get(box.left + c)?.value ?? '');
      out.push(row);
    }
    return out;
  }
  /** Bounding box of the cells holding a value (valuesOnly) or anything at all. */
  used(valuesOnly: boolean): Box | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [r, row] of this.cells) {
      for (const [c, cell] of row) {
        const counts = cell.value !== '' || cell.formula !== undefined || (!valuesOnly && (cell.numberFormat !== 'General' || cell.bold || cell.fill));
        if (!counts) continue;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
    }
    if (bottom < 0) return undefined;
    return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }
  /** Every cell as `address -> value|formula`, for comparing whole sheets in tests. */
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

/** The workbook's state, shared by every run. */
export class WorkbookState {
  readonly sheets: SheetState[] = [];
  active?: string;
  selected?: { sheet: string; address: string };
  /** Base64 files passed to Excel.createWorkbook. */
  readonly createdWorkbooks: string[] = [];

  find(name: string): SheetState | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }
  /** Adds a sheet holding these rows from A1 (strings starting with '=' become formulas, as typed). */
  addSheet(name: string, rows: unknown[][] = []): SheetState {
    const sheet = new SheetState(name);
    this.sheets.push(sheet);
    rows.forEach((row, r) => row.forEach((v, c) => writeTyped(sheet, r, c, v)));
    return sheet;
  }
}

/** What happened in one request (one sync). */
export interface RequestRecord {
  requestBytes: number;
  responseBytes: number;
}

export class OfficeError extends Error {
  constructor(
    public code: 'PropertyNotLoaded' | 'InvalidArgument' | 'ItemNotFound' | 'ItemAlreadyExists' | 'RequestPayloadSizeLimitExceeded' | 'InvalidOperation',
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

interface Op {
  bytes: number;
  apply(): number | void;
}

/** The double's Excel: `run` hands a fresh request context to the callback, as Excel.run does. */
export class OfficeDouble {
  readonly workbook = new WorkbookState();
  readonly requests: RequestRecord[] = [];
  /** Formula cells read back this value; the empty text matches IF(team="","",...) on a blank row. */
  formulaValue: CellValue = '';
  /** The request number (1-based, counting every sync) that Excel refuses whole, as it does a request it cannot take. */
  refuseRequest?: number;

  get syncs(): number {
    return this.requests.length;
  }

  async run<T>(callback: (context: DoubleContext) => Promise<T>): Promise<T> {
    const context = new DoubleContext(this);
    const result = await callback(context);
    // Excel.run flushes what is still queued when the callback returns.
    if (context.pending()) await context.sync();
    return result;
  }

  /** Resets the counters, so a test can measure one action. */
  resetCounts(): void {
    this.requests.length = 0;
  }

  /** The `Excel` global the adapter sees. */
  excelGlobal(): { run: <T>(callback: (context: DoubleContext) => Promise<T>) => Promise<T>; createWorkbook: (base64?: string) => Promise<void> } {
    return {
      run: (callback) => this.run(callback),
      createWorkbook: async (base64?: string) => {
        this.workbook.createdWorkbooks.push(base64 ?? '');
      },
    };
  }
}

export class DoubleContext {
  private queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly office: OfficeDouble) {
    this.workbook = new WorkbookProxy(this);
  }
  get state(): WorkbookState {
    return this.office.workbook;
  }
  enqueue(payload: unknown, apply: () => number | void): void {
    this.queue.push({ bytes: JSON.stringify(payload).length, apply });
  }
  pending(): boolean {
    return this.queue.length > 0;
  }
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const requestBytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    if (this.office.refuseRequest === this.office.requests.length + 1) {
      this.office.requests.push({ requestBytes, responseBytes: 0 });
      throw new OfficeError('InvalidOperation', 'the request was refused (test)');
    }
    if (requestBytes > PAYLOAD_LIMIT) {
      this.office.requests.push({ requestBytes, responseBytes: 0 });
      throw new OfficeError('RequestPayloadSizeLimitExceeded', `request of ${requestBytes} bytes`);
    }
    let responseBytes = 0;
    try {
      for (const op of ops) responseBytes += op.apply() ?? 0;
    } finally {
      this.office.requests.push({ requestBytes, responseBytes });
    }
    if (responseBytes > PAYLOAD_LIMIT) throw new OfficeError('RequestPayloadSizeLimitExceeded', `response of ${responseBytes} bytes`);
  }
  trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
}

function propertyNames(props: unknown): string[] {
  if (typeof props === 'string') return props.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (Array.isArray(props)) return props.map(String);
  if (props && typeof props === 'object' && typeof (props as { select?: unknown }).select === 'string') {
    return propertyNames((props as { select: string }).select);
  }
  return [];
}

/** Loaded-and-synced properties of one proxy; anything else throws, as in Office.js. */
abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  private synced = false;
  constructor(protected readonly context: DoubleContext) {}
  protected abstract readProperty(name: string): unknown;
  /** Null objects answer isNullObject; real objects always exist (or the sync fails). */
  protected exists(): boolean {
    return true;
  }
  load(props?: unknown): this {
    const names = propertyNames(props);
    if (names.length === 0) throw new OfficeError('InvalidArgument', 'load() without property names loads everything: name the properties');
    this.context.enqueue({ load: names }, () => {
      this.synced = true;
      if (!this.exists()) return 0;
      let bytes = 0;
      for (const n of names) {
        const v = this.readProperty(n);
        this.loaded.set(n, v);
        bytes += JSON.stringify(v ?? null).length;
      }
      return bytes;
    });
    return this;
  }
  protected get<T>(name: string): T {
    if (!this.loaded.has(name)) throw new OfficeError('PropertyNotLoaded', `${name} was not loaded and synced`);
    return this.loaded.get(name) as T;
  }
  get isNullObject(): boolean {
    if (!this.synced) throw new OfficeError('PropertyNotLoaded', 'isNullObject read before load and sync');
    return !this.exists();
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  constructor(context: DoubleContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
  }
}

class WorksheetCollectionProxy extends ClientObject {
  protected readProperty(name: string): unknown {
    if (name === 'items/name' || name === 'items') {
      return this.context.state.sheets.map((s) => {
        const w = new WorksheetProxy(this.context, () => this.context.state.find(s.name));
        w.markLoaded('name', s.name);
        return w;
      });
    }
    throw new OfficeError('InvalidArgument', `worksheets has no property ${name}`);
  }
  get items(): WorksheetProxy[] {
    return this.get<WorksheetProxy[]>('items/name');
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const s = this.context.state.find(name);
      if (!s) throw new OfficeError('ItemNotFound', `no sheet ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.state.find(name), true);
  }
  add(name: string): WorksheetProxy {
    this.context.enqueue({ addSheet: name }, () => {
      if (this.context.state.find(name)) throw new OfficeError('ItemAlreadyExists', `sheet ${name} exists`);
      this.context.state.addSheet(name);
    });
    return this.getItem(name);
  }
}

class WorksheetProxy extends ClientObject {
  readonly freezePanes: { freezeRows: (count: number) => void; unfreeze: () => void };
  readonly tables: { add: (source: string | RangeProxy, hasHeaders: boolean) => TableProxy };
  private readonly preloaded = new Map<string, unknown>();
  constructor(
    context: DoubleContext,
    readonly target: () => SheetState | undefined,
    private readonly nullable = false,
  ) {
    super(context);
    this.freezePanes = {
      freezeRows: (count: number) => context.enqueue({ freezeRows: count }, () => void (this.sheet().frozenRows = count)),
      unfreeze: () => context.enqueue({ unfreeze: true }, () => void (this.sheet().frozenRows = 0)),
    };
    this.tables = {
      add: (source: string | RangeProxy, hasHeaders: boolean) => {
        const table = new TableProxy(context);
        context.enqueue({ addTable: typeof source === 'string' ? source : 'range', hasHeaders }, () => {
          // A bare address names the active sheet in Office.js, so the adapter passes a Range.
          if (typeof source === 'string' && !source.includes('!')) throw new OfficeError('InvalidArgument', 'an address without a sheet names the active sheet');
          const target = typeof source === 'string' ? { sheet: this.sheet(), box: parseBox(source.slice(source.lastIndexOf('!') + 1)) } : source.resolve();
          if (target.sheet !== this.sheet()) throw new OfficeError('InvalidArgument', 'the table range is on another sheet');
          const box = target.box;
          const sheet = this.sheet();
          for (const t of sheet.tables) if (overlaps(t.box, box)) throw new OfficeError('InvalidArgument', `table overlaps ${t.name}`);
          const state: TableState = { name: `Table${context.state.sheets.reduce((n, s) => n + s.tables.length, 1)}`, box };
          sheet.tables.push(state);
          table.state = state;
        });
        return table;
      },
    };
  }
  markLoaded(name: string, value: unknown): void {
    this.preloaded.set(name, value);
  }
  /** What the response carries for a worksheet in a collection load. */
  toJSON(): unknown {
    return Object.fromEntries(this.preloaded);
  }
  protected override exists(): boolean {
    return this.target() !== undefined;
  }
  sheet(): SheetState {
    const s = this.target();
    if (!s) throw new OfficeError('ItemNotFound', 'the sheet does not exist');
    return s;
  }
  protected readProperty(name: string): unknown {
    if (name === 'name') return this.sheet().name;
    throw new OfficeError('InvalidArgument', `worksheet has no property ${name}`);
  }
  get name(): string {
    if (this.preloaded.has('name')) return this.preloaded.get('name') as string;
    return this.get<string>('name');
  }
  getRange(addr?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.sheet();
      if (addr === undefined) return { sheet, box: { top: 0, left: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } };
      return { sheet, box: parseBox(addr) };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.sheet();
        const box = sheet.used(valuesOnly === true);
        return box ? { sheet, box } : undefined;
      },
      true,
    );
  }
  activate(): void {
    this.context.enqueue({ activate: true }, () => void (this.context.state.active = this.sheet().name));
  }
  get isNull(): boolean {
    return this.nullable;
  }
}

class TableProxy {
  state?: TableState;
  constructor(private readonly context: DoubleContext) {}
  set name(name: string) {
    this.context.enqueue({ tableName: name }, () => {
      for (const s of this.context.state.sheets) for (const t of s.tables) if (t !== this.state && t.name === name) throw new OfficeError('ItemAlreadyExists', `table ${name}`);
      if (this.state) this.state.name = name;
    });
  }
  set style(style: string) {
    this.context.enqueue({ tableStyle: style }, () => {
      if (this.state) this.state.style = style;
    });
  }
}

interface RangeTarget {
  sheet: SheetState;
  box: Box;
}

class RangeProxy extends ClientObject {
  readonly format: RangeFormatProxy;
  readonly dataValidation: { rule: unknown; clear: () => void };
  constructor(
    context: DoubleContext,
    private readonly target: () => RangeTarget | undefined,
    private readonly nullable = false,
  ) {
    super(context);
    this.format = new RangeFormatProxy(context, () => this.resolve());
    const resolve = (): RangeTarget => this.resolve();
    this.dataValidation = {
      set rule(rule: unknown) {
        context.enqueue({ validation: rule }, () => {
          const t = resolve();
          t.sheet.validations.push({ box: t.box, rule });
        });
      },
      get rule(): unknown {
        throw new OfficeError('PropertyNotLoaded', 'dataValidation.rule was not loaded');
      },
      clear: () =>
        context.enqueue({ clearValidation: true }, () => {
          const t = resolve();
          const keep = t.sheet.validations.filter((v) => !overlaps(v.box, t.box));
          t.sheet.validations.splice(0, t.sheet.validations.length, ...keep);
        }),
    };
  }
  protected override exists(): boolean {
    return this.target() !== undefined;
  }
  /** ExcelApi 1.13: the merged areas inside this range, or a null object when there are none. */
  getMergedAreasOrNullObject(): MergedAreasProxy {
    return new MergedAreasProxy(this.context, () => {
      const { sheet, box } = this.resolve();
      const inside = sheet.merges.filter((m) => overlaps(m, box));
      return inside.length === 0 ? undefined : { sheet, boxes: inside };
    });
  }
  resolve(): RangeTarget {
    const t = this.target();
    if (!t) throw new OfficeError(this.nullable ? 'InvalidOperation' : 'ItemNotFound', 'the range is a null object');
    return t;
  }
  protected readProperty(name: string): unknown {
    const { sheet, box } = this.resolve();
    switch (name) {
      case 'values':
        return sheet.values(box);
      case 'formulas':
        return mapBox(sheet, box, (c) => c?.formula ?? c?.value ?? '');
      case 'numberFormat':
        return mapBox(sheet, box, (c) => c?.numberFormat ?? 'General');
      case 'address':
        return `${quoteName(sheet.name)}!${boxAddress(box)}`;
      case 'rowCount':
        return box.rows;
      case 'columnCount':
        return box.columns;
      case 'rowIndex':
        return box.top;
      case 'columnIndex':
        return box.left;
      default:
        throw new OfficeError('InvalidArgument', `range property ${name} is not modelled`);
    }
  }
  get values(): CellValue[][] {
    return this.get('values');
  }
  set values(rows: unknown[][]) {
    this.write('values', rows, (sheet, r, c, v) => writeTyped(sheet, r, c, v));
  }
  get formulas(): CellValue[][] {
    return this.get('formulas');
  }
  set formulas(rows: unknown[][]) {
    this.write('formulas', rows, (sheet, r, c, v) => writeTyped(sheet, r, c, v));
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(rows: unknown[][]) {
    this.write('numberFormat', rows, (sheet, r, c, v) => {
      if (typeof v !== 'string') throw new OfficeError('InvalidArgument', 'a number format is text');
      sheet.cellForWrite(r, c).numberFormat = v;
    });
  }
  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  private write(kind: string, rows: unknown[][], put: (sheet: SheetState, row: number, column: number, value: unknown) => void): void {
    this.context.enqueue({ [kind]: rows }, () => {
      const { sheet, box } = this.resolve();
      if (!Array.isArray(rows) || rows.length !== box.rows || rows.some((r) => !Array.isArray(r) || r.length !== box.columns)) {
        throw new OfficeError('InvalidArgument', `${kind}: the array's shape does not match the range ${boxAddress(box)}`);
      }
      rows.forEach((row, r) => row.forEach((v, c) => put(sheet, box.top + r, box.left + c, v)));
    });
  }
  select(): void {
    this.context.enqueue({ select: true }, () => {
      const { sheet, box } = this.resolve();
      this.context.state.selected = { sheet: sheet.name, address: boxAddress(box) };
    });
  }
  clear(): void {
    this.context.enqueue({ clear: true }, () => {
      const { sheet, box } = this.resolve();
      for (const [r, row] of sheet.cells) {
        if (r < box.top || r >= box.top + box.rows) continue;
        for (const c of [...row.keys()]) if (c >= box.left && c < box.left + box.columns) row.delete(c);
      }
      const keep = sheet.validations.filter((v) => !overlaps(v.box, box));
      sheet.validations.splice(0, sheet.validations.length, ...keep);
    });
  }
}

/** A RangeAreas of merged cells: its `address` lists every area, sheet-qualified, comma-separated, as Excel does. */
class MergedAreasProxy extends ClientObject {
  constructor(
    context: DoubleContext,
    private readonly target: () => { sheet: SheetState; boxes: Box[] } | undefined,
  ) {
    super(context);
  }
  protected override exists(): boolean {
    return this.target() !== undefined;
  }
  protected readProperty(name: string): unknown {
    const t = this.target();
    if (!t) throw new OfficeError('InvalidOperation', 'the range areas are a null object');
    if (name !== 'address') throw new OfficeError('InvalidArgument', `range areas property ${name} is not modelled`);
    return t.boxes.map((b) => `${quoteName(t.sheet.name)}!${boxAddress(b)}`).join(',');
  }
  get address(): string {
    return this.get('address');
  }
}

class RangeFormatProxy {
  private readonly each: (payload: unknown, set: (cell: StoredCell) => void) => void;
  readonly font: { bold: boolean };
  readonly fill: { color: string };
  constructor(
    private readonly context: DoubleContext,
    private readonly resolve: () => RangeTarget,
  ) {
    const each = (this.each = (payload: unknown, set: (cell: StoredCell) => void) =>
      context.enqueue(payload, () => {
        const { sheet, box } = resolve();
        for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.columns; c++) set(sheet.cellForWrite(box.top + r, box.left + c));
      }));
    this.font = {
      set bold(b: boolean) {
        each({ bold: b }, (cell) => (cell.bold = b));
      },
      get bold(): boolean {
        throw new OfficeError('PropertyNotLoaded', 'format.font.bold was not loaded');
      },
    };
    this.fill = {
      set color(color: string) {
        each({ fill: color }, (cell) => (cell.fill = color));
      },
      get color(): string {
        throw new OfficeError('PropertyNotLoaded', 'format.fill.color was not loaded');
      },
    };
  }
  set wrapText(wrap: boolean) {
    this.each({ wrapText: wrap }, (cell) => (cell.wrap = wrap));
  }
  get wrapText(): boolean {
    throw new OfficeError('PropertyNotLoaded', 'format.wrapText was not loaded');
  }
  set verticalAlignment(alignment: string) {
    if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(alignment)) throw new OfficeError('InvalidArgument', `verticalAlignment ${alignment}`);
    this.each({ verticalAlignment: alignment }, (cell) => (cell.verticalAlignment = alignment));
  }
  get verticalAlignment(): string {
    throw new OfficeError('PropertyNotLoaded', 'format.verticalAlignment was not loaded');
  }
  /** Row heights are not modelled: the call only has to name a real range. */
  autofitRows(): void {
    this.context.enqueue({ autofitRows: true }, () => void this.resolve());
  }
  set columnWidth(points: number) {
    this.context.enqueue({ columnWidth: points }, () => {
      if (typeof points !== 'number' || !(points >= 0)) throw new OfficeError('InvalidArgument', 'columnWidth is a number of points');
      const { sheet, box } = this.resolve();
      for (let c = 0; c < box.columns; c++) sheet.columnWidths.set(box.left + c, points);
    });
  }
  get columnWidth(): number {
    throw new OfficeError('PropertyNotLoaded', 'format.columnWidth was not loaded');
  }
}

/** What typing (or writing `values`) does: '=...' is a formula, a leading apostrophe makes literal text. */
function writeTyped(sheet: SheetState, row: number, column: number, v: unknown): void {
  if (v !== null && typeof v === 'object') throw new OfficeError('InvalidArgument', 'a cell value is text, a number or a boolean');
  const cell = sheet.cellForWrite(row, column);
  delete cell.formula;
  if (v === null || v === undefined) {
    cell.value = '';
  } else if (typeof v === 'string' && v.startsWith("'")) {
    cell.value = v.slice(1);
  } else if (typeof v === 'string' && v.startsWith('=') && v.length > 1) {
    cell.formula = v;
    cell.value = '';
  } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    cell.value = v;
  } else {
    throw new OfficeError('InvalidArgument', `cannot write ${typeof v}`);
  }
}

function mapBox<T>(sheet: SheetState, box: Box, f: (cell: StoredCell | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < box.rows; r++) {
    const row: T[] = [];
    for (let c = 0; c < box.columns; c++) row.push(f(sheet.cell(box.top + r, box.left + c)));
    out.push(row);
  }
  return out;
}

function overlaps(a: Box, b: Box): boolean {
  return a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.columns && b.left < a.left + a.columns;
}


/** A1 address of a 0-based cell. */
export function address(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

function boxAddress(box: Box): string {
  const first = address(box.top, box.left);
  const last = address(box.top + box.rows - 1, box.left + box.columns - 1);
  return first === last ? first : `${first}:${last}`;
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function parseCell(text: string): { row: number; column: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(text.trim());
  if (!m) throw new OfficeError('InvalidArgument', `bad address ${text}`);
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROWS || column > MAX_COLUMNS) throw new OfficeError('InvalidArgument', `address out of the sheet ${text}`);
  return { row: row - 1, column: column - 1 };
}

/** `B2:D4` or `B2` as a 0-based box. */
export function parseBox(addr: string): Box {
  const [from, to] = addr.split(':');
  const a = parseCell(from);
  const b = to === undefined ? a : parseCell(to);
  const top = Math.min(a.row, b.row);
  const left = Math.min(a.column, b.column);
  return { top, left, rows: Math.abs(a.row - b.row) + 1, columns: Math.abs(a.column - b.column) + 1 };
}
