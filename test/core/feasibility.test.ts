// Feasibility at a glance: per team and capacity span, what is available, what is
// committed, the headroom and the commitments largest first; what no span covers.
import { toJson } from '../../core/check';
import { LANGUAGES } from '../../core/contract';
import { dayFromParts } from '../../core/values';
import { FEASIBILITY_WORDS, UNCOVERED_WORDS } from '../../core/feasibility';
import { reviewInputOf, reviewLayout } from '../../core/layout/review';
import { busyPlan } from '../fixtures/busy-plan';
import { AS_OF, basePlan, check } from '../fixtures/plan-fixture';

describe.each(LANGUAGES)('feasibility (%s plan)', (lang) => {
  const result = check(busyPlan(lang), { lang });
  const f = result.feasibility;

  it('gives each capacity span its available and committed hours and budget, and the headroom', () => {
    expect(f.currency).toBe('USD');
    expect(f.spans.map(({ commitments: _c, ...s }) => s)).toEqual([
      {
        team: 'Delivery',
        sheet: lang === 'es' ? 'Capacidad' : 'Capacity',
        row: 2,
        cell: 'A2',
        start: dayFromParts(2027, 1, 1),
        end: dayFromParts(2027, 6, 30),
        availableHours: 250,
        committedHours: 270,
        hoursHeadroom: -20,
        budget: 25000,
        committedCost: 21000,
        budgetHeadroom: 4000,
        overHours: true,
        overBudget: false,
        unreadable: false,
      },
      {
        team: 'DELIVERY',
        sheet: lang === 'es' ? 'Capacidad' : 'Capacity',
        row: 3,
        cell: 'A3',
        start: dayFromParts(2027, 7, 1),
        end: dayFromParts(2027, 12, 31),
        // A blank budget counts as none, as the over-budget rule counts it.
        availableHours: 100,
        committedHours: 0,
        hoursHeadroom: 100,
        budget: 0,
        committedCost: 0,
        budgetHeadroom: 0,
        overHours: false,
        overBudget: false,
        unreadable: false,
      },
    ]);
  });

  it('lists the commitments of a span largest share first, leaving out client-side and cancelled ones', () => {
    // C3 is 60% of the span's hours; C1 40% of its hours and budget; C4 36% of its budget.
    expect(f.spans[0].commitments.map((c) => [c.id, c.effortHours, c.cost])).toEqual([
      ['C3', 150, 2000],
      ['C1', 100, 10000],
      ['C4', 20, 9000],
    ]);
    expect(f.spans[0].commitments[0]).toMatchObject({ commitment: 'Work C3', cell: 'A4', team: 'Delivery', due: dayFromParts(2027, 3, 31) });
  });

  it('names the commitments of ours that no span covers, and why', () => {
    expect(f.uncovered.map((c) => [c.id, c.reason])).toEqual([
      ['C7', 'no-capacity'],
      ['C8', 'no-team'],
      ['C9', 'no-due-date'],
      ['C10', 'no-capacity'],
    ]);
  });

  it('agrees with the over-capacity verdicts of the same check', () => {
    const over = result.commitments.filter((c) => c.reasons.includes('over-capacity')).map((c) => c.id);
    expect(over).toEqual(f.spans.filter((s) => s.overHours).flatMap((s) => s.commitments.map((c) => c.id)).sort());
    const uncovered = result.commitments.filter((c) => c.reasons.includes('no-capacity')).map((c) => c.id);
    expect(uncovered).toEqual(f.uncovered.map((c) => c.id));
  });

  it('is in --json as "capacity" (one entry per span) and "uncovered"', () => {
    const json = toJson(result);
    expect(json.capacity[0]).toEqual({
      team: 'Delivery',
      sheet: lang === 'es' ? 'Capacidad' : 'Capacity',
      row: 2,
      start: '2027-01-01',
      end: '2027-06-30',
      currency: 'USD',
      availableHours: 250,
      committedHours: 270,
      hoursHeadroom: -20,
      budget: 25000,
      committedCost: 21000,
      budgetHeadroom: 4000,
      overHours: true,
      overBudget: false,
      unreadable: false,
      commitments: [
        { id: 'C3', effortHours: 150, cost: 2000 },
        { id: 'C1', effortHours: 100, cost: 10000 },
        { id: 'C4', effortHours: 20, cost: 9000 },
      ],
    });
    expect(json.uncovered[2]).toEqual({ id: 'C9', team: 'Delivery', due: null, effortHours: 10, cost: 1000, reason: 'no-due-date' });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

it('a plan with no Capacity sheet has no spans, and every commitment of ours is uncovered', () => {
  const f = check(basePlan(), { omitSheets: ['capacity'] }).feasibility;
  expect(f.spans).toEqual([]);
  expect(f.uncovered.map((c) => [c.id, c.reason])).toEqual([['C1', 'no-capacity']]);
});

describe('the Review sheet’s feasibility block', () => {
  it.each(LANGUAGES)('shows each span as committed of available with the headroom, and what no span covers (%s)', (lang) => {
    const result = check(busyPlan(lang), { lang });
    const layout = reviewLayout(reviewInputOf(result, AS_OF));
    const rows = layout.values;
    const title = rows.findIndex((r) => r[0] === FEASIBILITY_WORDS.title[lang]);
    expect(title).toBeGreaterThan(0);
    expect(layout.headerRows).toContain(title + 2);
    const spans = rows.slice(title + 2, title + 4);
    if (lang === 'en') {
      expect(spans[0]).toEqual([
        'Delivery',
        { date: dayFromParts(2027, 1, 1) },
        { date: dayFromParts(2027, 6, 30) },
        '270 of 250 h: 20 over',
        null,
        '21,000 of 25,000 USD: 4,000 left',
        'C3 "Work C3" 150 h · 2,000 USD; C1 "Install sensors" 100 h · 10,000 USD; C4 "Work C4" 20 h · 9,000 USD',
        null,
      ]);
      expect(spans[1].slice(3, 7)).toEqual(['0 of 100 h: 100 left', null, '0 of 0 USD: 0 left', 'none']);
    } else {
      expect(spans[0].slice(3, 7)).toEqual(['270 de 250 h: 20 de más', null, '21.000 de 25.000 USD: quedan 4.000', expect.stringContaining('C3 "Work C3" 150 h · 2.000 USD; ')]);
    }
    const uncovered = rows.findIndex((r) => r[0] === FEASIBILITY_WORDS.uncovered[lang]);
    expect(rows.slice(uncovered + 2, uncovered + 6).map((r) => [r[0], r[6]])).toEqual([
      ['Legal', UNCOVERED_WORDS['no-capacity'][lang]],
      ['', UNCOVERED_WORDS['no-team'][lang]],
      ['Delivery', UNCOVERED_WORDS['no-due-date'][lang]],
      ['Delivery', UNCOVERED_WORDS['no-capacity'][lang]],
    ]);
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
  });
});

it('the Review sheet shows one uncovered row per team and reason, however many commitments it holds', () => {
  const plan = busyPlan('en');
  const legal = plan.rows.commitments!.find((c) => c.id === 'C7')!;
  for (let i = 0; i < 25; i++) plan.rows.commitments!.push({ ...legal, id: `L${i}`, team: i % 2 ? 'legal' : 'Legal ' });
  const rows = reviewLayout(reviewInputOf(check(plan), AS_OF)).values;
  const at = rows.findIndex((r) => r[0] === FEASIBILITY_WORDS.uncovered.en);
  const legalRows = rows.slice(at + 2).filter((r) => typeof r[0] === 'string' && r[0].toLowerCase() === 'legal');
  expect(legalRows).toHaveLength(1);
  expect(legalRows[0][3]).toBe('130 h · 13,000 USD');
  expect(legalRows[0][5]).toMatch(/^C7 "Work C7" 5 h · 500 USD; L0 .*; and 16 more$/);
});
