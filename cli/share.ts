// `kap share FILE --out CLIENT.xlsx`: the client copy as a brand-new workbook.
// The core decides what goes (core/client-copy.ts); this writes it into a fresh
// ExcelJS workbook, never a copy of the original file, so nothing the original
// carries (comments, defined names, properties, hidden sheets) can come along.

import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { ClientCopy, clientCopy, ClientSheet } from '../core/client-copy';
import { Language } from '../core/contract';
import { isDate, isFormula, LayoutCell } from '../core/layout/cells';
import { Day } from '../core/values';
import { WorkbookInput } from '../core/read';
import { isPlanSheet, readPlanFile } from './package-reader';
import { oneLine, UnreadableWorkbook } from './unreadable-workbook';
import { PlanWorkbook, writeFileSafely } from './xlsx-workbook';

export interface ShareOptions {
  file: string;
  out: string;
  /** Language of the copy; default: the workbook's. */
  language?: Language;
  /** Replace an existing --out file (never FILE itself). */
  force?: boolean;
}

interface Io {
  out(line: string): void;
  err(line: string): void;
}

const CANNOT = 2;
const MS_PER_DAY = 86400000;
const PRODUCT = 'Key Account Planner';
const TITLE: Record<Language, string> = { en: 'Account plan: client copy', es: 'Plan de cuenta: copia para el cliente' };

export async function runShare(options: ShareOptions, io: Io): Promise<number> {
  const fail = (line: string): number => {
    io.err(`kap: ${line}`);
    return CANNOT;
  };
  if (!options.out) return fail('share needs --out CLIENT.xlsx, the file to write the client copy to');
  if (!/\.xlsx$/i.test(options.out)) return fail(`--out ${options.out}: the client copy is an .xlsx workbook; name the file CLIENT.xlsx`);
  if (await samePath(options.file, options.out)) {
    return fail(`--out ${options.out} is the plan itself; the client copy never replaces the plan: choose another file name`);
  }
  if (!options.force && (await exists(options.out))) {
    return fail(`${options.out} already exists; add --force to replace it, or choose another file name`);
  }

  let input: WorkbookInput;
  try {
    input = await readPlanFile(options.file);
  } catch (e) {
    return fail(e instanceof UnreadableWorkbook ? e.message : `${options.file}: ${oneLine(e)}`);
  }
  if (!input.sheets.some((s) => isPlanSheet(s.name))) {
    return fail(`${options.file} has no plan sheets, so there is nothing to share: create them with kap new ${options.file}`);
  }

  const copy = clientCopy(input, { outputLanguage: options.language });
  try {
    await writeFileSafely(options.out, await clientWorkbook(copy).toBuffer(), { force: options.force });
  } catch (e) {
    return fail(`cannot write ${options.out}: ${oneLine(e)} (nothing was written)`);
  }
  io.out(`Wrote the client copy to ${options.out}: ${copy.sheets.map((s) => s.name).join(', ')}.`);
  io.out(
    copy.language === 'es'
      ? 'Solo lleva lo confirmado y validado con el cliente y los compromisos del cliente y conjuntos; costos, esfuerzo, aprobaciones, ingresos, probabilidades y la visión interna de los actores quedaron fuera.'
      : 'It holds only what is confirmed and validated with the client and the client and joint commitments; costs, effort, approvals, revenue, probabilities and our view of their people were left out.',
  );
  return 0;
}

/** A new workbook holding only the copy's cells, with neutral document properties. */
export function clientWorkbook(copy: ClientCopy): PlanWorkbook {
  const book = PlanWorkbook.empty();
  const wb = book.workbook;
  wb.creator = PRODUCT;
  wb.lastModifiedBy = PRODUCT;
  wb.title = TITLE[copy.language];
  const now = new Date();
  wb.created = now;
  wb.modified = now;
  for (const sheet of copy.sheets) writeSheet(wb.addWorksheet(sheet.name), sheet);
  return book;
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: ClientSheet): void {
  sheet.values.forEach((row, i) =>
    row.forEach((value, j) => {
      if (value === null) return;
      writeCell(ws.getCell(i + 1, j + 1), value);
    }),
  );
  for (const f of sheet.formats) {
    if (f.width !== undefined) ws.getColumn(f.column).width = f.width;
    if (f.numberFormat) for (let r = f.fromRow; r <= f.toRow; r++) ws.getCell(r, f.column).numFmt = f.numberFormat;
  }
  const width = Math.max(1, ...sheet.values.map((r) => r.length));
  for (const row of sheet.headerRows) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(row, c);
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    }
  }
  if (sheet.freezeRows > 0) ws.views = [{ state: 'frozen', ySplit: sheet.freezeRows, xSplit: 0, topLeftCell: `A${sheet.freezeRows + 1}` }];
}

function writeCell(cell: ExcelJS.Cell, value: Exclude<LayoutCell, null>): void {
  if (isDate(value)) {
    cell.value = dateOf(value.date);
    if (!cell.numFmt) cell.numFmt = 'yyyy-mm-dd';
  } else if (isFormula(value)) {
    // The copy carries no live formulas: the client gets what they read, not references into our workbook.
    cell.value = value.formula;
  } else {
    // A JavaScript string is always a string cell in ExcelJS; toBuffer() also marks formula-looking text for Excel.
    cell.value = value;
  }
}

function dateOf(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Whether two paths name the same file, through links and `..`; a path that does not exist yet is resolved through its folder. */
async function samePath(a: string, b: string): Promise<boolean> {
  return (await resolved(a)) === (await resolved(b));
}

async function resolved(file: string): Promise<string> {
  const absolute = path.resolve(file);
  try {
    return await realpath(absolute);
  } catch {
    try {
      return path.join(await realpath(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}
