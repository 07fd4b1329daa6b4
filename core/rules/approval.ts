// Approval rules: an approval is worth the terms it approved. A commitment whose
// cost, effort, due date or team changed after it was approved is no longer
// approved (the method: a price or service level is approved before it is offered).

import { approvalStanding, TermPart } from '../approval';
import type { RuleContext } from '../check-context';
import { RuleDef } from '../finding';

export const APPROVAL_RULES = {
  approvalStale: {
    code: 'approval-stale',
    phase: 'commitment',
    severity: 'error',
    trigger: {
      en: 'A commitment’s cost, effort, due date or team (or the plan’s currency) is not what its Approved terms record.',
      es: 'El costo, el esfuerzo, la fecha límite o el equipo de un compromiso (o la moneda del plan) no es lo que registran sus Términos aprobados.',
    },
    message: {
      en: 'Commitment {thing} was approved by {by}, but its terms changed since: {changes}.',
      es: 'El compromiso {thing} fue aprobado por {by}, pero sus términos cambiaron desde entonces: {changes}.',
    },
    fix: {
      en: 'Have it approved again on the new terms (Approve, or kap approve), or put back the terms that were approved.',
      es: 'Hágalo aprobar de nuevo con los términos nuevos (Aprobar, o kap approve), o vuelva a los términos aprobados.',
    },
    step: { en: 'Have {thing} approved again on its new terms ({changes})', es: 'Haga aprobar de nuevo {thing} con sus términos nuevos ({changes})' },
  },
  approvalTermsUnreadable: {
    code: 'approval-terms-unreadable',
    phase: 'commitment',
    severity: 'error',
    trigger: {
      en: 'A commitment’s Approved terms cannot be read as cost · hours · due date · team.',
      es: 'Los Términos aprobados de un compromiso no se pueden leer como costo · horas · fecha límite · equipo.',
    },
    message: {
      en: 'Commitment {thing}: the approved terms "{terms}" cannot be read, so nothing shows what was approved.',
      es: 'Compromiso {thing}: los términos aprobados "{terms}" no se pueden leer, así que nada muestra qué se aprobó.',
    },
    fix: {
      en: 'Approve it again (Approve, or kap approve) so the terms are recorded as written by the product.',
      es: 'Apruébelo de nuevo (Aprobar, o kap approve) para que los términos queden registrados como los escribe el producto.',
    },
    step: { en: 'Approve {thing} again so its terms can be read', es: 'Apruebe de nuevo {thing} para que sus términos se puedan leer' },
  },
  approvalWithoutTerms: {
    code: 'approval-without-terms',
    phase: 'commitment',
    severity: 'info',
    trigger: {
      en: 'A commitment has Approved by filled in but no Approved terms (written by hand, or before the column existed).',
      es: 'Un compromiso tiene Aprobado por lleno pero no Términos aprobados (escrito a mano, o antes de que existiera la columna).',
    },
    message: {
      en: 'Commitment {thing} is approved by {by} with no terms recorded: the check cannot tell whether it changed since.',
      es: 'El compromiso {thing} está aprobado por {by} sin términos registrados: la revisión no puede saber si cambió desde entonces.',
    },
    fix: {
      en: 'Approve it with Approve (or kap approve) to record the date and the terms approved.',
      es: 'Apruébelo con Aprobar (o kap approve) para registrar la fecha y los términos aprobados.',
    },
    step: { en: 'Record the terms {by} approved for {thing} (Approve)', es: 'Registre los términos que {by} aprobó para {thing} (Aprobar)' },
  },
} satisfies Record<string, RuleDef>;

const R = APPROVAL_RULES;

/** The Commitments column of each part of the terms: a stale finding points at the first part that changed. */
const PART_COLUMN: Record<TermPart, string> = { cost: 'cost', effort: 'effortHours', due: 'due', team: 'team' };

export function checkApprovals(ctx: RuleContext): void {
  const { plan } = ctx;
  if (!ctx.hasSheet('commitments')) return;
  for (const c of plan.commitments) {
    if (c.status === 'cancelled') continue;
    const standing = approvalStanding(c, plan);
    if (standing.kind === 'none' || standing.kind === 'holds') continue;
    const thing = ctx.thing(c, c.commitment);
    const by = c.approvedBy.trim();
    switch (standing.kind) {
      case 'stale':
        // A changed part whose cell is missing or unreadable is already reported; "now blank" would mislead.
        if (standing.parts.some((p) => !ctx.known(c, PART_COLUMN[p]))) break;
        ctx.raise(R.approvalStale, { sheet: c.sheet, cell: ctx.cell(c, PART_COLUMN[standing.parts[0]]) }, { thing, by, changes: standing.changes });
        break;
      case 'unreadable-terms':
        ctx.raise(R.approvalTermsUnreadable, { sheet: c.sheet, cell: ctx.cell(c, 'approvedTerms') }, { thing, terms: c.approvedTerms.trim() });
        break;
      case 'without-terms':
        ctx.raise(R.approvalWithoutTerms, { sheet: c.sheet, cell: ctx.cell(c, 'approvedBy') }, { thing, by });
        break;
    }
  }
}
