// The scorecard: each phase scores the evidence the plan shows against the
// method's criteria (core/rules/criteria.ts), so an empty phase scores 0 and a
// complete, clean one 100. Every point missing is traced to the finding that
// explains it (or, failing one, to the criterion by name); overall readiness is
// held down by a weak knowledge or vision phase, as the method warns.

import { parseA1 } from './a1';
import type { SupportVerdict } from './check-context';
import { Label, sheetKeyOf, SheetKey } from './contract';
import { Finding } from './finding';
import { Plan, RowOrigin } from './plan';
import { Criterion, CRITERIA, EMPTY_SHEET_RULES, ScoredPhase, SCORED_PHASES, PHASE_SHEETS } from './rules/criteria';

export type { ScoredPhase } from './rules/criteria';

/** The overall score's weights: commitment weighs most, as the method's most important phase. */
export const PHASE_WEIGHTS: Record<ScoredPhase, number> = { knowledge: 0.3, vision: 0.3, commitment: 0.4 };
/** In overall readiness, vision counts for at most knowledge plus this margin, and commitment for at most the weaker of the two plus it. */
export const EARLIER_PHASE_MARGIN = 20;
/** Each structure finding on the Plan sheet (no account, no period...) takes this many points from overall readiness. */
export const PLAN_FINDING_POINTS = 5;

export type Band = 'red' | 'amber' | 'green';
const BAND_ORDER: readonly Band[] = ['red', 'amber', 'green'];

/** Red below 50, amber below 75, green from 75: the same bands in the panes, the reports and the Review sheet. */
export function scoreBand(score: number): Band {
  return score < 50 ? 'red' : score < 75 ? 'amber' : 'green';
}

/**
 * The band of each score. Overall readiness is never in a better band than
 * its weakest phase: a plan whose commitments are only amber is not ready,
 * however strong its knowledge and vision (the method's chain: each phase
 * rests on the one before, and the commitments are what the client signs).
 */
export function scorecardBands(s: { knowledge: number; vision: number; commitment: number; overall: number }): Record<ScoredPhase | 'overall', Band> {
  const knowledge = scoreBand(s.knowledge);
  const vision = scoreBand(s.vision);
  const commitment = scoreBand(s.commitment);
  const weakest = Math.min(...[knowledge, vision, commitment, scoreBand(s.overall)].map((b) => BAND_ORDER.indexOf(b)));
  return { knowledge, vision, commitment, overall: BAND_ORDER[weakest] };
}

/** The points one finding costs, and which score it costs them from ('overall' for Plan sheet structure findings). */
export interface FindingCost {
  findingIndex: number;
  /** Points of its phase's score (of overall for Plan sheet findings), to one decimal. */
  points: number;
  against: ScoredPhase | 'overall';
}

/** Points missing that no finding explains: the criterion itself is named beside them. */
export interface UnmetCriterion {
  phase: ScoredPhase;
  criterion: string;
  label: Label;
  points: number;
}

/** One criterion's result, for docs and for anyone asking why a phase scores what it does. */
export interface CriterionScore {
  code: string;
  phase: ScoredPhase;
  weight: number;
  /** Points earned, to one decimal. */
  earned: number;
}

export interface Scorecard {
  knowledge: number;
  vision: number;
  commitment: number;
  overall: number;
  /** One sentence saying how the score is computed. */
  explanation: Label;
  /** One entry per finding, in the findings' order. */
  cost: FindingCost[];
  /** Missing points that no finding explains, by criterion. */
  unmet: UnmetCriterion[];
  criteria: CriterionScore[];
}

export const SCORE_EXPLANATION: Label = {
  en:
    'Each phase scores what the plan shows against the method’s criteria (each worth set points, shared evenly by the rows it judges; an empty phase scores 0, ' +
    `a complete and clean one 100), every missing point is charged to the finding that explains it, and overall is ` +
    `${pct(PHASE_WEIGHTS.knowledge)} knowledge + ${pct(PHASE_WEIGHTS.vision)} vision + ${pct(PHASE_WEIGHTS.commitment)} commitment, ` +
    `where vision counts for at most knowledge + ${EARLIER_PHASE_MARGIN} and commitment for at most the weaker of the two + ${EARLIER_PHASE_MARGIN}, less ${PLAN_FINDING_POINTS} per Plan sheet finding; ` +
    'its band (red below 50, amber below 75, green) is never better than the weakest phase’s.',
  es:
    'Cada fase puntúa lo que el plan muestra frente a los criterios del método (cada uno vale puntos fijos, repartidos por igual entre las filas que juzga; una fase vacía vale 0 ' +
    `y una completa y limpia 100), cada punto que falta se carga al hallazgo que lo explica, y el total es ` +
    `${pct(PHASE_WEIGHTS.knowledge)} conocimiento + ${pct(PHASE_WEIGHTS.vision)} visión + ${pct(PHASE_WEIGHTS.commitment)} compromiso, ` +
    `donde la visión cuenta como máximo el conocimiento + ${EARLIER_PHASE_MARGIN} y el compromiso como máximo la más débil de las dos + ${EARLIER_PHASE_MARGIN}, menos ${PLAN_FINDING_POINTS} por hallazgo de la hoja Plan; ` +
    'su nivel (rojo bajo 50, ámbar bajo 75, verde) nunca es mejor que el de la fase más débil.',
};

function pct(w: number): string {
  return `${Math.round(w * 100)}%`;
}

/** What the scorer reads: the plan, the sorted findings and the verdicts (parallel to plan.commitments). */
export interface ScoreInput {
  plan: Plan;
  findings: readonly Finding[];
  verdicts: readonly SupportVerdict[];
}

/** A share of a criterion that is missing, and the findings that explain it (empty: nobody does). */
interface Unit {
  criterion: Criterion;
  points: number;
  explainedBy: number[];
}

/** The units a plan's score is made of: every missing share of every criterion, plus the Plan sheet findings. */
export interface ScoreModel {
  units: Unit[];
  planFindings: number[];
  findingCount: number;
}

const SHEET_PHASE: Partial<Record<SheetKey, ScoredPhase>> = {};
for (const phase of SCORED_PHASES) for (const key of PHASE_SHEETS[phase]) SHEET_PHASE[key] = phase;

/** Which score a finding counts against: its phase, or for structure findings the phase of its sheet. */
export function scoredAgainst(f: Finding): ScoredPhase | 'overall' {
  if (f.phase !== 'structure') return f.phase;
  const key = sheetKeyOf(f.sheet);
  return (key && SHEET_PHASE[key]) ?? 'overall';
}

/** The score a finding's points come from: a Plan sheet finding charged with a criterion's share costs that criterion's phase. */
function chargedTo(f: Finding, index: number, model: ScoreModel): ScoredPhase | 'overall' {
  const against = scoredAgainst(f);
  if (against !== 'overall' || model.planFindings.includes(index)) return against;
  return model.units.find((u) => u.explainedBy[0] === index)?.criterion.phase ?? against;
}

/** Builds the model: which shares of which criteria are missing, and why. */
export function scoreModel(input: ScoreInput): ScoreModel {
  const index = new FindingIndex(input.findings);
  const units: Unit[] = [];
  for (const criterion of CRITERIA) criterion.evaluate(new CriterionScope(criterion, input, index, units));
  // A Plan sheet finding already charged with a criterion's missing share (an unreadable revenue target
  // leaves the pipeline unjudged) costs that share only, not the overall points as well: one cost per finding.
  const explaining = new Set(units.flatMap((u) => u.explainedBy.slice(0, 1)));
  const planFindings: number[] = [];
  input.findings.forEach((f, i) => {
    if (f.phase === 'structure' && scoredAgainst(f) === 'overall' && !explaining.has(i)) planFindings.push(i);
  });
  return { units, planFindings, findingCount: input.findings.length };
}

/** Exact (unrounded) scores with the findings in `resolved` taken as fixed. */
export function exactScores(model: ScoreModel, resolved?: number): Record<ScoredPhase | 'overall' | 'rawOverall', number> {
  const lost: Record<ScoredPhase, number> = { knowledge: 0, vision: 0, commitment: 0 };
  for (const u of model.units) {
    // A share comes back when every finding that explains it is resolved.
    if (resolved !== undefined && u.explainedBy.length > 0 && u.explainedBy.every((i) => i === resolved)) continue;
    lost[u.criterion.phase] += u.points;
  }
  const knowledge = clamp(100 - lost.knowledge);
  const vision = clamp(100 - lost.vision);
  const commitment = clamp(100 - lost.commitment);
  // Each phase counts for at most the one before it plus the margin: a vision rests on knowledge, commitments on both.
  const visionCounted = Math.min(vision, knowledge + EARLIER_PHASE_MARGIN);
  const commitmentCounted = Math.min(commitment, Math.min(knowledge, visionCounted) + EARLIER_PHASE_MARGIN);
  const weighted = PHASE_WEIGHTS.knowledge * knowledge + PHASE_WEIGHTS.vision * visionCounted + PHASE_WEIGHTS.commitment * commitmentCounted;
  const planLost = PLAN_FINDING_POINTS * model.planFindings.filter((i) => i !== resolved).length;
  // Before the floor at 0, so a step still shows its worth on a plan that has barely started.
  const rawOverall = weighted - planLost;
  return { knowledge, vision, commitment, overall: clamp(rawOverall), rawOverall };
}

/** The scorecard of a checked plan. */
export function scorePlan(input: ScoreInput, model: ScoreModel = scoreModel(input)): Scorecard {
  const exact = exactScores(model);
  const points = new Array<number>(model.findingCount).fill(0);
  const unmet = new Map<string, UnmetCriterion>();
  const earned = new Map<string, number>(CRITERIA.map((c) => [c.code, c.weight]));
  for (const u of model.units) {
    earned.set(u.criterion.code, (earned.get(u.criterion.code) ?? 0) - u.points);
    if (u.explainedBy.length > 0) {
      points[u.explainedBy[0]] += u.points;
      continue;
    }
    const c = u.criterion;
    const entry = unmet.get(c.code) ?? { phase: c.phase, criterion: c.code, label: c.label, points: 0 };
    entry.points += u.points;
    unmet.set(c.code, entry);
  }
  for (const i of model.planFindings) points[i] += PLAN_FINDING_POINTS;
  return {
    knowledge: Math.round(exact.knowledge),
    vision: Math.round(exact.vision),
    commitment: Math.round(exact.commitment),
    overall: Math.round(exact.overall),
    explanation: SCORE_EXPLANATION,
    cost: input.findings.map((f, findingIndex) => ({ findingIndex, points: round1(points[findingIndex]), against: chargedTo(f, findingIndex, model) })),
    unmet: [...unmet.values()].map((u) => ({ ...u, points: round1(u.points) })).filter((u) => u.points > 0),
    criteria: CRITERIA.map((c) => ({ code: c.code, phase: c.phase, weight: c.weight, earned: round1(Math.max(0, earned.get(c.code) ?? 0)) })),
  };
}

/** Points each finding cost, in the findings' order: what the Review sheet and the panes show beside them. */
export function findingPoints(scorecard: Scorecard, findingCount: number): number[] {
  const points = new Array<number>(findingCount).fill(0);
  for (const c of scorecard.cost) if (c.findingIndex < findingCount) points[c.findingIndex] = c.points;
  return points;
}

function clamp(n: number): number {
  return Math.max(0, Math.min(100, n));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Findings by the row they are about (their own cell's row, and the rows they concern), and by rule. */
class FindingIndex {
  private readonly byRow = new Map<string, number[]>();
  private readonly byRule = new Map<string, number[]>();
  /** Column letters of each finding's cell. */
  readonly letters: string[];
  constructor(readonly findings: readonly Finding[]) {
    this.letters = findings.map((f) => /^[A-Z]+/.exec(f.cell)?.[0] ?? '');
    findings.forEach((f, i) => {
      const row = parseA1(f.cell)?.row;
      if (row !== undefined) push(this.byRow, rowKey(f.sheet, row), i);
      for (const r of f.concerns ?? []) push(this.byRow, rowKey(r.sheet, r.row), i);
      push(this.byRule, f.rule, i);
    });
  }
  atRow(sheet: string, row: number): readonly number[] {
    return this.byRow.get(rowKey(sheet, row)) ?? [];
  }
  ofRule(rule: string): readonly number[] {
    return this.byRule.get(rule) ?? [];
  }
}

function rowKey(sheet: string, row: number): string {
  return `${sheet}\u0000${row}`;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

/** What a criterion's evaluation sees, and the two ways it records a missing share. */
export class CriterionScope {
  constructor(
    readonly criterion: Criterion,
    readonly input: ScoreInput,
    private readonly index: FindingIndex,
    private readonly units: Unit[],
  ) {}

  get plan(): Plan {
    return this.input.plan;
  }

  /** Records `points` of the criterion as missing, explained by these findings. */
  miss(points: number, explainedBy: readonly number[]): void {
    if (points <= 0) return;
    this.units.push({ criterion: this.criterion, points, explainedBy: [...new Set(explainedBy)] });
  }

  /** Findings of these rules anywhere in the plan. */
  ofRules(rules: readonly string[]): number[] {
    return rules.flatMap((r) => this.index.ofRule(r));
  }

  /**
   * The findings that explain why a row fails the criterion: its rules' findings
   * at the row (or concerning it), then reading findings on the columns it reads.
   */
  atRow(row: RowOrigin, rules: readonly string[], columns: readonly string[] = []): number[] {
    const found: number[] = [];
    const here = this.index.atRow(row.sheet, row.row);
    // In the order the criterion lists its rules: its own rule explains it before a broken reference does.
    for (const rule of rules) for (const i of here) if (this.index.findings[i].rule === rule) found.push(i);
    if (columns.length > 0 && row.unread) {
      const letters = columns.filter((c) => row.unread!.includes(c)).map((c) => row.letters[c]);
      for (const i of here) {
        const f = this.index.findings[i];
        if (f.phase === 'structure' && f.sheet === row.sheet && letters.includes(this.index.letters[i])) found.push(i);
      }
    }
    return found;
  }

  /** The workbook's name of a contract sheet, if the workbook has it. */
  sheetName(key: SheetKey): string | undefined {
    return this.plan.sheets[key]?.name;
  }

  /**
   * Why the criterion's sheet holds nothing to judge: the sheet is missing, or
   * empty (each sheet has its rule that says so), or a column it reads is missing.
   */
  absence(key: SheetKey, columns: readonly string[]): number[] | undefined {
    const found = this.plan.sheets[key];
    if (!found) return this.index.findings.flatMap((f, i) => (f.rule === 'missing-sheet' && sheetKeyOf(f.sheet) === key ? [i] : []));
    if (columns.some((c) => found.columns[c] === undefined)) {
      return this.index.findings.flatMap((f, i) => (f.rule === 'missing-column' && f.sheet === found.name ? [i] : []));
    }
    return undefined;
  }

  /** The findings saying a sheet has no rows. */
  emptiness(key: SheetKey): number[] {
    return this.ofRules(EMPTY_SHEET_RULES[key] ?? []);
  }

  /** Structure findings on a sheet, split into those about its header (or the sheet) and those about each row. */
  structureOf(key: SheetKey): { sheetWide: number[]; byRow: Map<number, number[]> } {
    const name = this.sheetName(key);
    const headerRow = this.plan.sheets[key]?.headerRow ?? 1;
    const sheetWide: number[] = [];
    const byRow = new Map<number, number[]>();
    this.index.findings.forEach((f, i) => {
      if (f.phase !== 'structure' || (name !== undefined ? f.sheet !== name : sheetKeyOf(f.sheet) !== key)) return;
      const row = parseA1(f.cell)?.row ?? 0;
      if (name === undefined || row <= headerRow) sheetWide.push(i);
      else push(byRow, row, i);
    });
    return { sheetWide, byRow };
  }

  private verdicts?: Map<RowOrigin, SupportVerdict>;

  /** A commitment's support verdict. */
  verdictOf(c: RowOrigin): SupportVerdict | undefined {
    if (!this.verdicts) {
      const map = new Map<RowOrigin, SupportVerdict>();
      this.plan.commitments.forEach((row, i) => {
        const v = this.input.verdicts[i];
        if (v) map.set(row, v);
      });
      this.verdicts = map;
    }
    return this.verdicts.get(c);
  }

  /** Findings of any rule at one cell (a Plan field's reading findings). */
  atCell(sheet: string, cell: string | undefined): number[] {
    if (cell === undefined) return [];
    return this.index.findings.flatMap((f, i) => (f.sheet === sheet && f.cell === cell ? [i] : []));
  }
}
