// One measurement, one fresh `node` process: its wall time and its peak
// resident memory (VmHWM, worker threads included), so no figure carries the
// bench's own heap or an earlier measurement's garbage.

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Measured {
  ms: number;
  peakMb: number;
  status: number | null;
  stdout: string;
}

let runs = 0;

/**
 * The child's own peak, in KB. getrusage's maxRSS of a process started by
 * fork and exec keeps the high-water mark of the forked copy of the parent
 * (the bench holds hundreds of MB while it writes a 100,000-row plan), so on
 * Linux the peak is VmHWM, which starts afresh at exec.
 */
const PEAK_KB = `function peakKb() {
  try {
    const m = /VmHWM:\\s*(\\d+) kB/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {}
  return process.resourceUsage().maxRSS;
}
`;

/** Runs `node NODE_ARGS...` and measures it; `nodeArgs` may be a script and its arguments, or `-e CODE`. */
export function measureNode(nodeArgs: string[], options: { keepStdout?: boolean } = {}): Measured {
  const id = `${process.pid}-${++runs}`;
  const rssFile = path.join(os.tmpdir(), `kap-bench-rss-${id}`);
  const preload = path.join(os.tmpdir(), `kap-bench-rss-${id}.js`);
  writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(peakKb())));\n${PEAK_KB}`);
  try {
    const start = performance.now();
    const r = spawnSync(process.execPath, ['-r', preload, ...nodeArgs], {
      encoding: 'utf8',
      stdio: ['ignore', options.keepStdout ? 'pipe' : 'ignore', 'pipe'],
      maxBuffer: 1024 * 1024 * 1024,
    });
    const ms = performance.now() - start;
    if (r.status !== 0 && r.status !== 1) throw new Error(`bench: node ${nodeArgs.slice(0, 3).join(' ')} failed (${r.status ?? r.signal}): ${r.stderr.split('\n')[0]}`);
    return { ms, peakMb: Number(readFileSync(rssFile, 'utf8')) / 1024, status: r.status, stdout: r.stdout ?? '' };
  } finally {
    rmSync(rssFile, { force: true });
    rmSync(preload, { force: true });
  }
}

/** ExcelJS alone loading a file, in its own process (a large load gets the heap it needs). */
export function measureExcelJsLoad(file: string): Measured {
  const exceljs = require.resolve('exceljs');
  const code = `const E = require(${JSON.stringify(exceljs)}); new E.Workbook().xlsx.readFile(${JSON.stringify(file)}).catch((e) => { console.error(e.message); process.exit(3); });`;
  return measureNode(['--max-old-space-size=16384', '-e', code]);
}

/** The run with the median time of `n`, and the highest peak among them. */
export function medianRun(n: number, run: () => Measured): Measured {
  const all = Array.from({ length: n }, run).sort((a, b) => a.ms - b.ms);
  return { ...all[Math.floor((n - 1) / 2)], peakMb: Math.max(...all.map((m) => m.peakMb)) };
}
