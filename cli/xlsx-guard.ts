// The gate in front of every reader of a user's .xlsx: looks at the file's
// bytes and refuses, with one line a KAM can act on, anything kap must not
// open: not a workbook, damaged, password-protected, a zip bomb, a sheet too
// large to read, macros, links to other workbooks. It only reads the bytes; it
// never changes the file.
//
//   guardXlsx(bytes)        the cheap gate: signature, the zip's table of contents,
//                           the sizes the parts declare; inflates nothing
//   inspectXlsx(bytes)      the same, with the table of contents for the reader
//   guardWholeXlsx(bytes)   the cheap gate, then every part inflated under one budget
//                           (for ExcelJS, which inflates every part)
//   inflatePart(...)        one part inflated under the budget and handed over in pieces:
//                           the package reader inflates only the parts it reads, once,
//                           and checks their rows and size as it parses them

import { inflateRawSync } from 'node:zlib';

export type Guarded = { ok: true } | { ok: false; reason: string };

/**
 * The most a workbook may unpack to. The package reader holds one part at a
 * time and keeps only the plan sheets' values, so it takes a plan of 100,000
 * rows per sheet (about 240 MB unpacked); ExcelJS holds every part and every
 * cell as objects, about ten times the XML, so the workbooks it loads stay
 * under a fifth of that. Either way this stops bombs and dumps, not plans.
 */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;
export const MAX_UNPACKED_BYTES_EXCELJS = 200 * 1024 * 1024;
/** Rows a sheet may hold; a plan has thousands at most, and ExcelJS would exhaust memory on millions. */
export const MAX_SHEET_ROWS = 200_000;
/** Excel's own limits: a dimension beyond them is not a real worksheet. */
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLUMNS = 16_384;

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;

/** One entry of the zip's table of contents. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const refuse = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** The limits a file must stay under; tests lower them to build small bombs. */
export interface GuardLimits {
  maxUnpackedBytes: number;
  maxSheetRows: number;
}

export const DEFAULT_LIMITS: GuardLimits = { maxUnpackedBytes: MAX_UNPACKED_BYTES, maxSheetRows: MAX_SHEET_ROWS };
const EXCELJS_LIMITS: GuardLimits = { maxUnpackedBytes: MAX_UNPACKED_BYTES_EXCELJS, maxSheetRows: MAX_SHEET_ROWS };

/** A package that passed the cheap gate: its table of contents by part name. */
export type Inspected = { ok: true; entries: Map<string, ZipEntry> } | { ok: false; reason: string };

/** The cheap gate: nothing is inflated. */
export function guardXlsx(bytes: Buffer, limits: GuardLimits = DEFAULT_LIMITS): Guarded {
  const inspected = inspectXlsx(bytes, limits);
  return inspected.ok ? { ok: true } : inspected;
}

export function inspectXlsx(bytes: Buffer, limits: GuardLimits = DEFAULT_LIMITS): Inspected {
  if (bytes.length === 0) return refuse('the file is empty, not an .xlsx workbook');
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE2)) {
    // Excel saves a password-protected workbook as an OLE2 container holding the encrypted package.
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      return refuse('the workbook is password-protected (encrypted): open it in Excel, remove the password (File > Info > Protect Workbook), save, and try again');
    }
    return refuse('this is an old Excel 97-2003 (.xls) or other Office file, not an .xlsx workbook: save it as .xlsx and try again');
  }
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== LOCAL_HEADER) {
    return refuse('not an .xlsx workbook (save it from Excel, Google Sheets or LibreOffice as .xlsx)');
  }
  const list = centralDirectory(bytes);
  if (typeof list === 'string') return refuse(list);
  const entries = new Map(list.map((e) => [e.name, e]));
  // The workbook part is where _rels/.rels says (xl/workbook.xml but for a few generators); the reader follows it.
  if (!entries.has('[Content_Types].xml') || !(entries.has('xl/workbook.xml') || entries.has('_rels/.rels'))) {
    return refuse('a zip archive but not an .xlsx workbook (no xl/workbook.xml inside)');
  }
  if (list.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name))) {
    return refuse('the workbook holds macros (.xlsm): kap does not open macro-enabled workbooks; save a copy as .xlsx (Excel Workbook) and use that');
  }
  if (list.some((e) => /(^|\/)externalLinks\//.test(e.name))) {
    return refuse('the workbook links to other workbooks (external links), which kap never follows or rewrites: break the links in Excel (Data > Edit Links > Break Link) on a copy and use that');
  }
  if (list.some((e) => e.flags & 1)) return refuse(ENCRYPTED_ZIP);
  const declared = list.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.maxUnpackedBytes) return refuse(tooBig(limits.maxUnpackedBytes, declared));
  return { ok: true, entries };
}

/** The cheap gate, then every part inflated under one budget: declared sizes can lie, and ExcelJS inflates them all. */
export function guardWholeXlsx(bytes: Buffer, limits: GuardLimits = EXCELJS_LIMITS): Guarded {
  const inspected = inspectXlsx(bytes, limits);
  if (!inspected.ok) return inspected;
  let budget = limits.maxUnpackedBytes;
  for (const entry of inspected.entries.values()) {
    if (entry.name.endsWith('/')) continue;
    const data = partData(bytes, entry, budget, limits.maxUnpackedBytes);
    if (typeof data === 'string') return refuse(data);
    budget -= data.length;
    if (/(^|\/)worksheets\/[^/]+\.xml$/.test(entry.name)) {
      const problem = sheetProblem(entry.name, data, limits.maxSheetRows);
      if (problem) return refuse(problem);
    }
  }
  return { ok: true };
}

/** What is left of a package's unpacking budget, shared by the parts read from it. */
export interface Budget {
  left: number;
  readonly limit: number;
}

/** The size of what one read may still unpack. */
export function budgetOf(limits: GuardLimits = DEFAULT_LIMITS): Budget {
  return budgetOfSize(limits.maxUnpackedBytes);
}

export function budgetOfSize(limit: number): Budget {
  return { left: limit, limit };
}

/** Pieces of an inflated part handed to the parser at a time, so a large sheet is never one large string. */
const PARSE_CHUNK = 1 << 20;

/**
 * Hands one part's bytes to `onData` in pieces, inflated once and never past
 * the budget, whatever size the part declares (Node's zlib, native and several
 * times faster than a JavaScript inflater on a large sheet). Throws a one-line
 * reason (a GuardRefusal) when the part is damaged or a bomb.
 */
export function inflatePart(bytes: Buffer, entry: ZipEntry, budget: Budget, onData: (chunk: Uint8Array) => void): void {
  if (entry.name.endsWith('/')) return;
  const data = partData(bytes, entry, budget.left, budget.limit);
  if (typeof data === 'string') throw new GuardRefusal(data);
  budget.left -= data.length;
  for (let at = 0; at < data.length; at += PARSE_CHUNK) onData(data.subarray(at, Math.min(at + PARSE_CHUNK, data.length)));
}

/** A refusal from inside a read: its message is the one-line reason. */
export class GuardRefusal extends Error {}

/** Why a worksheet's declared size (its `<dimension ref>`) is not a real sheet's, if it is not. */
export function dimensionProblem(part: string, dimension: string): string | undefined {
  const last = dimension.split(':').pop()!;
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(last);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  if (Number(m[2]) > EXCEL_MAX_ROWS || column > EXCEL_MAX_COLUMNS) return `${part} claims a size (${dimension}) beyond what any spreadsheet holds: the file is damaged`;
  return undefined;
}

/** The reason for a sheet with more rows than kap reads. */
export function tooManyRowsProblem(part: string, rows: number, maxRows: number): string {
  return `a sheet (${part}) has ${rows.toLocaleString('en-US')} rows, more than the ${maxRows.toLocaleString('en-US')} kap reads: delete the unused rows (select them, Delete) and save`;
}

const ENCRYPTED_ZIP = 'the workbook is password-protected (encrypted zip): remove the password, save as .xlsx, and try again';

function damagedPart(name: string): string {
  return `the file is damaged (part ${name} cannot be read): save it again from Excel, Google Sheets or LibreOffice`;
}

function tooBig(limit: number, declared?: number): string {
  const mb = (n: number): string => `${Math.ceil(n / 1024 / 1024)} MB`;
  const size = declared === undefined ? '' : ` (it declares ${mb(declared)})`;
  return `the workbook unpacks to more than ${mb(limit)}${size}: a zip bomb, or far more than a plan holds`;
}

/** The zip's table of contents, or why it cannot be read. */
function centralDirectory(bytes: Buffer): ZipEntry[] | string {
  const damaged = 'the file is damaged (an incomplete or truncated .xlsx): save it again from Excel, Google Sheets or LibreOffice';
  // The end record sits in the last 22 bytes plus an archive comment of at most 65535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes.readUInt32LE(i) === END_OF_CENTRAL) {
      end = i;
      break;
    }
  }
  if (end < 0) return damaged;
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return 'the file is a ZIP64 archive, far larger than a plan workbook: kap does not read it';
  if (offset + size > end) return damaged;
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || bytes.readUInt32LE(p) !== CENTRAL_HEADER) return damaged;
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    entries.push({
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A part's bytes as stored in the zip (still compressed), or why they cannot be found. */
function storedData(bytes: Buffer, entry: ZipEntry): Buffer | string {
  if (entry.flags & 1) return ENCRYPTED_ZIP;
  if (entry.method !== 0 && entry.method !== 8) return `part ${entry.name} uses a compression method kap cannot read: save the file again as .xlsx`;
  const p = entry.localOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== LOCAL_HEADER) return damagedPart(entry.name);
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  if (start + entry.compressedSize > bytes.length) return damagedPart(entry.name);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** One part's bytes, inflated with at most `budget` bytes of output, or why not. */
function partData(bytes: Buffer, entry: ZipEntry, budget: number, limit: number): Buffer | string {
  const stored = storedData(bytes, entry);
  if (typeof stored === 'string') return stored;
  if (entry.method === 0) return stored.length > budget ? tooBig(limit) : stored;
  try {
    return inflateRawSync(stored, { maxOutputLength: Math.max(budget, 1) });
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return tooBig(limit);
    return damagedPart(entry.name);
  }
}

/** Why a worksheet is too large to read: a dimension beyond Excel's grid, or too many rows. */
function sheetProblem(part: string, xml: Buffer, maxRows: number): string | undefined {
  const head = xml.toString('utf8', 0, Math.min(xml.length, 4096));
  const dimension = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]+)"/.exec(head)?.[1];
  const problem = dimension ? dimensionProblem(part, dimension) : undefined;
  if (problem) return problem;
  const rows = countRows(xml);
  return rows > maxRows ? tooManyRowsProblem(part, rows, maxRows) : undefined;
}

function countRows(xml: Buffer): number {
  const tag = Buffer.from('<row');
  let n = 0;
  for (let i = xml.indexOf(tag); i >= 0; i = xml.indexOf(tag, i + tag.length)) {
    const next = xml[i + tag.length];
    // `<row ` or `<row>`, not `<rowBreaks`.
    if (next === 0x20 || next === 0x3e || next === 0x2f) n++;
  }
  return n;
}
