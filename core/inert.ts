// Inert text: how text that came from a workbook is written back so that no
// host ever turns it into something else. Office.js `values` and Apps Script
// `setValues` parse a string as if it were typed: `=HYPERLINK(...)` becomes a
// formula, `007` the number 7, `2027-03-15` a date, `TRUE` a boolean, `45%`
// 0.45, `1,5` 1.5 in a Spanish locale, and a user's own leading apostrophe is
// eaten. One rule here decides which strings a host would re-type; every host
// keeps them text the same way: a leading apostrophe, which both hosts take as
// "this cell is text" and do not show (docs/excel.md, docs/sheets.md).

/** Leading characters that Excel, Google Sheets or LibreOffice may read as the start of a formula or command. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * Starts that typed-text parsing may turn into a number, date, time, currency,
 * fraction or percentage in some locale: a digit, a sign or decimal mark, a
 * currency symbol, an accounting-style "(5)", a sign after leading spaces
 * (" -5" is the number -5 in Excel), or an apostrophe that the host
 * would take as its own text marker. Leading spaces are skipped by the hosts'
 * parsers, so they are skipped here too.
 */
const NUMERIC_START = /^\s*[0-9.,'(+\-¤$€£¥₹₩₽₺₱]/;

/** Words hosts read as booleans or error values, in the languages our users' spreadsheets are in. */
const LITERAL_WORDS = new Set(['true', 'false', 'verdadero', 'falso', 'vrai', 'faux', 'wahr', 'falsch', 'vero', 'verdadeiro']);
const ERROR_VALUE = /^\s*#(null!|div\/0!|value!|ref!|name\?|num!|n\/a|getting_data|spill!|calc!|error!)\s*$/i;

/** A month name (English or Spanish, full or three letters) followed by a number reads as a date ("Mar 15", "enero 2027"). */
const MONTH_THEN_NUMBER =
  /^\s*(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|jun(e)?|jul(y)?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|ene(ro)?|febrero|marzo|abr(il)?|mayo|junio|julio|ago(sto)?|sept?iembre|set|octubre|noviembre|dic(iembre)?)\.?[\s\-/]+\d/i;

/** Whether a host that parses typed text would store this string as something other than the same text. */
export function needsQuote(text: string): boolean {
  if (text === '') return false;
  if (FORMULA_START.test(text) || NUMERIC_START.test(text)) return true;
  const bare = text.trim().toLowerCase();
  return LITERAL_WORDS.has(bare) || ERROR_VALUE.test(text) || MONTH_THEN_NUMBER.test(text);
}

/**
 * The text as a host that parses what it is given (Office.js `values`, Apps
 * Script `setValues`) must receive it: a leading apostrophe marks the cell as
 * text in both, and is not part of the value the user sees.
 */
export function inertText(text: string): string {
  return needsQuote(text) ? `'${text}` : text;
}
