// The add-on in spreadsheets of a comma locale (en_US) and a semicolon locale
// (es_ES), on the strict double: text the Review copies comes back exactly as
// written, and the Capacity formulas Create plan writes compute, on the
// workbook's real tab names, the committed hours and cost the core computes.

import { checkPlan } from '../../core/check';
import { Language } from '../../core/contract';
import { hostValue } from '../../core/layout/cells';
import { basePlan, buildWorkbook, withRow } from '../fixtures/plan-fixture';
import { buildAddon, loadAddon } from './addon';
import { DoubleSpreadsheet } from './spreadsheet-double';
import { NotModelled } from './formula-engine';
import { samplePlanWithoutCapacityFormulas, TabNames } from './sample-grids';

const NOW = new Date(Date.UTC(2027, 2, 15, 12));
const RISKY = ['007', '2027-03-15', 'TRUE', '50%', '1,5', "'quoted", '+1 555 0100', 'VERDADERO', '#N/A', 'Mar 15', '=1+1', '1.000'];
const LOCALES = ['en_US', 'es_ES'] as const;

let code: string;
beforeAll(() => {
  code = buildAddon();
});

/** One cell of a fresh double in `locale`, written with setValues and read back with getValues. */
function roundTrip(locale: string, value: unknown): unknown {
  const book = DoubleSpreadsheet.fromGrids({ sheets: [{ name: 'A', values: [] }] }, { locale });
  const range = book.sheet('A').getRange(1, 1, 1, 1);
  range.setValues([[value]]);
  return range.getValues()[0][0];
}

describe('the double types setValues strings as Sheets does, in the spreadsheet locale', () => {
  it.each(LOCALES)('re-types plain strings in %s', (locale) => {
    expect(roundTrip(locale, '007')).toBe(7);
    expect(Object.prototype.toString.call(roundTrip(locale, '2027-03-15'))).toBe('[object Date]');
    expect(roundTrip(locale, 'TRUE')).toBe(true);
    expect(roundTrip(locale, '50%')).toBe(0.5);
    expect(roundTrip(locale, "'quoted")).toBe('quoted');
    expect(roundTrip(locale, '+1 555 0100')).toBe('#ERROR!');
  });

  it('reads decimals and words by locale', () => {
    expect(roundTrip('es_ES', '1,5')).toBe(1.5);
    expect(roundTrip('en_US', '1,5')).toBe('1,5');
    expect(roundTrip('en_US', '1,500')).toBe(1500);
    expect(roundTrip('es_ES', '1.000')).toBe(1000);
    expect(roundTrip('es_ES', 'VERDADERO')).toBe(true);
    expect(roundTrip('en_US', 'VERDADERO')).toBe('VERDADERO');
  });

  it.each(LOCALES)('in %s, every one of them written through the core rule comes back as the same text', (locale) => {
    for (const text of RISKY) expect([text, roundTrip(locale, hostValue(text))]).toEqual([text, text]);
  });

  it('parses formulas by the locale separator: the other separator is #ERROR!, a missing sheet #REF!, an unmodelled function a failure', () => {
    const book = DoubleSpreadsheet.fromGrids({ sheets: [{ name: 'A', values: [['x', 2]] }] }, { locale: 'es_ES' });
    const cells = book.sheet('A').getRange(2, 1, 1, 3);
    cells.setValues([['=IF(A1="x";"yes";"no")', '=IF(A1="x","yes","no")', "=IF('Gone'!A1=\"\";1;2)"]]);
    expect(cells.getValues()[0]).toEqual(['yes', '#ERROR!', '#REF!']);
    const en = DoubleSpreadsheet.fromGrids({ sheets: [{ name: 'A', values: [['x']] }] }, { locale: 'en_US' }).sheet('A').getRange(2, 1, 1, 2);
    en.setValues([['=IF(A1="x";1;2)', '=IF(A1="x",1,2)']]);
    expect(en.getValues()[0]).toEqual(['#ERROR!', 1]);
    expect(() => cells.setValues([['=VLOOKUP(1;A:A;1)', '', '']])).toThrow(NotModelled);
  });
});

describe.each(LOCALES)('the add-on in a %s spreadsheet', (locale) => {
  it('writes the Review with the plan text exactly as written', () => {
    let plan = withRow(basePlan(), 'commitments', 0, { commitment: RISKY.join(' | ') });
    plan = withRow(plan, 'commitments', 1, { id: '007' });
    const addon = loadAddon(code, buildWorkbook(plan), { now: NOW, locale });
    addon.call('writeReview', 'en');
    const shown = addon.book.snapshot().Review.values.flat();
    expect(shown).toContain('007');
    expect(shown.some((v) => typeof v === 'string' && v.includes(RISKY.join(' | ')))).toBe(true);
    for (const text of RISKY) {
      const review = addon.book.sheet('Review');
      review.getRange(1, 1, 1, 1).setValues([[hostValue(text)]]);
      expect(review.getRange(1, 1, 1, 1).getValues()[0][0]).toBe(text);
    }
  });

  it.each<[string, Language, TabNames]>([
    ['a Spanish plan', 'es', 'standard'],
    ['a Spanish plan with English tab names', 'es', 'english'],
    ['a Spanish plan with tabs in capitals', 'es', 'altered'],
    ['an English plan', 'en', 'standard'],
  ])('Create plan on %s: the Capacity formulas compute what the core computes', (_name, lang, tabs) => {
    const grids = samplePlanWithoutCapacityFormulas(lang, tabs);
    const addon = loadAddon(code, grids, { now: NOW, locale });
    addon.call('createPlan', lang);
    const capacityName = grids.sheets.find((s) => /^(capacity|capacidad)$/i.test(s.name))!.name;
    const commitmentsName = grids.sheets.find((s) => /^(commitments|compromisos)$/i.test(s.name))!.name;
    const capacity = addon.book.sheet(capacityName);
    expect(capacity.peek('F2')!.formula).toContain(`SUMIFS(${commitmentsName}!$I:$I${locale === 'es_ES' ? ';' : ','}`);
    const core = checkPlan(grids, { asOf: 0 }).capacity;
    expect(core.length).toBeGreaterThan(0);
    expect(core.some((c) => c.committedHours > 0)).toBe(true);
    const values = addon.book.snapshot()[capacityName].values;
    for (const load of core) expect([load.row, values[load.row - 1][5], values[load.row - 1][6]]).toEqual([load.row, load.committedHours, load.committedCost]);
    // Rows with no team show blank, not zero or an error.
    expect(values[core.length + 1]?.slice(5, 7) ?? ['', '']).toEqual(['', '']);
  });
});
