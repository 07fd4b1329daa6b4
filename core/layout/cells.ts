// The cells a layout asks a host to write: literal text, numbers, dates and
// formulas kept apart, so each host can write them without reinterpreting text.

import { excelSerial, Day } from '../values';
import { inertText } from '../inert';

export interface FormulaCell {
  formula: string;
}
export interface DateCell {
  date: Day;
}
/** `string` is always literal text, never a formula, whatever it starts with. */
export type LayoutCell = string | number | boolean | null | FormulaCell | DateCell;

export function isFormula(c: LayoutCell): c is FormulaCell {
  return typeof c === 'object' && c !== null && 'formula' in c;
}

export function isDate(c: LayoutCell): c is DateCell {
  return typeof c === 'object' && c !== null && 'date' in c;
}

/**
 * The value to hand to a host that parses what it is given (Office.js
 * `values`, Apps Script `setValues`): formulas as `=...`, dates as serial
 * numbers (the cell's number format shows them as dates), text made inert.
 */
export function hostValue(c: LayoutCell): string | number | boolean {
  if (c === null) return '';
  if (typeof c === 'string') return inertText(c);
  if (typeof c === 'number' || typeof c === 'boolean') return c;
  if (isFormula(c)) return c.formula;
  return excelSerial(c.date);
}

export function hostValues(rows: LayoutCell[][]): (string | number | boolean)[][] {
  return rows.map((r) => r.map(hostValue));
}

/** Number formats the template gives each kind of column; the same codes work in Excel, Sheets and LibreOffice. */
export const NUMBER_FORMATS = {
  date: 'yyyy-mm-dd',
  money: '#,##0.00',
  number: '#,##0.0',
  percent: '0%',
  text: '@',
} as const;
