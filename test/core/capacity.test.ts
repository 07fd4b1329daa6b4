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
