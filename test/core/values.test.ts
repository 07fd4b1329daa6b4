import { dayFromParts, parseDate, parseNumber, parsePercent } from '../../core/values';

describe('value normalisation', () => {
  const dec31 = dayFromParts(2026, 12, 31);
  it.each([
    ['an Excel serial', 46387],
    ['a Date object', new Date(Date.UTC(2026, 11, 31))],
    ['a Date at midnight west of UTC', new Date('2026-12-31T05:00:00Z')],
    ['a Date at midnight east of UTC', new Date('2026-12-30T22:00:00Z')],
    ['ISO text', '2026-12-31'],
    ['day-first text', '31/12/2026'],
    ['month-first text when day-first is impossible', '12/31/2026'],
  ])('reads a date from %s', (_what, v) => {
    expect(parseDate(v)).toEqual({ ok: true, value: dec31 });
  });
  it('reads an ambiguous slash date day-first', () => {
    expect(parseDate('01/02/2026')).toEqual({ ok: true, value: dayFromParts(2026, 2, 1) });
  });
  it.each(['31/13/2026', '2026-02-30', 'next week', true, -5])('refuses %p as a date', (v) => {
    expect(parseDate(v).ok).toBe(false);
  });
  it('reads numbers the way each language writes them', () => {
    expect(parseNumber('1.200,50', 'es')).toEqual({ ok: true, value: 1200.5 });
    expect(parseNumber('1,200.50', 'en')).toEqual({ ok: true, value: 1200.5 });
    expect(parseNumber('1.200', 'es')).toEqual({ ok: true, value: 1200 });
    expect(parseNumber('1,200', 'en')).toEqual({ ok: true, value: 1200 });
    expect(parseNumber('USD 3,500', 'en')).toEqual({ ok: true, value: 3500 });
    expect(parseNumber('1200,5', 'en')).toEqual({ ok: true, value: 1200.5 });
    expect(parseNumber('12 apples', 'en').ok).toBe(false);
  });
  it('reads percentages as fractions', () => {
    expect(parsePercent('45%', 'en')).toEqual({ ok: true, value: 0.45 });
    expect(parsePercent(0.45, 'en')).toEqual({ ok: true, value: 0.45 });
    expect(parsePercent('0,45', 'es')).toEqual({ ok: true, value: 0.45 });
    expect(parsePercent(45, 'en').ok).toBe(false);
  });
});
