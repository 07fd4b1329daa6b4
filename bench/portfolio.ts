// `kap portfolio` at scale: 100 and 1,000 generated plans of 50 rows per sheet
// (planOfSize, half English, half Spanish, each its own account), checked by a
// real `node bin/kap.js portfolio` process. Prints wall time and the process's
// peak resident memory (worker threads included: they share the process), with
// one worker and with one per core, so the figures compare side by side.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PlanWorkbook } from '../cli/xlsx-workbook';
import { PLAN_SHEET } from '../core/contract';
import { formatDay } from '../core/values';
import { AS_OF } from './core';
import { measureNode } from './measured-process';
import { planOfSize } from './plan-of-size';

const ROWS = 50;
/** Distinct workbooks written with ExcelJS; the others are copies with their own account name, so writing 1,000 plans does not dominate the bench. */
const DISTINCT = 20;
const NAME_MARK = 'Account #####';

interface PortfolioFigures {
  plans: number;
  jobs: number;
  seconds: number;
  peakMb: number;
  exitStatus: number | null;
  conflicts: number;
}

/** Writes `count` plans in folders of 100: DISTINCT workbooks (languages alternating), each copy renamed to its own account. */
export async function writePlans(dir: string, count: number, distinctDir: string): Promise<void> {
  if (readdirSync(distinctDir).length === 0) {
    for (let i = 0; i < DISTINCT; i++) {
      const lang = i % 2 === 0 ? 'en' : 'es';
      const input = planOfSize(ROWS, lang);
      // The account is the Plan sheet's first field.
      input.sheets[0].values[1] = [PLAN_SHEET.fields[0][lang], NAME_MARK];
      await PlanWorkbook.fromGrids(input).save(path.join(distinctDir, `plan-${i}.xlsx`));
    }
  }
  const templates = Array.from({ length: DISTINCT }, (_, i) => unzipSync(readFileSync(path.join(distinctDir, `plan-${i}.xlsx`))));
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `region-${Math.floor(i / 100)}`);
    mkdirSync(folder, { recursive: true });
    const parts = { ...templates[i % DISTINCT] };
    const strings = strFromU8(parts['xl/sharedStrings.xml']);
    parts['xl/sharedStrings.xml'] = strToU8(strings.replace(NAME_MARK, `Account ${String(i + 1).padStart(5, '0')}`));
    writeFileSync(path.join(folder, `plan-${String(i).padStart(4, '0')}.xlsx`), zipSync(parts, { level: 6 }));
  }
}

function runPortfolio(kapBin: string, dir: string, jobs: number, plans: number): PortfolioFigures {
  // Peak memory is the whole process's, worker threads included.
  const r = measureNode([kapBin, 'portfolio', dir, '--json', '--as-of', formatDay(AS_OF), '--jobs', String(jobs)], { keepStdout: true });
  let conflicts = -1;
  try {
    conflicts = (JSON.parse(r.stdout) as { conflicts: unknown[] }).conflicts.length;
  } catch {
    // an unexpected output shows as -1 conflicts, with the exit status beside it
  }
  return { plans, jobs, seconds: r.ms / 1000, peakMb: r.peakMb, exitStatus: r.status, conflicts };
}

export async function benchPortfolio(kapBin: string, counts: readonly number[]): Promise<void> {
  const cores = os.availableParallelism();
  const root = mkdtempSync(path.join(os.tmpdir(), 'kap-bench-portfolio-'));
  try {
    const distinct = path.join(root, 'distinct');
    mkdirSync(distinct);
    const rows: PortfolioFigures[] = [];
    for (const count of counts) {
      const dir = path.join(root, `portfolio-${count}`);
      await writePlans(dir, count, distinct);
      rows.push(runPortfolio(kapBin, dir, 1, count));
      if (cores > 1) rows.push(runPortfolio(kapBin, dir, cores, count));
      rmSync(dir, { recursive: true, force: true });
    }
    const fileKb = statSync(path.join(distinct, 'plan-0.xlsx')).size / 1024;
    console.log(`kap portfolio: plans of ${ROWS} rows per sheet (${fileKb.toFixed(0)} KB each), a real process, ${cores} cores; peak memory is the process's maximum resident set.`);
    const header = ['plans', 'workers', 'seconds', 'ms/plan', 'peak MB', 'exit', 'conflicts', 'vs 1 worker'];
    const table = rows.map((r) => {
      const single = rows.find((x) => x.plans === r.plans && x.jobs === 1)!;
      return [
        r.plans.toLocaleString('en'),
        r.jobs === 1 ? '1 (in-process)' : String(r.jobs),
        r.seconds.toFixed(1),
        ((r.seconds * 1000) / r.plans).toFixed(1),
        r.peakMb.toFixed(0),
        String(r.exitStatus),
        String(r.conflicts),
        `${(single.seconds / r.seconds).toFixed(2)}x`,
      ];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
    const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i])).join('  ');
    console.log(line(header));
    for (const row of table) console.log(line(row));
    const first = rows.filter((r) => r.plans === counts[0]);
    const last = rows.filter((r) => r.plans === counts[counts.length - 1]);
    const ratio = (a: PortfolioFigures[], b: PortfolioFigures[]): string => (Math.max(...b.map((r) => r.peakMb)) / Math.max(...a.map((r) => r.peakMb))).toFixed(2);
    console.log(`Peak memory at ${counts[counts.length - 1].toLocaleString('en')} plans vs ${counts[0]}: ${ratio(first, last)}x (plans are read one at a time per worker and dropped).`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
