// The full rule catalogue: every rule the check can raise, in one list that
// docs/rules.md is generated from and checked against.

import { RuleDef } from '../finding';
import { EARLIER_PHASE_MARGIN, PHASE_WEIGHTS, PLAN_FINDING_POINTS, SCORE_EXPLANATION } from '../score';
import { CRITERIA, SCORED_PHASES } from './criteria';
import { NEXT_STEP_COUNT } from '../next-steps';
import { APPROVAL_RULES } from './approval';
import { STRUCTURE_READ_RULES } from './catalog-structure';
import { COMMITMENT_RULES } from './commitment';
import { KNOWLEDGE_RULES } from './knowledge';
import { STRUCTURE_RULES } from './structure';
import { VISION_RULES } from './vision';
import { RULE_TITLES } from './titles';

export { APPROVAL_RULES, COMMITMENT_RULES, KNOWLEDGE_RULES, STRUCTURE_READ_RULES, STRUCTURE_RULES, VISION_RULES };

/** Every rule, in phase order (structure, knowledge, vision, commitment). */
export const ALL_RULES: RuleDef[] = [
  ...Object.values(STRUCTURE_READ_RULES),
  ...Object.values(STRUCTURE_RULES),
  ...Object.values(KNOWLEDGE_RULES),
  ...Object.values(VISION_RULES),
  ...Object.values(COMMITMENT_RULES),
  ...Object.values(APPROVAL_RULES),
];

/** A rule by its code. */
export function ruleByCode(code: string): RuleDef | undefined {
  return ALL_RULES.find((r) => r.code === code);
}

const SUPPORT_REASON_DOCS: readonly [string, string][] = [
  ['no-vision', 'It supports no opportunity, or only opportunity IDs that do not exist.'],
  ['no-owner', 'Its Owner is blank.'],
  ['not-approved', 'Ours or joint (the client’s own commitments are agreed, not approved internally), Needs approval is Yes or cannot be read (nothing then shows that no approval is needed), and Approved by is blank; or, whatever Needs approval says, its Approved terms are not its terms any more (`approval-stale`) or cannot be read (`approval-terms-unreadable`).'],
  ['not-agreed', 'Its side is Client or Joint and Client agreed is not Yes.'],
  ['over-capacity', 'It is our side or joint, and a capacity span of its team that covers its due date has more committed hours than available hours (blank available hours count as 0; unreadable ones are never judged). Every commitment in that span gets this reason.'],
  ['over-budget', 'The same, for committed cost against the span’s budget (a blank budget counts as 0; an unreadable one is never judged).'],
  ['no-capacity', 'It is our side or joint (a blank side counts as ours) and has no team, no due date, or no readable capacity row of its team covering its due date: a span whose available hours, budget, start or end, or the effort or cost of a commitment in it, cannot be read is not judged (`capacity-unreadable` names the cell), unless what can be read is already over.'],
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
    'The title is what the Review sheet and kap’s report show beside the code (in the output language; the Spanish',
    'titles are in core/rules/titles.ts).',
    '',
    '| Code | Title | Phase | Severity | Fires when | How to fix |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of ALL_RULES) {
    lines.push(`| \`${r.code}\` | ${cell(RULE_TITLES[r.code]?.en ?? '')} | ${r.phase} | ${r.severity} | ${cell(r.trigger.en)} | ${cell(r.fix.en)} |`);
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
    'Each phase is worth 100 points, split among the method’s criteria below. A criterion “per plan” is met or not (a few',
    'are graded: a third for each industry variable up to three, the weighted pipeline in proportion to the target); a',
    'criterion “per row” is shared evenly by the rows it judges, so each row that fails costs the same. A criterion earns',
    'nothing while its sheet is missing or empty (an empty phase scores 0, charged to `missing-sheet`, `no-knowledge`,',
    '`no-learning-plan`, `no-stakeholders`, `no-opportunity` or `no-commitment`) or while a column it reads is missing',
    '(`missing-column`). A row whose cell in a column the criterion reads cannot be read fails it, charged to the reading',
    'finding (`not-a-number`, `not-a-date`...): a value the check cannot read is never scored as if it were fine.',
    '',
    'Every missing share is charged to the finding that explains it (the criterion’s own rule first), and that is the',
    'cost shown beside each finding in the report, the panes and the Review sheet; a share no finding explains is listed',
    'under the criterion’s name. Fixing a finding or adding a valid row never lowers a score, and the same rule costs the',
    'same within a plan. In overall readiness each phase counts for at most the one before it plus',
    `${EARLIER_PHASE_MARGIN} (vision at most knowledge + ${EARLIER_PHASE_MARGIN}, commitment at most the weaker of the two + ${EARLIER_PHASE_MARGIN}): the method’s own warning that if the first`,
    `two phases are poor the third will be worse. Weights: knowledge ${PHASE_WEIGHTS.knowledge}, vision ${PHASE_WEIGHTS.vision}, commitment ${PHASE_WEIGHTS.commitment}; each`,
    `structure finding on the Plan sheet takes ${PLAN_FINDING_POINTS} points from overall readiness, unless it is already charged with a criterion’s`,
    'share (an unreadable revenue target leaves the pipeline criterion unjudged, an unreadable sign-off date the sign-off one):',
    'a finding costs once.',
    '',
    'Bands: red below 50, amber below 75, green from 75, for each phase. Overall readiness is never in a better band than its',
    'weakest phase: a plan whose commitments are amber is amber overall, whatever its score, because a plan is only as ready',
    'as the phase it rests on least (the method: each phase rests on the one before, and the commitment phase, the most',
    'important, is what the client signs).',
    '',
  );
  for (const phase of SCORED_PHASES) {
    lines.push(`### ${phase[0].toUpperCase()}${phase.slice(1)}`, '', '| Criterion | Points | Shared | Unmet when | From the method |', '|---|---|---|---|---|');
    for (const k of CRITERIA.filter((x) => x.phase === phase)) {
      const rules = k.rules.map((r) => (r.includes(' ') ? r : `\`${r}\``)).join(', ');
      lines.push(`| \`${k.code}\`: ${cell(k.label.en)} | ${k.weight} | ${k.per.en} | ${rules} | “${cell(k.source)}” |`);
    }
    lines.push('');
  }
  lines.push(
    '## Next steps',
    '',
    `The check names up to ${NEXT_STEP_COUNT} next steps: the findings whose resolution would raise overall readiness most, each found`,
    'by re-scoring the plan with that one finding resolved (every share it alone explains comes back). `gain` is the',
    'overall points it is worth, to one decimal, counted before the floor at 0 so that a plan that has barely started',
    'still shows which step comes first. The message is the rule’s action naming the thing (“Agree C7 … with Pedro',
    'Gómez”); kap’s report and `--json` (`actions`), the panes and the Review sheet lead with them.',
    '',
  );
  return lines.join('\n');
}
