// Every rule has a short title in both languages, so no reader has to look a code up.
import { ALL_RULES } from '../../../core/rules/catalog';
import { RULE_TITLES, ruleTitle } from '../../../core/rules/titles';

describe('rule titles', () => {
  it('every rule of the catalogue has a title in English and Spanish, and no title names a rule that does not exist', () => {
    const codes = ALL_RULES.map((r) => r.code);
    expect(Object.keys(RULE_TITLES).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(RULE_TITLES[code].en.length).toBeGreaterThan(3);
      expect(RULE_TITLES[code].es.length).toBeGreaterThan(3);
      // A title is short words, not the code again.
      expect(RULE_TITLES[code].en).not.toBe(code);
      expect(RULE_TITLES[code].en.length).toBeLessThanOrEqual(60);
    }
  });

  it('ruleTitle speaks the language asked for', () => {
    expect(ruleTitle('over-capacity', 'en')).toBe('Team over its hours');
    expect(ruleTitle('over-capacity', 'es')).toBe('Equipo por encima de sus horas');
  });
});

describe('next steps name their subject', () => {
  it('every rule has a step, and a step names the thing its message names', () => {
    for (const r of ALL_RULES) {
      expect([r.code, r.step === undefined]).toEqual([r.code, false]);
      for (const lang of ['en', 'es'] as const) {
        for (const subject of ['{thing}', '{team}', '{sheet}', '{field}', '{person}']) {
          if (r.message[lang].includes(subject)) expect([r.code, lang, r.step![lang]]).toEqual([r.code, lang, expect.stringContaining(subject)]);
        }
      }
    }
  });
});
