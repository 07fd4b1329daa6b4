// The `kap portfolio --json` shape: one object, stable keys, days as
// YYYY-MM-DD, nothing host-specific. docs/cli.md documents it.

import { Portfolio, PortfolioCommitment, signedOff } from '../../core/portfolio';
import { overCost, overHours } from '../../core/portfolio-layout';
import { Day, formatDay } from '../../core/values';
import { jsonChunks } from '../json-chunks';

const day = (d: Day | undefined): string | null => (d === undefined ? null : formatDay(d));

function commitmentJson(item: PortfolioCommitment) {
  return { id: item.id, commitment: item.commitment, due: formatDay(item.due), hours: item.hours, cost: item.cost, sheet: item.sheet, cell: item.cell };
}

export function portfolioJson(p: Portfolio, asOf: Day) {
  return {
    asOf: formatDay(asOf),
    capacity: p.capacitySource === 'file' ? { source: 'file', file: p.capacityFile } : { source: 'plans' },
    accounts: p.accounts.map((a) => ({
      file: a.file,
      account: a.account,
      kam: a.kam,
      language: a.language,
      periodStart: day(a.periodStart),
      periodEnd: day(a.periodEnd),
      currency: a.currency,
      scorecard: { ...a.scores },
      errors: a.errors,
      warnings: a.warnings,
      commitments: a.commitments,
      unsupported: a.unsupported,
      signedOff: signedOff(a),
      nextStep: a.nextStep ? { rule: a.nextStep.rule, sheet: a.nextStep.sheet, cell: a.nextStep.cell, message: a.nextStep.message, gain: a.nextStep.gain } : null,
    })),
    teams: p.teams.map((t) => ({
      team: t.team,
      start: formatDay(t.start),
      end: formatDay(t.end),
      availableHours: t.availableHours,
      budget: t.budget,
      committedHours: t.committedHours,
      committedCost: t.committedCost,
      overHours: t.overHours,
      overBudget: t.overBudget,
      budgetJudged: !t.budgetNotJudged,
      judged: !t.unjudged,
      capacityFrom: t.sources.map((s) => ({ file: s.file, account: s.account, availableHours: s.availableHours ?? null, budget: s.budget ?? null, sheet: s.sheet, row: s.row })),
      accounts: t.shares.map((s) => ({ file: s.file, account: s.account, hours: s.hours, cost: s.cost, commitments: s.commitments.map((c) => c.id) })),
    })),
    withoutCapacity: p.uncovered.map((u) => ({
      team: u.team,
      hours: u.hours,
      cost: u.cost,
      accounts: u.shares.map((s) => ({ file: s.file, account: s.account, hours: s.hours, cost: s.cost, commitments: s.commitments.map((c) => c.id) })),
    })),
    conflicts: p.conflicts.map((c) => ({
      team: c.span.team,
      start: formatDay(c.span.start),
      end: formatDay(c.span.end),
      overHours: overHours(c),
      overCost: overCost(c),
      onlyWhenAddedUp: c.onlyWhenAddedUp,
      accounts: c.span.shares.map((s) => ({ file: s.file, account: s.account, hours: s.hours, cost: s.cost, commitments: s.commitments.map(commitmentJson) })),
    })),
    findings: p.findings.map((f) => ({ rule: f.rule, message: f.message })),
    skipped: p.skipped.map((s) => ({ file: s.file, reason: s.reason })),
  };
}

/** The same object as JSON text, one top-level array item at a time (see json-chunks.ts). */
export function portfolioJsonChunks(p: Portfolio, asOf: Day): Generator<string> {
  return jsonChunks(portfolioJson(p, asOf) as Record<string, unknown>);
}
