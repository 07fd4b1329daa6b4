// What the kap tests share: kap run in-process with its output captured, temp
// folders, files built from grids, and every value of every sheet of a file
// (to compare a workbook before and after a command).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { WorkbookInput } from '../../core/read';
import { runCli } from '../../cli/main';
import { PlanWorkbook } from '../../cli/xlsx-workbook';

export interface KapRun {
  code: number;
  out: string;
  err: string;
  errLines: string[];
}

/** Runs `kap ...argv` in this process. */
export async function kap(...argv: string[]): Promise<KapRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n'), errLines: err };
}

const folders: string[] = [];

/** A fresh folder under the system temp folder, removed by `removeTempDirs`. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kap-test-'));
  folders.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes grids (as a host would hand them over) to an .xlsx file. */
export async function writeGrids(input: WorkbookInput, file: string): Promise<void> {
  await PlanWorkbook.fromGrids(input).save(file);
}

/** Every non-empty cell of every sheet: sheet name -> A1 address -> the cell's stored value (formulas as formulas). */
export async function sheetValues(file: string): Promise<Record<string, Record<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, Record<string, unknown>> = {};
  for (const ws of wb.worksheets) {
    const cells: Record<string, unknown> = {};
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        cells[cell.address] = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
      }),
    );
    out[ws.name] = cells;
  }
  return out;
}

export async function openWithExcelJs(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The as-of day every check in these tests uses, so results do not depend on today's date. */
export const AS_OF = '2027-03-15';

/** Commitment texts and IDs that a host would run as formulas or commands if written as typed text. */
export const FORMULA_LOOKING = ['=HYPERLINK("http://example.com","click")', "+cmd|' /C calc'!A0", '@SUM(1,2)', '-2+3'];

/** The sample plan with formula-looking text in the Commitments sheet's IDs and texts (as string cells). */
export async function samplePlanWithFormulaText(file: string): Promise<void> {
  await kap('sample', file, '--force');
  const wb = await openWithExcelJs(file);
  const ws = wb.getWorksheet('Commitments')!;
  FORMULA_LOOKING.forEach((text, i) => {
    ws.getCell(i + 2, 1).value = `${text.slice(0, 1)}C${i + 1}`;
    ws.getCell(i + 2, 2).value = text;
  });
  await wb.xlsx.writeFile(file);
}
