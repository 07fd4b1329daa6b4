// The rule tests' shared shape: a clean base plan, one change, and the rule
// expected at one cell, run in both languages.

import { Language, listLabel, ListKey, sheetLabel, SheetKey } from '../../../core/contract';
import { basePlan, check, clone, findingsOf, PlanData } from '../../fixtures/plan-fixture';

export type Li = (list: ListKey, key: string) => string;

export interface RuleCase {
  rule: string;
  /** What the case breaks, read as the test's name. */
  when: string;
  change: (plan: PlanData, li: Li) => void;
  sheet: SheetKey;
  cell: string;
}

export function runRuleCases(cases: RuleCase[]): void {
  describe.each(['en', 'es'] as Language[])('in a %s workbook', (lang) => {
    const li: Li = (list, key) => listLabel(list, key, lang);
    it('a clean plan raises none of these rules', () => {
      const result = check(basePlan(lang), { lang });
      for (const c of cases) expect(findingsOf(result, c.rule)).toEqual([]);
    });
    it.each(cases.map((c) => [c.rule, c.when, c] as const))('%s fires when %s', (_rule, _when, c) => {
      const plan = clone(basePlan(lang));
      c.change(plan, li);
      const found = findingsOf(check(plan, { lang }), c.rule);
      expect(found.map((f) => `${f.sheet}!${f.cell}`)).toContain(`${sheetLabel(c.sheet)[lang]}!${c.cell}`);
      expect(found.length).toBe(1);
      for (const f of found) {
        expect(f.message).not.toMatch(/\{\w+\}/);
        expect(f.fix).not.toMatch(/\{\w+\}/);
      }
    });
  });
}

/** Row i of a sheet, for changing in place. */
export function row(plan: PlanData, sheet: keyof PlanData['rows'], i: number): Record<string, unknown> {
  const rows = plan.rows[sheet];
  if (!rows || !rows[i]) throw new Error(`no row ${i} on ${sheet}`);
  return rows[i];
}
