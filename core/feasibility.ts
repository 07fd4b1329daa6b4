// Feasibility at a glance: can we deliver what the plan commits? For each team
// and capacity span, the hours and budget available and committed (what the
// Capacity sheet's live formulas sum), the headroom, and the commitments in it
// largest first; then the commitments of ours that no span covers. JSON-safe,
// so every host shows the same figures.

import { CapacityLedger, consumesCapacity } from './capacity';
import { Label, Language, matchKey } from './contract';
import { cellOf, Commitment, firstCellOf, Plan } from './plan';
import { Day, formatAmount, formatNumber } from './values';

/** A commitment as a feasibility line shows it. */
export interface FeasibleCommitment {
  id: string;
  commitment: string;
  sheet: string;
  /** Its ID cell (or first cell), for a click to select. */
  cell: string;
  team: string;
  due?: Day;
  effortHours: number;
  cost: number;
}

export interface FeasibilitySpan {
  team: string;
  /** The Capacity row. */
  sheet: string;
  row: number;
  cell: string;
  start?: Day;
  end?: Day;
  /** Blank available hours or budget count as 0, as the over-capacity rules count them. */
  availableHours: number;
  committedHours: number;
  /** Available less committed: negative when the span is over. */
  hoursHeadroom: number;
  budget: number;
  committedCost: number;
  budgetHeadroom: number;
  overHours: boolean;
  overBudget: boolean;
  /** A figure of the span (its own, or a commitment's in it) cannot be read, so its totals are not the whole story (capacity-unreadable). */
  unreadable: boolean;
  /** Every commitment counted in the span, the largest share of the span first. */
  commitments: FeasibleCommitment[];
}

/** Why a commitment of ours is in no span. */
export type UncoveredReason = 'no-team' | 'no-due-date' | 'no-capacity';

export interface UncoveredCommitment extends FeasibleCommitment {
  reason: UncoveredReason;
}

export interface Feasibility {
  /** The Plan sheet's currency, for showing the money. */
  currency: string;
  /** One per Capacity row, in sheet order. */
  spans: FeasibilitySpan[];
  /** Our side and joint commitments (not cancelled) that no capacity span of their team covers, in sheet order. */
  uncovered: UncoveredCommitment[];
}

/** The plan's feasibility, from the same ledger the capacity rules and verdicts use. */
export function feasibilityOf(plan: Plan, ledger: CapacityLedger): Feasibility {
  const spans = ledger.loads.map((load): FeasibilitySpan => {
    const row = load.capacity;
    const availableHours = row.availableHours ?? 0;
    const budget = row.budget ?? 0;
    const commitments = ledger.commitmentsIn(load).map(feasible);
    const share = (c: FeasibleCommitment): number => Math.max(ratio(c.effortHours, availableHours), ratio(c.cost, budget));
    const shares = new Map(commitments.map((c) => [c, share(c)]));
    commitments.sort((a, b) => shares.get(b)! - shares.get(a)! || b.cost - a.cost || b.effortHours - a.effortHours);
    return {
      team: row.team,
      sheet: row.sheet,
      row: row.row,
      cell: cellOf(row, 'team') ?? firstCellOf(row),
      ...(row.start !== undefined ? { start: row.start } : {}),
      ...(row.end !== undefined ? { end: row.end } : {}),
      availableHours,
      committedHours: load.committedHours,
      hoursHeadroom: round2(availableHours - load.committedHours),
      budget,
      committedCost: load.committedCost,
      budgetHeadroom: round2(budget - load.committedCost),
      overHours: load.overHours,
      overBudget: load.overBudget,
      unreadable: load.unjudged.length > 0,
      commitments,
    };
  });
  const uncovered: UncoveredCommitment[] = [];
  for (const c of plan.commitments) {
    if (!consumesCapacity(c)) continue;
    const reason: UncoveredReason | undefined =
      c.team.trim() === '' ? 'no-team' : c.due === undefined ? 'no-due-date' : ledger.standing(c)?.covered ? undefined : 'no-capacity';
    if (reason) uncovered.push({ ...feasible(c), reason });
  }
  return { currency: plan.summary.currency.trim(), spans, uncovered };
}

function feasible(c: Commitment): FeasibleCommitment {
  return {
    id: c.id,
    commitment: c.commitment,
    sheet: c.sheet,
    cell: cellOf(c, 'id') ?? cellOf(c, 'commitment') ?? firstCellOf(c),
    team: c.team,
    ...(c.due !== undefined ? { due: c.due } : {}),
    effortHours: c.effortHours ?? 0,
    cost: c.cost ?? 0,
  };
}

/** A commitment's share of what a span has; any use of nothing is the largest share there is. */
function ratio(used: number, available: number): number {
  if (used <= 0) return 0;
  return available > 0 ? used / available : Infinity;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Uncovered commitments of one team for one reason: what the Review sheet shows per row, so its size stays with the teams, not the rows. */
export interface UncoveredGroup {
  team: string;
  reason: UncoveredReason;
  commitments: UncoveredCommitment[];
  effortHours: number;
  cost: number;
}

/** The uncovered commitments grouped by team (ignoring case, spaces and accents) and reason, in order of first appearance. */
export function uncoveredGroups(f: Feasibility): UncoveredGroup[] {
  const groups = new Map<string, UncoveredGroup>();
  for (const c of f.uncovered) {
    const key = `${matchKey(c.team)}\u0000${c.reason}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { team: c.team, reason: c.reason, commitments: [], effortHours: 0, cost: 0 }));
    g.commitments.push(c);
    g.effortHours = round2(g.effortHours + c.effortHours);
    g.cost = round2(g.cost + c.cost);
  }
  return [...groups.values()];
}

/** `45 h · 4,500 USD`. */
export function amountsLine(hours: number, cost: number, currency: string, lang: Language): string {
  return `${formatNumber(hours, lang)} h · ${formatAmount(cost, lang)}${currency === '' ? '' : ` ${currency}`}`;
}

// ---- The words every host shows, so the Review sheet, kap and the panes read alike ----

export const FEASIBILITY_WORDS = {
  title: { en: 'Feasibility: capacity and budget per team and span', es: 'Factibilidad: capacidad y presupuesto por equipo y periodo' },
  team: { en: 'Team', es: 'Equipo' },
  from: { en: 'From', es: 'Desde' },
  to: { en: 'To', es: 'Hasta' },
  hours: { en: 'Hours', es: 'Horas' },
  budget: { en: 'Budget', es: 'Presupuesto' },
  commitments: { en: 'Commitments, largest first', es: 'Compromisos, de mayor a menor' },
  noSpans: { en: 'No capacity rows: nothing shows what the teams can deliver.', es: 'Sin filas de capacidad: nada muestra lo que los equipos pueden cumplir.' },
  noneInSpan: { en: 'none', es: 'ninguno' },
  uncovered: { en: 'Our commitments that no capacity span covers', es: 'Compromisos nuestros que ningún periodo de capacidad cubre' },
  due: { en: 'Due', es: 'Vence' },
  commitment: { en: 'Commitment', es: 'Compromiso' },
  why: { en: 'Why', es: 'Motivo' },
} satisfies Record<string, Label>;

export const UNCOVERED_WORDS: Record<UncoveredReason, Label> = {
  'no-team': { en: 'no team', es: 'sin equipo' },
  'no-due-date': { en: 'no due date', es: 'sin fecha límite' },
  'no-capacity': { en: 'no capacity row of its team covers its due date', es: 'ninguna fila de capacidad de su equipo cubre su fecha límite' },
};

/** `270 of 250 h: 20 over` / `120 of 300 h: 180 left`. */
export function hoursLoad(s: FeasibilitySpan, lang: Language): string {
  return load(formatNumber(s.committedHours, lang), formatNumber(s.availableHours, lang), ' h', s.hoursHeadroom, formatNumber(Math.abs(s.hoursHeadroom), lang), lang);
}

/** `21,000 of 25,000 USD: 4,000 left`. */
export function moneyLoad(s: FeasibilitySpan, currency: string, lang: Language): string {
  const unit = currency === '' ? '' : ` ${currency}`;
  return load(formatAmount(s.committedCost, lang), formatAmount(s.budget, lang), unit, s.budgetHeadroom, formatAmount(Math.abs(s.budgetHeadroom), lang), lang);
}

function load(committed: string, available: string, unit: string, headroom: number, amount: string, lang: Language): string {
  const of = lang === 'es' ? 'de' : 'of';
  const rest = headroom < 0 ? (lang === 'es' ? `${amount} de más` : `${amount} over`) : lang === 'es' ? `quedan ${amount}` : `${amount} left`;
  return `${committed} ${of} ${available}${unit}: ${rest}`;
}

/** `C3 "Work C3" 150 h · 2,000 USD`. */
export function commitmentLine(c: FeasibleCommitment, currency: string, lang: Language): string {
  const name = [c.id, c.commitment === '' ? '' : `"${c.commitment}"`].filter((p) => p !== '').join(' ');
  return `${name} ${amountsLine(c.effortHours, c.cost, currency, lang)}`;
}

/** The first few commitments of a span, then how many more. */
export function commitmentList(list: readonly FeasibleCommitment[], currency: string, lang: Language, limit = 10): string {
  if (list.length === 0) return FEASIBILITY_WORDS.noneInSpan[lang];
  const shown = list.slice(0, limit).map((c) => commitmentLine(c, currency, lang));
  const more = list.length - shown.length;
  return shown.join('; ') + (more > 0 ? (lang === 'es' ? `; y ${more} más` : `; and ${more} more`) : '');
}

// ---- What a pane receives: the most loaded spans and a few commitments each, so a 10,000-row plan's view stays small ----

export const PANE_LIMITS = { spans: 30, commitmentsPerSpan: 5, uncoveredGroups: 20, commitmentsPerGroup: 5 } as const;

export interface SpanView extends Omit<FeasibilitySpan, 'commitments'> {
  /** The largest few, largest first. */
  commitments: FeasibleCommitment[];
  commitmentCount: number;
  /** The larger of committed / available for hours and for money (Infinity when something is committed against nothing). */
  load: number;
}

export interface UncoveredGroupView extends Omit<UncoveredGroup, 'commitments'> {
  commitments: UncoveredCommitment[];
  commitmentCount: number;
}

export interface FeasibilityView {
  currency: string;
  /** How many capacity spans the plan has; `spans` holds the most loaded of them, most loaded first. */
  spanCount: number;
  spans: SpanView[];
  /** How many of our commitments no span covers; `uncovered` groups them by team and reason. */
  uncoveredCount: number;
  uncovered: UncoveredGroupView[];
}

/** A span's load: its fuller side, hours or money. */
export function spanLoad(s: Pick<FeasibilitySpan, 'committedHours' | 'availableHours' | 'committedCost' | 'budget'>): number {
  return Math.max(ratio(s.committedHours, s.availableHours), ratio(s.committedCost, s.budget));
}

/** The feasibility as the panes show it: JSON-safe (no Infinity), bounded whatever the plan's size. */
export function feasibilityView(f: Feasibility): FeasibilityView {
  const ranked = f.spans.map((s, i) => ({ s, i, load: spanLoad(s) }));
  ranked.sort((a, b) => (b.load === a.load ? a.i - b.i : b.load > a.load ? 1 : -1));
  const spans = ranked.slice(0, PANE_LIMITS.spans).map(({ s, load }): SpanView => ({
    ...s,
    commitments: s.commitments.slice(0, PANE_LIMITS.commitmentsPerSpan),
    commitmentCount: s.commitments.length,
    // JSON has no Infinity; a pane shows anything from 1 up as full.
    load: Number.isFinite(load) ? Math.round(load * 10000) / 10000 : 1e9,
  }));
  const uncovered = uncoveredGroups(f)
    .slice(0, PANE_LIMITS.uncoveredGroups)
    .map((g): UncoveredGroupView => ({ ...g, commitments: g.commitments.slice(0, PANE_LIMITS.commitmentsPerGroup), commitmentCount: g.commitments.length }));
  return { currency: f.currency, spanCount: f.spans.length, spans, uncoveredCount: f.uncovered.length, uncovered };
}
