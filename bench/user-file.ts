// kap on a user's own workbook (issue 10's targets), each figure from a fresh
// process (wall time, startup included, and peak resident memory) so none
// carries another's heap:
//   - kap check vs ExcelJS alone loading the same 10,000-row-per-sheet plan (target: at most 0.4x the time);
//   - 100,000 rows per sheet: time per row against 10,000 (linear: about 1x) and peak memory
//     against a bare ExcelJS load (target: at most half);
//   - four whole-column drop-downs vs none (target: no cost);
//   - check --write vs the check alone plus writing one sheet (the same Review into a small workbook).

import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkPlan } from '../core/check';
import { reviewInputOf, reviewLayout } from '../core/layout/review';
import { formatDay } from '../core/values';
import { readPlanPackage } from '../cli/package-reader';
import { WorkbookPackage } from '../cli/package-writer';
import { AS_OF, median } from './core';
import { Measured, measureExcelJsLoad, measureNode, medianRun } from './measured-process';
import { writePlanFile } from './plan-file';

const SHEETS_WITH_ROWS = 6;

const fmt = (v: number, digits = 0): string => v.toFixed(digits);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');

export async function benchUserFile(kapBin: string): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kap-bench-file-'));
  const check = (file: string, ...more: string[]): Measured => measureNode([kapBin, 'check', file, '--json', '--as-of', formatDay(AS_OF), ...more]);
  try {
    const file10k = path.join(dir, 'plan-10k.xlsx');
    const file100k = path.join(dir, 'plan-100k.xlsx');
    const size10k = writePlanFile(10_000, file10k);
    // Measured first, while this process's heap is small (a large heap slows every collection in it).
    const oneSheetMs = await writeOneSheetMs(file10k, path.join(dir, 'one-sheet.xlsx'));
    const size100k = writePlanFile(100_000, file100k);

    const kap10k = medianRun(3, () => check(file10k));
    const excel10k = medianRun(3, () => measureExcelJsLoad(file10k));
    const kap100k = check(file100k);
    const excel100k = measureExcelJsLoad(file100k);

    const timeRatio = kap10k.ms / excel10k.ms;
    const perRow10k = (kap10k.ms * 1000) / (10_000 * SHEETS_WITH_ROWS);
    const perRow100k = (kap100k.ms * 1000) / (100_000 * SHEETS_WITH_ROWS);
    const memoryRatio100k = kap100k.peakMb / excel100k.peakMb;
    console.log('kap on a user’s file: each figure a fresh process (wall time with startup, peak resident memory); plans written as Excel lays them out (shared strings).');
    table(
      ['rows/sheet', 'file', 'kap check ms', 'kap peak MB', 'ExcelJS load ms', 'ExcelJS peak MB', 'time kap/ExcelJS', 'memory kap/ExcelJS', 'kap µs/row'],
      [
        ['10,000', mb(size10k), fmt(kap10k.ms), fmt(kap10k.peakMb), fmt(excel10k.ms), fmt(excel10k.peakMb), `${timeRatio.toFixed(2)}x`, `${(kap10k.peakMb / excel10k.peakMb).toFixed(2)}x`, fmt(perRow10k, 1)],
        ['100,000', mb(size100k), fmt(kap100k.ms), fmt(kap100k.peakMb), fmt(excel100k.ms), fmt(excel100k.peakMb), `${(kap100k.ms / excel100k.ms).toFixed(2)}x`, `${memoryRatio100k.toFixed(2)}x`, fmt(perRow100k, 1)],
      ],
    );
    const linear = perRow100k / perRow10k;
    console.log(`Targets: check at 10,000 rows at most 0.40x ExcelJS's load: ${timeRatio.toFixed(2)}x, ${met(timeRatio <= 0.4)}.`);
    console.log(`         time per row at 100,000 vs 10,000 (linear: about 1x, startup spread thinner): ${linear.toFixed(2)}x, ${met(linear <= 1.25)}.`);
    console.log(`         peak memory at 100,000 rows at most half of ExcelJS's: ${memoryRatio100k.toFixed(2)}x, ${met(memoryRatio100k <= 0.5)}.`);
    console.log('');

    // Four whole-column drop-downs (A2:A1048576-style ranges) on every table sheet, against the same plan without.
    const plain = path.join(dir, 'plan-plain.xlsx');
    const dropDowns = path.join(dir, 'plan-dropdowns.xlsx');
    writePlanFile(100, plain);
    writePlanFile(100, dropDowns, { wholeColumnDropDowns: 4 });
    // Taken in turns, so a change in the machine's load falls on both alike.
    const plainRuns: Measured[] = [];
    const dropRuns: Measured[] = [];
    for (let i = 0; i < 3; i++) {
      plainRuns.push(check(plain));
      dropRuns.push(check(dropDowns));
    }
    const kapPlain = medianRun(3, () => plainRuns.shift()!);
    const kapDrop = medianRun(3, () => dropRuns.shift()!);
    const dropCost = kapDrop.ms / kapPlain.ms;
    console.log('Whole-column drop-downs: a 100-row plan with four on each table sheet, against the same plan without.');
    // ExcelJS is left out here: it expands each drop-down to a million cells and takes minutes (docs/cli.md, Speed).
    table(
      ['plan', 'file KB', 'kap check ms', 'kap peak MB'],
      [
        ['no drop-downs', fmt(statSync(plain).size / 1024), fmt(kapPlain.ms), fmt(kapPlain.peakMb)],
        ['four whole-column drop-downs', fmt(statSync(dropDowns).size / 1024), fmt(kapDrop.ms), fmt(kapDrop.peakMb)],
      ],
    );
    console.log(`Target: drop-downs cost kap nothing: ${dropCost.toFixed(2)}x the time, ${(kapDrop.peakMb / kapPlain.peakMb).toFixed(2)}x the memory, ${met(dropCost <= 1.15)}.`);
    console.log('');

    // --write on a fresh copy each run, against the check alone and the one sheet it writes.
    const copy = path.join(dir, 'plan-write.xlsx');
    const kapWrite = medianRun(3, () => {
      copyFileSync(file10k, copy);
      return check(copy, '--write');
    });
    const extra = kapWrite.ms - kap10k.ms;
    console.log('check --write on the 10,000-row plan: the check, plus the Review sheet written into the package (every other part copied as it was).');
    table(
      ['', 'ms', 'peak MB'],
      [
        ['kap check', fmt(kap10k.ms), fmt(kap10k.peakMb)],
        ['kap check --write', fmt(kapWrite.ms), fmt(kapWrite.peakMb)],
        ['  extra for --write', fmt(extra), ''],
        ['the same Review written into a 1-row plan (in-process)', fmt(oneSheetMs), ''],
      ],
    );
    console.log(`Target: --write costs the check plus writing one sheet: extra ${fmt(extra)} ms vs one sheet ${fmt(oneSheetMs)} ms (${met(extra <= oneSheetMs * 1.5 + 150)}; process timings vary by ±150 ms here).`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Milliseconds (median of three) to write the big plan's Review sheet into a 1-row plan and save it: what writing one sheet costs. */
async function writeOneSheetMs(bigFile: string, out: string): Promise<number> {
  const big = readPlanPackage(readFileSync(bigFile), bigFile);
  const result = checkPlan(big.input, { asOf: AS_OF });
  const smallFile = `${out}.src.xlsx`;
  writePlanFile(1, smallFile);
  const small = readFileSync(smallFile);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const pkg = await WorkbookPackage.load(small);
    await pkg.applyReview(reviewLayout(reviewInputOf(result, AS_OF), pkg.sheetNames()));
    writeFileSync(out, await pkg.toBuffer());
    times.push(performance.now() - start);
  }
  return median(times);
}
