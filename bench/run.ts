// `npm run bench`: the core's check for plans of 100, 1,000 and 10,000 rows
// per sheet; kap on a user's file against ExcelJS alone (10,000 and 100,000
// rows, drop-downs, --write); the add-ins' round trips; the portfolio. Prints
// tables; asserts nothing (times depend on the machine and on its load).

import os from 'node:os';
import path from 'node:path';
import { benchCore } from './core';
import { benchPortfolio } from './portfolio';
import { benchUserFile } from './user-file';
// The add-ins' benches check the same planOfSize plans through their host stand-ins (Excel: the real library over its test host).
import { benchExcel } from './excel';
import { benchSheets } from './sheets';

const SIZES = [100, 1000, 10000];
const kapBin = path.resolve(__dirname, '..', 'bin', 'kap.js');

const ms = (v: number): string => (v < 10 ? v.toFixed(2) : v.toFixed(0));

async function main(): Promise<void> {
  const load = os.loadavg()[0].toFixed(1);
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}, ${os.availableParallelism()} cores, load average ${load} at the start. Times are medians; heap in MB.`);
  console.log('');
  const header = ['rows/sheet', 'core first ms', 'core check ms', 'findings', 'heap after check MB'];
  const table: string[][] = [];
  for (const rows of SIZES) {
    // Each size gets a fresh plan; the first check is reported apart from the steady state.
    const core = benchCore(rows, rows >= 10000 ? 4 : 6);
    table.push([rows.toLocaleString('en'), ms(core.firstMs), ms(core.checkMs), String(core.findings), core.heapMb.toFixed(0)]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(line(header));
  for (const row of table) console.log(line(row));
  console.log('');
  console.log('core first: the first check in the process, before the engine optimises the core; core check: median of the checks after it.');
  console.log('');
  await benchUserFile(kapBin);
  console.log('');
  await benchExcel(SIZES);
  console.log('');
  await benchSheets(SIZES);
  console.log('');
  await benchPortfolio(kapBin, [100, 1000]);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
