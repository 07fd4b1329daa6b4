import { basePlan, check, day, verdictOf } from '../fixtures/plan-fixture';
import { row } from './rules/rule-cases';
import { SUPPORT_REASONS } from '../../core/check';

describe('support verdicts', () => {
  it('a well-backed commitment is supported', () => {
    expect(verdictOf(check(basePlan()), 'C1')).toEqual({ supported: true, reasons: [] });
    expect(verdictOf(check(basePlan()), 'C2')).toEqual({ supported: true, reasons: [] });
  });

  it('a commitment that supports no opportunity, or only IDs that do not exist, is unsupported (no-vision)', () => {
    const blank = basePlan();
    row(blank, 'commitments', 0).supports = null;
    expect(verdictOf(check(blank), 'C1').reasons).toEqual(['no-vision']);
    const unknown = basePlan();
    row(unknown, 'commitments', 0).supports = 'V7, V8';
    expect(verdictOf(check(unknown), 'C1').reasons).toEqual(['no-vision']);
    const mixed = basePlan();
    row(mixed, 'commitments', 0).supports = 'V8, v1';
    expect(verdictOf(check(mixed), 'C1').supported).toBe(true);
  });

  it('a commitment with no owner is unsupported (no-owner)', () => {
    const plan = basePlan();
    row(plan, 'commitments', 1).owner = null;
    expect(verdictOf(check(plan), 'C2').reasons).toEqual(['no-owner']);
  });

  it('a commitment that needs approval and has none is unsupported (not-approved)', () => {
    const plan = basePlan();
    row(plan, 'commitments', 0).needsApproval = 'Yes';
    expect(verdictOf(check(plan), 'C1').reasons).toEqual(['not-approved']);
    row(plan, 'commitments', 0).approvedBy = 'Martín Rojas';
    expect(verdictOf(check(plan), 'C1').supported).toBe(true);
  });

  it('a joint commitment the client has not agreed is unsupported (not-agreed)', () => {
    const plan = basePlan();
    row(plan, 'commitments', 0).side = 'Joint';
    row(plan, 'commitments', 0).clientAgreed = null;
    expect(verdictOf(check(plan), 'C1').reasons).toEqual(['not-agreed']);
  });

  it('our own commitment needs no client agreement', () => {
    const plan = basePlan();
    row(plan, 'commitments', 0).clientAgreed = 'No';
    expect(verdictOf(check(plan), 'C1').supported).toBe(true);
  });

  it('every commitment sharing an overloaded span is unsupported (over-capacity), not just the last one', () => {
    const plan = basePlan();
    row(plan, 'commitments', 0).effortHours = 120;
    plan.rows.commitments?.push({ ...row(plan, 'commitments', 0), id: 'C3', commitment: 'Calibrate sensors', due: day('2027-09-01'), effortHours: 120 });
    const result = check(plan);
    expect(verdictOf(result, 'C1').reasons).toEqual(['over-capacity']);
    expect(verdictOf(result, 'C3').reasons).toEqual(['over-capacity']);
    expect(verdictOf(result, 'C2').supported).toBe(true);
  });

  it('a joint commitment counts against our capacity; a client one does not', () => {
    const plan = basePlan();
    row(plan, 'commitments', 1).effortHours = 500;
    expect(verdictOf(check(plan), 'C1').supported).toBe(true);
    row(plan, 'commitments', 1).side = 'Joint';
    row(plan, 'commitments', 1).team = 'Delivery';
    const result = check(plan);
    expect(verdictOf(result, 'C1').reasons).toEqual(['over-capacity']);
    expect(verdictOf(result, 'C2').reasons).toEqual(['over-capacity']);
  });

  it('commitments over the budget of their span are unsupported (over-budget)', () => {
    const plan = basePlan();
    row(plan, 'commitments', 0).cost = 20000.01;
    expect(verdictOf(check(plan), 'C1').reasons).toEqual(['over-budget']);
  });

  it('a blank budget is no budget', () => {
    const plan = basePlan();
    row(plan, 'capacity', 0).budget = null;
    expect(verdictOf(check(plan), 'C1').reasons).toEqual(['over-budget']);
  });

  it.each([
    ['its team has no capacity row', { team: 'Field crew' }],
    ['no capacity row covers its due date', { due: day('2028-02-01') }],
    ['it names no team', { team: null }],
    ['it has no due date', { due: null }],
  ])('our commitment is unsupported (no-capacity) when %s', (_when, change) => {
    const plan = basePlan();
    Object.assign(row(plan, 'commitments', 0), change);
    expect(verdictOf(check(plan), 'C1').reasons).toEqual(['no-capacity']);
  });

  it('a client-side commitment never gets capacity reasons', () => {
    const plan = basePlan();
    row(plan, 'commitments', 1).due = null;
    row(plan, 'commitments', 1).team = 'Nobody';
    expect(verdictOf(check(plan), 'C2').supported).toBe(true);
  });

  it('team names match whatever their case, spaces or accents', () => {
    const plan = basePlan();
    row(plan, 'capacity', 0).team = 'Délivery ';
    row(plan, 'commitments', 0).team = ' delivery';
    expect(verdictOf(check(plan), 'C1').supported).toBe(true);
  });

  it('reasons come in the contract order', () => {
    const plan = basePlan();
    Object.assign(row(plan, 'commitments', 0), { side: 'Joint', supports: null, owner: null, needsApproval: 'Yes', clientAgreed: 'No', effortHours: 300, cost: 30000 });
    expect(verdictOf(check(plan), 'C1').reasons).toEqual(['no-vision', 'no-owner', 'not-approved', 'not-agreed', 'over-capacity', 'over-budget']);
    expect(SUPPORT_REASONS.indexOf('no-capacity')).toBe(6);
  });

  it('a cancelled commitment is never unsupported and uses no capacity', () => {
    const plan = basePlan();
    plan.rows.commitments?.push({ ...row(plan, 'commitments', 0), id: 'C3', owner: null, supports: null, effortHours: 500, status: 'Cancelled' });
    const result = check(plan);
    expect(verdictOf(result, 'C3')).toEqual({ supported: true, reasons: [] });
    expect(result.commitments.find((c) => c.id === 'C3')?.cancelled).toBe(true);
    expect(verdictOf(result, 'C1').supported).toBe(true);
  });
});
