import { checkPlan, toJson } from '../../core/check';
import { PHASES, SEVERITIES } from '../../core/finding';
import { sampleData } from '../../core/sample';
import { dayFromParts } from '../../core/values';
import { AS_OF, buildWorkbook, check } from '../fixtures/plan-fixture';

const DEMO_DAY = dayFromParts(2026, 11, 30);

describe('checking the sample plan', () => {
  it.each(['en', 'es'] as const)('the %s sample at 2026-11-30 shows findings in every phase and unsupported commitments for several reasons', (lang) => {
    const result = check(sampleData(lang), { lang, asOf: DEMO_DAY });
    for (const phase of PHASES) expect(result.findings.some((f) => f.phase === phase)).toBe(true);
    const unsupported = result.commitments.filter((c) => !c.supported);
    expect(unsupported.length).toBeGreaterThanOrEqual(2);
    expect(new Set(unsupported.flatMap((c) => c.reasons)).size).toBeGreaterThanOrEqual(4);
    expect(result.commitments.some((c) => c.supported)).toBe(true);
    // The over-capacity span holds two commitments, both unsupported.
    expect(result.commitments.filter((c) => c.reasons.includes('over-capacity')).map((c) => c.id)).toEqual(['C4', 'C5']);
    // Nothing is overdue yet on the demo day; the sample is readable without reading errors.
    expect(result.findings.filter((f) => f.rule.endsWith('overdue'))).toEqual([]);
    expect(result.findings.filter((f) => ['not-a-date', 'not-a-number', 'not-in-list', 'missing-column', 'missing-field'].includes(f.rule))).toEqual([]);
  });

  it('at 2027-03-15 some learning activity and some commitment are overdue', () => {
    const rules = check(sampleData('en'), { asOf: AS_OF }).findings.map((f) => f.rule);
    expect(rules).toContain('learning-overdue');
    expect(rules).toContain('commitment-overdue');
  });

  it('the English and Spanish samples give the same rules at the same cells and the same verdicts', () => {
    const en = check(sampleData('en'), { lang: 'en', asOf: DEMO_DAY });
    const es = check(sampleData('es'), { lang: 'es', asOf: DEMO_DAY });
    expect(es.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(en.findings.map((f) => `${f.rule}@${f.cell}`));
    expect(es.commitments.map((c) => c.reasons)).toEqual(en.commitments.map((c) => c.reasons));
    expect(es.scorecard).toEqual(en.scorecard);
  });

  it('sample rows use contract keys, labels in their language and dates at UTC midnight', () => {
    const es = sampleData('es');
    expect(es.rows.commitments[0].side).toBe('Nuestra');
    expect(es.rows.knowledge).toHaveLength(10);
    expect(es.rows.learning).toHaveLength(5);
    expect(es.rows.stakeholders).toHaveLength(7);
    expect(es.rows.vision).toHaveLength(5);
    expect(es.rows.commitments).toHaveLength(10);
    expect(es.rows.capacity).toHaveLength(3);
    expect((es.plan.periodStart as Date).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(es.rows.capacity[0]).not.toHaveProperty('committedHours');
  });
});

describe('the check result', () => {
  it('is deterministic: the same workbook twice gives the same result', () => {
    const a = checkPlan(buildWorkbook(sampleData('es'), { lang: 'es' }), { asOf: AS_OF });
    const b = checkPlan(buildWorkbook(sampleData('es'), { lang: 'es' }), { asOf: AS_OF });
    expect(JSON.stringify(toJson(a))).toBe(JSON.stringify(toJson(b)));
    expect(a).toEqual(b);
  });

  it('sorts findings by phase, then severity, then sheet order, then row', () => {
    const findings = check(sampleData('en'), { asOf: AS_OF }).findings;
    const key = (f: (typeof findings)[number]) => [PHASES.indexOf(f.phase), SEVERITIES.indexOf(f.severity)];
    for (let i = 1; i < findings.length; i++) {
      const [p0, s0] = key(findings[i - 1]);
      const [p1, s1] = key(findings[i]);
      expect(p0 < p1 || (p0 === p1 && s0 <= s1)).toBe(true);
    }
  });

  it('toJson gives exactly the documented shape', () => {
    const json = toJson(check(sampleData('en'), { asOf: DEMO_DAY }));
    expect(Object.keys(json)).toEqual(['scorecard', 'findings', 'commitments', 'actions', 'capacity', 'uncovered']);
    expect(Object.keys(json.scorecard)).toEqual(['knowledge', 'vision', 'commitment', 'overall']);
    expect(Object.keys(json.findings[0])).toEqual(['severity', 'phase', 'rule', 'sheet', 'cell', 'message', 'fix']);
    expect(json.commitments.find((c) => c.id === 'C8')).toEqual({ id: 'C8', supported: false, reasons: ['no-owner', 'no-capacity'] });
  });

  it('messages carry workbook text as it is; escaping is the writers’ job', () => {
    const data = sampleData('en');
    data.rows.commitments[7].commitment = '=HYPERLINK("http://x")';
    const f = check(data, { asOf: DEMO_DAY }).findings.find((x) => x.rule === 'commitment-no-owner');
    expect(f?.message).toBe('Commitment C8 "=HYPERLINK("http://x")" has no owner.');
  });
});

describe('next steps', () => {
  it('name the findings whose resolution raises overall readiness most, best first, each with its gain', () => {
    const result = check(sampleData('en'), { asOf: DEMO_DAY });
    expect(result.actions.length).toBeGreaterThan(0);
    const gains = result.actions.map((a) => a.gain);
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
    for (const a of result.actions) {
      expect(a.gain).toBeGreaterThan(0);
      expect(result.findings.some((f) => f.rule === a.rule && f.sheet === a.sheet && f.cell === a.cell)).toBe(true);
      expect(a.message).not.toBe('');
    }
    expect(Object.keys(toJson(result).actions[0])).toEqual(['rule', 'sheet', 'cell', 'message', 'gain']);
  });
});
