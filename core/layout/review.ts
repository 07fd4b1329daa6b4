// The Review sheet: the scorecard, how it is computed, one row per finding with
// the points it cost, then every commitment's support verdict. Written whole by
// the check; every text cell is literal text.

import type { CheckResult } from '../check';
import { Label, Language, REVIEW_SHEET, sheetKeyOf } from '../contract';
import { amountsLine, commitmentList, Feasibility, FEASIBILITY_WORDS as FW, hoursLoad, moneyLoad, UNCOVERED_WORDS, uncoveredGroups } from '../feasibility';
import { Finding, Phase, Severity } from '../finding';
import { findingPoints } from '../score';
import { Day } from '../values';
import { LayoutCell } from './cells';
import { ColumnFormat } from './template';

export type Band = 'red' | 'amber' | 'green';

/** Red below 50, amber below 75, green from 75: the same bands in the panes and the Review sheet. */
export function scoreBand(score: number): Band {
  return score < 50 ? 'red' : score < 75 ? 'amber' : 'green';
}

export interface ReviewVerdict {
  id: string;
  commitment: string;
  supported: boolean;
  reasons: readonly string[];
}

/** What the Review sheet shows; a CheckResult carries all of it. */
export interface ReviewInput {
  account: string;
  asOf: Day;
  outputLanguage: Language;
  /** The workbook's language, which names the sheet. */
  language: Language;
  scorecard: { knowledge: number; vision: number; commitment: number; overall: number; explanation: Label };
  findings: readonly Finding[];
  /** Points each finding cost its phase, parallel to `findings`. */
  points: readonly number[];
  commitments: readonly ReviewVerdict[];
  /** The feasibility block (core/feasibility.ts); left out when absent. */
  feasibility?: Feasibility;
}

export interface ReviewLayout {
  name: string;
  values: LayoutCell[][];
  /** Rows to style as section headers (1-based). */
  headerRows: number[];
  /** Row of the findings table header, which is frozen. */
  freezeRows: number;
  formats: ColumnFormat[];
}

const WORDS = {
  title: { en: 'Plan review', es: 'Revisión del plan' },
  asOf: { en: 'As of', es: 'Al' },
  phase: { en: 'Phase', es: 'Fase' },
  score: { en: 'Score', es: 'Puntaje' },
  band: { en: 'Band', es: 'Nivel' },
  overall: { en: 'Overall readiness', es: 'Preparación general' },
  severity: { en: 'Severity', es: 'Severidad' },
  rule: { en: 'Rule', es: 'Regla' },
  sheet: { en: 'Sheet', es: 'Hoja' },
  cell: { en: 'Cell', es: 'Celda' },
  finding: { en: 'Finding', es: 'Hallazgo' },
  fix: { en: 'How to fix', es: 'Cómo corregir' },
  points: { en: 'Points lost', es: 'Puntos perdidos' },
  noFindings: { en: 'No findings: the plan passes every rule.', es: 'Sin hallazgos: el plan cumple todas las reglas.' },
  commitments: { en: 'Commitment support', es: 'Respaldo de los compromisos' },
  id: { en: 'ID', es: 'ID' },
  commitment: { en: 'Commitment', es: 'Compromiso' },
  supported: { en: 'Supported', es: 'Respaldado' },
  reasons: { en: 'Reasons', es: 'Motivos' },
  yes: { en: 'Yes', es: 'Sí' },
  no: { en: 'No', es: 'No' },
  noCommitments: { en: 'No commitments yet.', es: 'Aún no hay compromisos.' },
} satisfies Record<string, Label>;

export const PHASE_NAMES: Record<Phase, Label> = {
  structure: { en: 'Structure', es: 'Estructura' },
  knowledge: { en: 'Knowledge', es: 'Conocimiento' },
  vision: { en: 'Vision', es: 'Visión' },
  commitment: { en: 'Commitment', es: 'Compromiso' },
};

export const SEVERITY_NAMES: Record<Severity, Label> = {
  error: { en: 'Error', es: 'Error' },
  warning: { en: 'Warning', es: 'Advertencia' },
  info: { en: 'Info', es: 'Aviso' },
};

export const BAND_NAMES: Record<Band, Label> = {
  red: { en: 'Red', es: 'Rojo' },
  amber: { en: 'Amber', es: 'Ámbar' },
  green: { en: 'Green', es: 'Verde' },
};

const COLUMN_WIDTHS = [18, 14, 26, 16, 8, 70, 60, 10];
/** The finding and its fix (and a commitment's text) are sentences: they wrap. */
const WRAPPED_COLUMNS = [6, 7];

/** What the Review sheet shows for a check made as of `asOf`: every host writes the same sheet. */
export function reviewInputOf(result: CheckResult, asOf: Day): ReviewInput {
  return {
    account: result.plan.summary.account,
    asOf,
    outputLanguage: result.outputLanguage,
    language: result.language,
    scorecard: result.scorecard,
    findings: result.findings,
    points: findingPoints(result.scorecard, result.findings.length),
    commitments: result.commitments,
    feasibility: result.feasibility,
  };
}

/** The Review sheet's name: an existing Review sheet keeps its name, else the workbook's language names it. */
export function reviewSheetName(existingSheetNames: readonly string[], language: Language): string {
  return existingSheetNames.find((n) => sheetKeyOf(n) === 'review') ?? REVIEW_SHEET[language];
}

export function reviewLayout(input: ReviewInput, existingSheetNames: readonly string[] = []): ReviewLayout {
  const l = input.outputLanguage;
  const w = (label: Label): string => label[l];
  const rows: LayoutCell[][] = [];
  const headerRows: number[] = [];
  const width = COLUMN_WIDTHS.length;
  const row = (...cells: LayoutCell[]): void => {
    rows.push([...cells, ...Array<LayoutCell>(Math.max(width - cells.length, 0)).fill(null)]);
  };
  row(input.account ? `${w(WORDS.title)}: ${input.account}` : w(WORDS.title));
  row(w(WORDS.asOf), { date: input.asOf });
  row();
  row(w(WORDS.phase), w(WORDS.score), w(WORDS.band));
  headerRows.push(rows.length);
  const s = input.scorecard;
  const scores: [Label, number][] = [
    [PHASE_NAMES.knowledge, s.knowledge],
    [PHASE_NAMES.vision, s.vision],
    [PHASE_NAMES.commitment, s.commitment],
    [WORDS.overall, s.overall],
  ];
  for (const [label, score] of scores) row(w(label), score, w(BAND_NAMES[scoreBand(score)]));
  row(w(s.explanation));
  row();
  row(w(WORDS.severity), w(WORDS.phase), w(WORDS.rule), w(WORDS.sheet), w(WORDS.cell), w(WORDS.finding), w(WORDS.fix), w(WORDS.points));
  headerRows.push(rows.length);
  const freezeRows = rows.length;
  if (input.findings.length === 0) row(w(WORDS.noFindings));
  input.findings.forEach((f, i) => {
    row(w(SEVERITY_NAMES[f.severity]), w(PHASE_NAMES[f.phase]), f.rule, f.sheet, f.cell, f.message, f.fix, input.points[i] ?? 0);
  });
  row();
  // A section title, not a table header: only the row under it is styled as one.
  row(w(WORDS.commitments));
  // The commitment's text goes under the wide Finding column, so it reads whole.
  row(w(WORDS.id), w(WORDS.supported), w(WORDS.reasons), null, null, w(WORDS.commitment));
  headerRows.push(rows.length);
  if (input.commitments.length === 0) row(w(WORDS.noCommitments));
  for (const v of input.commitments) row(v.id, w(v.supported ? WORDS.yes : WORDS.no), v.reasons.join(', '), null, null, v.commitment);
  if (input.feasibility) feasibilityBlock(input.feasibility, l, row, headerRows, () => rows.length);
  return {
    name: reviewSheetName(existingSheetNames, input.language),
    values: rows,
    headerRows,
    freezeRows,
    formats: COLUMN_WIDTHS.map((width, i) => ({
      column: i + 1,
      fromRow: 1,
      toRow: rows.length,
      width,
      ...(WRAPPED_COLUMNS.includes(i + 1) ? { wrap: true } : {}),
    })),
  };
}

/** Feasibility per team and span: hours and money as "committed of available: headroom", then what no span covers. */
function feasibilityBlock(f: Feasibility, l: Language, row: (...cells: LayoutCell[]) => void, headerRows: number[], at: () => number): void {
  const w = (label: Label): string => label[l];
  row();
  row(w(FW.title));
  // Hours under the Sheet column and money under the wide Finding one, where their text fits.
  row(w(FW.team), w(FW.from), w(FW.to), w(FW.hours), null, w(FW.budget), w(FW.commitments));
  headerRows.push(at());
  if (f.spans.length === 0) row(w(FW.noSpans));
  for (const s of f.spans) {
    const date = (d: number | undefined): LayoutCell => (d === undefined ? null : { date: d });
    row(s.team, date(s.start), date(s.end), hoursLoad(s, l), null, moneyLoad(s, f.currency, l), commitmentList(s.commitments, f.currency, l));
  }
  if (f.uncovered.length === 0) return;
  row();
  row(w(FW.uncovered));
  // One row per team and reason, however many commitments: the sheet grows with the teams, not the rows.
  row(w(FW.team), null, null, w(FW.hours), null, w(FW.commitments), w(FW.why));
  headerRows.push(at());
  for (const g of uncoveredGroups(f)) {
    row(g.team, null, null, amountsLine(g.effortHours, g.cost, f.currency, l), null, commitmentList(g.commitments, f.currency, l), w(UNCOVERED_WORDS[g.reason]));
  }
}
