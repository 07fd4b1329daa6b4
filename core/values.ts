// Value normalisation: each host hands cells over differently (Excel date serials,
// Date objects, typed text in either locale); this turns them into one form, once,
// or says exactly why it cannot. It never guesses silently and never throws.

import { Language } from './contract';

/** A calendar day as days since 1970-01-01; compares and subtracts as a plain number. */
export type Day = number;

/** A cell's error value as the hosts report it (#REF!, #N/A...). */
export interface CellError {
  error: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ValueProblem };

export type ValueProblem = 'not-a-date' | 'not-a-number' | 'not-a-percent' | 'error-value' | 'text-too-long';

const ERROR_TEXT = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|ERROR!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

// Failures are shared constants: a check of ten thousand rows should not allocate one per cell.
const NOT_A_DATE = { ok: false, problem: 'not-a-date' } as const;
const NOT_A_NUMBER = { ok: false, problem: 'not-a-number' } as const;
const NOT_A_PERCENT = { ok: false, problem: 'not-a-percent' } as const;
const ERROR_VALUE = { ok: false, problem: 'error-value' } as const;

/** The longest text a cell holds in Excel; anything longer came from somewhere else. */
export const MAX_TEXT = 32767;

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug folded in), i.e. 25569 days before 1970-01-01. */
export const EXCEL_EPOCH_OFFSET = 25569;
/** The last day Excel can hold, 9999-12-31, as a serial number. */
export const MAX_SERIAL = 2958465;
const MIN_DAY = dayFromParts(1900, 1, 1);
const MAX_DAY = dayFromParts(9999, 12, 31);

export function isBlank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  return false;
}

/** The error code a cell holds, if it holds one. */
export function errorOf(v: unknown): string | undefined {
  if (typeof v === 'string') return ERROR_TEXT.test(v.trim()) ? v.trim().toUpperCase() : undefined;
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
    const e = (v as Partial<CellError>).error;
    if (typeof e === 'string') return e;
  }
  return undefined;
}

/** Any cell as display text (for text columns, IDs, names). */
export function toText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const d = dayFromDate(v);
    return d === undefined ? '' : formatDay(d);
  }
  const e = errorOf(v);
  if (e) return e;
  return '';
}

export function dayFromParts(y: number, m: number, d: number): Day {
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

function validParts(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * A Date object from a host. Hosts hand over midnight in the spreadsheet's own
 * time zone, which can sit up to 14 hours either side of UTC midnight: rounding
 * to the nearest UTC day recovers the day the user sees.
 */
export function dayFromDate(d: Date): Day | undefined {
  const t = d.getTime();
  if (!Number.isFinite(t)) return undefined;
  return Math.round(t / 86400000);
}

export function formatDay(day: Day): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** The Excel serial number of a day (what Excel and LibreOffice store). */
export function excelSerial(day: Day): number {
  return day + EXCEL_EPOCH_OFFSET;
}

/**
 * Dates: Excel serials, Date objects, ISO `2026-12-31`, and day-first
 * `31/12/2026` (also with `-` or `.`) in both languages. Month-first text
 * (`12/31/2026`) is read only when it cannot be day-first; a date whose day
 * and month could be swapped is read day-first, as both languages write it.
 */
export function parseDate(v: unknown): Parsed<Day> {
  const bad = NOT_A_DATE;
  // Serial numbers first: they are what Excel hands over for every date cell.
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 1 || v > MAX_SERIAL) return bad;
    return { ok: true, value: Math.floor(v) - EXCEL_EPOCH_OFFSET };
  }
  if (errorOf(v)) return ERROR_VALUE;
  if (v instanceof Date) {
    const d = dayFromDate(v);
    return d === undefined || d < MIN_DAY || d > MAX_DAY ? bad : { ok: true, value: d };
  }
  if (typeof v !== 'string') return bad;
  const s = v.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validParts(y, mo, d) ? { ok: true, value: dayFromParts(y, mo, d) } : bad;
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validParts(y, b, a)) return { ok: true, value: dayFromParts(y, b, a) };
    if (validParts(y, a, b)) return { ok: true, value: dayFromParts(y, a, b) };
  }
  return bad;
}

/**
 * Numbers, typed the way the workbook's language writes them: `1,200.50` in
 * English, `1.200,50` in Spanish. A lone separator that cannot be a thousands
 * separator (`1200,5` in English) is read as the decimal mark. Currency
 * symbols and codes around the number are ignored.
 */
export function parseNumber(v: unknown, lang: Language): Parsed<number> {
  const bad = NOT_A_NUMBER;
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : bad;
  if (errorOf(v)) return ERROR_VALUE;
  if (typeof v !== 'string') return bad;
  const n = parseNumberText(v, lang);
  return n === undefined ? bad : { ok: true, value: n };
}

function parseNumberText(raw: string, lang: Language): number | undefined {
  let s = raw
    .trim()
    .replace(/^[A-Za-z]{3}\s*|\s*[A-Za-z]{3}$/g, '')
    .replace(/[$€£¥\u00a0\s]/g, '');
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (/^[+-]/.test(s)) {
    if (s[0] === '-') sign = -sign;
    s = s.slice(1);
  }
  if (s === '') return undefined;
  const [group, decimal] = lang === 'es' ? ['.', ','] : [',', '.'];
  const own = convention(s, group, decimal);
  if (own !== undefined) return sign * own;
  const other = convention(s, decimal, group);
  if (other !== undefined && !isThousandsOnly(s, decimal)) return sign * other;
  return undefined;
}

function isThousandsOnly(s: string, sep: string): boolean {
  const esc = sep === '.' ? '\\.' : ',';
  return new RegExp(`^\\d{1,3}(${esc}\\d{3})+$`).test(s);
}

function convention(s: string, group: string, decimal: string): number | undefined {
  const g = group === '.' ? '\\.' : ',';
  const d = decimal === '.' ? '\\.' : ',';
  const re = new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?$`);
  const m = re.exec(s);
  if (!m) return undefined;
  const whole = m[1].split(group).join('');
  return Number(m[2] === undefined ? whole : `${whole}.${m[2]}`);
}

/** Percentages: `45%`, `45 %`, `0.45`, `0,45` (Spanish); a result must lie within 0–100%. */
export function parsePercent(v: unknown, lang: Language): Parsed<number> {
  const bad = NOT_A_PERCENT;
  if (errorOf(v)) return ERROR_VALUE;
  let value: number | undefined;
  if (typeof v === 'string' && /%\s*$/.test(v)) {
    const n = parseNumber(v.replace(/%\s*$/, ''), lang);
    value = n.ok ? n.value / 100 : undefined;
  } else {
    const n = parseNumber(v, lang);
    value = n.ok ? n.value : undefined;
  }
  if (value === undefined || value < 0 || value > 1) return bad;
  return { ok: true, value };
}

/** A comma- or semicolon-separated list of IDs. */
export function parseIdList(v: unknown): string[] {
  return toText(v)
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Whole amounts with the language's thousands separator (1,200,000 / 1.200.000), the same on every host. */
export function formatAmount(n: number, lang: Language): string {
  const whole = Math.round(n).toString();
  const sep = lang === 'es' ? '.' : ',';
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Hours and other quantities: whole part grouped as formatAmount does, up to two decimals with the language's mark. */
export function formatNumber(n: number, lang: Language): string {
  const [whole, frac] = (Math.round(n * 100) / 100).toString().split('.');
  return frac === undefined ? formatAmount(Number(whole), lang) : `${formatAmount(Number(whole), lang)}${lang === 'es' ? ',' : '.'}${frac}`;
}
