// Support verdicts: is each commitment backed by a vision, an owner, approvals,
// the client's agreement and our capacity? The method's worst outcome is a
// commitment the organisation cannot deliver, so every commitment is judged.

import { approvalLapsed, needsInternalApproval } from './approval';
import { CapacityLedger, capacityLedger, consumesCapacity } from './capacity';
import type { SupportReason, SupportVerdict } from './check-context';
import { Label, matchKey } from './contract';
import { cellOf, Commitment, firstCellOf, Plan } from './plan';

/** What each support reason means, in plain words beside its code (the codes are the contract; the words are for people). */
export const REASON_WORDS: Record<SupportReason, Label> = {
  'no-vision': { en: 'Backs no opportunity on the Vision sheet', es: 'No respalda ninguna oportunidad de la hoja Visión' },
  'no-owner': { en: 'Nobody owns it', es: 'Nadie es responsable' },
  'not-approved': { en: 'Needs an approval nobody has given, or was approved on terms that have since changed', es: 'Requiere una aprobación que nadie ha dado, o se aprobó con términos que luego cambiaron' },
  'not-agreed': { en: 'The client has not agreed to it', es: 'El cliente no lo ha acordado' },
  'over-capacity': { en: 'More hours than its team has in that span', es: 'Más horas de las que su equipo tiene en ese periodo' },
  'over-budget': { en: "Costs more than its team's budget in that span", es: 'Cuesta más que el presupuesto de su equipo en ese periodo' },
  'no-capacity': {
    en: 'No readable capacity row of its team covers its due date',
    es: 'Ninguna fila de capacidad legible de su equipo cubre su fecha límite',
  },
};

/** Opportunity IDs as compared with references (case, spaces and accents ignored). */
export function visionIds(plan: Plan): Set<string> {
  const ids = new Set<string>();
  for (const v of plan.vision) if (v.id !== '') ids.add(matchKey(v.id));
  return ids;
}

/** The reasons one commitment is unsupported, in the contract's order. */
export function supportReasons(c: Commitment, visions: ReadonlySet<string>, ledger: CapacityLedger, plan: Plan): SupportReason[] {
  if (c.status === 'cancelled') return [];
  const reasons: SupportReason[] = [];
  if (!c.supports.some((id) => visions.has(matchKey(id)))) reasons.push('no-vision');
  if (c.owner === '') reasons.push('no-owner');
  // A lapsed approval approves nothing.
  if ((needsInternalApproval(c) && c.approvedBy === '') || approvalLapsed(c, plan)) reasons.push('not-approved');
  if ((c.side === 'client' || c.side === 'joint') && c.clientAgreed !== true) reasons.push('not-agreed');
  if (consumesCapacity(c)) {
    const standing = ledger.standing(c);
    if (standing && standing.covered) {
      if (standing.overHours) reasons.push('over-capacity');
      if (standing.overBudget) reasons.push('over-budget');
      // A span it falls in cannot be read whole: no usable capacity shows it can be delivered.
      if (standing.unjudged && !standing.overHours && !standing.overBudget) reasons.push('no-capacity');
    } else {
      // No team, no due date, or no capacity row of its team covering the date.
      reasons.push('no-capacity');
    }
  }
  return reasons;
}

/** A verdict for every commitment, in sheet order. */
export function judgeCommitments(plan: Plan, ledger: CapacityLedger = capacityLedger(plan)): SupportVerdict[] {
  const visions = visionIds(plan);
  return plan.commitments.map((c) => {
    const reasons = supportReasons(c, visions, ledger, plan);
    return {
      id: c.id,
      commitment: c.commitment,
      sheet: c.sheet,
      cell: cellOf(c, 'id') ?? cellOf(c, 'commitment') ?? firstCellOf(c),
      supported: reasons.length === 0,
      reasons,
      cancelled: c.status === 'cancelled',
    };
  });
}
