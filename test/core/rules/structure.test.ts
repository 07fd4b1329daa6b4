import { day } from '../../fixtures/plan-fixture';
import { row, runRuleCases } from './rule-cases';

describe('structure rules', () => {
  runRuleCases([
    { rule: 'duplicate-id', when: 'two knowledge items share an ID', change: (p) => void (row(p, 'knowledge', 1).id = 'K1'), sheet: 'knowledge', cell: 'A3' },
    { rule: 'unknown-reference', when: 'an opportunity addresses a K ID that does not exist', change: (p) => void (row(p, 'vision', 0).addresses = 'K5; K99'), sheet: 'vision', cell: 'C2' },
    { rule: 'plan-no-account', when: 'the account is blank', change: (p) => void (p.plan.account = ''), sheet: 'plan', cell: 'B2' },
    { rule: 'plan-no-period', when: 'the period start is blank', change: (p) => void (p.plan.periodStart = null), sheet: 'plan', cell: 'B4' },
    { rule: 'period-end-before-start', when: 'the period ends before it starts', change: (p) => void (p.plan.periodEnd = day('2026-12-01')), sheet: 'plan', cell: 'B5' },
    { rule: 'capacity-row-incomplete', when: 'a capacity row has no start', change: (p) => void (row(p, 'capacity', 0).start = null), sheet: 'capacity', cell: 'B2' },
    { rule: 'capacity-end-before-start', when: 'a capacity row ends before it starts', change: (p) => void (row(p, 'capacity', 0).end = day('2026-06-01')), sheet: 'capacity', cell: 'C2' },
  ]);
});
