// docs/rules.md is generated from the rule catalogue; this fails when they disagree.
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { SUPPORT_REASONS } from '../../core/check';
import { ALL_RULES, rulesDocument } from '../../core/rules/catalog';
import { RULE_TITLES } from '../../core/rules/titles';

const DOC = join(__dirname, '..', '..', 'docs', 'rules.md');

describe('docs/rules.md', () => {
  if (process.env.UPDATE_DOCS) writeFileSync(DOC, rulesDocument());

  it('matches the rule catalogue (regenerate: UPDATE_DOCS=1 npx jest test/core/rules-doc.test.ts)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(rulesDocument());
  });

  it('lists every rule code and support reason', () => {
    const doc = readFileSync(DOC, 'utf8');
    for (const r of ALL_RULES) expect(doc).toContain(`| \`${r.code}\` | ${RULE_TITLES[r.code].en} | ${r.phase} | ${r.severity} |`);
    for (const reason of SUPPORT_REASONS) expect(doc).toContain(`| \`${reason}\` |`);
  });

  it('rule codes are unique kebab-case and every rule speaks both languages', () => {
    const codes = ALL_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of ALL_RULES) {
      expect(r.code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      for (const label of [r.trigger, r.message, r.fix]) {
        expect(label.en.length).toBeGreaterThan(0);
        expect(label.es.length).toBeGreaterThan(0);
      }
    }
  });
});
