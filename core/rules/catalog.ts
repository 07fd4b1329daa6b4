// The full rule catalogue: every rule the check can raise, in one list that
// docs/rules.md is generated from and checked against.

import { RuleDef } from '../finding';
import { SCORE_EXPLANATION } from '../score';
import { STRUCTURE_READ_RULES } from './catalog-structure';
import { COMMITMENT_RULES } from './commitment';
import { KNOWLEDGE_RULES } from './knowledge';
import { STRUCTURE_RULES } from './structure';
import { VISION_RULES } from './vision';

export { COMMITMENT_RULES, KNOWLEDGE_RULES, STRUCTURE_READ_RULES, STRUCTURE_RULES, VISION_RULES };

/** Every rule, in phase order (structure, knowledge, vision, commitment). */
export const ALL_RULES: RuleDef[] = [
  ...Object.values(STRUCTURE_READ_RULES),
  ...Object.values(STRUCTURE_RULES),
  ...Object.values(KNOWLEDGE_RULES),
  ...Object.values(VISION_RULES),
  ...Object.values(COMMITMENT_RULES),
];

/** A rule by its code. */
export function ruleByCode(code: string): RuleDef | undefined {
  return ALL_RULES.find((r) => r.code === code);
}

const SUPPORT_REASON_DOCS: readonly [string, string][] = [
  ['no-vision', 'It supports no opportunity, or only opportunity IDs that do not exist.'],
  ['no-owner', 'Its Owner is blank.'],
  ['not-approved', 'Needs approval is Yes and Approved by is blank.'],
  ['not-agreed', 'Its side is Client or Joint and Client agreed is not Yes.'],
  ['over-capacity', 'It is our side or joint, and a capacity span of its team that covers its due date has more committed hours than available hours (blank available hours count as 0). Every commitment in that span gets this reason.'],
  ['over-budget', 'The same, for committed cost against the span’s budget (a blank budget counts as 0).'],
  ['no-capacity', 'It is our side or joint (a blank side counts as ours) and has no team, no due date, or no capacity row of its team covering its due date.'],
];

/** docs/rules.md, generated from the catalogue so the two cannot drift apart. */
export function rulesDocument(): string {
  // Placeholders read as <column> in the docs, where there is no value to put in them.
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\{(\w+)\}/g, '<$1>');
  const lines: string[] = [
    '# Rules',
    '',
    '<!-- Generated from core/rules/catalog.ts (ALL_RULES); test/core/rules-doc.test.ts fails when they disagree.',
    '     Regenerate with: UPDATE_DOCS=1 npx jest test/core/rules-doc.test.ts -->',
    '',
    'Every finding carries one of these stable codes. Severity: **error** for a broken workbook and for anything that',
    'makes a commitment unsupported or undeliverable; **warning** for a gap in the plan; **info** for a hint.',
    'Messages name the thing (its ID and text) and point at the sheet and A1 cell concerned; whole-sheet findings point',
    'at column A of the sheet’s header row, Plan findings at the field’s value cell.',
    '',
    '| Code | Phase | Severity | Fires when | How to fix |',
    '|---|---|---|---|---|',
  ];
  for (const r of ALL_RULES) {
    lines.push(`| \`${r.code}\` | ${r.phase} | ${r.severity} | ${cell(r.trigger.en)} | ${cell(r.fix.en)} |`);
  }
  lines.push(
    '',
    'A rule stays quiet when the problem is already reported another way: plan-wide rules need their sheet',
    '(`missing-sheet` says it is missing), rules about a blank field need its column (`missing-column`) and a readable',
    'cell (`not-a-date`, `not-in-list`... already point at it), and an empty Vision sheet raises only `no-opportunity`.',
    '',
    '## Support verdicts',
    '',
    'Every commitment gets a verdict: supported, or unsupported with its reasons, always in this order.',
    '',
    '| Reason | Unsupported when |',
    '|---|---|',
  );
  for (const [code, text] of SUPPORT_REASON_DOCS) lines.push(`| \`${code}\` | ${cell(text)} |`);
  lines.push(
    '',
    'Over-capacity is judged per team and capacity span over all non-cancelled commitments of our side and joint side',
    '(team names compared ignoring case, spaces and accents; due date within the span, both ends included), exactly what the',
    'Capacity sheet’s live formulas sum. Client-side commitments use none of our capacity and never get capacity reasons.',
    '',
    '**Cancelled commitments** promise nothing, so nothing about them can fail: their verdict is supported with no reasons',
    '(and `cancelled: true`), they use no capacity, raise no commitment finding, and do not count as commitments for',
    '`no-commitment` and `internal-only-plan`.',
    '',
    '## Scorecard',
    '',
    SCORE_EXPLANATION.en,
    '',
    'Each finding’s cost is shown beside it on the Review sheet; a finding past its rule’s cap (or past zero) costs',
    'nothing more. The cap on overall readiness is the method’s own warning: if the first two phases are poor, the third',
    'will be worse.',
    '',
  );
  return lines.join('\n');
}
