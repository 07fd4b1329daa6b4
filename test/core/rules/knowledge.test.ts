import { basePlan, check, day, findingsOf } from '../../fixtures/plan-fixture';
import { row, runRuleCases } from './rule-cases';

describe('knowledge rules', () => {
  runRuleCases([
    { rule: 'no-business-problem', when: 'no item is a business problem', change: (p, li) => void (row(p, 'knowledge', 4).category = li('category', 'strategicInitiative')), sheet: 'knowledge', cell: 'A1' },
    { rule: 'few-industry-variables', when: 'only two industry variables are known', change: (p, li) => void (row(p, 'knowledge', 2).category = li('category', 'strategicInitiative')), sheet: 'knowledge', cell: 'A1' },
    { rule: 'no-competitive-advantage', when: 'no competitive advantage is known', change: (p, li) => void (row(p, 'knowledge', 3).category = li('category', 'strategicInitiative')), sheet: 'knowledge', cell: 'A1' },
    { rule: 'no-industry-position', when: 'neither position nor competitor is known', change: (p, li) => void (row(p, 'knowledge', 5).category = li('category', 'strategicInitiative')), sheet: 'knowledge', cell: 'A1' },
    { rule: 'finding-no-source', when: 'a finding has no source', change: (p) => void (row(p, 'knowledge', 0).source = ''), sheet: 'knowledge', cell: 'D2' },
    { rule: 'high-impact-unconfirmed', when: 'a high-impact finding is not confirmed', change: (p, li) => void (row(p, 'knowledge', 4).confirmed = li('yesNo', 'no')), sheet: 'knowledge', cell: 'F6' },
    { rule: 'stale-knowledge', when: 'a finding was verified over 180 days ago', change: (p) => void (row(p, 'knowledge', 0).lastVerified = day('2026-09-01')), sheet: 'knowledge', cell: 'G2' },
    { rule: 'no-learning-plan', when: 'the learning plan is empty', change: (p) => void (p.rows.learning = []), sheet: 'learning', cell: 'A1' },
    { rule: 'learning-overdue', when: 'a planned activity is past its date', change: (p, li) => void (row(p, 'learning', 0).status = li('learningStatus', 'planned')), sheet: 'learning', cell: 'D2' },
    { rule: 'learning-no-owner', when: 'an activity has no owner', change: (p) => void (row(p, 'learning', 0).owner = null), sheet: 'learning', cell: 'C2' },
    { rule: 'no-decision-maker', when: 'nobody is a decision maker', change: (p, li) => void (row(p, 'stakeholders', 0).role = li('role', 'influencer')), sheet: 'stakeholders', cell: 'A1' },
    { rule: 'single-threaded', when: 'only two people are mapped', change: (p) => void p.rows.stakeholders?.pop(), sheet: 'stakeholders', cell: 'A1' },
    { rule: 'no-supporter-at-top', when: 'the decision maker is neutral', change: (p, li) => void (row(p, 'stakeholders', 0).attitude = li('attitude', 'neutral')), sheet: 'stakeholders', cell: 'A1' },
    {
      rule: 'only-supporters',
      when: 'everyone is a supporter',
      change: (p, li) => {
        row(p, 'stakeholders', 1).attitude = li('attitude', 'supporter');
        row(p, 'stakeholders', 2).attitude = li('attitude', 'supporter');
      },
      sheet: 'stakeholders',
      cell: 'A1',
    },
    { rule: 'cold-contact', when: 'the decision maker was last met over 60 days ago', change: (p) => void (row(p, 'stakeholders', 0).lastContact = day('2026-12-01')), sheet: 'stakeholders', cell: 'I2' },
    { rule: 'stakeholder-no-role', when: 'a stakeholder has no role', change: (p) => void (row(p, 'stakeholders', 2).role = null), sheet: 'stakeholders', cell: 'E4' },
  ]);

  it('knowledge never verified is stale, and the limit is configurable', () => {
    const plan = basePlan();
    row(plan, 'knowledge', 0).lastVerified = null;
    expect(findingsOf(check(plan), 'stale-knowledge')[0].message).toContain('never');
    expect(findingsOf(check(basePlan(), { staleKnowledgeDays: 5 }), 'stale-knowledge').length).toBe(6);
  });

  it('a coach never contacted is a cold contact; a user is not judged', () => {
    const plan = basePlan();
    row(plan, 'stakeholders', 2).lastContact = null;
    expect(findingsOf(check(plan), 'cold-contact').map((f) => f.cell)).toEqual(['I4']);
    expect(findingsOf(check(basePlan(), { staleContactDays: 1 }), 'cold-contact').length).toBe(2);
  });

  it('done and cancelled learning activities are never overdue', () => {
    expect(findingsOf(check(basePlan()), 'learning-overdue')).toEqual([]);
  });
});
