// How Google Sheets stores a string handed to Range.setValues: as if the user
// had typed it into the cell, in the spreadsheet's locale (docs/sheets.md
// cites the sources; what is inferred is marked there and here). The double
// types every setValues string through this, so a value the add-on forgot to
// keep as text comes back changed, as it would from Sheets.

import { argumentSeparatorOf, decimalMarkOf } from '../../core/formula-locale';

export type TypedInput =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number; numberFormat?: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; value: string }
  | { kind: 'formula'; formula: string };

/** Sheets counts days from 1899-12-30. */
const EPOCH = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86400000;

const BOOLEANS: Record<string, Record<string, boolean>> = {
  en: { true: true, false: false },
  // Inferred: a Spanish-locale spreadsheet takes its own words as well as the English ones.
  es: { true: true, false: false, verdadero: true, falso: false },
};
const ERRORS = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!)$/i;
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, ene: 1, enero: 1, feb: 2, february: 2, febrero: 2, mar: 3, march: 3, marzo: 3, apr: 4, april: 4, abr: 4, abril: 4,
  may: 5, mayo: 5, jun: 6, june: 6, junio: 6, jul: 7, july: 7, julio: 7, aug: 8, august: 8, ago: 8, agosto: 8, sep: 9, sept: 9, september: 9,
  septiembre: 9, set: 9, oct: 10, october: 10, octubre: 10, nov: 11, november: 11, noviembre: 11, dec: 12, december: 12, dic: 12, diciembre: 12,
};

/**
 * What a typed string becomes in a spreadsheet of `locale`. A cell formatted
 * as plain text (`@`) keeps what is typed as text (inferred from Sheets'
 * Format › Number › Plain text).
 */
export function typedInput(text: string, locale: string, cellFormat?: string): TypedInput {
  // "'" marks the rest as text and is not part of the value.
  if (text.startsWith("'")) return { kind: 'text', value: text.slice(1) };
  if (cellFormat === '@') return { kind: 'text', value: text };
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text };
  // Inferred: a leading + is taken for the start of a formula, as in other spreadsheets; `+1 555 0100` then does not parse.
  if (text.startsWith('+') && text.length > 1 && !isNumberText(text.slice(1), locale)) return { kind: 'formula', formula: `=${text}` };
  const bare = text.trim();
  if (bare === '') return { kind: 'text', value: text };
  const words = BOOLEANS[language(locale)] ?? BOOLEANS.en;
  const word = words[bare.toLowerCase()];
  if (word !== undefined) return { kind: 'boolean', value: word };
  if (ERRORS.test(bare)) return { kind: 'error', value: bare.toUpperCase() };
  const percent = /^(.*?)\s*%$/.exec(bare);
  if (percent && isNumberText(percent[1], locale)) return { kind: 'number', value: numberOf(percent[1], locale) / 100, numberFormat: '0%' };
  const currency = /^([$€£])\s*(.+)$/.exec(bare);
  if (currency && isNumberText(currency[2], locale)) return { kind: 'number', value: numberOf(currency[2], locale), numberFormat: `"${currency[1]}"#,##0.00` };
  if (isNumberText(bare, locale)) return { kind: 'number', value: numberOf(bare, locale) };
  const day = dateOf(bare, locale);
  if (day !== undefined) return { kind: 'number', value: day, numberFormat: 'yyyy-mm-dd' };
  return { kind: 'text', value: text };
}

function language(locale: string): string {
  return String(locale).split(/[_-]/)[0].toLowerCase();
}

/** A number as typed in the locale: its decimal mark, its digit grouping (in threes), an optional sign and exponent. */
function isNumberText(text: string, locale: string): boolean {
  const [decimal, group] = decimalMarkOf(locale) === ',' ? [',', '.'] : ['.', ','];
  const d = `\\${decimal}`;
  const g = `\\${group}`;
  const pattern = new RegExp(`^[+-]?(\\d+|\\d{1,3}(${g}\\d{3})+)(${d}\\d*)?([eE][+-]?\\d+)?$|^[+-]?${d}\\d+$`);
  return pattern.test(text.trim());
}

function numberOf(text: string, locale: string): number {
  const comma = decimalMarkOf(locale) === ',';
  const plain = comma ? text.trim().replace(/\./g, '').replace(',', '.') : text.trim().replace(/,/g, '');
  return Number(plain);
}

/** ISO dates everywhere; d/m/y or m/d/y by locale; "Mar 15 2027", "15 marzo 2027" (a missing year is this year: inferred). */
function dateOf(text: string, locale: string): number | undefined {
  let y: number | undefined;
  let m: number | undefined;
  let d: number | undefined;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (match) [y, m, d] = [+match[1], +match[2], +match[3]];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(text))) {
    const dayFirst = !/^en[_-]US$/i.test(locale) && !/^en$/i.test(locale);
    [d, m] = dayFirst ? [+match[1], +match[2]] : [+match[2], +match[1]];
    y = +match[3] < 100 ? 2000 + +match[3] : +match[3];
  } else if ((match = /^([A-Za-zñÑ]+)\.?[\s\-/]+(\d{1,2})(?:,?\s+(\d{4}))?$/.exec(text)) && MONTHS[match[1].toLowerCase()]) {
    [m, d, y] = [MONTHS[match[1].toLowerCase()], +match[2], match[3] ? +match[3] : new Date().getUTCFullYear()];
  } else if ((match = /^(\d{1,2})[\s\-/]+(?:de\s+)?([A-Za-zñÑ]+)\.?(?:[\s\-/]+(?:de\s+)?(\d{4}))?$/.exec(text)) && MONTHS[match[2].toLowerCase()]) {
    [d, m, y] = [+match[1], MONTHS[match[2].toLowerCase()], match[3] ? +match[3] : new Date().getUTCFullYear()];
  } else if ((match = /^([A-Za-zñÑ]+)\.?\s+(\d{4})$/.exec(text)) && MONTHS[match[1].toLowerCase()]) {
    [m, d, y] = [MONTHS[match[1].toLowerCase()], 1, +match[2]];
  }
  if (y === undefined || m === undefined || d === undefined || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCDate() !== d) return undefined;
  return (t - EPOCH) / MS_PER_DAY;
}

/** The separator a formula typed in this locale must use between arguments. */
export const separatorOf = argumentSeparatorOf;
