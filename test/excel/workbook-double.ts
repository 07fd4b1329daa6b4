// Puts plans into the Office.js double as Excel would hold them (dates as
// serial numbers, error values as their text) and hands the adapter an
// `Excel`-like API backed by the double.

import { WorkbookInput } from '../../core/read';
import { dayFromDate, excelSerial } from '../../core/values';
import type { ExcelApi } from '../../excel-addin/excel-host';
import { DoubleContext, OfficeDouble } from './office-double';

/** A cell as Excel's `values` holds it; text that looks like a formula stays text (typed with an apostrophe). */
export function excelCell(v: unknown): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return excelSerial(dayFromDate(v)!);
  if (typeof v === 'object') return String((v as { error?: unknown }).error ?? '');
  if (typeof v === 'string' && v.startsWith('=')) return `'${v}`;
  return v as string | number | boolean;
}

/** A double holding these sheets from A1 (or their firstRow/firstColumn). */
export function doubleWith(input: WorkbookInput): OfficeDouble {
  const office = new OfficeDouble();
  for (const sheet of input.sheets) {
    const top = (sheet.firstRow ?? 1) - 1;
    const left = (sheet.firstColumn ?? 1) - 1;
    const rows: unknown[][] = Array.from({ length: top }, () => []);
    for (const r of sheet.values) rows.push([...Array<unknown>(left).fill(null), ...r.map(excelCell)]);
    office.workbook.addSheet(sheet.name, rows);
  }
  return office;
}

/** The `Excel` global as the adapter sees it, backed by the double. */
export function excelOf(office: OfficeDouble): ExcelApi {
  const excel = office.excelGlobal();
  return {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => excel.run((context: DoubleContext) => batch(context as unknown as Excel.RequestContext)),
    createWorkbook: excel.createWorkbook,
  };
}

/** Runs one adapter function against the double, as Excel.run would. */
export function runIn<T>(office: OfficeDouble, body: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return office.run((context) => body(context as unknown as Excel.RequestContext));
}

/** Every sheet's cells by address. */
export function snapshotOf(office: OfficeDouble): Record<string, Record<string, string | number | boolean>> {
  return Object.fromEntries(office.workbook.sheets.map((s) => [s.name, s.snapshot()]));
}
