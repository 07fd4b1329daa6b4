// The scorecard: a 0–100 score per phase and an overall readiness. Every point
// lost is the cost of one finding, and a weak knowledge or vision phase caps
// the overall score ("if the first two phases are poor, the third will be worse").

import { Label, sheetKeyOf, SheetKey } from './contract';
import { Finding, Severity } from './finding';

export type ScoredPhase = 'knowledge' | 'vision' | 'commitment';

/** Points one finding takes, by severity. */
export const SEVERITY_POINTS: Record<Severity, number> = { error: 10, warning: 4, info: 1 };
/** One rule can take at most this many points from one score, so no single rule zeroes a phase. */
export const RULE_CAP = 25;
/** The overall score's weights: commitment weighs most, as the method's most important phase. */
export const PHASE_WEIGHTS: Record<ScoredPhase, number> = { knowledge: 0.3, vision: 0.3, commitment: 0.4 };
/** Overall readiness is at most the weaker of knowledge and vision plus this margin. */
export const EARLIER_PHASE_MARGIN = 20;

/** The points one finding cost, and which score it cost them from ('overall' for Plan sheet structure findings). */
export interface FindingCost {
  findingIndex: number;
  points: number;
  against: ScoredPhase | 'overall';
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
}

export const SCORE_EXPLANATION: Label = {
  en:
    `Each phase starts at 100 and loses ${SEVERITY_POINTS.error} points per error, ${SEVERITY_POINTS.warning} per warning and ${SEVERITY_POINTS.info} per info ` +
    `(at most ${RULE_CAP} per rule; structure findings count against the phase of their sheet), and overall is ` +
    `${pct(PHASE_WEIGHTS.knowledge)} knowledge + ${pct(PHASE_WEIGHTS.vision)} vision + ${pct(PHASE_WEIGHTS.commitment)} commitment, ` +
    `never more than the weaker of knowledge and vision plus ${EARLIER_PHASE_MARGIN}, less the cost of Plan sheet findings.`,
  es:
    `Cada fase parte de 100 y pierde ${SEVERITY_POINTS.error} puntos por error, ${SEVERITY_POINTS.warning} por advertencia y ${SEVERITY_POINTS.info} por aviso ` +
    `(máximo ${RULE_CAP} por regla; los hallazgos de estructura cuentan en la fase de su hoja), y el total es ` +
    `${pct(PHASE_WEIGHTS.knowledge)} conocimiento + ${pct(PHASE_WEIGHTS.vision)} visión + ${pct(PHASE_WEIGHTS.commitment)} compromiso, ` +
    `nunca más que la más débil entre conocimiento y visión más ${EARLIER_PHASE_MARGIN}, menos el costo de los hallazgos de la hoja Plan.`,
};

function pct(w: number): string {
  return `${Math.round(w * 100)}%`;
}

const SHEET_PHASE: Partial<Record<SheetKey, ScoredPhase>> = {
  knowledge: 'knowledge',
  learning: 'knowledge',
  stakeholders: 'knowledge',
  vision: 'vision',
  commitments: 'commitment',
  capacity: 'commitment',
};

/** Which score a finding counts against. */
export function scoredAgainst(f: Finding): ScoredPhase | 'overall' {
  if (f.phase !== 'structure') return f.phase;
  const key = sheetKeyOf(f.sheet);
  return (key && SHEET_PHASE[key]) ?? 'overall';
}

/** Scores findings in the order given (the check's sorted order), so the costs are deterministic. */
export function scorePlan(findings: readonly Finding[]): Scorecard {
  const lost: Record<ScoredPhase | 'overall', number> = { knowledge: 0, vision: 0, commitment: 0, overall: 0 };
  const byRule = new Map<string, number>();
  const cost = findings.map((f, findingIndex) => {
    const against = scoredAgainst(f);
    const ruleKey = `${against}\u0000${f.rule}`;
    const used = byRule.get(ruleKey) ?? 0;
    const points = Math.max(0, Math.min(SEVERITY_POINTS[f.severity], RULE_CAP - used, 100 - lost[against]));
    byRule.set(ruleKey, used + points);
    lost[against] += points;
    return { findingIndex, points, against };
  });
  const knowledge = 100 - lost.knowledge;
  const vision = 100 - lost.vision;
  const commitment = 100 - lost.commitment;
  const weighted = PHASE_WEIGHTS.knowledge * knowledge + PHASE_WEIGHTS.vision * vision + PHASE_WEIGHTS.commitment * commitment;
  const capped = Math.min(Math.round(weighted), Math.min(knowledge, vision) + EARLIER_PHASE_MARGIN);
  const overall = Math.max(0, Math.min(100, capped - lost.overall));
  return { knowledge, vision, commitment, overall, explanation: SCORE_EXPLANATION, cost };
}

/** Points each finding cost, in the findings' order: what the Review sheet and the panes show beside them. */
export function findingPoints(scorecard: Scorecard, findingCount: number): number[] {
  const points = new Array<number>(findingCount).fill(0);
  for (const c of scorecard.cost) if (c.findingIndex < findingCount) points[c.findingIndex] = c.points;
  return points;
}
