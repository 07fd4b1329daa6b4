// The Review sheet: the next steps, the scorecard and how it is computed, one
// row per finding with its rule in plain words and the points it cost, then
// every commitment's support verdict with its reasons in words, then the
// feasibility per team. Written whole by the check; every text cell is literal
// text; it prints one page wide (core/layout/print.ts).

import type { CheckResult } from '../check';
import { Label, Language, REVIEW_SHEET, sheetKeyOf } from '../contract';
import { amountsLine, commitmentList, Feasibility, FEASIBILITY_WORDS as FW, hoursLoad, moneyLoad, UNCOVERED_WORDS, uncoveredGroups } from '../feasibility';
import { Finding, Phase, Severity } from '../finding';
import type { NextStep } from '../next-steps';
import { ruleByCode } from '../rules/catalog';
import { ruleTitle } from '../rules/titles';
import { Band, findingPoints, scorecardBands } from '../score';
import { REASON_WORDS } from '../support';
import type { SupportReason } from '../check-context';
import { Day } from '../values';
import { LayoutCell } from './cells';
import { PrintSetup, printSetupOf } from './print';
import { ColumnFormat } from './template';

export type { Band } from '../score';
export { scoreBand } from '../score';

export interface ReviewVerdict {
  id: string;
  commitment: string;
  /** Where the commitment is, so a printed review says where to look. */
  sheet?: string;
  cell?: string;
  supported: boolean;
  reasons: readonly SupportReason[];
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
  /** The next steps, best first (core/next-steps.ts); the sheet leads with them. */
  actions?: readonly NextStep[];
  /** The feasibility block (core/feasibility.ts); left out when absent. */
  feasibility?: Feasibility;
}

export interface ReviewLayout {
  name: string;
  values: LayoutCell[][];
  /** Rows to style as table headers (1-based): bold, shaded, wrapped, and at least HEADER_LINES tall. */
  headerRows: number[];
  /** Row of the findings table header, which is frozen. */
  freezeRows: number;
  formats: ColumnFormat[];
  print: PrintSetup;
}

const WORDS = {
  title: { en: 'Plan review', es: 'Revisión del plan' },
  asOf: { en: 'As of', es: 'Al' },
  steps: { en: 'Next steps: what raises overall readiness most', es: 'Próximos pasos: lo que más sube la preparación general' },
  rank: { en: 'Step', es: 'Paso' },
  step: { en: 'What to do', es: 'Qué hacer' },
  gain: { en: 'Points gained', es: 'Puntos que suma' },
  noSteps: { en: 'Nothing left to raise: the plan meets every criterion.', es: 'Nada que subir: el plan cumple todos los criterios.' },
  phase: { en: 'Phase', es: 'Fase' },
  score: { en: 'Score', es: 'Puntaje' },
  band: { en: 'Band', es: 'Nivel' },
  overall: { en: 'Overall readiness', es: 'Preparación general' },
  howScored: { en: 'How it is scored', es: 'Cómo se calcula' },
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
  reasons: { en: 'Why it is not supported', es: 'Por qué no tiene respaldo' },
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

/**
 * Severity · Phase · Rule · Sheet · Cell · Finding · How to fix · Points lost,
 * in characters: about 170, which prints one landscape page wide at a
 * readable scale. The rule's title, the finding and its fix, the feasibility
 * figures and the reasons are sentences: they wrap.
 */
const COLUMN_WIDTHS = [19, 13, 24, 14, 8, 44, 38, 9];
const WRAPPED_COLUMNS = [3, 4, 6, 7];

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
    actions: result.actions,
    feasibility: result.feasibility,
  };
}

/** The Review sheet's name: an existing Review sheet keeps its name, else the workbook's language names it. */
export function reviewSheetName(existingSheetNames: readonly string[], language: Language): string {
  return existingSheetNames.find((n) => sheetKeyOf(n) === 'review') ?? REVIEW_SHEET[language];
}

/** A rule as the Review sheet shows it: its title in words, its code under it. */
export function ruleLabel(code: string, lang: Language): string {
  const title = ruleTitle(code, lang);
  return title === code ? code : `${title}\n(${code})`;
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
  const header = (...cells: LayoutCell[]): void => {
    // Blank cells inside a header are empty text, so the header's shading runs across the table.
    const last = cells.length - 1 - [...cells].reverse().findIndex((c) => c !== null);
    row(...cells.map((c, i) => (c === null && i < last ? '' : c)));
    headerRows.push(rows.length);
  };
  row(input.account ? `${w(WORDS.title)}: ${input.account}` : w(WORDS.title));
  row(w(WORDS.asOf), { date: input.asOf });
  row();

  // The next steps first: what to do, where, and what each is worth, under the same columns as the findings.
  const actions = input.actions ?? [];
  row(w(WORDS.steps));
  header(w(WORDS.rank), w(WORDS.phase), w(WORDS.rule), w(WORDS.sheet), w(WORDS.cell), w(WORDS.step), null, w(WORDS.gain));
  if (actions.length === 0) row(null, null, null, null, null, w(WORDS.noSteps));
  actions.forEach((a, i) => {
    const phase = ruleByCode(a.rule)?.phase;
    row(i + 1, phase ? w(PHASE_NAMES[phase]) : null, ruleLabel(a.rule, l), a.sheet, a.cell, a.message, null, a.gain);
  });
  row();

  header(w(WORDS.phase), w(WORDS.score), w(WORDS.band));
  const s = input.scorecard;
  const bands = scorecardBands(s);
  const scores: [Label, number, Band][] = [
    [PHASE_NAMES.knowledge, s.knowledge, bands.knowledge],
    [PHASE_NAMES.vision, s.vision, bands.vision],
    [PHASE_NAMES.commitment, s.commitment, bands.commitment],
    [WORDS.overall, s.overall, bands.overall],
  ];
  for (const [label, score, band] of scores) row(w(label), score, w(BAND_NAMES[band]));
  // The sentence sits in the wide Finding column and wraps there, so it never runs off the printed page.
  row(w(WORDS.howScored), null, null, null, null, w(s.explanation));
  row();

  header(w(WORDS.severity), w(WORDS.phase), w(WORDS.rule), w(WORDS.sheet), w(WORDS.cell), w(WORDS.finding), w(WORDS.fix), w(WORDS.points));
  const freezeRows = rows.length;
  if (input.findings.length === 0) row(w(WORDS.noFindings));
  input.findings.forEach((f, i) => {
    row(w(SEVERITY_NAMES[f.severity]), w(PHASE_NAMES[f.phase]), ruleLabel(f.rule, l), f.sheet, f.cell, f.message, f.fix, input.points[i] ?? 0);
  });
  row();
  // A section title, not a table header: only the row under it is styled as one.
  row(w(WORDS.commitments));
  // The commitment's text under the wide Finding column and the reasons, in words, under the fix.
  header(w(WORDS.id), w(WORDS.supported), null, w(WORDS.sheet), w(WORDS.cell), w(WORDS.commitment), w(WORDS.reasons));
  if (input.commitments.length === 0) row(w(WORDS.noCommitments));
  for (const v of input.commitments) {
    const reasons = v.reasons.map((r) => REASON_WORDS[r][l]).join('\n');
    row(v.id, w(v.supported ? WORDS.yes : WORDS.no), null, v.sheet ?? null, v.cell ?? null, v.commitment, reasons === '' ? null : reasons);
  }
  if (input.feasibility) feasibilityBlock(input.feasibility, l, row, header);
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
    print: printSetupOf('review', freezeRows),
  };
}

/** Feasibility per team and span: hours and money as "committed of available: headroom", then what no span covers. */
function feasibilityBlock(f: Feasibility, l: Language, row: (...cells: LayoutCell[]) => void, header: (...cells: LayoutCell[]) => void): void {
  const w = (label: Label): string => label[l];
  row();
  row(w(FW.title));
  // Hours under the Sheet column and money under the wide Finding one, where their text fits.
  header(w(FW.team), w(FW.from), w(FW.to), w(FW.hours), null, w(FW.budget), w(FW.commitments));
  if (f.spans.length === 0) row(w(FW.noSpans));
  for (const s of f.spans) {
    const date = (d: number | undefined): LayoutCell => (d === undefined ? null : { date: d });
    row(s.team, date(s.start), date(s.end), hoursLoad(s, l), null, moneyLoad(s, f.currency, l), commitmentList(s.commitments, f.currency, l));
  }
  if (f.uncovered.length === 0) return;
  row();
  row(w(FW.uncovered));
  // One row per team and reason, however many commitments: the sheet grows with the teams, not the rows.
  header(w(FW.team), null, null, w(FW.hours), null, w(FW.commitments), w(FW.why));
  for (const g of uncoveredGroups(f)) {
    row(g.team, null, null, amountsLine(g.effortHours, g.cost, f.currency, l), null, commitmentList(g.commitments, f.currency, l), w(UNCOVERED_WORDS[g.reason]));
  }
}
