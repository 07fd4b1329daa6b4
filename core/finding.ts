// What a check reports: findings (with their place and fix), in the user's language.

import { Label, Language } from './contract';

export type Severity = 'error' | 'warning' | 'info';
export type Phase = 'structure' | 'knowledge' | 'vision' | 'commitment';

export const PHASES: readonly Phase[] = ['structure', 'knowledge', 'vision', 'commitment'];
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Where a finding points: the workbook's own sheet name and an A1 cell. */
export interface Place {
  sheet: string;
  cell: string;
}

export interface Finding extends Place {
  severity: Severity;
  phase: Phase;
  rule: string;
  message: string;
  fix: string;
  /**
   * Rows besides its own cell that this finding is about (the commitments an
   * overloaded span or a team with no capacity holds): the scorecard traces
   * each such row's missing points to it. Absent on most findings.
   */
  concerns?: RowRef[];
  /** The action that resolves it, naming the thing ("Agree C7 with Pedro Gómez"); next steps lead with it. */
  step?: string;
}

/** A sheet row, as a finding's concerns name it. */
export interface RowRef {
  sheet: string;
  row: number;
}

/** Values substituted into a rule's message: plain workbook text, or a label per language. */
export type Params = Record<string, string | number | Label>;

/** One rule of the catalogue: its stable code and the words it speaks in. */
export interface RuleDef {
  code: string;
  phase: Phase;
  severity: Severity;
  /** When it fires, for docs/rules.md. */
  trigger: Label;
  /** The finding's message; `{name}` is replaced by params.name. */
  message: Label;
  fix: Label;
  /** The action, as a next step names it; the fix stands in when a rule has none. */
  step?: Label;
}

/** `{name}` in a template replaced by values.name; a name with no value stays as written. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

/** The same, where a value may be a Label, written in `lang`. */
export function render(template: string, params: Params, lang: Language): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const p = params[name];
    if (p === undefined) return whole;
    if (typeof p === 'object') return p[lang];
    return String(p);
  });
}

export function makeFinding(rule: RuleDef, place: Place, params: Params, lang: Language): Finding {
  const finding: Finding = {
    severity: rule.severity,
    phase: rule.phase,
    rule: rule.code,
    sheet: place.sheet,
    cell: place.cell,
    message: render(rule.message[lang], params, lang),
    fix: render(rule.fix[lang], params, lang),
  };
  if (rule.step) finding.step = render(rule.step[lang], params, lang);
  return finding;
}
