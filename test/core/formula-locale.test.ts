import { argumentSeparatorOf, decimalMarkOf, localizedFormula } from '../../core/formula-locale';
import { capacityFormula } from '../../core/layout/template';
import { isFormula } from '../../core/layout/cells';
import { tableSheet } from '../../core/contract';

describe('formulas in the spreadsheet locale', () => {
  it('take ; between arguments where the locale writes decimals with a comma', () => {
    for (const locale of ['es_ES', 'es_CO', 'es_AR', 'es_CL', 'de_DE', 'fr_FR', 'pt_BR', 'it_IT']) expect([locale, argumentSeparatorOf(locale)]).toEqual([locale, ';']);
    for (const locale of ['en_US', 'en_GB', 'es_MX', 'es_US', 'ja_JP', 'en_IN', '']) expect([locale, argumentSeparatorOf(locale)]).toEqual([locale, ',']);
    expect(decimalMarkOf('es-ES')).toBe(',');
  });

  it('convert separators and decimal points, never inside strings or quoted sheet names', () => {
    expect(localizedFormula('=IF($A2="","",SUM(1.5,\'Plan, 2.5\'!A:A,"a,b"))', ';')).toBe('=IF($A2="";"";SUM(1,5;\'Plan, 2.5\'!A:A;"a,b"))');
    expect(localizedFormula('=SUM("say ""a,b""",2)', ';')).toBe('=SUM("say ""a,b""";2)');
    expect(localizedFormula('=SUM(1.5,2)', ',')).toBe('=SUM(1.5,2)');
    expect(() => localizedFormula('=SUM({1,2})', ';')).toThrow(/Array constants/);
  });

  it('the Capacity formula in a semicolon locale keeps its sheet names and criteria', () => {
    const positions: Record<string, number> = {};
    tableSheet('commitments').columns.forEach((c, i) => (positions[c.key] = i + 1));
    const f = capacityFormula('committedHours', 2, 'Plan, de compromisos', positions);
    const local = localizedFormula(isFormula(f) ? f.formula : '', ';');
    expect(local).toMatch(/^=IF\(\$A2="";"";SUMIFS\('Plan, de compromisos'!\$I:\$I;'Plan, de compromisos'!\$H:\$H;\$A2;/);
    expect(local).not.toMatch(/,(?![^']*'!)/);
  });
});
