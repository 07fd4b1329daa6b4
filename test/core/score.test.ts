import { Finding } from '../../core/finding';
import { RULE_CAP, scorePlan, SEVERITY_POINTS } from '../../core/score';
import { sampleData } from '../../core/sample';
import { basePlan, check } from '../fixtures/plan-fixture';
import { row } from './rules/rule-cases';

const finding = (over: Partial<Finding>): Finding => ({
  severity: 'warning',
  phase: 'knowledge',
  rule: 'x',
  sheet: 'Knowledge',
  cell: 'A1',
  message: '',
  fix: '',
  ...over,
});

describe('the scorecard', () => {
  it('a clean plan scores 100 everywhere', () => {
    const s = check(basePlan()).scorecard;
    expect([s.knowledge, s.vision, s.commitment, s.overall]).toEqual([100, 100, 100, 100]);
    expect(s.cost).toEqual([]);
  });

  it('every point a phase lost is the cost of one of its findings', () => {
    const result = check(sampleData('en'));
    const s = result.scorecard;
    expect(s.cost).toHaveLength(result.findings.length);
    const lost = (phase: string) => s.cost.filter((c) => c.against === phase).reduce((n, c) => n + c.points, 0);
    expect(100 - lost('knowledge')).toBe(s.knowledge);
    expect(100 - lost('vision')).toBe(s.vision);
    expect(100 - lost('commitment')).toBe(s.commitment);
    s.cost.forEach((c, i) => expect(c.findingIndex).toBe(i));
  });

  it('costs points by severity', () => {
    const s = scorePlan([finding({ severity: 'error' }), finding({ severity: 'warning', rule: 'y' }), finding({ severity: 'info', rule: 'z' })]);
    expect(s.cost.map((c) => c.points)).toEqual([SEVERITY_POINTS.error, SEVERITY_POINTS.warning, SEVERITY_POINTS.info]);
    expect(s.knowledge).toBe(100 - SEVERITY_POINTS.error - SEVERITY_POINTS.warning - SEVERITY_POINTS.info);
  });

  it('one rule cannot take more than its cap from a phase', () => {
    const s = scorePlan(Array.from({ length: 20 }, () => finding({ severity: 'error' })));
    expect(s.knowledge).toBe(100 - RULE_CAP);
  });

  it('structure findings count against the phase of their sheet, Plan sheet ones against overall', () => {
    const s = scorePlan([
      finding({ phase: 'structure', sheet: 'Compromisos', severity: 'error' }),
      finding({ phase: 'structure', sheet: 'Plan', severity: 'error', rule: 'plan-no-account' }),
    ]);
    expect(s.cost.map((c) => c.against)).toEqual(['commitment', 'overall']);
    expect(s.commitment).toBe(90);
    expect(s.overall).toBe(Math.round(0.3 * 100 + 0.3 * 100 + 0.4 * 90) - 10);
  });

  it('a weak earlier phase pulls the overall score down, whatever the commitments', () => {
    const weakKnowledge = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((rule) => finding({ severity: 'error', rule }));
    const s = scorePlan(weakKnowledge);
    expect(s.knowledge).toBe(20);
    expect(s.commitment).toBe(100);
    expect(s.overall).toBe(40);
  });

  it('a broken commitment lowers the commitment score in the check', () => {
    const plan = basePlan();
    row(plan, 'commitments', 0).owner = '';
    const s = check(plan).scorecard;
    expect(s.commitment).toBe(100 - SEVERITY_POINTS.error);
    expect(s.knowledge).toBe(100);
    expect(s.explanation.en).toMatch(/^Each phase starts at 100/);
    expect(s.explanation.es).toMatch(/^Cada fase parte de 100/);
  });
});
