// The core's own cost: checkPlan on planOfSize, median of a few runs, and the
// heap the check leaves in use.

import { checkPlan } from '../core/check';
import { dayFromParts } from '../core/values';
import { planOfSize } from './plan-of-size';

export const AS_OF = dayFromParts(2027, 6, 30);

export interface CoreFigures {
  rows: number;
  /** The first check in a fresh process, before the JavaScript engine has optimised the core (what a one-off `kap check` pays). */
  firstMs: number;
  /** Median of the checks after the first (what a pane pays from its second check on). */
  checkMs: number;
  findings: number;
  heapMb: number;
}

export function benchCore(rows: number, runs: number): CoreFigures {
  const input = planOfSize(rows);
  let findings = 0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    findings = checkPlan(input, { asOf: AS_OF }).findings.length;
    times.push(performance.now() - start);
  }
  return { rows, firstMs: times[0], checkMs: median(times.slice(1)), findings, heapMb: heapMb() };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Heap in use after a garbage collection when node runs with --expose-gc (npm run bench does). */
export function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
