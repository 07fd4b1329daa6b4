// kap's cost on a file: the plan of a given size written as .xlsx, then the
// end-to-end `kap check` (a real `node bin/kap.js` process, startup included)
// and ExcelJS's load of the same file alone, to show what kap adds over reading it.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PlanWorkbook } from '../cli/xlsx-workbook';
import { formatDay } from '../core/values';
import { AS_OF, heapMb, median } from './core';
import { planOfSize } from './plan-of-size';

export interface CliFigures {
  rows: number;
  fileKb: number;
  cliCheckMs: number;
  exitStatus: number | null;
  loadMs: number;
  loadHeapMb: number;
}

/** Writes the plan of `rows` rows per sheet to an .xlsx file, as a user's file would hold it. */
export async function writePlanOfSize(rows: number, file: string): Promise<void> {
  await PlanWorkbook.fromGrids(planOfSize(rows)).save(file);
}

export async function benchCli(rows: number, runs: number, kapBin: string): Promise<CliFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kap-bench-'));
  try {
    const file = path.join(dir, `plan-${rows}.xlsx`);
    await writePlanOfSize(rows, file);
    const loads: number[] = [];
    let loadHeap = 0;
    for (let i = 0; i < runs; i++) {
      const before = heapMb();
      const start = performance.now();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      loads.push(performance.now() - start);
      loadHeap = Math.max(loadHeap, process.memoryUsage().heapUsed / 1024 / 1024 - before);
    }
    const checks: number[] = [];
    let exitStatus: number | null = null;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const r = spawnSync(process.execPath, [kapBin, 'check', file, '--json', '--as-of', formatDay(AS_OF)], { stdio: 'ignore' });
      checks.push(performance.now() - start);
      exitStatus = r.status;
    }
    return { rows, fileKb: statSync(file).size / 1024, cliCheckMs: median(checks), exitStatus, loadMs: median(loads), loadHeapMb: loadHeap };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
