import { basePlan, check, day } from '../fixtures/plan-fixture';
import { row } from './rules/rule-cases';

describe('committed capacity (same meaning as the live SUMIFS formulas)', () => {
  it('sums effort and cost of our and joint commitments of the team due within the span, inclusive', () => {
    const plan = basePlan();
    const base = row(plan, 'commitments', 0);
    plan.rows.commitments = [
      { ...base, id: 'C1', due: day('2027-01-01'), effortHours: 10, cost: 100 },
      { ...base, id: 'C2', due: day('2027-06-30'), effortHours: 20, cost: 200, side: 'Joint' },
      { ...base, id: 'C3', due: day('2027-07-01'), effortHours: 40, cost: 400 },
      { ...base, id: 'C4', due: day('2027-03-01'), effortHours: 80, cost: 800, side: 'Client' },
      { ...base, id: 'C5', due: day('2027-03-01'), effortHours: 160, cost: 1600, status: 'Cancelled' },
      { ...base, id: 'C6', due: day('2027-03-01'), effortHours: 320, cost: 3200, team: 'Other' },
      { ...base, id: 'C7', due: day('2027-03-01'), effortHours: 1.5, cost: 0.1, side: null, team: 'DELIVERY' },
    ];
    plan.rows.capacity = [
      { team: 'Delivery', start: day('2027-01-01'), end: day('2027-06-30'), availableHours: 100, budget: 5000 },
      { team: 'Delivery', start: day('2027-07-01'), end: day('2027-12-31'), availableHours: 100, budget: 5000 },
      { team: 'Nobody', start: day('2027-01-01'), end: day('2027-12-31'), availableHours: 100, budget: 5000 },
      { team: 'Delivery', start: null, end: day('2027-12-31'), availableHours: 100, budget: 5000 },
    ];
    const result = check(plan);
    expect(result.capacity).toEqual([
      { sheet: 'Capacity', row: 2, team: 'Delivery', committedHours: 31.5, committedCost: 300.1 },
      { sheet: 'Capacity', row: 3, team: 'Delivery', committedHours: 40, committedCost: 400 },
      { sheet: 'Capacity', row: 4, team: 'Nobody', committedHours: 0, committedCost: 0 },
      { sheet: 'Capacity', row: 5, team: 'Delivery', committedHours: 0, committedCost: 0 },
    ]);
  });

  it('overlapping spans are each judged on their own', () => {
    const plan = basePlan();
    plan.rows.capacity?.push({ team: 'Delivery', start: day('2027-06-01'), end: day('2027-06-30'), availableHours: 50, budget: 20000 });
    const result = check(plan);
    expect(result.capacity.map((c) => c.committedHours)).toEqual([100, 100]);
    expect(result.commitments.find((c) => c.id === 'C1')?.reasons).toEqual(['over-capacity']);
  });
});

describe('a figure the check cannot read is never taken as a number', () => {
  const verdict = (r: ReturnType<typeof check>, id: string) => r.commitments.find((c) => c.id === id)?.reasons;

  it.each([
    ['Budget', { budget: 'lots' }, 'E2'],
    ['Available hours', { availableHours: 'many' }, 'D2'],
  ])('an unreadable %s: the commitments in its span are no-capacity, named by a finding that names the cell', (words, change, cell) => {
    const plan = basePlan();
    Object.assign(row(plan, 'capacity', 0), change);
    const r = check(plan);
    expect(verdict(r, 'C1')).toEqual(['no-capacity']);
    expect(r.findings.filter((f) => f.rule === 'over-budget' || f.rule === 'over-capacity')).toEqual([]);
    const found = r.findings.filter((f) => f.rule === 'capacity-unreadable');
    expect(found.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['Capacity!A2']);
    expect(found[0].message).toContain(`${words} (${cell}) cannot be read`);
    expect(found[0].message).toContain('C1 "Install sensors"');
    expect(found[0].message).not.toMatch(/budget of 0|0 available/);
  });

  it('an unreadable effort keeps its span unjudged unless what can be read is already over', () => {
    const plan = basePlan();
    row(plan, 'commitments', 0).effortHours = 'a lot';
    const r = check(plan);
    expect(verdict(r, 'C1')).toEqual(['no-capacity']);
    expect(r.findings.find((f) => f.rule === 'capacity-unreadable')?.message).toContain('the Effort hours of C1 (I2) cannot be read');

    const base = row(plan, 'commitments', 0);
    plan.rows.commitments!.push({ ...base, id: 'C3', effortHours: 500, cost: 1 });
    const over = check(plan);
    expect(verdict(over, 'C1')).toEqual(['over-capacity']);
    expect(verdict(over, 'C3')).toEqual(['over-capacity']);
  });

  it('an unreadable span start covers nothing, and is named instead of "outside every capacity span"', () => {
    const plan = basePlan();
    row(plan, 'capacity', 0).start = 'whenever';
    const r = check(plan);
    expect(verdict(r, 'C1')).toEqual(['no-capacity']);
    expect(r.findings.filter((f) => f.rule === 'outside-capacity-span')).toEqual([]);
    expect(r.findings.find((f) => f.rule === 'capacity-unreadable')?.message).toContain('Period start (B2) cannot be read');
  });

  it('an unreadable Needs approval with nobody approving is not-approved: nothing shows no approval is needed', () => {
    const plan = basePlan();
    row(plan, 'commitments', 0).needsApproval = 'perhaps';
    expect(verdict(check(plan), 'C1')).toEqual(['not-approved']);
  });

  it('an unreadable revenue or probability leaves the pipeline comparison open instead of reading it as 0', () => {
    const plan = basePlan();
    row(plan, 'vision', 0).probability = 'likely';
    const r = check(plan);
    expect(r.findings.filter((f) => f.rule === 'pipeline-below-target')).toEqual([]);
    const open = r.findings.filter((f) => f.rule === 'pipeline-unknown');
    expect(open.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['Vision!H2']);
    expect(open[0].message).toContain('Vision!H2 cannot be read');
    expect(r.scorecard.vision).toBeLessThan(100);
  });

  it('an unreadable client value, due date or last contact costs the criterion it blocks, charged to the reading finding', () => {
    for (const [sheet, key, value, rule, criterion] of [
      ['vision', 'clientValue', 'lots', 'not-a-number', 'value-quantified'],
      ['commitments', 'due', 'next week', 'not-a-date', 'commitments-dated'],
      ['stakeholders', 'lastContact', 'soon', 'not-a-date', 'stakeholders-in-touch'],
      ['knowledge', 'lastVerified', 'ages ago', 'not-a-date', 'knowledge-fresh'],
    ] as const) {
      const plan = basePlan();
      row(plan, sheet, 0)[key] = value;
      const r = check(plan);
      const i = r.findings.findIndex((f) => f.rule === rule);
      expect(i).toBeGreaterThanOrEqual(0);
      // Not judged as if the value were blank or fine: the criterion it blocks is missing, charged to the reading finding.
      const blocked = r.scorecard.criteria.find((c) => c.code === criterion)!;
      expect(blocked.earned).toBeLessThan(blocked.weight);
      expect(r.scorecard.cost[i].points).toBeGreaterThan(blocked.weight - blocked.earned);
      expect(r.scorecard.unmet).toEqual([]);
    }
  });
});
