// Inert text: how text that came from a workbook is written back so that no
// host ever turns it into a formula (=HYPERLINK(...), +cmd|..., @SUM(...)).

/** Leading characters that Excel, Google Sheets or LibreOffice may read as the start of a formula or command. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** Whether a host that parses typed text would treat this string as something other than text. */
export function needsQuote(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * The text as a host that parses what it is given (Office.js `values`, Apps
 * Script `setValues`) must receive it: a leading apostrophe marks the cell as
 * text in both, and is not part of the value the user sees.
 */
export function inertText(text: string): string {
  return needsQuote(text) ? `'${text}` : text;
}
