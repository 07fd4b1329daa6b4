// The view of a check that the task panes show: JSON-safe (no Date objects,
// since google.script.run rejects them), already in the user's language, with
// list values as stable keys so each pane labels them itself.

import { CheckResult, NextStep, SupportReason } from './check';
import { Language } from './contract';
import { FeasibilityView, feasibilityView } from './feasibility';
import { Phase, Severity } from './finding';
import { Day, formatDay } from './values';
import { cellOf, firstCellOf } from './plan';
import { findingPoints } from './score';

export interface PaneFinding {
  severity: Severity;
  phase: Phase;
  rule: string;
  sheet: string;
  cell: string;
  message: string;
  fix: string;
  /** Points this finding cost its score. */
  points: number;
}

export interface PaneCommitment {
  id: string;
  commitment: string;
  sheet: string;
  cell: string;
  supported: boolean;
  reasons: SupportReason[];
}

export interface PaneStakeholder {
  id: string;
  name: string;
  title: string;
  sheet: string;
  cell: string;
  /** List keys (decisionMaker, supporter, high...), not labels. */
  role?: string;
  attitude?: string;
  influence?: string;
}

export interface PaneCheckView {
  language: Language;
  outputLanguage: Language;
  account: string;
  /** YYYY-MM-DD */
  asOf: string;
  scorecard: { knowledge: number; vision: number; commitment: number; overall: number; explanation: string };
  findings: PaneFinding[];
  commitments: PaneCommitment[];
  stakeholders: PaneStakeholder[];
  /** The few steps that would raise overall readiness most, best first (what the pane shows at the top). */
  actions: NextStep[];
  /** The most loaded capacity spans and what no span covers, bounded in size (core/feasibility.ts). */
  feasibility: FeasibilityView;
}

/** The pane's view of a check made as of `asOf` (the check result itself does not carry its date). */
export function paneView(result: CheckResult, asOf: Day): PaneCheckView {
  const s = result.scorecard;
  const points = findingPoints(s, result.findings.length);
  return {
    language: result.language,
    outputLanguage: result.outputLanguage,
    account: result.plan.summary.account,
    asOf: formatDay(asOf),
    scorecard: {
      knowledge: s.knowledge,
      vision: s.vision,
      commitment: s.commitment,
      overall: s.overall,
      explanation: s.explanation[result.outputLanguage],
    },
    findings: result.findings.map((f, i) => ({ severity: f.severity, phase: f.phase, rule: f.rule, sheet: f.sheet, cell: f.cell, message: f.message, fix: f.fix, points: points[i] })),
    commitments: result.commitments.map((c) => ({
      id: c.id,
      commitment: c.commitment,
      sheet: c.sheet,
      cell: c.cell,
      supported: c.supported,
      reasons: [...c.reasons],
    })),
    stakeholders: result.plan.stakeholders.map((p) => ({
      id: p.id,
      name: p.name,
      title: p.title,
      sheet: p.sheet,
      cell: cellOf(p, 'name') ?? cellOf(p, 'id') ?? firstCellOf(p),
      ...(p.role !== undefined ? { role: p.role } : {}),
      ...(p.attitude !== undefined ? { attitude: p.attitude } : {}),
      ...(p.influence !== undefined ? { influence: p.influence } : {}),
    })),
    actions: result.actions.map((a) => ({ ...a })),
    feasibility: feasibilityView(result.feasibility),
  };
}
