// What Excel stores when a string is written through `range.values`: it is
// parsed as if typed into the cell (en-US). `=...` is a formula; a leading
// apostrophe keeps the rest as text; `007` is the number 7, `45%` 0.45,
// `TRUE` a boolean, `2027-03-15` and `3/15/2027` dates, `10:30` a time,
// `#N/A` an error value. A cell formatted as text (`@`) keeps any string as
// text. Sources and what is inferred: docs/excel.md, "Excel's typing of text".

import type { CellValue } from './excel-workbook';

export interface Typed {
  value: CellValue;
  formula?: string;
  error?: boolean;
  /** The number format Excel gives the cell when it recognises a date, time, percentage or currency. */
  numberFormat?: string;
  /** The value was kept as text by a leading apostrophe. */
  quoted?: boolean;
}

const ERRORS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const NUMBER = /^((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The cell Excel makes of `text` written through `values` into a cell with this number format. */
export function typeText(text: string, cellFormat: string): Typed {
  if (cellFormat === '@') return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1), quoted: true };
  if (text.length > 1 && text.startsWith('=')) return { value: '', formula: text };
  const bare = text.trim();
  if (bare === '') return { value: text };
  const upper = bare.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  if (ERRORS.includes(upper)) return { value: upper, error: true };
  const number = numberOf(bare);
  if (number) return number;
  const date = dateOf(bare) ?? timeOf(bare);
  if (date) return date;
  // Typed `+x` or `-x` that is not a number starts a formula, which then fails to compute (inferred).
  if (/^[+-]/.test(text) && bare.length > 1) return { value: '#NAME?', error: true, formula: `=${bare}` };
  return { value: text };
}

function numberOf(text: string): Typed | undefined {
  let t = text;
  let sign = 1;
  let format: string | undefined;
  if (/^\(.*\)$/.test(t)) {
    sign = -1;
    t = t.slice(1, -1).trim();
  }
  if (/^[+-]/.test(t)) {
    if (t[0] === '-') sign = -sign;
    t = t.slice(1).trim();
  }
  if (t.startsWith('$')) {
    format = '"$"#,##0.00';
    t = t.slice(1).trim();
  }
  let scale = 1;
  if (t.endsWith('%')) {
    format = '0%';
    scale = 100;
    t = t.slice(0, -1).trim();
  }
  if (!NUMBER.test(t)) return undefined;
  const value = (sign * Number(t.replace(/,/g, ''))) / scale;
  return format ? { value, numberFormat: format } : { value };
}

function serial(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return undefined;
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86400000);
}

function year(text: string): number {
  const y = Number(text);
  return text.length <= 2 ? (y < 30 ? 2000 + y : 1900 + y) : y;
}

/** A month's full name or its first three (or more) letters: `Mar`, `Sept`, `March`. */
function month(text: string): number | undefined {
  const t = text.toLowerCase();
  const i = t.length < 3 ? -1 : MONTHS.findIndex((m) => m.startsWith(t));
  return i < 0 ? undefined : i + 1;
}

/** The year Excel assumes for a date typed without one (inferred: the current year). */
const THIS_YEAR = new Date().getFullYear();

function dateOf(text: string): Typed | undefined {
  let m: RegExpExecArray | null;
  let day: number | undefined;
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text))) day = serial(+m[1], +m[2], +m[3]);
  else if ((m = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(text))) day = serial(m[3] ? year(m[3]) : THIS_YEAR, +m[1], +m[2]);
  else if ((m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text))) day = serial(+m[1], +m[2], +m[3]);
  else if ((m = /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?(?:[\s-],?\s*(\d{2}|\d{4}))?$/.exec(text)) && month(m[2])) day = serial(m[3] ? year(m[3]) : THIS_YEAR, month(m[2])!, +m[1]);
  else if ((m = /^([A-Za-z]{3,9})\.?[\s-](\d{1,2})(?:,?[\s-](\d{4}))?$/.exec(text)) && month(m[1])) day = serial(m[3] ? +m[3] : THIS_YEAR, month(m[1])!, +m[2]);
  else if ((m = /^([A-Za-z]{3,9})\.?[\s-](\d{4})$/.exec(text)) && month(m[1])) day = serial(+m[2], month(m[1])!, 1);
  return day === undefined ? undefined : { value: day, numberFormat: 'm/d/yyyy' };
}

function timeOf(text: string): Typed | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text);
  if (!m) return undefined;
  let hours = Number(m[1]);
  if (m[4]) hours = (hours % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  if (hours > 23 || Number(m[2]) > 59) return undefined;
  return { value: (hours * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86400, numberFormat: 'h:mm' };
}
