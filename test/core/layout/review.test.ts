import { reviewInputOf, reviewLayout, ReviewInput, reviewSheetName, scoreBand } from '../../../core/layout/review';
import { Finding } from '../../../core/finding';
import { RULE_TITLES } from '../../../core/rules/titles';
import { REASON_WORDS } from '../../../core/support';
import { sampleData } from '../../../core/sample';
import { dayFromParts } from '../../../core/values';
import { check } from '../../fixtures/plan-fixture';

const finding: Finding = {
  severity: 'error',
  phase: 'commitment',
  rule: 'commitment-not-approved',
  sheet: 'Commitments',
  cell: 'L3',
  message: '=HYPERLINK("http://x","Commitment C2")',
  fix: 'Get approval.',
};

const input: ReviewInput = {
  account: 'Acme Steel',
  asOf: 20000,
  outputLanguage: 'en',
  language: 'es',
  scorecard: { knowledge: 80, vision: 60, commitment: 40, overall: 45, explanation: { en: 'How it is computed.', es: 'Cómo se calcula.' } },
  findings: [finding],
  points: [15],
  commitments: [{ id: 'C2', commitment: 'Price review', sheet: 'Commitments', cell: 'A3', supported: false, reasons: ['not-approved', 'not-agreed'] }],
  actions: [{ rule: 'commitment-not-approved', sheet: 'Commitments', cell: 'L3', message: 'Get C2 "Price review" approved internally', gain: 6 }],
};
const text = (rows: unknown[][]) => rows.map((r) => r.filter((c) => c !== null && c !== ''));

describe('the Review sheet', () => {
  it('leads with the next steps: rank, phase, the rule in words, the cell, what to do and the points it gains', () => {
    const rows = text(reviewLayout(input).values);
    expect(rows[0]).toEqual(['Plan review: Acme Steel']);
    const steps = rows.findIndex((r) => r[0] === 'Next steps: what raises overall readiness most');
    expect(steps).toBe(3);
    expect(rows[steps + 1]).toEqual(['Step', 'Phase', 'Rule', 'Sheet', 'Cell', 'What to do', 'Points gained']);
    expect(rows[steps + 2]).toEqual([1, 'Commitment', 'Commitment not approved internally\n(commitment-not-approved)', 'Commitments', 'L3', 'Get C2 "Price review" approved internally', 6]);
    // The steps come before the scorecard.
    expect(rows.findIndex((r) => r[0] === 'Knowledge')).toBeGreaterThan(steps + 2);
  });

  it('shows the scorecard with bands (overall no better than the weakest phase), the explanation, then one row per finding with its rule in words and its points', () => {
    const rows = text(reviewLayout(input).values);
    expect(rows).toContainEqual(['Knowledge', 80, 'Green']);
    expect(rows).toContainEqual(['Vision', 60, 'Amber']);
    expect(rows).toContainEqual(['Commitment', 40, 'Red']);
    expect(rows).toContainEqual(['Overall readiness', 45, 'Red']);
    expect(rows).toContainEqual(['How it is scored', 'How it is computed.']);
    expect(rows).toContainEqual(['Error', 'Commitment', 'Commitment not approved internally\n(commitment-not-approved)', 'Commitments', 'L3', finding.message, 'Get approval.', 15]);
    const green = reviewLayout({ ...input, scorecard: { ...input.scorecard, knowledge: 90, vision: 90, commitment: 60, overall: 80 } });
    expect(text(green.values)).toContainEqual(['Overall readiness', 80, 'Amber']);
  });

  it('gives each commitment’s reasons in words, one per line, beside its text and its cell', () => {
    const rows = text(reviewLayout(input).values);
    expect(rows).toContainEqual(['ID', 'Supported', 'Sheet', 'Cell', 'Commitment', 'Why it is not supported']);
    expect(rows).toContainEqual(['C2', 'No', 'Commitments', 'A3', 'Price review', `${REASON_WORDS['not-approved'].en}\n${REASON_WORDS['not-agreed'].en}`]);
    const es = text(reviewLayout({ ...input, outputLanguage: 'es' }).values);
    expect(es).toContainEqual(['C2', 'No', 'Commitments', 'A3', 'Price review', `${REASON_WORDS['not-approved'].es}\n${REASON_WORDS['not-agreed'].es}`]);
    expect(es.flat()).not.toContain('not-approved, not-agreed');
  });

  it('shades whole header rows: a blank cell inside a header is empty text', () => {
    const layout = reviewLayout(input);
    const support = layout.headerRows.map((r) => layout.values[r - 1]).find((r) => r[0] === 'ID')!;
    expect(support.slice(0, 7)).toEqual(['ID', 'Supported', '', 'Sheet', 'Cell', 'Commitment', 'Why it is not supported']);
  });

  it('prints landscape, one page wide, as many pages down as it needs', () => {
    expect(reviewLayout(input).print).toMatchObject({ orientation: 'landscape', fitWidth: 1, fitHeight: 0 });
  });

  it.each(['en', 'es'] as const)('shows every rule of the demo plan with its title in words (%s)', (lang) => {
    const r = check(sampleData('en'), { asOf: dayFromParts(2026, 11, 30), language: lang });
    const layout = reviewLayout(reviewInputOf(r, dayFromParts(2026, 11, 30)));
    const cells = layout.values.flat().filter((c): c is string => typeof c === 'string');
    for (const f of r.findings) expect(cells).toContain(`${RULE_TITLES[f.rule][lang]}\n(${f.rule})`);
    expect(r.actions.length).toBeGreaterThan(0);
  });

  it('is named in the workbook language and keeps the name of an existing Review sheet', () => {
    expect(reviewLayout(input).name).toBe('Revisión');
    expect(reviewSheetName(['Plan', 'review'], 'en')).toBe('review');
  });

  it('wraps the rule, sheet (feasibility figures), finding and fix columns', () => {
    expect(reviewLayout(input).formats.filter((f) => f.wrap).map((f) => f.column)).toEqual([3, 4, 6, 7]);
  });

  it('is rectangular, so hosts can write it in one call', () => {
    const widths = new Set(reviewLayout(input).values.map((r) => r.length));
    expect(widths.size).toBe(1);
  });

  it('bands scores red, amber and green', () => {
    expect([scoreBand(49), scoreBand(50), scoreBand(74), scoreBand(75)]).toEqual(['red', 'amber', 'amber', 'green']);
  });
});
