// The check: read the workbook, run every phase's rules, judge each commitment's
// support, and score the plan. Deterministic for a given workbook and as-of day.

import { parseA1 } from './a1';
import { capacityLedger } from './capacity';
import { CheckOptions, ruleContext, SupportReason, SupportVerdict } from './check-context';
import { Language, sheetKeyOf, SHEET_ORDER } from './contract';
import { Feasibility, feasibilityOf } from './feasibility';
import { Finding, Phase, PHASES, SEVERITIES } from './finding';
import { NextStep, nextSteps } from './next-steps';
import { Plan } from './plan';
import { readPlan, WorkbookInput } from './read';
import { checkApprovals } from './rules/approval';
import { checkCommitments } from './rules/commitment';
import { checkKnowledge } from './rules/knowledge';
import { checkStructure } from './rules/structure';
import { checkVision } from './rules/vision';
import { exactScores, findingPoints, Scorecard, scoreModel, scorePlan } from './score';
import { judgeCommitments } from './support';
import { formatDay } from './values';

// The shared types live in core/check-context.ts; hosts and tests keep importing them from here.
export type { CheckOptions, RuleContext, SupportReason, SupportVerdict } from './check-context';
export { ruleContext, SUPPORT_REASONS } from './check-context';
export type { NextStep } from './next-steps';

/** Committed hours and cost of one Capacity row, as its live formulas compute them. */
export interface CapacityUse {
  sheet: string;
  row: number;
  team: string;
  committedHours: number;
  committedCost: number;
}

export interface CheckResult {
  /** The workbook's language. */
  language: Language;
  /** The language of messages. */
  outputLanguage: Language;
  plan: Plan;
  /** Sorted: phase, severity, sheet (workbook order), row, column, rule. */
  findings: Finding[];
  commitments: SupportVerdict[];
  scorecard: Scorecard;
  capacity: CapacityUse[];
  /** The few steps that would raise overall readiness most, best first. */
  actions: NextStep[];
  /** Per team and capacity span: available, committed, headroom, commitments largest first; and what no span covers. */
  feasibility: Feasibility;
}

/** Checks a workbook: findings, a verdict per commitment, a scorecard. */
export function checkPlan(input: WorkbookInput, options: CheckOptions): CheckResult {
  const read = readPlan(input, options.language);
  const plan = read.plan;
  const outputLanguage = options.language ?? plan.language;
  const findings: Finding[] = [...read.findings];
  const ctx = ruleContext(plan, options, findings, read.findings);
  const ledger = capacityLedger(plan);
  checkStructure(ctx);
  checkKnowledge(ctx);
  checkVision(ctx);
  checkCommitments(ctx, ledger);
  checkApprovals(ctx);
  const sorted = sortFindings(findings);
  const commitments = judgeCommitments(plan, ledger);
  const evidence = { plan, findings: sorted, verdicts: commitments };
  const model = scoreModel(evidence);
  const scorecard = scorePlan(evidence, model);
  const today = exactScores(model).rawOverall;
  const cost = findingPoints(scorecard, sorted.length);
  const actions = nextSteps(sorted, cost, today, (i) => exactScores(model, i).rawOverall);
  return {
    language: plan.language,
    outputLanguage,
    plan,
    findings: sorted,
    commitments,
    scorecard,
    capacity: ledger.loads.map((l) => ({
      sheet: l.capacity.sheet,
      row: l.capacity.row,
      team: l.capacity.team,
      committedHours: l.committedHours,
      committedCost: l.committedCost,
    })),
    actions,
    feasibility: feasibilityOf(plan, ledger),
  };
}

/** Phase order, then severity, then the sheet's place in the workbook, then row and column, then rule. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const phaseRank = (p: Phase): number => PHASES.indexOf(p);
  const ranks = new Map<string, number>();
  const sheetRank = (name: string): number => {
    let rank = ranks.get(name);
    if (rank === undefined) {
      const key = sheetKeyOf(name);
      rank = key === undefined ? SHEET_ORDER.length : SHEET_ORDER.indexOf(key);
      ranks.set(name, rank);
    }
    return rank;
  };
  const keyed = findings.map((f, i) => {
    const pos = parseA1(f.cell) ?? { row: 0, column: 0 };
    return { f, i, phase: phaseRank(f.phase), sev: SEVERITIES.indexOf(f.severity), sheet: sheetRank(f.sheet), row: pos.row, column: pos.column };
  });
  keyed.sort(
    (a, b) =>
      a.phase - b.phase ||
      a.sev - b.sev ||
      a.sheet - b.sheet ||
      compareText(a.f.sheet, b.f.sheet) ||
      a.row - b.row ||
      a.column - b.column ||
      compareText(a.f.rule, b.f.rule) ||
      compareText(a.f.message, b.f.message) ||
      a.i - b.i,
  );
  return keyed.map((k) => k.f);
}

/** Plain code-unit order: the same on every host, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface CheckJson {
  scorecard: { knowledge: number; vision: number; commitment: number; overall: number };
  findings: { severity: string; phase: string; rule: string; sheet: string; cell: string; message: string; fix: string }[];
  commitments: { id: string; supported: boolean; reasons: SupportReason[] }[];
  actions: NextStep[];
  /** One per Capacity row: a team's span, what it has, what is committed, the headroom, the commitments largest first. */
  capacity: CapacityJson[];
  /** Our side and joint commitments that no capacity span covers. */
  uncovered: { id: string; team: string; due: string | null; effortHours: number; cost: number; reason: string }[];
}

export interface CapacityJson {
  team: string;
  sheet: string;
  row: number;
  /** YYYY-MM-DD, or null when blank or unreadable. */
  start: string | null;
  end: string | null;
  currency: string;
  availableHours: number;
  committedHours: number;
  hoursHeadroom: number;
  budget: number;
  committedCost: number;
  budgetHeadroom: number;
  overHours: boolean;
  overBudget: boolean;
  unreadable: boolean;
  commitments: { id: string; effortHours: number; cost: number }[];
}

/** The `--json` shape: stable keys, nothing host-specific. */
export function toJson(result: CheckResult): CheckJson {
  const s = result.scorecard;
  return {
    scorecard: { knowledge: s.knowledge, vision: s.vision, commitment: s.commitment, overall: s.overall },
    findings: result.findings.map((f) => ({
      severity: f.severity,
      phase: f.phase,
      rule: f.rule,
      sheet: f.sheet,
      cell: f.cell,
      message: f.message,
      fix: f.fix,
    })),
    commitments: result.commitments.map((c) => ({ id: c.id, supported: c.supported, reasons: [...c.reasons] })),
    actions: result.actions.map((a) => ({ rule: a.rule, sheet: a.sheet, cell: a.cell, message: a.message, gain: a.gain })),
    ...feasibilityJson(result.feasibility),
  };
}

/** The `capacity` and `uncovered` keys of the `--json` shape, from a check's feasibility (what the panes receive too). */
export function feasibilityJson(f: Feasibility): Pick<CheckJson, 'capacity' | 'uncovered'> {
  return {
    capacity: f.spans.map((s) => ({
      team: s.team,
      sheet: s.sheet,
      row: s.row,
      start: s.start === undefined ? null : formatDay(s.start),
      end: s.end === undefined ? null : formatDay(s.end),
      currency: f.currency,
      availableHours: s.availableHours,
      committedHours: s.committedHours,
      hoursHeadroom: s.hoursHeadroom,
      budget: s.budget,
      committedCost: s.committedCost,
      budgetHeadroom: s.budgetHeadroom,
      overHours: s.overHours,
      overBudget: s.overBudget,
      unreadable: s.unreadable,
      commitments: s.commitments.map((c) => ({ id: c.id, effortHours: c.effortHours, cost: c.cost })),
    })),
    uncovered: f.uncovered.map((c) => ({
      id: c.id,
      team: c.team,
      due: c.due === undefined ? null : formatDay(c.due),
      effortHours: c.effortHours,
      cost: c.cost,
      reason: c.reason,
    })),
  };
}
