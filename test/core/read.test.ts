import { readPlan } from '../../core/read';
import { dayFromParts } from '../../core/values';
import { basePlan, buildWorkbook, check, findingsOf } from '../fixtures/plan-fixture';
import { row } from './rules/rule-cases';

describe('reading a workbook', () => {
  it.each([
    ['reordered columns', { reverseColumns: true }],
    ['an extra user column', { extraColumn: true }],
    ['upper-case headers', { headers: 'upper' as const }],
    ['lower-case headers', { headers: 'lower' as const }],
    ['headers without accents', { headers: 'no-accents' as const }],
    ['title rows above the header', { titleRows: 2 }],
  ])('reads %s in both languages', (_what, options) => {
    for (const lang of ['en', 'es'] as const) {
      const result = check(basePlan(lang), { ...options, lang });
      expect(result.findings).toEqual([]);
      expect(result.plan.commitments.map((c) => c.id)).toEqual(['C1', 'C2']);
      expect(result.plan.commitments[0].effortHours).toBe(100);
      expect(result.commitments.every((c) => c.supported)).toBe(true);
    }
  });

  it('a Spanish workbook checked with English output speaks English and keeps the Spanish sheet names', () => {
    const plan = basePlan('es');
    row(plan, 'commitments', 0).owner = '';
    const result = check(plan, { lang: 'es', language: 'en' });
    expect(result.language).toBe('es');
    expect(result.outputLanguage).toBe('en');
    const f = findingsOf(result, 'commitment-no-owner')[0];
    expect(f).toMatchObject({ sheet: 'Compromisos', cell: 'E2', message: 'Commitment C1 "Install sensors" has no owner.' });
  });

  it('an English workbook checked with Spanish output speaks Spanish', () => {
    const plan = basePlan('en');
    row(plan, 'commitments', 0).owner = '';
    const result = check(plan, { lang: 'en', language: 'es' });
    expect(result.language).toBe('en');
    expect(findingsOf(result, 'commitment-no-owner')[0]).toMatchObject({ sheet: 'Commitments', message: 'El compromiso C1 "Install sensors" no tiene responsable.' });
  });

  it('a workbook in one language with list values in the other still reads', () => {
    const plan = basePlan('es');
    row(plan, 'commitments', 0).side = 'ours';
    row(plan, 'commitments', 1).clientAgreed = 'si';
    expect(check(plan, { lang: 'es' }).findings).toEqual([]);
  });

  describe('values arrive in every host form', () => {
    const read = (lang: 'en' | 'es', change: Record<string, unknown>) => {
      const plan = basePlan(lang);
      Object.assign(row(plan, 'commitments', 0), change);
      return readPlan(buildWorkbook(plan, { lang }));
    };
    const dec31 = dayFromParts(2026, 12, 31);
    it.each([
      ['an Excel serial', 46387],
      ['a Date object', new Date(Date.UTC(2026, 11, 31))],
      ['day-first text', '31/12/2026'],
      ['ISO text', '2026-12-31'],
    ])('a due date as %s', (_what, due) => {
      for (const lang of ['en', 'es'] as const) {
        const r = read(lang, { due });
        expect(r.findings).toEqual([]);
        expect(r.plan.commitments[0].due).toBe(dec31);
      }
    });
    it('percentages as 45% or 0.45', () => {
      for (const probability of ['45%', 0.45, '0.45']) {
        const plan = basePlan('en');
        row(plan, 'vision', 0).probability = probability;
        expect(readPlan(buildWorkbook(plan)).plan.vision[0].probability).toBeCloseTo(0.45);
      }
      const es = basePlan('es');
      row(es, 'vision', 0).probability = '0,45';
      expect(readPlan(buildWorkbook(es, { lang: 'es' })).plan.vision[0].probability).toBeCloseTo(0.45);
    });
    it('money as 1.200,50 in Spanish and 1,200.50 in English', () => {
      expect(read('es', { cost: '1.200,50' }).plan.commitments[0].cost).toBe(1200.5);
      expect(read('en', { cost: '1,200.50' }).plan.commitments[0].cost).toBe(1200.5);
    });
  });

  it.each([
    ['not-a-date', { due: 'next week' }, 'G2'],
    ['not-a-number', { effortHours: 'lots' }, 'I2'],
    ['negative-number', { cost: -5 }, 'J2'],
    ['not-in-list', { side: 'Theirs' }, 'D2'],
    ['error-value', { effortHours: '#REF!' }, 'I2'],
  ])('an unreadable value yields %s at its cell, and no second finding about the blank it leaves', (rule, change, cell) => {
    const plan = basePlan();
    Object.assign(row(plan, 'commitments', 0), change);
    const result = check(plan);
    expect(findingsOf(result, rule).map((f) => `${f.sheet}!${f.cell}`)).toEqual([`Commitments!${cell}`]);
    expect(result.findings.filter((f) => f.cell === cell && f.sheet === 'Commitments').length).toBe(1);
  });

  it('an unreadable due date is reported once (not also as a missing due date)', () => {
    const plan = basePlan();
    row(plan, 'commitments', 0).due = '31/02/2027';
    const rules = check(plan).findings.map((f) => f.rule);
    expect(rules).toContain('not-a-date');
    expect(rules).not.toContain('commitment-no-due-date');
  });

  it('a missing sheet is reported once and its plan-wide rules stay quiet', () => {
    const result = check(basePlan(), { omitSheets: ['learning', 'stakeholders'] });
    expect(result.findings.map((f) => f.rule)).toEqual(['missing-sheet', 'missing-sheet']);
    expect(result.findings.map((f) => f.sheet)).toEqual(['Learning plan', 'Stakeholders']);
  });

  it('a missing column is reported once, not as a blank on every row', () => {
    const result = check(basePlan(), { omitColumns: { commitments: ['owner'] } });
    expect(result.findings.map((f) => f.rule)).toEqual(['missing-column']);
    expect(result.commitments.every((c) => c.reasons.includes('no-owner'))).toBe(true);
  });

  it('a workbook with nothing in it yields missing sheets, never a crash', () => {
    const result = check({ plan: {}, rows: {} }, { omitSheets: ['plan', 'knowledge', 'learning', 'stakeholders', 'vision', 'commitments', 'capacity'] });
    expect(new Set(result.findings.map((f) => f.rule))).toEqual(new Set(['missing-sheet']));
    expect(result.findings.length).toBe(7);
  });
});
