// What the portfolio reports show, whatever they are written to: the Accounts,
// Teams and Conflicts tables (headers, typed cells, in the report's language),
// and the words around them. kap's text report, its .xlsx and its HTML page
// all render these same tables, so they never disagree.

import { Label, Language } from './contract';
import { accountName, Conflict, Portfolio, signedOff, spanText, TeamSpan } from './portfolio';
import { Band, scoreBand, scorecardBands } from './score';
import { Day } from './values';

export type ColumnKind = 'text' | 'count' | 'number' | 'money' | 'percent' | 'date' | 'score';

export interface PortfolioColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Width in characters, for the .xlsx. */
  width: number;
}

/**
 * The band a score cell is coloured by: its own, except overall readiness,
 * which is never in a better band than the row's weakest phase (core/score.ts).
 */
export function scoreCellBand(table: PortfolioTable, row: readonly PortfolioCell[], column: number): Band | undefined {
  const value = row[column];
  if (table.columns[column]?.kind !== 'score' || typeof value !== 'number') return undefined;
  if (table.columns[column].key !== 'overall') return scoreBand(value);
  const at = (key: string): number => {
    const v = row[table.columns.findIndex((c) => c.key === key)];
    return typeof v === 'number' ? v : 100;
  };
  return scorecardBands({ knowledge: at('knowledge'), vision: at('vision'), commitment: at('commitment'), overall: value }).overall;
}

/** A cell: text, a number of its column's kind, a day, or blank. */
export type PortfolioCell = string | number | { day: Day } | null;

export interface PortfolioTable {
  key: 'accounts' | 'teams' | 'conflicts';
  title: string;
  columns: PortfolioColumn[];
  rows: PortfolioCell[][];
}

export const PORTFOLIO_WORDS = {
  title: { en: 'Portfolio check', es: 'Revisión de la cartera' },
  asOf: { en: 'as of', es: 'al' },
  plans: { en: 'plans', es: 'planes' },
  plan: { en: 'plan', es: 'plan' },
  skippedCount: { en: 'files not checked', es: 'archivos sin revisar' },
  skippedOne: { en: 'file not checked', es: 'archivo sin revisar' },
  capacityPlans: { en: "Capacity: the plans' own Capacity rows", es: 'Capacidad: las filas de Capacidad de los propios planes' },
  capacityFile: { en: 'Capacity: {file}', es: 'Capacidad: {file}' },
  accounts: { en: 'Accounts', es: 'Cuentas' },
  teams: { en: 'Teams', es: 'Equipos' },
  conflicts: { en: 'Conflicts', es: 'Conflictos' },
  findings: { en: 'Findings', es: 'Hallazgos' },
  skipped: { en: 'Files not checked', es: 'Archivos sin revisar' },
  noAccounts: { en: 'No plan could be checked.', es: 'No se pudo revisar ningún plan.' },
  noTeams: { en: 'No capacity span: no plan (or capacity file) has a Capacity row with a team and dates.', es: 'Sin periodos de capacidad: ningún plan (ni archivo de capacidad) tiene una fila de Capacidad con equipo y fechas.' },
  noConflicts: { en: 'No team is over its capacity or budget across the accounts.', es: 'Ningún equipo supera su capacidad ni su presupuesto sumando las cuentas.' },
  onlyAdded: { en: 'only when the accounts are added up', es: 'solo al sumar las cuentas' },
  alsoSingle: { en: 'one account alone is already over', es: 'una cuenta sola ya lo supera' },
  withoutCapacity: { en: 'Committed with no capacity span covering the due date', es: 'Comprometido sin periodo de capacidad que cubra la fecha' },
  of: { en: 'of', es: 'de' },
  hoursUnit: { en: 'h', es: 'h' },
  hours: { en: 'hours', es: 'horas' },
  cost: { en: 'cost', es: 'costo' },
  budget: { en: 'budget', es: 'presupuesto' },
  over: { en: 'over by', es: 'excede en' },
  wrote: { en: 'Wrote', es: 'Escrito' },
  // Column headers
  file: { en: 'File', es: 'Archivo' },
  account: { en: 'Account', es: 'Cuenta' },
  kam: { en: 'KAM', es: 'Gerente de cuenta' },
  periodStart: { en: 'Period start', es: 'Inicio del periodo' },
  periodEnd: { en: 'Period end', es: 'Fin del periodo' },
  knowledge: { en: 'Knowledge', es: 'Conocimiento' },
  vision: { en: 'Vision', es: 'Visión' },
  commitment: { en: 'Commitment', es: 'Compromiso' },
  overall: { en: 'Overall', es: 'General' },
  errors: { en: 'Errors', es: 'Errores' },
  warnings: { en: 'Warnings', es: 'Advertencias' },
  commitments: { en: 'Commitments', es: 'Compromisos' },
  unsupported: { en: 'Unsupported', es: 'Sin respaldo' },
  signOff: { en: 'Client sign-off', es: 'Aprobación del cliente' },
  nextStep: { en: 'Next step', es: 'Próximo paso' },
  nextStepPlace: { en: 'Where', es: 'Dónde' },
  gain: { en: 'Gain', es: 'Ganancia' },
  nextSteps: { en: 'Next step per account (what raises its overall readiness most)', es: 'Próximo paso por cuenta (lo que más sube su preparación general)' },
  noNextStep: { en: 'nothing left to raise', es: 'nada más que subir' },
  team: { en: 'Team', es: 'Equipo' },
  start: { en: 'Span start', es: 'Inicio' },
  end: { en: 'Span end', es: 'Fin' },
  available: { en: 'Available hours', es: 'Horas disponibles' },
  committedHours: { en: 'Committed hours', es: 'Horas comprometidas' },
  load: { en: 'Hours load', es: 'Carga de horas' },
  budgetHeader: { en: 'Budget', es: 'Presupuesto' },
  committedCost: { en: 'Committed cost', es: 'Costo comprometido' },
  budgetLoad: { en: 'Budget load', es: 'Carga del presupuesto' },
  accountCount: { en: 'Accounts', es: 'Cuentas' },
  status: { en: 'Status', es: 'Estado' },
  capacityFrom: { en: 'Capacity from', es: 'Capacidad según' },
  overHours: { en: 'Hours over', es: 'Horas de más' },
  overCost: { en: 'Cost over', es: 'Costo de más' },
  seenBy: { en: 'Shown by a single plan', es: 'Lo muestra un solo plan' },
  id: { en: 'ID', es: 'ID' },
  due: { en: 'Due date', es: 'Fecha límite' },
  effort: { en: 'Effort hours', es: 'Horas de esfuerzo' },
  costHeader: { en: 'Cost', es: 'Costo' },
  cell: { en: 'Cell', es: 'Celda' },
  // Statuses
  within: { en: 'Within capacity', es: 'Dentro de la capacidad' },
  statusOverHours: { en: 'Over capacity', es: 'Excede la capacidad' },
  statusOverBudget: { en: 'Over budget', es: 'Excede el presupuesto' },
  budgetNotJudged: { en: 'budget not judged (currencies differ)', es: 'presupuesto sin juzgar (monedas distintas)' },
  noCapacity: { en: 'No capacity', es: 'Sin capacidad' },
  unjudged: { en: 'not judged: a figure cannot be read (see the plan)', es: 'sin juzgar: una cifra no se puede leer (ver el plan)' },
  yes: { en: 'Yes', es: 'Sí' },
  no: { en: 'No', es: 'No' },
} satisfies Record<string, Label>;

export function portfolioWord(key: keyof typeof PORTFOLIO_WORDS, lang: Language, params: Record<string, string> = {}): string {
  return PORTFOLIO_WORDS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** A span's status in words: within, over capacity, over budget, or both. */
export function spanStatus(t: TeamSpan, lang: Language): string {
  const w = (k: keyof typeof PORTFOLIO_WORDS): string => PORTFOLIO_WORDS[k][lang];
  const parts: string[] = [];
  if (t.overHours) parts.push(w('statusOverHours'));
  if (t.overBudget) parts.push(w('statusOverBudget'));
  if (parts.length === 0 && !t.unjudged) parts.push(w('within'));
  if (t.budgetNotJudged) parts.push(w('budgetNotJudged'));
  if (t.unjudged) parts.push(w('unjudged'));
  return parts.join(', ');
}

/** Who states a span's capacity: the capacity file, or the accounts whose plans state it. */
export function capacityFrom(t: TeamSpan): string {
  const names = [...new Set(t.sources.map((s) => (s.account === '' && s.file !== '' ? s.file : accountName(s))))];
  return names.join(', ');
}

function col(key: keyof typeof PORTFOLIO_WORDS, kind: ColumnKind, width: number, lang: Language): PortfolioColumn {
  return { key, header: PORTFOLIO_WORDS[key][lang], kind, width };
}

const day = (d: Day | undefined): PortfolioCell => (d === undefined ? null : { day: d });

export function accountsTable(p: Portfolio): PortfolioTable {
  const l = p.language;
  const w = (k: keyof typeof PORTFOLIO_WORDS): string => PORTFOLIO_WORDS[k][l];
  return {
    key: 'accounts',
    title: w('accounts'),
    columns: [
      col('file', 'text', 28, l),
      col('account', 'text', 28, l),
      col('kam', 'text', 18, l),
      col('periodStart', 'date', 12, l),
      col('periodEnd', 'date', 12, l),
      col('knowledge', 'score', 11, l),
      col('vision', 'score', 9, l),
      col('commitment', 'score', 11, l),
      col('overall', 'score', 9, l),
      col('errors', 'count', 8, l),
      col('unsupported', 'count', 11, l),
      col('commitments', 'count', 12, l),
      col('signOff', 'text', 14, l),
      col('nextStep', 'text', 60, l),
      col('nextStepPlace', 'text', 18, l),
      col('gain', 'number', 8, l),
    ],
    rows: p.accounts.map((a) => [
      a.file,
      a.account,
      a.kam,
      day(a.periodStart),
      day(a.periodEnd),
      a.scores.knowledge,
      a.scores.vision,
      a.scores.commitment,
      a.scores.overall,
      a.errors,
      a.unsupported,
      a.commitments,
      signedOff(a) ? w('yes') : w('no'),
      a.nextStep?.message ?? '',
      a.nextStep ? `${a.nextStep.sheet}!${a.nextStep.cell}` : '',
      a.nextStep?.gain ?? null,
    ]),
  };
}

export function teamsTable(p: Portfolio): PortfolioTable {
  const l = p.language;
  const w = (k: keyof typeof PORTFOLIO_WORDS): string => PORTFOLIO_WORDS[k][l];
  const rows: PortfolioCell[][] = p.teams.map((t) => [
    t.team,
    { day: t.start },
    { day: t.end },
    t.availableHours,
    t.committedHours,
    t.availableHours > 0 ? t.committedHours / t.availableHours : null,
    t.budget,
    t.committedCost,
    t.budget > 0 && !t.budgetNotJudged ? t.committedCost / t.budget : null,
    t.shares.length,
    spanStatus(t, l),
    capacityFrom(t),
  ]);
  for (const u of p.uncovered) {
    rows.push([u.team, null, null, null, u.hours, null, null, u.cost, null, u.shares.length, w('noCapacity'), '']);
  }
  return {
    key: 'teams',
    title: w('teams'),
    columns: [
      col('team', 'text', 20, l),
      col('start', 'date', 12, l),
      col('end', 'date', 12, l),
      col('available', 'number', 11, l),
      col('committedHours', 'number', 12, l),
      col('load', 'percent', 10, l),
      col('budgetHeader', 'money', 13, l),
      col('committedCost', 'money', 13, l),
      col('budgetLoad', 'percent', 11, l),
      col('accountCount', 'count', 9, l),
      col('status', 'text', 26, l),
      col('capacityFrom', 'text', 30, l),
    ],
    rows,
  };
}

/** One row per commitment that shares an over-committed span, so a filter on team or account shows its part. */
export function conflictsTable(p: Portfolio): PortfolioTable {
  const l = p.language;
  const w = (k: keyof typeof PORTFOLIO_WORDS): string => PORTFOLIO_WORDS[k][l];
  const rows: PortfolioCell[][] = [];
  for (const c of p.conflicts) {
    for (const share of c.span.shares) {
      for (const item of share.commitments) {
        rows.push([
          c.span.team,
          { day: c.span.start },
          { day: c.span.end },
          overHours(c),
          overCost(c),
          c.onlyWhenAddedUp ? w('no') : w('yes'),
          accountName(share),
          share.file,
          item.id,
          item.commitment,
          { day: item.due },
          item.hours,
          item.cost,
          `${item.sheet}!${item.cell}`,
        ]);
      }
    }
  }
  return {
    key: 'conflicts',
    title: w('conflicts'),
    columns: [
      col('team', 'text', 20, l),
      col('start', 'date', 12, l),
      col('end', 'date', 12, l),
      col('overHours', 'number', 10, l),
      col('overCost', 'money', 12, l),
      col('seenBy', 'text', 12, l),
      col('account', 'text', 26, l),
      col('file', 'text', 26, l),
      col('id', 'text', 8, l),
      col('commitment', 'text', 44, l),
      col('due', 'date', 12, l),
      col('effort', 'number', 10, l),
      col('costHeader', 'money', 12, l),
      col('cell', 'text', 16, l),
    ],
    rows,
  };
}

/** Hours over the span's capacity (blank when within). */
export function overHours(c: Conflict): number | null {
  return c.overHours ? round2(c.span.committedHours - c.span.availableHours) : null;
}

export function overCost(c: Conflict): number | null {
  return c.overBudget ? round2(c.span.committedCost - c.span.budget) : null;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function spanLabel(t: { start: Day; end: Day }): string {
  return spanText(t.start, t.end);
}
