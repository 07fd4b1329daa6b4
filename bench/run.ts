// `npm run bench`: the core's check, kap's end-to-end check and ExcelJS's load
// alone, for plans of 100, 1,000 and 10,000 rows per sheet. Prints a table;
// asserts nothing (times depend on the machine).

import path from 'node:path';
import { benchCli } from './cli';
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
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}. Times are medians; heap in MB.`);
  console.log('');
  const header = ['rows/sheet', 'core first ms', 'core check ms', 'findings', 'heap after check', 'xlsx KB', 'ExcelJS load ms', 'load heap', 'kap check ms (process)', 'core/load'];
  const table: string[][] = [];
  for (const rows of SIZES) {
    // Each size gets a fresh plan; the first check is reported apart from the steady state.
    const runs = rows >= 10000 ? 4 : 6;
    const core = benchCore(rows, runs);
    const cli = await benchCli(rows, rows >= 10000 ? 2 : 3, kapBin);
    table.push([
      rows.toLocaleString('en'),
      ms(core.firstMs),
      ms(core.checkMs),
      String(core.findings),
      core.heapMb.toFixed(0),
      cli.fileKb.toFixed(0),
      ms(cli.loadMs),
      cli.loadHeapMb.toFixed(0),
      `${ms(cli.cliCheckMs)} (exit ${cli.exitStatus})`,
      `${((core.checkMs / cli.loadMs) * 100).toFixed(1)}% (first ${((core.firstMs / cli.loadMs) * 100).toFixed(1)}%)`,
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(line(header));
  for (const row of table) console.log(line(row));
  console.log('');
  console.log('core first: the first check in the process, before the engine optimises the core; core check: median of the checks after it.');
  console.log('core/load: the core check as a share of the time ExcelJS alone takes to load the same file (first check in brackets).');
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
