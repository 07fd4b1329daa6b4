import { reviewLayout, ReviewInput, reviewSheetName, scoreBand } from '../../../core/layout/review';
import { Finding } from '../../../core/finding';

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
  commitments: [{ id: 'C2', commitment: 'Price review', supported: false, reasons: ['not-approved', 'not-agreed'] }],
};

describe('the Review sheet', () => {
  it('shows the scorecard with bands, the explanation, then one row per finding with its points', () => {
    const layout = reviewLayout(input);
    const text = layout.values.map((r) => r.filter((c) => c !== null));
    expect(text[0]).toEqual(['Plan review: Acme Steel']);
    expect(text).toContainEqual(['Knowledge', 80, 'Green']);
    expect(text).toContainEqual(['Vision', 60, 'Amber']);
    expect(text).toContainEqual(['Overall readiness', 45, 'Red']);
    expect(text).toContainEqual(['How it is computed.']);
    expect(text).toContainEqual(['Error', 'Commitment', 'commitment-not-approved', 'Commitments', 'L3', finding.message, 'Get approval.', 15]);
    expect(text).toContainEqual(['C2', 'No', 'not-approved, not-agreed', 'Price review']);
  });

  it('is named in the workbook language and keeps the name of an existing Review sheet', () => {
    expect(reviewLayout(input).name).toBe('Revisión');
    expect(reviewSheetName(['Plan', 'review'], 'en')).toBe('review');
  });

  it('wraps the finding and fix columns', () => {
    expect(reviewLayout(input).formats.filter((f) => f.wrap).map((f) => f.column)).toEqual([6, 7]);
  });

  it('is rectangular, so hosts can write it in one call', () => {
    const widths = new Set(reviewLayout(input).values.map((r) => r.length));
    expect(widths.size).toBe(1);
  });

  it('bands scores red, amber and green', () => {
    expect([scoreBand(49), scoreBand(50), scoreBand(74), scoreBand(75)]).toEqual(['red', 'amber', 'amber', 'green']);
  });
});
