// The full rule catalogue: every rule the check can raise, in one list that
// docs/rules.md is generated from and checked against.

import { RuleDef } from '../finding';
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
