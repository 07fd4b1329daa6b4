import { basePlan, check, day, findingsOf, verdictOf } from '../../fixtures/plan-fixture';
import { row, runRuleCases } from './rule-cases';

describe('commitment rules', () => {
  runRuleCases([
    { rule: 'no-commitment', when: 'the Commitments sheet is empty', change: (p) => void (p.rows.commitments = []), sheet: 'commitments', cell: 'A1' },
    { rule: 'internal-only-plan', when: 'every commitment is ours', change: (p) => void p.rows.commitments?.pop(), sheet: 'commitments', cell: 'A1' },
    { rule: 'no-client-sign-off', when: 'nobody at the client signed off', change: (p) => void (p.plan.signOffBy = ''), sheet: 'plan', cell: 'B10' },
    { rule: 'commitment-no-owner', when: 'a commitment has no owner', change: (p) => void (row(p, 'commitments', 0).owner = ''), sheet: 'commitments', cell: 'E2' },
    { rule: 'commitment-no-vision', when: 'a commitment supports nothing', change: (p) => void (row(p, 'commitments', 0).supports = null), sheet: 'commitments', cell: 'C2' },
    { rule: 'commitment-not-approved', when: 'approval is needed and missing', change: (p, li) => void (row(p, 'commitments', 0).needsApproval = li('yesNo', 'yes')), sheet: 'commitments', cell: 'L2' },
    { rule: 'client-commitment-needs-approval', when: 'the client’s own commitment is marked as needing approval', change: (p, li) => void (row(p, 'commitments', 1).needsApproval = li('yesNo', 'yes')), sheet: 'commitments', cell: 'K3' },
    { rule: 'commitment-not-agreed', when: 'a client commitment is not agreed', change: (p, li) => void (row(p, 'commitments', 1).clientAgreed = li('yesNo', 'no')), sheet: 'commitments', cell: 'M3' },
    { rule: 'over-capacity', when: 'effort exceeds available hours', change: (p) => void (row(p, 'commitments', 0).effortHours = 250), sheet: 'capacity', cell: 'D2' },
    { rule: 'over-budget', when: 'cost exceeds the budget', change: (p) => void (row(p, 'commitments', 0).cost = 25000), sheet: 'capacity', cell: 'E2' },
    { rule: 'team-no-capacity', when: 'the team has no capacity row', change: (p) => void (row(p, 'commitments', 0).team = 'Field crew'), sheet: 'commitments', cell: 'H2' },
    { rule: 'outside-capacity-span', when: 'no capacity span covers the due date', change: (p) => void (row(p, 'capacity', 0).end = day('2027-05-31')), sheet: 'commitments', cell: 'G2' },
    { rule: 'commitment-no-team', when: 'our commitment names no team', change: (p) => void (row(p, 'commitments', 0).team = ''), sheet: 'commitments', cell: 'H2' },
    { rule: 'commitment-no-due-date', when: 'a commitment has no due date', change: (p) => void (row(p, 'commitments', 1).due = null), sheet: 'commitments', cell: 'G3' },
    { rule: 'due-outside-period', when: 'a commitment is due after the period', change: (p) => void (row(p, 'commitments', 1).due = day('2028-01-15')), sheet: 'commitments', cell: 'G3' },
    { rule: 'commitment-overdue', when: 'a planned commitment is past its date', change: (p) => void (row(p, 'commitments', 0).due = day('2027-03-01')), sheet: 'commitments', cell: 'G2' },
    { rule: 'counterpart-not-mapped', when: 'the counterpart is not a stakeholder', change: (p) => void (row(p, 'commitments', 0).clientCounterpart = 'Pedro Gómez'), sheet: 'commitments', cell: 'F2' },
    {
      rule: 'counterpart-opponent',
      when: 'the counterpart is an opponent',
      change: (p, li) => {
        row(p, 'stakeholders', 1).attitude = li('attitude', 'opponent');
        row(p, 'commitments', 0).clientCounterpart = 'lucia fernandez';
      },
      sheet: 'commitments',
      cell: 'F2',
    },
    { rule: 'commitment-no-counterpart', when: 'a client commitment names no counterpart', change: (p) => void (row(p, 'commitments', 1).clientCounterpart = ''), sheet: 'commitments', cell: 'F3' },
  ]);

  it('names the commitment by ID and text', () => {
    const plan = basePlan();
    row(plan, 'commitments', 0).commitment = 'Quarterly steel price review';
    row(plan, 'commitments', 0).id = 'C3';
    row(plan, 'commitments', 0).needsApproval = 'Yes';
    expect(findingsOf(check(plan), 'commitment-not-approved')[0].message).toBe('Commitment C3 "Quarterly steel price review" needs approval and nobody approved it.');
  });

  it('the client’s own commitment is agreed, not approved internally: no approval finding and still supported', () => {
    const plan = basePlan();
    row(plan, 'commitments', 1).needsApproval = 'Yes';
    const result = check(plan);
    expect(findingsOf(result, 'commitment-not-approved')).toEqual([]);
    expect(findingsOf(result, 'client-commitment-needs-approval').map((f) => f.cell)).toEqual(['K3']);
    expect(verdictOf(result, 'C2').reasons).not.toContain('not-approved');
    // Nor is an approval written on it by hand judged (Approve refuses the client's rows).
    row(plan, 'commitments', 1).approvedBy = 'Martín Rojas';
    row(plan, 'commitments', 1).approvedTerms = 'whatever was said';
    expect(check(plan).findings.filter((f) => f.rule.startsWith('approval-'))).toEqual([]);
    // The same Yes on a joint commitment is ours to approve.
    row(plan, 'commitments', 1).side = 'Joint';
    row(plan, 'commitments', 1).approvedBy = null;
    row(plan, 'commitments', 1).approvedTerms = null;
    expect(findingsOf(check(plan), 'commitment-not-approved').map((f) => f.cell)).toEqual(['L3']);
  });

  it('a counterpart may be written as the stakeholder ID', () => {
    const plan = basePlan();
    row(plan, 'commitments', 0).clientCounterpart = 's1';
    expect(findingsOf(check(plan), 'counterpart-not-mapped')).toEqual([]);
  });

  it('cancelled commitments raise nothing and do not count as commitments', () => {
    const plan = basePlan();
    for (const c of plan.rows.commitments ?? []) c.status = 'Cancelled';
    row(plan, 'commitments', 0).owner = '';
    const rules = check(plan).findings.map((f) => f.rule);
    expect(rules).toEqual(['no-commitment']);
  });

  it('one over-capacity finding per overloaded span names every commitment in it', () => {
    const plan = basePlan();
    plan.rows.commitments?.push({ ...row(plan, 'commitments', 0), id: 'C9', commitment: 'Train operators', effortHours: 150, due: day('2027-02-01') });
    const found = findingsOf(check(plan), 'over-capacity');
    expect(found.length).toBe(1);
    expect(found[0].message).toBe('Team "Delivery" has 250 hours committed from 2027-01-01 to 2027-12-31, over its 200 available hours: C9 "Train operators", C1 "Install sensors".');
  });

  it('a team without capacity is reported once, not per commitment', () => {
    const plan = basePlan();
    row(plan, 'commitments', 0).team = 'Field crew';
    plan.rows.commitments?.push({ ...row(plan, 'commitments', 0), id: 'C9' });
    expect(findingsOf(check(plan), 'team-no-capacity').length).toBe(1);
  });
});
