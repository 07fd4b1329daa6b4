// The next steps: the few findings whose resolution would raise overall
// readiness most, each found by re-scoring the plan with that one finding
// resolved. What kap's report, --json, the panes and the Review sheet lead with.

import { Finding } from './finding';

/** One action and what it is worth: overall readiness points gained if that finding is resolved. */
export interface NextStep {
  rule: string;
  sheet: string;
  cell: string;
  /** What to do, in the check's output language. */
  message: string;
  /** Overall readiness points gained, to one decimal. */
  gain: number;
}

/** How many steps a check names: a few, so the first is obvious. */
export const NEXT_STEP_COUNT = 5;
/** Findings re-scored, the costliest first: bounds the work on plans with thousands of findings. */
const CANDIDATES = 40;

/**
 * The steps, best first. `overallWithout(i)` is the exact (unrounded) overall
 * score with finding i resolved; `overall` is today's; `cost[i]` is what finding
 * i costs its own phase, used only to choose which findings to re-score.
 */
export function nextSteps(
  findings: readonly Finding[],
  cost: readonly number[],
  overall: number,
  overallWithout: (index: number) => number,
  count = NEXT_STEP_COUNT,
): NextStep[] {
  const order = findings.map((_, i) => i).filter((i) => (cost[i] ?? 0) > 0);
  order.sort((a, b) => cost[b] - cost[a] || a - b);
  const scored = order.slice(0, CANDIDATES).map((i) => ({ i, gain: round1(overallWithout(i) - overall) }));
  scored.sort((a, b) => b.gain - a.gain || a.i - b.i);
  const steps: NextStep[] = [];
  const seen = new Set<string>();
  for (const { i, gain } of scored) {
    if (gain <= 0 || steps.length >= count) break;
    const f = findings[i];
    // One step per place and rule: two findings of one rule at one cell are one action.
    const key = `${f.rule}\u0000${f.sheet}\u0000${f.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    steps.push({ rule: f.rule, sheet: f.sheet, cell: f.cell, message: f.step ?? f.fix, gain });
  }
  return steps;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
