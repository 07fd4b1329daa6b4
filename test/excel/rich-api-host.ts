// The Excel test host: what answers `OSF.DDA.RichApi.executeRichApiRequestAsync`,
// the call through which the real Excel JavaScript library (npm
// @microsoft/office-js) sends every request to Excel. It runs each request's
// actions in order against the in-memory workbook, resolves an object path
// when its Instantiate action runs and fails the request there, leaves the
// actions before a failure applied, refuses a request or response over 5 MB
// as Excel on the web does (nothing applied), and answers any member it does
// not model with a loud ApiNotFound. Every behaviour and its source: docs/excel.md.
// No Node imports: the browser test bundles it into the page.

import { computeFormula, FormulaNotModelled, readFormula } from './excel-formulas';
import { typeText } from './excel-typing';
import { address, Box, boxAddress, Cell, CellValue, contains, MAX_COLUMNS, MAX_ROWS, overlaps, PageLayoutState, quoteName, Sheet, Table, Workbook } from './excel-workbook';

/** Excel on the web's limit on a request's and a response's payload. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** One request as the library sent it and the host answered it. */
export interface RequestRecord {
  customData: string;
  flags: number;
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** The error code the request failed with, if any (`5103` for a transport refusal). */
  failed?: string;
}

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly location = '',
    readonly status = STATUS[code] ?? 500,
  ) {
    super(message);
  }
}

const STATUS: Record<string, number> = { ItemNotFound: 404, ItemAlreadyExists: 409, InvalidArgument: 400, InvalidOperation: 400, ApiNotFound: 404, GeneralException: 500 };

interface PathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: unknown[] };
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: unknown[] };
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
}

type HostObject =
  | { kind: 'Workbook' }
  | { kind: 'Application' }
  | { kind: 'WorksheetCollection' }
  | { kind: 'Worksheet'; sheet: Sheet }
  | { kind: 'Range'; sheet: Sheet; box: Box }
  | { kind: 'RangeAreas'; sheet: Sheet; boxes: Box[] }
  | { kind: 'RangeFormat'; sheet: Sheet; box: Box }
  | { kind: 'RangeFont'; sheet: Sheet; box: Box }
  | { kind: 'DataValidation'; sheet: Sheet; box: Box }
  | { kind: 'WorksheetFreezePanes'; sheet: Sheet }
  | { kind: 'PageLayout'; sheet: Sheet }
  | { kind: 'TableCollection'; sheet?: Sheet }
  | { kind: 'Table'; table: Table }
  | { kind: 'NewWorkbook'; base64: string };

type Kind = HostObject['kind'];
type Of<K extends Kind> = Extract<HostObject, { kind: K }>;

/** A member the host models: the ExcelApi version that brought it, and what it does. */
interface Member<K extends Kind> {
  since: string;
  /** A navigation property (ObjectPathType 4). */
  nav?: (o: Of<K>, host: RichApiHost) => HostObject;
  /** A method, as an object path (its result is a new object) or as an action. */
  call?: (o: Of<K>, args: unknown[], host: RichApiHost) => HostObject | null | CellValue | void;
  set?: (o: Of<K>, value: unknown, host: RichApiHost) => void;
  get?: (o: Of<K>, host: RichApiHost) => unknown;
}

type Members = { [K in Kind]: Record<string, Member<K>> };

/** Options of one host: which Excel it stands for. */
export interface HostOptions {
  /** Highest ExcelApi version this Excel has: 1.17 on the web and Microsoft 365 (default), 1.8 for Excel 2019. */
  excelApi?: string;
  /** `web` accepts Excel.createWorkbook's WacPartition request; `desktop` its application.createWorkbook path. */
  platform?: 'web' | 'desktop';
}

export class RichApiHost {
  readonly requests: RequestRecord[] = [];
  /** Members the add-in used that the host does not model (each also failed its request). */
  readonly unmodelled: string[] = [];
  /** Formulas written through `values` instead of `formulas` (Excel reads those in the user's locale). */
  formulasThroughValues = 0;
  /** The next request fails at the transport with this code (e.g. 5004: a cell is being edited), nothing applied. */
  failNextRequest?: number;
  /** Fails the first action for which this returns an error; the actions before it stay applied. */
  failAction?: (action: ActionInfo, request: number) => HostError | undefined;
  readonly excelApi: string;
  readonly platform: 'web' | 'desktop';

  constructor(
    readonly workbook: Workbook = new Workbook(),
    options: HostOptions = {},
  ) {
    this.excelApi = options.excelApi ?? '1.17';
    this.platform = options.platform ?? 'web';
  }

  /** Resets the request records, so a test can measure one action. */
  resetCounts(): void {
    this.requests.length = 0;
  }

  /** What `Office.context.requirements.isSetSupported` answers in this Excel. */
  isSetSupported(name: string, version?: string): boolean {
    const wanted = version ?? '1.1';
    if (name === 'ExcelApi') return atMost(wanted, this.excelApi);
    if (name === 'RichApiRuntime') return atMost(wanted, '1.2');
    if (name === 'RichApiRuntimeFlag') return atMost(wanted, '1.1');
    return false;
  }

  /** `OSF.DDA.RichApi.executeRichApiRequestAsync(safeArray, callback)`. */
  execute(message: unknown[], callback: (result: unknown) => void): void {
    const [customData, , , , body, , flags] = message as [string, string, string, string[], string, number, number];
    const requestBytes = utf8Length(body);
    const record: RequestRecord = { customData, flags, requestBytes, responseBytes: 0, actions: 0 };
    this.requests.push(record);
    const fail = (code: number, text: string): void => {
      record.failed = String(code);
      callback({ status: 'failed', error: { code, message: text } });
    };
    if (this.failNextRequest !== undefined) {
      const code = this.failNextRequest;
      this.failNextRequest = undefined;
      return fail(code, 'The test host refused this request.');
    }
    if (requestBytes > PAYLOAD_LIMIT) return fail(5103, `The request payload of ${requestBytes} bytes is over the 5 MB limit.`);
    const request = JSON.parse(body) as { Actions: ActionInfo[]; ObjectPaths: Record<string, PathInfo> };
    record.actions = request.Actions.length;
    const writes = (flags & 1) !== 0;
    // A response over the limit is refused with nothing applied: keep what to restore when a write request also reads.
    const undo = writes && request.Actions.some((a) => a.ActionType === 2) ? cloneWorkbook(this.workbook) : undefined;
    const response = new Batch(this, request, customData, this.requests.length).run();
    const text = JSON.stringify(response);
    record.responseBytes = utf8Length(text);
    if (response.Error) record.failed = response.Error.Code;
    if (record.responseBytes > PAYLOAD_LIMIT) {
      if (undo) restoreWorkbook(this.workbook, undo);
      return fail(5104, `The response payload of ${record.responseBytes} bytes is over the 5 MB limit.`);
    }
    callback({ status: 'succeeded', value: { data: [200, [], text] } });
  }

  notModelled(what: string): HostError {
    this.unmodelled.push(what);
    return new HostError('ApiNotFound', `The Excel test host does not model ${what}.`, what);
  }
}

/** One request being run. */
class Batch {
  private readonly objects = new Map<number, HostObject | null>();
  constructor(
    private readonly host: RichApiHost,
    private readonly request: { Actions: ActionInfo[]; ObjectPaths: Record<string, PathInfo> },
    private readonly customData: string,
    private readonly number: number,
  ) {}

  run(): { Results: { ActionId: number; Value: unknown }[]; Error?: { Code: string; Message: string; Location: string; ActionIndex: number; HttpStatusCode: number } } {
    const results: { ActionId: number; Value: unknown }[] = [];
    for (const [index, action] of this.request.Actions.entries()) {
      try {
        const injected = this.host.failAction?.(action, this.number);
        if (injected) throw injected;
        const value = this.action(action);
        if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
      } catch (e) {
        const error =
          e instanceof HostError ? e : e instanceof FormulaNotModelled ? this.host.notModelled(`the formula: ${e.message}`) : new HostError('GeneralException', String(e));
        return { Results: results, Error: { Code: error.code, Message: error.message, Location: error.location, ActionIndex: index, HttpStatusCode: error.status } };
      }
    }
    return { Results: results };
  }

  private action(action: ActionInfo): unknown {
    switch (action.ActionType) {
      case 1:
        return this.instantiate(action.ObjectPathId);
      case 2:
        return this.query(this.object(action.ObjectPathId), action.QueryInfo);
      case 3: {
        const o = this.object(action.ObjectPathId);
        if (o === null) return null;
        const result = this.member(o, action.Name, 'call').call!(o as never, this.args(action.ArgumentInfo), this.host);
        return result === undefined || typeof result !== 'object' ? result : undefined;
      }
      case 4: {
        const o = this.object(action.ObjectPathId);
        if (o === null) return undefined;
        this.member(o, action.Name, 'set').set!(o as never, this.args(action.ArgumentInfo)[0], this.host);
        return undefined;
      }
      default:
        throw this.host.notModelled(`action type ${action.ActionType} (${action.Name})`);
    }
  }

  /** An object whose path was instantiated earlier in this request. */
  private object(pathId: number): HostObject | null {
    if (!this.objects.has(pathId)) throw new HostError('GeneralException', `The test host got an action on object path ${pathId} before its Instantiate action.`);
    return this.objects.get(pathId)!;
  }

  private args(info: ActionInfo['ArgumentInfo']): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return args.map((a, i) => (typeof refs[i] === 'number' && refs[i] !== 0 ? this.object(refs[i] as number) : a));
  }

  private instantiate(pathId: number): unknown {
    if (!this.objects.has(pathId)) this.objects.set(pathId, this.resolve(pathId));
    const o = this.objects.get(pathId)!;
    if (o === null) return null;
    if (o.kind === 'Worksheet') return { Id: o.sheet.id };
    if (o.kind === 'Table') return { Id: o.table.id };
    return {};
  }

  private resolve(pathId: number): HostObject | null {
    const path = this.request.ObjectPaths[String(pathId)];
    if (!path) throw new HostError('GeneralException', `The request has no object path ${pathId}.`);
    if (path.ObjectPathType === 1) return { kind: 'Workbook' };
    if (path.ObjectPathType === 7) return null;
    const parent = this.object(path.ParentObjectPathId ?? -1);
    // Anything reached from a null object is a null object too.
    if (parent === null) return null;
    switch (path.ObjectPathType) {
      case 4:
        return this.member(parent, path.Name, 'nav').nav!(parent as never, this.host);
      case 3: {
        const result = this.member(parent, path.Name, 'call').call!(parent as never, this.args(path.ArgumentInfo), this.host);
        if (result !== null && (typeof result !== 'object' || !('kind' in result))) throw new HostError('GeneralException', `${parent.kind}.${path.Name} returns no object.`);
        return result;
      }
      case 5:
        return this.member(parent, '_Indexer', 'call').call!(parent as never, this.args(path.ArgumentInfo), this.host) as HostObject;
      default:
        throw this.host.notModelled(`object path type ${path.ObjectPathType}`);
    }
  }

  private member(o: HostObject, name: string, use: 'nav' | 'call' | 'set' | 'get'): Member<Kind> {
    const member = (MEMBERS[o.kind] as Record<string, Member<Kind>>)[name];
    if (!member || !member[use]) throw this.host.notModelled(`${o.kind}.${name}${use === 'set' ? ' (set)' : use === 'get' ? ' (load)' : ''}`);
    if (!atMost(member.since, this.host.excelApi)) {
      throw new HostError('ApiNotFound', `${o.kind}.${name} needs ExcelApi ${member.since}; this Excel has ${this.host.excelApi}.`, `${o.kind}.${name}`);
    }
    if (name === 'CreateAndOpenWorkbook' && this.customData !== 'WacPartition') throw new HostError('InvalidOperation', 'CreateAndOpenWorkbook outside a WacPartition request.');
    return member;
  }

  private query(o: HostObject | null, info: ActionInfo['QueryInfo']): unknown {
    if (o === null) return null;
    const select = info?.Select;
    if (!select || select.length === 0 || info?.Expand?.length) throw this.host.notModelled(`load() of ${o.kind} without a list of scalar properties`);
    const one = (target: HostObject): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      for (const name of select) out[pascal(name)] = this.member(target, pascal(name), 'get').get!(target as never, this.host);
      return out;
    };
    if (o.kind === 'WorksheetCollection') return { _Items: this.host.workbook.sheets.map((sheet) => one({ kind: 'Worksheet', sheet })) };
    return one(o);
  }
}

/** Whether requirement-set version `a` is at most `b` (1.9 < 1.13). */
function atMost(a: string, b: string): boolean {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am < bm || (am === bm && (an || 0) <= (bn || 0));
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// ---- worksheets ----

/** Excel's sheet name rules: 1 to 31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe, not "History". */
function checkSheetName(workbook: Workbook, name: unknown, self?: Sheet): string {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history') {
    throw new HostError('InvalidArgument', `The sheet name ${JSON.stringify(name)} breaks Excel's sheet name rules.`, 'Worksheet.name');
  }
  const other = workbook.find(name);
  if (other && other !== self) throw new HostError('ItemAlreadyExists', `A sheet named ${other.name} already exists.`, 'WorksheetCollection.add');
  return name;
}

function sheetOf(workbook: Workbook, key: unknown, location: string): Sheet {
  const sheet = typeof key === 'string' ? workbook.findByKey(key) : undefined;
  if (!sheet) throw new HostError('ItemNotFound', 'The requested resource doesn\'t exist.', location);
  return sheet;
}

/** Formulas naming a sheet follow its renames and turn into #REF! when it is deleted, as Excel's do. */
function renameInFormulas(workbook: Workbook, from: string, to: string | undefined): void {
  const pattern = new RegExp(`(^|[^A-Za-z0-9_'!])${quoteName(from).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}!`, 'gi');
  for (const sheet of workbook.sheets) {
    for (const row of sheet.cells.values()) {
      for (const cell of row.values()) {
        if (cell.formula) cell.formula = cell.formula.replace(pattern, (_, before: string) => `${before}${to === undefined ? '#REF!' : `${quoteName(to)}!`}`);
      }
    }
  }
}

// ---- ranges ----

function parseCellRef(text: string): { row?: number; column?: number } | undefined {
  const m = /^\$?([A-Z]{1,3})?\$?(\d{1,7})?$/i.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return undefined;
  let column: number | undefined;
  if (m[1]) {
    column = 0;
    for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
    column -= 1;
  }
  const row = m[2] ? Number(m[2]) - 1 : undefined;
  if ((row !== undefined && (row < 0 || row >= MAX_ROWS)) || (column !== undefined && column >= MAX_COLUMNS)) return undefined;
  return { row, column };
}

/** `B2`, `B2:D4`, `B:B`, `2:3`, optionally `Sheet!`-qualified, as a 0-based box. */
export function parseAddress(text: string, sheet: Sheet): Box {
  let a = text;
  const bang = a.lastIndexOf('!');
  if (bang >= 0) {
    const name = a.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    if (name.toLowerCase() !== sheet.name.toLowerCase()) throw new HostError('InvalidArgument', `The address ${text} is on another sheet.`, 'Worksheet.getRange');
    a = a.slice(bang + 1);
  }
  const [p, q] = a.split(':');
  const from = parseCellRef(p);
  const to = q === undefined ? from : parseCellRef(q);
  const bad = (): HostError => new HostError('InvalidArgument', `The address ${text} is not valid.`, 'Worksheet.getRange');
  if (!from || !to || (from.row === undefined) !== (to.row === undefined) || (from.column === undefined) !== (to.column === undefined)) throw bad();
  if (q === undefined && (from.row === undefined || from.column === undefined)) throw bad();
  const top = Math.min(from.row ?? 0, to.row ?? 0);
  const bottom = from.row === undefined ? MAX_ROWS - 1 : Math.max(from.row, to.row!);
  const left = Math.min(from.column ?? 0, to.column ?? 0);
  const right = from.column === undefined ? MAX_COLUMNS - 1 : Math.max(from.column, to.column!);
  return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
}

const SHAPE_MESSAGE = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/** Calls `put` for each cell of a 2-D array matching the range (a single non-array value goes to every cell); `null` leaves a cell as it is. */
function eachInput(box: Box, input: unknown, location: string, put: (row: number, column: number, v: unknown) => void): void {
  if (!Array.isArray(input)) {
    for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.columns; c++) put(box.top + r, box.left + c, input);
    return;
  }
  if (input.length !== box.rows || input.some((row) => !Array.isArray(row) || row.length !== box.columns)) throw new HostError('InvalidArgument', SHAPE_MESSAGE, location);
  input.forEach((row: unknown[], r) =>
    row.forEach((v, c) => {
      if (v !== null) put(box.top + r, box.left + c, v);
    }),
  );
}

function checkBox(box: Box, what: string): void {
  // Modelled cells are kept in maps; a whole-sheet write would be 17 billion cells (Excel refuses it too, inferred).
  if (box.rows * box.columns > 5_000_000) throw new HostError('InvalidArgument', `${what} over ${box.rows * box.columns} cells.`, what);
}

function writeValue(host: RichApiHost, sheet: Sheet, row: number, column: number, v: unknown, via: 'values' | 'formulas'): void {
  if (typeof v === 'object' || typeof v === 'undefined' || typeof v === 'function') throw new HostError('InvalidArgument', `A cell value is text, a number or a boolean, not ${JSON.stringify(v)}.`, `Range.${via}`);
  const cell = sheet.cellForWrite(row, column);
  delete cell.formula;
  delete cell.error;
  if (typeof v === 'number' || typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  const typed = typeText(String(v), cell.numberFormat);
  if (typed.formula !== undefined) {
    if (via === 'values') host.formulasThroughValues++;
    checkFormula(host.workbook, sheet, typed.formula);
  }
  cell.value = typed.value;
  if (typed.formula !== undefined) cell.formula = typed.formula;
  if (typed.error) cell.error = true;
  if (typed.numberFormat && cell.numberFormat === 'General') cell.numberFormat = typed.numberFormat;
}

/** A formula must name only sheets that exist, in en-US syntax the host can compute (inferred: Excel would read an unknown sheet as another file). */
function checkFormula(workbook: Workbook, sheet: Sheet, formula: string): void {
  for (const m of formula.matchAll(/('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!/g)) {
    const name = m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
    if (!workbook.find(name)) throw new HostError('InvalidArgument', `The formula ${formula} names a sheet ${name} that does not exist.`, 'Range.formulas');
  }
  readFormula(workbook, sheet, formula);
}

function readCell(workbook: Workbook, sheet: Sheet, cell: Cell | undefined): CellValue {
  if (!cell) return '';
  if (cell.formula !== undefined) return cell.formula.includes('#REF!') ? '#REF!' : computeFormula(workbook, sheet, cell.formula);
  return cell.value;
}

function grid<T>(box: Box, f: (row: number, column: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < box.rows; r++) {
    const row: T[] = [];
    for (let c = 0; c < box.columns; c++) row.push(f(box.top + r, box.left + c));
    out.push(row);
  }
  return out;
}

function eachCell(sheet: Sheet, box: Box, f: (cell: Cell) => void): void {
  checkBox(box, 'a format');
  for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.columns; c++) f(sheet.cellForWrite(box.top + r, box.left + c));
}

function readBox(box: Box): void {
  if (box.rows * box.columns > 5_000_000) throw new HostError('InvalidArgument', 'Reading more cells than the test host holds.', 'Range');
}

// ---- tables ----

const TABLE_STYLES = new Set([
  ...Array.from({ length: 21 }, (_, i) => `TableStyleLight${i + 1}`),
  ...Array.from({ length: 28 }, (_, i) => `TableStyleMedium${i + 1}`),
  ...Array.from({ length: 11 }, (_, i) => `TableStyleDark${i + 1}`),
]);

/** Excel's rules for a table name: a letter, underscore or backslash first; then letters, digits, periods and underscores; not a cell reference; unique ignoring case. */
function checkTableName(workbook: Workbook, name: unknown, self: Table): string {
  if (typeof name !== 'string' || name.length > 255 || !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^R\d*C\d*$/i.test(name)) {
    throw new HostError('InvalidArgument', `The table name ${JSON.stringify(name)} breaks Excel's name rules.`, 'Table.name');
  }
  const other = workbook.tables.find((t) => t !== self && t.name.toLowerCase() === name.toLowerCase());
  if (other) throw new HostError('ItemAlreadyExists', `A table named ${other.name} already exists.`, 'Table.name');
  return name;
}

function addTable(host: RichApiHost, sheetScope: Sheet | undefined, source: unknown, hasHeaders: unknown): HostObject {
  const workbook = host.workbook;
  let sheet: Sheet;
  let box: Box;
  if (typeof source === 'object' && source !== null && (source as HostObject).kind === 'Range') {
    ({ sheet, box } = source as Of<'Range'>);
  } else if (typeof source === 'string') {
    const bang = source.lastIndexOf('!');
    const named = bang >= 0 ? workbook.find(source.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'")) : (sheetScope ?? workbook.active);
    if (!named) throw new HostError('InvalidArgument', `The table address ${source} names no sheet.`, 'TableCollection.add');
    sheet = named;
    box = parseAddress(source, sheet);
  } else {
    throw new HostError('InvalidArgument', 'TableCollection.add takes an address or a range.', 'TableCollection.add');
  }
  if (sheetScope && sheet !== sheetScope) throw new HostError('InvalidArgument', 'The range is on another sheet.', 'TableCollection.add');
  if (hasHeaders !== true) throw host.notModelled('TableCollection.add without headers (Excel inserts a header row)');
  if (box.rows < 2 || box.rows * box.columns > 5_000_000) throw new HostError('InvalidArgument', 'A table with headers needs a header row and at least one row.', 'TableCollection.add');
  for (const t of workbook.tables) if (t.sheet === sheet && overlaps(t.box, box)) throw new HostError('InvalidArgument', `A table can't overlap another table (${t.name}).`, 'TableCollection.add');
  for (const m of sheet.merges) if (overlaps(m, box)) throw new HostError('InvalidOperation', 'A table cannot contain merged cells.', 'TableCollection.add');
  // The first row becomes the headers: text, unique ignoring case; a blank one is named ColumnN (inferred numbering).
  const seen = new Set<string>();
  for (let c = 0; c < box.columns; c++) {
    const cell = sheet.cellForWrite(box.top, box.left + c);
    let header = cell.formula !== undefined ? String(readCell(workbook, sheet, cell)) : cell.value === '' ? `Column${c + 1}` : String(cell.value);
    const base = header;
    for (let n = 2; seen.has(header.toLowerCase()); n++) header = `${base}${n}`;
    seen.add(header.toLowerCase());
    delete cell.formula;
    cell.value = header;
  }
  const table: Table = { id: workbook.newId(), name: '', sheet, box, style: 'TableStyleMedium2' };
  for (let n = workbook.tables.length + 1; !table.name; n++) if (!workbook.tables.some((t) => t.name.toLowerCase() === `table${n}`)) table.name = `Table${n}`;
  workbook.tables.push(table);
  return { kind: 'Table', table };
}

// ---- the members ----

const rangeOf = (sheet: Sheet, box: Box): HostObject => ({ kind: 'Range', sheet, box });

const MEMBERS: Members = {
  Workbook: {
    Worksheets: { since: '1.1', nav: () => ({ kind: 'WorksheetCollection' }) },
    Tables: { since: '1.1', nav: () => ({ kind: 'TableCollection' }) },
    Application: { since: '1.1', nav: () => ({ kind: 'Application' }) },
    _RemoveReference: { since: '1.1', call: () => undefined },
    GetSelectedRange: {
      since: '1.1',
      call: (_, __, host) => {
        const { sheet, boxes } = selection(host.workbook);
        // Inferred: Excel refuses to hand one range for a selection of several areas.
        if (boxes.length !== 1) throw new HostError('InvalidOperation', 'The selection has several areas; getSelectedRange reads one.', 'Workbook.getSelectedRange');
        return rangeOf(sheet, boxes[0]);
      },
    },
    GetSelectedRanges: {
      since: '1.9',
      call: (_, __, host) => {
        const { sheet, boxes } = selection(host.workbook);
        return { kind: 'RangeAreas', sheet, boxes };
      },
    },
    // Excel on the web: Excel.createWorkbook sends this in a WacPartition request.
    CreateAndOpenWorkbook: {
      since: '1.8',
      call: (_, [base64], host) => {
        if (host.platform !== 'web') throw host.notModelled('CreateAndOpenWorkbook outside Excel on the web');
        host.workbook.created.push({ base64: checkXlsx(base64), path: 'web' });
      },
    },
  },
  Application: {
    CreateWorkbook: {
      since: '1.8',
      call: (_, [base64], host) => {
        if (host.platform !== 'desktop') throw host.notModelled('Application.createWorkbook on Excel on the web');
        return { kind: 'NewWorkbook', base64: checkXlsx(base64) };
      },
    },
  },
  NewWorkbook: {
    Open: { since: '1.8', call: (o, _, host) => void host.workbook.created.push({ base64: o.base64, path: 'desktop' }) },
  },
  WorksheetCollection: {
    _Indexer: { since: '1.1', call: (_, [key], host) => ({ kind: 'Worksheet', sheet: sheetOf(host.workbook, key, 'WorksheetCollection.getItem') }) },
    GetItemOrNullObject: {
      since: '1.4',
      call: (_, [key], host) => {
        const sheet = typeof key === 'string' ? host.workbook.findByKey(key) : undefined;
        return sheet ? { kind: 'Worksheet', sheet } : null;
      },
    },
    Add: {
      since: '1.1',
      call: (_, [name], host) => {
        const workbook = host.workbook;
        let chosen = name;
        if (chosen === undefined || chosen === null) for (let n = workbook.sheets.length + 1; chosen === undefined || chosen === null || workbook.find(String(chosen)); n++) chosen = `Sheet${n}`;
        return { kind: 'Worksheet', sheet: workbook.add(checkSheetName(workbook, chosen)) };
      },
    },
  },
  Worksheet: {
    Name: {
      since: '1.1',
      get: (o) => o.sheet.name,
      set: (o, name, host) => {
        const old = o.sheet.name;
        o.sheet.name = checkSheetName(host.workbook, name, o.sheet);
        renameInFormulas(host.workbook, old, o.sheet.name);
      },
    },
    Id: { since: '1.1', get: (o) => o.sheet.id },
    Position: { since: '1.1', get: (o, host) => host.workbook.sheets.indexOf(o.sheet) },
    FreezePanes: { since: '1.7', nav: (o) => ({ kind: 'WorksheetFreezePanes', sheet: o.sheet }) },
    PageLayout: { since: '1.9', nav: (o) => ({ kind: 'PageLayout', sheet: o.sheet }) },
    Tables: { since: '1.1', nav: (o) => ({ kind: 'TableCollection', sheet: o.sheet }) },
    GetRange: {
      since: '1.1',
      call: (o, [addr]) => rangeOf(o.sheet, addr === undefined || addr === null || addr === '' ? { top: 0, left: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } : parseAddress(String(addr), o.sheet)),
    },
    GetUsedRangeOrNullObject: {
      since: '1.4',
      call: (o, [valuesOnly]) => {
        const box = o.sheet.used(valuesOnly === true);
        return box ? rangeOf(o.sheet, box) : null;
      },
    },
    Activate: { since: '1.1', call: (o, _, host) => void (host.workbook.active = o.sheet) },
    Delete: {
      since: '1.1',
      call: (o, _, host) => {
        const workbook = host.workbook;
        if (workbook.sheets.length === 1) throw new HostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
        workbook.sheets.splice(workbook.sheets.indexOf(o.sheet), 1);
        for (let i = workbook.tables.length - 1; i >= 0; i--) if (workbook.tables[i].sheet === o.sheet) workbook.tables.splice(i, 1);
        if (workbook.active === o.sheet) workbook.active = workbook.sheets[0];
        if (workbook.selected?.sheet === o.sheet.name) workbook.selected = undefined;
        renameInFormulas(workbook, o.sheet.name, undefined);
      },
    },
  },
  Range: {
    _KeepReference: { since: '1.1', call: () => undefined },
    _ValidateArraySize: {
      since: '1.3',
      call: (o, [rows, columns]) => {
        if (rows !== o.box.rows || columns !== o.box.columns) throw new HostError('InvalidArgument', SHAPE_MESSAGE, 'Range._ValidateArraySize');
      },
    },
    GetRow: {
      since: '1.1',
      call: (o, [i]) => {
        if (typeof i !== 'number' || i < 0 || i >= o.box.rows) throw new HostError('InvalidArgument', `Row ${String(i)} is outside the range.`, 'Range.getRow');
        return rangeOf(o.sheet, { ...o.box, top: o.box.top + i, rows: 1 });
      },
    },
    GetBoundingRect: {
      since: '1.1',
      call: (o, [other]) => {
        const b = other as Of<'Range'>;
        if (b?.kind !== 'Range' || b.sheet !== o.sheet) throw new HostError('InvalidArgument', 'getBoundingRect takes a range on the same sheet.', 'Range.getBoundingRect');
        const top = Math.min(o.box.top, b.box.top);
        const left = Math.min(o.box.left, b.box.left);
        const bottom = Math.max(o.box.top + o.box.rows, b.box.top + b.box.rows);
        const right = Math.max(o.box.left + o.box.columns, b.box.left + b.box.columns);
        return rangeOf(o.sheet, { top, left, rows: bottom - top, columns: right - left });
      },
    },
    GetMergedAreasOrNullObject: {
      since: '1.13',
      call: (o) => {
        const inside = o.sheet.merges.filter((m) => overlaps(m, o.box));
        return inside.length === 0 ? null : { kind: 'RangeAreas', sheet: o.sheet, boxes: inside };
      },
    },
    Format: { since: '1.1', nav: (o) => ({ kind: 'RangeFormat', sheet: o.sheet, box: o.box }) },
    DataValidation: { since: '1.8', nav: (o) => ({ kind: 'DataValidation', sheet: o.sheet, box: o.box }) },
    Select: {
      since: '1.1',
      call: (o, _, host) => {
        host.workbook.active = o.sheet;
        host.workbook.selected = { sheet: o.sheet.name, address: boxAddress(o.box) };
      },
    },
    Clear: {
      since: '1.1',
      call: (o, [applyTo]) => {
        if (applyTo !== undefined && applyTo !== null && applyTo !== 'All') throw new HostError('ApiNotFound', `clear(${String(applyTo)}) is not modelled.`, 'Range.clear');
        for (const [r, row] of o.sheet.cells) {
          if (r < o.box.top || r >= o.box.top + o.box.rows) continue;
          for (const c of [...row.keys()]) if (c >= o.box.left && c < o.box.left + o.box.columns) row.delete(c);
        }
      },
    },
    Values: {
      since: '1.1',
      get: (o, host) => {
        readBox(o.box);
        return grid(o.box, (r, c) => readCell(host.workbook, o.sheet, o.sheet.cell(r, c)));
      },
      set: (o, input, host) => {
        checkBox(o.box, 'Range.values');
        eachInput(o.box, input, 'Range.values', (r, c, v) => writeValue(host, o.sheet, r, c, v, 'values'));
      },
    },
    Formulas: {
      since: '1.1',
      get: (o, host) => {
        readBox(o.box);
        return grid(o.box, (r, c) => {
          const cell = o.sheet.cell(r, c);
          return cell?.formula ?? readCell(host.workbook, o.sheet, cell);
        });
      },
      set: (o, input, host) => {
        checkBox(o.box, 'Range.formulas');
        eachInput(o.box, input, 'Range.formulas', (r, c, v) => writeValue(host, o.sheet, r, c, v, 'formulas'));
      },
    },
    NumberFormat: {
      since: '1.1',
      get: (o) => {
        readBox(o.box);
        return grid(o.box, (r, c) => o.sheet.cell(r, c)?.numberFormat ?? 'General');
      },
      set: (o, input) => {
        checkBox(o.box, 'Range.numberFormat');
        eachInput(o.box, input, 'Range.numberFormat', (r, c, v) => {
          if (typeof v !== 'string') throw new HostError('InvalidArgument', 'A number format is text.', 'Range.numberFormat');
          o.sheet.cellForWrite(r, c).numberFormat = v;
        });
      },
    },
    Address: { since: '1.1', get: (o) => `${quoteName(o.sheet.name)}!${boxAddress(o.box)}` },
    RowIndex: { since: '1.1', get: (o) => o.box.top },
    ColumnIndex: { since: '1.1', get: (o) => o.box.left },
    RowCount: { since: '1.1', get: (o) => o.box.rows },
    ColumnCount: { since: '1.1', get: (o) => o.box.columns },
  },
  RangeAreas: {
    _KeepReference: { since: '1.9', call: () => undefined },
    Address: { since: '1.9', get: (o) => o.boxes.map((b) => `${quoteName(o.sheet.name)}!${boxAddress(b)}`).join(',') },
    AreaCount: { since: '1.9', get: (o) => o.boxes.length },
  },
  RangeFormat: {
    Font: { since: '1.1', nav: (o) => ({ kind: 'RangeFont', sheet: o.sheet, box: o.box }) },
    ColumnWidth: {
      since: '1.2',
      set: (o, points) => {
        if (typeof points !== 'number' || !(points >= 0) || points > 255 * 7.5) throw new HostError('InvalidArgument', 'A column width is a number of points.', 'RangeFormat.columnWidth');
        for (let c = 0; c < Math.min(o.box.columns, MAX_COLUMNS); c++) o.sheet.columnWidths.set(o.box.left + c, points);
      },
    },
    WrapText: {
      since: '1.1',
      set: (o, wrap) => {
        if (typeof wrap !== 'boolean') throw new HostError('InvalidArgument', 'wrapText is true or false.', 'RangeFormat.wrapText');
        eachCell(o.sheet, o.box, (cell) => (cell.wrap = wrap));
      },
    },
    VerticalAlignment: {
      since: '1.1',
      set: (o, alignment) => {
        if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(String(alignment))) throw new HostError('InvalidArgument', `verticalAlignment ${String(alignment)}.`, 'RangeFormat.verticalAlignment');
        eachCell(o.sheet, o.box, (cell) => (cell.verticalAlignment = String(alignment)));
      },
    },
    AutofitRows: { since: '1.2', call: (o) => void o.sheet.autofitted.push(o.box) },
  },
  RangeFont: {
    Bold: {
      since: '1.1',
      set: (o, bold) => {
        if (typeof bold !== 'boolean') throw new HostError('InvalidArgument', 'bold is true or false.', 'RangeFont.bold');
        eachCell(o.sheet, o.box, (cell) => (cell.bold = bold));
      },
    },
  },
  DataValidation: {
    Rule: {
      since: '1.8',
      set: (o, rule) => {
        const list = (rule as { list?: { inCellDropDown?: unknown; source?: unknown } } | null)?.list;
        if (!list || Object.keys(rule as object).length !== 1 || typeof list.source !== 'string' || list.source === '') {
          throw new HostError('InvalidArgument', `Only list rules with a source are modelled, not ${JSON.stringify(rule)}.`, 'DataValidation.rule');
        }
        // Excel refuses a rule over cells that already hold a different rule (inferred); clear() first.
        for (const v of o.sheet.validations) {
          if (overlaps(v.box, o.box) && JSON.stringify(v.rule) !== JSON.stringify(rule)) throw new HostError('InvalidOperation', 'The range already has a different data validation rule.', 'DataValidation.rule');
        }
        o.sheet.validations.push({ box: o.box, rule });
      },
    },
    Clear: {
      since: '1.8',
      call: (o) => {
        const keep: typeof o.sheet.validations = [];
        for (const v of o.sheet.validations) {
          if (!overlaps(v.box, o.box)) keep.push(v);
          else if (!contains(o.box, v.box)) throw new HostError('InvalidOperation', 'The test host does not split a rule that is partly cleared.', 'DataValidation.clear');
        }
        o.sheet.validations.splice(0, o.sheet.validations.length, ...keep);
      },
    },
  },
  WorksheetFreezePanes: {
    FreezeRows: {
      since: '1.7',
      call: (o, [count]) => {
        if (typeof count !== 'number' || count < 0 || count >= MAX_ROWS) throw new HostError('InvalidArgument', 'freezeRows takes a row count.', 'WorksheetFreezePanes.freezeRows');
        o.sheet.frozenRows = count;
      },
    },
    Unfreeze: { since: '1.7', call: (o) => void (o.sheet.frozenRows = 0) },
  },
  // Page layout (ExcelApi 1.9), as strict as Excel's documented ranges: an orientation of the enum, a zoom that is
  // either a scale of 10-400% or pages to fit (whole numbers; 0 = as many as needed, as the file format has it),
  // margins of zero or more points, print titles that are whole rows of the same sheet.
  PageLayout: {
    Orientation: {
      since: '1.9',
      get: (o) => o.sheet.pageLayout.orientation,
      set: (o, value) => {
        if (value !== 'Portrait' && value !== 'Landscape') throw new HostError('InvalidArgument', `orientation ${String(value)} is not Portrait or Landscape.`, 'PageLayout.orientation');
        o.sheet.pageLayout.orientation = value;
      },
    },
    Zoom: {
      since: '1.9',
      get: (o) => ({ ...o.sheet.pageLayout.zoom }),
      set: (o, value) => void (o.sheet.pageLayout.zoom = checkZoom(value)),
    },
    ...marginMembers(),
    SetPrintTitleRows: {
      since: '1.9',
      call: (o, [rows]) => {
        const address = typeof rows === 'string' ? rows : (rows as HostObject | null)?.kind === 'Range' && (rows as Of<'Range'>).sheet === o.sheet ? wholeRowsOf((rows as Of<'Range'>).box) : undefined;
        const m = address === undefined ? null : /^\$?(\d+):\$?(\d+)$/.exec(address);
        if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]) || Number(m[2]) > MAX_ROWS) {
          throw new HostError('InvalidArgument', `Print title rows are whole rows of the sheet ($1:$1), not ${JSON.stringify(rows)}.`, 'PageLayout.setPrintTitleRows');
        }
        o.sheet.pageLayout.printTitleRows = `$${m[1]}:$${m[2]}`;
      },
    },
  },
  TableCollection: {
    Add: { since: '1.1', call: (o, [source, hasHeaders], host) => addTable(host, o.sheet, source, hasHeaders) },
  },
  Table: {
    Name: { since: '1.1', get: (o) => o.table.name, set: (o, name, host) => void (o.table.name = checkTableName(host.workbook, name, o.table)) },
    Style: {
      since: '1.1',
      set: (o, style) => {
        if (typeof style !== 'string' || !TABLE_STYLES.has(style)) throw new HostError('InvalidArgument', `No table style ${String(style)}.`, 'Table.style');
        o.table.style = style;
      },
    },
  },
};

function checkZoom(value: unknown): PageLayoutState['zoom'] {
  const fail = (): never => {
    throw new HostError('InvalidArgument', `zoom ${JSON.stringify(value)} is neither a scale of 10 to 400 nor pages to fit.`, 'PageLayout.zoom');
  };
  if (typeof value !== 'object' || value === null) return fail();
  const z = value as Record<string, unknown>;
  const keys = Object.keys(z).filter((k) => z[k] !== undefined && z[k] !== null);
  if (keys.length === 0 || keys.some((k) => !['scale', 'horizontalFitToPages', 'verticalFitToPages'].includes(k))) return fail();
  if (keys.includes('scale')) {
    if (keys.length > 1 || !Number.isInteger(z.scale) || (z.scale as number) < 10 || (z.scale as number) > 400) return fail();
    return { scale: z.scale as number };
  }
  const pages = (k: string): number | undefined => {
    if (z[k] === undefined || z[k] === null) return undefined;
    if (!Number.isInteger(z[k]) || (z[k] as number) < 0 || (z[k] as number) > 32767) return fail();
    return z[k] as number;
  };
  return { horizontalFitToPages: pages('horizontalFitToPages'), verticalFitToPages: pages('verticalFitToPages') };
}

function marginMembers(): Record<string, Member<'PageLayout'>> {
  const out: Record<string, Member<'PageLayout'>> = {};
  for (const side of ['left', 'right', 'top', 'bottom', 'header', 'footer'] as const) {
    const name = `${side[0].toUpperCase()}${side.slice(1)}Margin`;
    out[name] = {
      since: '1.9',
      get: (o) => o.sheet.pageLayout.margins[side],
      set: (o, points) => {
        if (typeof points !== 'number' || !(points >= 0) || points > 1584) throw new HostError('InvalidArgument', `${side}Margin is a number of points.`, `PageLayout.${side}Margin`);
        o.sheet.pageLayout.margins[side] = points;
      },
    };
  }
  return out;
}

/** `$2:$3` for a range that covers whole rows, else undefined. */
function wholeRowsOf(box: Box): string | undefined {
  return box.left === 0 && box.columns === MAX_COLUMNS ? `$${box.top + 1}:$${box.top + box.rows}` : undefined;
}

/** What the user has selected: `workbook.selected` (areas separated by commas), else A1 of the active sheet. */
function selection(workbook: Workbook): { sheet: Sheet; boxes: Box[] } {
  const chosen = workbook.selected;
  const sheet = (chosen && workbook.find(chosen.sheet)) || workbook.active || workbook.sheets[0];
  if (!chosen) return { sheet, boxes: [{ top: 0, left: 0, rows: 1, columns: 1 }] };
  return { sheet, boxes: chosen.address.split(',').map((a) => parseAddress(a, sheet)) };
}

/** Excel.createWorkbook takes a .xlsx file as base64: a zip, so it starts `UEsDB` (inferred: Excel refuses anything else). */
function checkXlsx(base64: unknown): string {
  if (typeof base64 !== 'string' || !base64.startsWith('UEsDB')) throw new HostError('InvalidArgument', 'createWorkbook takes a .xlsx file as base64.', 'Excel.createWorkbook');
  return base64;
}

function cloneWorkbook(workbook: Workbook): Workbook {
  const copy = new Workbook();
  const sheets = new Map<Sheet, Sheet>();
  for (const s of workbook.sheets) {
    const t = new Sheet(s.id, s.name);
    for (const [r, row] of s.cells) t.cells.set(r, new Map([...row].map(([c, cell]) => [c, { ...cell }])));
    t.validations.push(...s.validations);
    for (const [c, w] of s.columnWidths) t.columnWidths.set(c, w);
    t.merges.push(...s.merges);
    t.autofitted.push(...s.autofitted);
    t.frozenRows = s.frozenRows;
    t.pageLayout = { ...s.pageLayout, zoom: { ...s.pageLayout.zoom }, margins: { ...s.pageLayout.margins } };
    copy.sheets.push(t);
    sheets.set(s, t);
  }
  copy.tables.push(...workbook.tables.map((t) => ({ ...t, sheet: sheets.get(t.sheet)! })));
  copy.created.push(...workbook.created);
  copy.active = workbook.active && sheets.get(workbook.active);
  copy.selected = workbook.selected;
  return copy;
}

function restoreWorkbook(workbook: Workbook, from: Workbook): void {
  workbook.sheets.splice(0, workbook.sheets.length, ...from.sheets);
  workbook.tables.splice(0, workbook.tables.length, ...from.tables);
  workbook.created.splice(0, workbook.created.length, ...from.created);
  workbook.active = from.active;
  workbook.selected = from.selected;
}

export { address };
