import { basePlan, check, findingsOf } from '../../fixtures/plan-fixture';
import { row, runRuleCases } from './rule-cases';

describe('vision rules', () => {
  runRuleCases([
    { rule: 'no-opportunity', when: 'the Vision sheet is empty', change: (p) => void (p.rows.vision = []), sheet: 'vision', cell: 'A1' },
    { rule: 'opportunity-ungrounded', when: 'an opportunity addresses nothing', change: (p) => void (row(p, 'vision', 0).addresses = null), sheet: 'vision', cell: 'C2' },
    { rule: 'no-solution', when: 'an opportunity names no solution', change: (p) => void (row(p, 'vision', 0).solution = ''), sheet: 'vision', cell: 'D2' },
    { rule: 'no-client-benefit', when: 'the client benefit is blank', change: (p) => void (row(p, 'vision', 0).clientBenefit = ''), sheet: 'vision', cell: 'E2' },
    { rule: 'no-client-value', when: 'the client value is blank', change: (p) => void (row(p, 'vision', 0).clientValue = null), sheet: 'vision', cell: 'F2' },
    { rule: 'still-hypothesis', when: 'an opportunity is a hypothesis', change: (p, li) => void (row(p, 'vision', 0).validation = li('validation', 'hypothesis')), sheet: 'vision', cell: 'I2' },
    { rule: 'validated-with-nobody', when: 'validated but nobody named', change: (p) => void (row(p, 'vision', 0).validatedWith = ''), sheet: 'vision', cell: 'J2' },
    { rule: 'nothing-validated-with-client', when: 'only our team validated', change: (p, li) => void (row(p, 'vision', 0).validation = li('validation', 'team')), sheet: 'vision', cell: 'A1' },
    {
      rule: 'problem-unaddressed',
      when: 'a high-impact business problem has no opportunity',
      change: (p, li) =>
        void p.rows.knowledge?.push({ id: 'K7', category: li('category', 'businessProblem'), finding: 'Truck availability 78%', source: 'Mine visit', impact: li('level', 'high'), confirmed: li('yesNo', 'yes'), lastVerified: new Date(Date.UTC(2027, 2, 1)) }),
      sheet: 'knowledge',
      cell: 'A8',
    },
    { rule: 'pipeline-below-target', when: 'weighted pipeline is under target', change: (p) => void (p.plan.revenueTarget = 100001), sheet: 'plan', cell: 'B7' },
  ]);

  it('an empty vision reports only no-opportunity, not every problem and validation', () => {
    const plan = basePlan();
    plan.rows.vision = [];
    const rules = check(plan).findings.filter((f) => f.phase === 'vision').map((f) => f.rule);
    expect(rules).toEqual(['no-opportunity']);
  });

  it('the pipeline weighs revenue by probability and names the amounts', () => {
    const plan = basePlan();
    plan.plan.revenueTarget = 150000;
    expect(findingsOf(check(plan), 'pipeline-below-target')[0].message).toBe('The weighted pipeline is 100,000 USD, below the revenue target of 150,000 USD.');
  });
});
