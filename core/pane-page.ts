// The pane's view of a check in pages, for a host where the view has to travel
// (google.script.run carries the Sheets sidebar's every call, and a 10,000-row
// plan's whole view is megabytes): the scorecard, the next steps, the counts,
// every commitment's verdict (id, supported, reasons), the first findings of
// each phase, the first unsupported commitments in full and the first
// stakeholders cross at once; the rest of a list comes a page at a time when
// the user asks for it. A host that has the whole view (Excel) passes it as it
// is: `countsOf` reads the counts from either.

import { Phase, PHASES } from './finding';
import type { PaneCheckView, PaneCommitment, PaneFinding } from './pane-view';

export const PAGE_SIZE = {
  /** Findings of each phase in the first answer: the most severe, as the check sorts them. */
  firstFindings: 20,
  /** Findings or commitments each "show more" brings. */
  more: 50,
  /** Unsupported commitments in the first answer. */
  firstUnsupported: 50,
  /** Stakeholders the map is drawn with: past a few hundred dots it shows nothing more. */
  stakeholders: 300,
} as const;

export interface PaneCounts {
  findings: number;
  byPhase: Record<Phase, { total: number; errors: number }>;
  commitments: number;
  unsupported: number;
  stakeholders: number;
}

/** A commitment's verdict without its text and place: what every commitment sends. */
export type PaneVerdict = Pick<PaneCommitment, 'id' | 'supported' | 'reasons'>;

/** The first page of a check: `findings`, `commitments` (unsupported ones only) and `stakeholders` are the first of their lists. */
export interface PaneCheckPage extends PaneCheckView {
  counts: PaneCounts;
  /** Every commitment's verdict, in sheet order. */
  verdicts: PaneVerdict[];
}

export interface ListPage<T> {
  offset: number;
  items: T[];
  total: number;
}

/** The counts of a view, paged or whole. */
export function countsOf(view: PaneCheckView | PaneCheckPage): PaneCounts {
  if ('counts' in view && view.counts) return view.counts;
  const byPhase = Object.fromEntries(PHASES.map((p) => [p, { total: 0, errors: 0 }])) as PaneCounts['byPhase'];
  for (const f of view.findings) {
    byPhase[f.phase].total++;
    if (f.severity === 'error') byPhase[f.phase].errors++;
  }
  return {
    findings: view.findings.length,
    byPhase,
    commitments: view.commitments.length,
    unsupported: view.commitments.filter((c) => !c.supported).length,
    stakeholders: view.stakeholders.length,
  };
}

/** What crosses to the pane first. */
export function firstPage(view: PaneCheckView): PaneCheckPage {
  const counts = countsOf(view);
  const taken = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  const findings = view.findings.filter((f) => taken[f.phase]++ < PAGE_SIZE.firstFindings);
  return {
    ...view,
    findings,
    commitments: view.commitments.filter((c) => !c.supported).slice(0, PAGE_SIZE.firstUnsupported),
    stakeholders: view.stakeholders.slice(0, PAGE_SIZE.stakeholders),
    counts,
    verdicts: view.commitments.map((c) => ({ id: c.id, supported: c.supported, reasons: c.reasons })),
  };
}

/** The phase's findings from `offset` on, one page. */
export function findingsPage(view: PaneCheckView, phase: Phase, offset: number): ListPage<PaneFinding> {
  return pageOf(
    view.findings.filter((f) => f.phase === phase),
    offset,
  );
}

/** The unsupported commitments from `offset` on, one page. */
export function unsupportedPage(view: PaneCheckView, offset: number): ListPage<PaneCommitment> {
  return pageOf(
    view.commitments.filter((c) => !c.supported),
    offset,
  );
}

function pageOf<T>(all: T[], offset: number): ListPage<T> {
  const from = Number.isInteger(offset) && offset > 0 ? Math.min(offset, all.length) : 0;
  return { offset: from, items: all.slice(from, from + PAGE_SIZE.more), total: all.length };
}

/** A phase name from the sidebar (anything else is no phase). */
export function phaseOf(value: unknown): Phase | undefined {
  return PHASES.find((p) => p === value);
}
