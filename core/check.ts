// The check: read the workbook, run every phase's rules, judge each commitment's
// support, and score the plan. Deterministic for a given workbook and as-of day.

import { parseA1 } from './a1';
import { capacityLedger } from './capacity';
import { Label, Language, PlanFieldKey, sheetKeyOf, sheetLabel, SHEET_ORDER, SheetKey } from './contract';
import { Finding, makeFinding, Params, Phase, PHASES, Place, RuleDef, SEVERITIES } from './finding';
import { cellOf, firstCellOf, Plan, RowOrigin } from './plan';
import { readPlan, WorkbookInput } from './read';
import { checkCommitments } from './rules/commitment';
import { checkKnowledge } from './rules/knowledge';
import { checkStructure } from './rules/structure';
import { checkVision } from './rules/vision';
import { Scorecard, scorePlan } from './score';
import { judgeCommitments } from './support';
import { Day } from './values';

export type SupportReason = 'no-vision' | 'no-owner' | 'not-approved' | 'not-agreed' | 'over-capacity' | 'over-budget' | 'no-capacity';

export const SUPPORT_REASONS: readonly SupportReason[] = [
  'no-vision',
  'no-owner',
  'not-approved',
  'not-agreed',
  'over-capacity',
  'over-budget',
  'no-capacity',
];

export interface SupportVerdict {
  id: string;
  commitment: string;
  sheet: string;
  cell: string;
  supported: boolean;
  reasons: SupportReason[];
  /** A cancelled commitment promises nothing, so it is never unsupported (docs/rules.md). */
  cancelled: boolean;
}

export interface CheckOptions {
  /** "Today" for the date rules. */
  asOf: Day;
  /** Language of messages; default: the workbook's. */
  language?: Language;
  /** Knowledge not verified for longer than this is stale (default 180). */
  staleKnowledgeDays?: number;
  /** A coach or decision maker not contacted for longer than this is cold (default 60). */
  staleContactDays?: number;
}

/** What a rule module sees: the plan, the settings, and one way to raise a finding. */
export interface RuleContext {
  plan: Plan;
  asOf: Day;
  lang: Language;
  staleKnowledgeDays: number;
  staleContactDays: number;
  raise(rule: RuleDef, place: Place, params?: Params): void;
  /** The workbook's name for a contract sheet (its contract name if the sheet is missing). */
  sheetName(key: SheetKey): string;
  hasSheet(key: SheetKey): boolean;
  /** The sheet has the column (a missing column is already reported, so rules about it stay quiet). */
  hasColumn(key: SheetKey, column: string): boolean;
  /** Where whole-sheet findings point: column A of the sheet's header row (A1 when the sheet is missing). */
  headerCell(key: SheetKey): string;
  /** The A1 cell of a row's field, falling back to the row's first cell. */
  cell(row: RowOrigin, key: string): string;
  /** The Plan sheet's value cell of a field, or A1 when the field row is missing. */
  fieldCell(key: PlanFieldKey): string;
  /**
   * True when the field's column exists and its cell did not already get a
   * reading finding: rules about a blank field stay quiet when the reader has
   * already reported why the value is missing.
   */
  known(row: RowOrigin, key: string): boolean;
  /** Same for a Plan sheet field. */
  fieldKnown(key: PlanFieldKey): boolean;
  /** How a message names a record: `C3 "Quarterly steel price review"`, or its row when it has no ID. */
  thing(row: RowOrigin & { id?: string }, text: string): Label;
}

export function ruleContext(plan: Plan, options: CheckOptions, findings: Finding[], readFindings: readonly Finding[] = []): RuleContext {
  const lang = options.language ?? plan.language;
  const flagged = new Set(readFindings.map((f) => `${f.sheet}\u0000${f.cell}`));
  const sheetName = (key: SheetKey): string => plan.sheets[key]?.name ?? sheetLabel(key)[plan.language];
  const planSheet = sheetName('plan');
  return {
    plan,
    asOf: options.asOf,
    lang,
    staleKnowledgeDays: options.staleKnowledgeDays ?? 180,
    staleContactDays: options.staleContactDays ?? 60,
    raise: (rule, place, params = {}) => findings.push(makeFinding(rule, place, params, lang)),
    sheetName,
    hasSheet: (key) => plan.sheets[key] !== undefined,
    hasColumn: (key, column) => plan.sheets[key]?.columns[column] !== undefined,
    headerCell: (key) => `A${plan.sheets[key]?.headerRow ?? 1}`,
    cell: (row, key) => cellOf(row, key) ?? firstCellOf(row),
    fieldCell: (key) => plan.summary.cells[key] ?? 'A1',
    known: (row, key) => {
      const cell = cellOf(row, key);
      return cell !== undefined && !flagged.has(`${row.sheet}\u0000${cell}`);
    },
    fieldKnown: (key) => {
      const cell = plan.summary.cells[key];
      return cell === undefined || !flagged.has(`${planSheet}\u0000${cell}`);
    },
    thing: (row, text) => {
      const id = row.id ?? '';
      const quoted = text === '' ? '' : ` "${text}"`;
      if (id !== '') return { en: `${id}${quoted}`, es: `${id}${quoted}` };
      return { en: `on row ${row.row}${quoted}`, es: `de la fila ${row.row}${quoted}` };
    },
  };
}


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
  const sorted = sortFindings(findings);
  return {
    language: plan.language,
    outputLanguage,
    plan,
    findings: sorted,
    commitments: judgeCommitments(plan, ledger),
    scorecard: scorePlan(sorted),
    capacity: ledger.loads.map((l) => ({
      sheet: l.capacity.sheet,
      row: l.capacity.row,
      team: l.capacity.team,
      committedHours: l.committedHours,
      committedCost: l.committedCost,
    })),
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
  };
}
