// kap's reader of a user's .xlsx: streams only the plan sheets' cell values
// out of the package into the grids the core reads. Each part it needs is
// inflated once, under the guard's unpacking budget (xlsx-guard.ts: the zip's
// table of contents, Node's zlib), and parsed by saxes a megabyte at a time,
// counting rows as it goes. Styles are read only for which number formats are dates;
// shared strings keep only the entries the plan sheets use; validations,
// drawings, pivots and every other part are never inflated. Memory follows the
// plan sheets' values, not the file.
//
//   readPlanFile(file): Promise<WorkbookInput>   what `kap check` and `kap new` read
//   readPlanPackage(bytes, file): PlanPackage    the same from bytes, with the package index
//
// Both throw UnreadableWorkbook with a one-line reason.

import { readFile } from 'node:fs/promises';
import { sheetKeyOf } from '../core/contract';
import { SheetGrid, WorkbookInput } from '../core/read';
import { attribute, PACKAGE_RELS, readWorkbookIndex, relsPartOf, WorkbookIndex, workbookPartOf, XmlHandlers, xmlParser } from './package-xml';
import { fileProblem, UnreadableWorkbook } from './unreadable-workbook';
import { Budget, budgetOf, budgetOfSize, DEFAULT_LIMITS, dimensionProblem, GuardLimits, GuardRefusal, inflatePart, inspectXlsx, tooManyRowsProblem, ZipEntry } from './xlsx-guard';

export { UnreadableWorkbook } from './unreadable-workbook';

/** Rows shared by every blank row of a grid: the core reads, never writes, the grids it is given. */
const BLANK_ROW: unknown[] = Object.freeze([]) as unknown as unknown[];
const MS_PER_DAY = 86400000;
/** Days between Excel's 1900 epoch (as Excel counts it) and 1970-01-01; the 1904 system starts 1462 days later. */
const EPOCH_1900 = 25569;
const OFFSET_1904 = 1462;

/** A read package: the grids for the core, and the index the writer builds on. */
export interface PlanPackage {
  input: WorkbookInput;
  index: WorkbookIndex;
}

export interface ReadOptions {
  /** Called now and then with rows read so far (the CLI shows progress on a terminal). */
  progress?: (rowsRead: number) => void;
  /** The unpacking and row limits (tests lower them to build small bombs). */
  limits?: GuardLimits;
}

/** Reads the plan sheets' values of an .xlsx file. */
export async function readPlanFile(file: string, options: ReadOptions = {}): Promise<WorkbookInput> {
  return readPlanPackage(await readBytes(file), file, options).input;
}

/** The file's bytes, or UnreadableWorkbook saying why not. */
export async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    throw new UnreadableWorkbook(`${file}: ${fileProblem(e)}`);
  }
}

/** Which sheets the check reads: every plan sheet but the Review, which kap writes and never reads. */
export function isPlanSheet(name: string): boolean {
  const key = sheetKeyOf(name);
  return key !== undefined && key !== 'review';
}

export function readPlanPackage(bytes: Buffer, file: string, options: ReadOptions = {}): PlanPackage {
  const limits = options.limits ?? DEFAULT_LIMITS;
  // The cheap gate only (nothing inflated): each part the reader needs is inflated once, under the budget, as it is parsed.
  const inspected = inspectXlsx(bytes, limits);
  if (!inspected.ok) throw new UnreadableWorkbook(`${file}: ${inspected.reason}`);
  try {
    return readGuarded(new PackageParts(bytes, inspected.entries, budgetOf(limits)), limits, options);
  } catch (e) {
    if (e instanceof UnreadableWorkbook || e instanceof GuardRefusal) throw new UnreadableWorkbook(`${file}: ${e.message}`);
    throw new UnreadableWorkbook(`${file}: the file is damaged or not an .xlsx workbook (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
}

/** The parts of one package, each inflated only when read and streamed to its parser; all of them share one unpacking budget. */
class PackageParts {
  constructor(
    private readonly bytes: Buffer,
    private readonly entries: Map<string, ZipEntry>,
    private readonly budget: Budget,
  ) {}

  has(name: string | undefined): name is string {
    return name !== undefined && this.entries.has(name);
  }

  /** A small part whole (the workbook index and its relationships), or undefined when the package lacks it. */
  bytesOf(name: string): Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const chunks: Uint8Array[] = [];
    inflatePart(this.bytes, entry, this.budget, (c) => chunks.push(c.slice()));
    return Buffer.concat(chunks);
  }

  /** Parses a part as it is inflated: the whole part is never in memory at once. `again`: a second reading, on a budget of its own. */
  parse(name: string, handlers: XmlHandlers, again = false): void {
    const parser = xmlParser(name, handlers);
    const decoder = new TextDecoder('utf-8');
    const budget = again ? budgetOfSize(this.budget.limit) : this.budget;
    inflatePart(this.bytes, this.entries.get(name)!, budget, (chunk) => parser.write(decoder.decode(chunk, { stream: true })));
    parser.write(decoder.decode());
    parser.close();
  }
}

function readGuarded(parts: PackageParts, limits: GuardLimits, options: ReadOptions): PlanPackage {
  // The workbook part is the package's officeDocument (xl/workbook.xml but for a few generators).
  const workbookPart = workbookPartOf(parts.bytesOf(PACKAGE_RELS));
  const workbook = parts.bytesOf(workbookPart);
  if (!workbook) throw new UnreadableWorkbook('a zip archive but not an .xlsx workbook (no xl/workbook.xml inside)');
  const index = readWorkbookIndex(workbook, parts.bytesOf(relsPartOf(workbookPart)), workbookPart);
  const worksheets = index.sheets.filter((s) => s.isWorksheet);
  if (worksheets.length === 0) throw new UnreadableWorkbook('the file holds no worksheets, so it is not an .xlsx workbook');
  const wanted = worksheets.filter((s) => isPlanSheet(s.name));
  const dates = parts.has(index.stylesPart) ? dateStyles(parts, index.stylesPart) : new Set<number>();
  const strings = new SharedStringRefs();
  const grids = new Map<string, SheetGrid>();
  let rowsRead = 0;
  for (const sheet of wanted) {
    if (!parts.has(sheet.part)) throw new UnreadableWorkbook(`the file is damaged (sheet ${sheet.name} has no part ${sheet.part ?? ''}): save it again from Excel, Google Sheets or LibreOffice`);
    grids.set(
      sheet.name,
      readSheet(parts, sheet.name, sheet.part, { dates, date1904: index.date1904, strings, maxRows: limits.maxSheetRows }, (rows) => {
        rowsRead += rows;
        options.progress?.(rowsRead);
      }),
    );
  }
  if (strings.count > 0) strings.resolve(parts.has(index.sharedStringsPart) ? sharedStrings(parts, index.sharedStringsPart, strings.needed()) : []);
  const sheets = worksheets.map((s) => grids.get(s.name) ?? { name: s.name, values: [] });
  // Chart sheets are not read, but their names are taken: the Review sheet must not collide with one.
  for (const s of index.sheets) if (!s.isWorksheet) sheets.push({ name: s.name, values: [] });
  return { input: { sheets }, index };
}

/** The shared-string cells of the plan sheets, filled in once the strings they use are read (kept in flat arrays: there are many). */
class SharedStringRefs {
  private readonly rows: unknown[][] = [];
  private readonly columns: number[] = [];
  private readonly indexes: number[] = [];
  get count(): number {
    return this.indexes.length;
  }
  add(row: unknown[], column: number, index: number): void {
    this.rows.push(row);
    this.columns.push(column);
    this.indexes.push(index);
  }
  /** Which string indexes the cells use, one byte each (a Set of millions of numbers would outweigh the strings). */
  needed(): Uint8Array {
    let last = -1;
    for (const i of this.indexes) if (i > last) last = i;
    const needed = new Uint8Array(last + 1);
    for (const i of this.indexes) needed[i] = 1;
    return needed;
  }
  resolve(strings: readonly (string | undefined)[]): void {
    for (let i = 0; i < this.indexes.length; i++) {
      const s = strings[this.indexes[i]];
      // A missing or empty string is a blank cell, as Excel shows it.
      this.rows[i][this.columns[i]] = s === undefined || s === '' ? null : s;
    }
  }
}

interface SheetContext {
  dates: Set<number>;
  date1904: boolean;
  strings: SharedStringRefs;
  maxRows: number;
}

const PROGRESS_ROWS = 5000;

/** One worksheet's values from A1, rows without values left out, merged ranges listed. */
function readSheet(parts: PackageParts, name: string, partName: string, ctx: SheetContext, progress: (rows: number) => void): SheetGrid {
  const rows: unknown[][] = [];
  const merges: string[] = [];
  let inData = false;
  let rowNumber = 0;
  let row: unknown[] | undefined;
  let column = 0;
  let type = '';
  let style = 0;
  // Text is gathered only inside <v>, or inside <t> of an inline string (not its phonetic runs).
  let collecting = false;
  let inInline = false;
  let inPhonetic = false;
  let text = '';
  let hasValue = false;
  let sinceProgress = 0;
  let rowCount = 0;
  const store = (value: unknown): void => {
    if (value === null || value === '') return;
    if (!row) {
      row = [];
      while (rows.length < rowNumber - 1) rows.push(BLANK_ROW);
      rows[rowNumber - 1] = row;
    }
    while (row.length < column - 1) row.push(null);
    row[column - 1] = value;
  };
  parts.parse(partName, {
    open(tag, local) {
      switch (local) {
        case 'dimension': {
          const problem = dimensionProblem(partName, attribute(tag, 'ref') ?? '');
          if (problem) throw new GuardRefusal(problem);
          return;
        }
        case 'sheetData':
          inData = true;
          return;
        case 'row': {
          if (!inData) return;
          if (++rowCount > ctx.maxRows) throw new GuardRefusal(tooManyRowsProblem(partName, countRows(parts, partName), ctx.maxRows));
          const r = Number(attribute(tag, 'r'));
          rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
          row = undefined;
          column = 0;
          if (++sinceProgress >= PROGRESS_ROWS) {
            progress(sinceProgress);
            sinceProgress = 0;
          }
          return;
        }
        case 'c': {
          if (!inData) return;
          const ref = attribute(tag, 'r');
          column = ref ? columnOf(ref) || column + 1 : column + 1;
          type = attribute(tag, 't') ?? 'n';
          style = Number(attribute(tag, 's') ?? 0) || 0;
          text = '';
          hasValue = false;
          inInline = false;
          return;
        }
        case 'v':
          if (inData) {
            collecting = true;
            hasValue = true;
          }
          return;
        case 'is':
          if (inData) {
            inInline = true;
            hasValue = true;
          }
          return;
        case 'rPh':
          inPhonetic = true;
          return;
        case 't':
          if (inInline && !inPhonetic) collecting = true;
          return;
        case 'mergeCell': {
          const ref = attribute(tag, 'ref');
          if (ref) merges.push(ref);
          return;
        }
      }
    },
    text(t) {
      if (collecting) text += t;
    },
    close(_tag, local) {
      switch (local) {
        case 'v':
        case 't':
          collecting = false;
          return;
        case 'rPh':
          inPhonetic = false;
          return;
        case 'c':
          if (inData && hasValue) {
            if (type === 's') {
              const i = Number(text);
              if (Number.isInteger(i) && i >= 0) {
                store(0);
                if (row) ctx.strings.add(row, column - 1, i);
              }
            } else {
              store(cellValue(type, text, style, ctx));
            }
          }
          return;
        case 'sheetData':
          inData = false;
          return;
      }
    },
  });
  if (sinceProgress > 0) progress(sinceProgress);
  clearMergedCells(rows, merges);
  return { name, values: rows, firstRow: 1, firstColumn: 1, merges };
}

/** A cell's value as the core reads it: what the user sees (the cached result of a formula), never the markup. */
function cellValue(type: string, text: string, style: number, ctx: SheetContext): unknown {
  switch (type) {
    case 'str':
    case 'inlineStr':
      return text;
    case 'b':
      return text.trim() === '1' || text.trim().toLowerCase() === 'true';
    case 'e':
      return text.trim() === '' ? null : { error: text.trim() };
    case 'd': {
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
      return Number.isFinite(d.getTime()) ? d : text;
    }
    default: {
      if (text.trim() === '') return null;
      const n = Number(text);
      if (!Number.isFinite(n)) return null;
      if (!ctx.dates.has(style)) return n;
      return new Date(Math.round((n + (ctx.date1904 ? OFFSET_1904 : 0) - EPOCH_1900) * MS_PER_DAY));
    }
  }
}

/** The cells of a merged range other than its top-left are hidden by Excel: they are blank, as the user sees them. */
function clearMergedCells(rows: unknown[][], merges: string[]): void {
  for (const m of merges) {
    const [from, to] = m.split(':');
    if (!to) continue;
    const top = rowOf(from);
    const left = columnOf(from);
    const bottom = Math.min(rowOf(to), rows.length);
    const right = columnOf(to);
    for (let r = top; r <= bottom; r++) {
      const row = rows[r - 1];
      if (!row || row === BLANK_ROW) continue;
      for (let c = left; c <= Math.min(right, row.length); c++) if (r !== top || c !== left) row[c - 1] = null;
    }
  }
}

/** The 1-based column of an A1 reference (`AB12` → 28), 0 when there is none. */
export function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}

export function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) : 0;
}

/** Built-in number formats that show a date or a time (ECMA-376 Part 1, 18.8.30, and the East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);

/** Whether a number format (by id, with its code when the workbook defines one) shows a date. */
export function isDateNumberFormat(id: number, code: string | undefined): boolean {
  return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
}

/** Whether a format code shows a date or time: a d, m, y, h or s outside quoted text, escapes and [colour] brackets. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  // Only the first section counts (positive numbers); `General` and `@` are not dates.
  const first = bare.split(';')[0];
  return /[dmyhs]/i.test(first.replace(/General/gi, '')) && !/^[#0.,%\s]*E[+-]/i.test(first);
}

/** The cellXfs indexes whose number format is a date. */
function dateStyles(parts: PackageParts, partName: string): Set<number> {
  const dates = new Set<number>();
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parts.parse(partName, {
    open(tag, local) {
      if (local === 'numFmt') {
        const id = Number(attribute(tag, 'numFmtId'));
        custom.set(id, attribute(tag, 'formatCode') ?? '');
      } else if (local === 'cellXfs') {
        inCellXfs = true;
      } else if (local === 'xf' && inCellXfs) {
        xfFormats.push(Number(attribute(tag, 'numFmtId') ?? 0));
      }
    },
    close(_tag, local) {
      if (local === 'cellXfs') inCellXfs = false;
    },
  });
  xfFormats.forEach((id, i) => {
    const code = custom.get(id);
    if (isDateNumberFormat(id, code)) dates.add(i);
  });
  return dates;
}

/** The shared strings at the given indexes: rich-text runs joined, phonetic guides left out. */
function sharedStrings(parts: PackageParts, partName: string, needed: Uint8Array): (string | undefined)[] {
  const out = new Array<string | undefined>(needed.length);
  let index = -1;
  let keep = false;
  let inPhonetic = false;
  let collecting = false;
  let text = '';
  parts.parse(partName, {
    open(_tag, local) {
      if (local === 'si') {
        index++;
        keep = needed[index] === 1;
        text = '';
      } else if (local === 'rPh') inPhonetic = true;
      else if (local === 't' && keep && !inPhonetic) collecting = true;
    },
    text(t) {
      if (collecting) text += t;
    },
    close(_tag, local) {
      if (local === 't') collecting = false;
      else if (local === 'rPh') inPhonetic = false;
      else if (local === 'si' && keep) out[index] = text;
    },
  });
  return out;
}

/** How many rows a sheet holds, for the message that refuses it (read once more, only when refusing). */
function countRows(parts: PackageParts, partName: string): number {
  let rows = 0;
  let inData = false;
  try {
    parts.parse(partName, {
      open(_tag, local) {
        if (local === 'sheetData') inData = true;
        else if (local === 'row' && inData) rows++;
      },
    }, true);
  } catch {
    // a sheet that breaks off still has the rows counted so far
  }
  return rows;
}
