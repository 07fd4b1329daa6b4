// What the rules, the support verdicts and the scorer share: the check's
// options, the context a rule raises findings through, and the verdict types.
// Kept apart from core/check.ts so those modules never import the check itself.

import { Label, Language, PlanFieldKey, sheetLabel, SheetKey } from './contract';
import { Finding, makeFinding, Params, Place, RuleDef } from './finding';
import { cellOf, firstCellOf, Plan, RowOrigin } from './plan';
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
  /** Raises a finding; `concerns` are the other rows it is about (see Finding.concerns). */
  raise(rule: RuleDef, place: Place, params?: Params, concerns?: readonly RowOrigin[]): void;
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
    raise: (rule, place, params = {}, concerns) => {
      const finding = makeFinding(rule, place, params, lang);
      if (concerns && concerns.length > 0) finding.concerns = concerns.map((r) => ({ sheet: r.sheet, row: r.row }));
      findings.push(finding);
    },
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
