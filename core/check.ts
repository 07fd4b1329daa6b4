// The check: read the workbook, run every phase's rules, judge each commitment's
// support, and score the plan. Deterministic for a given workbook and as-of day.

import { Language } from './contract';
import { Finding, makeFinding, Params, Place, RuleDef } from './finding';
import { Plan } from './plan';
import { readPlan, WorkbookInput } from './read';
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
}

export function ruleContext(plan: Plan, options: CheckOptions, findings: Finding[]): RuleContext {
  const lang = options.language ?? plan.language;
  return {
    plan,
    asOf: options.asOf,
    lang,
    staleKnowledgeDays: options.staleKnowledgeDays ?? 180,
    staleContactDays: options.staleContactDays ?? 60,
    raise: (rule, place, params = {}) => findings.push(makeFinding(rule, place, params, lang)),
  };
}

export type { WorkbookInput };
export { readPlan };
