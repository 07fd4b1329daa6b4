// Vision rules (phase 2): opportunities that show how our solutions improve
// the client's business, grounded in what we learned and validated with the
// client — not a list of what the client will order this year.

import type { RuleContext } from '../check-context';
import { Label, matchKey } from '../contract';
import { RuleDef } from '../finding';
import { isUnread } from '../plan';
import { formatAmount } from '../values';

export const VISION_RULES = {
  noOpportunity: {
    code: 'no-opportunity',
    phase: 'vision',
    severity: 'warning',
    trigger: { en: 'The Vision sheet has no opportunity.', es: 'La hoja Visión no tiene oportunidades.' },
    message: {
      en: 'There is no opportunity: the plan has no vision of how we improve the client’s business.',
      es: 'No hay oportunidades: el plan no tiene una visión de cómo mejoramos el negocio del cliente.',
    },
    fix: {
      en: 'From the knowledge gathered, write opportunities: our solution, the client’s benefit and the value it brings.',
      es: 'A partir del conocimiento obtenido, escriba oportunidades: nuestra solución, el beneficio y el valor para el cliente.',
    },
    step: { en: 'Write the opportunities your knowledge points to', es: 'Escriba las oportunidades a las que apunta su conocimiento' },
  },
  opportunityUngrounded: {
    code: 'opportunity-ungrounded',
    phase: 'vision',
    severity: 'warning',
    trigger: { en: 'An opportunity addresses no existing knowledge item.', es: 'Una oportunidad no atiende ningún hallazgo existente.' },
    message: {
      en: 'Opportunity {thing} addresses no knowledge item: it is not grounded in what we know about the client.',
      es: 'La oportunidad {thing} no atiende ningún hallazgo: no se basa en lo que sabemos del cliente.',
    },
    fix: {
      en: 'List in Addresses the knowledge IDs (K1, K2...) it answers, or learn what it would need first.',
      es: 'Indique en Atiende los ID de conocimiento (K1, K2...) que responde, o aprenda primero lo que necesita.',
    },
    step: { en: 'Tie opportunity {thing} to what you know (Addresses)', es: 'Ligue la oportunidad {thing} a lo que sabe (Atiende)' },
  },
  noSolution: {
    code: 'no-solution',
    phase: 'vision',
    severity: 'warning',
    trigger: { en: 'An opportunity does not say what our solution is.', es: 'Una oportunidad no dice cuál es nuestra solución.' },
    message: { en: 'Opportunity {thing} does not say what our solution is.', es: 'La oportunidad {thing} no dice cuál es nuestra solución.' },
    fix: { en: 'Write which of our products or services it uses.', es: 'Escriba qué productos o servicios nuestros usa.' },
    step: { en: 'Say which solution opportunity {thing} uses', es: 'Indique qué solución usa la oportunidad {thing}' },
  },
  noClientBenefit: {
    code: 'no-client-benefit',
    phase: 'vision',
    severity: 'warning',
    trigger: { en: 'An opportunity has no client benefit written.', es: 'Una oportunidad no tiene el beneficio para el cliente escrito.' },
    message: { en: 'Opportunity {thing} does not say how the client benefits.', es: 'La oportunidad {thing} no dice cómo se beneficia el cliente.' },
    fix: {
      en: 'Write the client’s benefit in its own business terms (fewer stoppages, lower cost per tonne...).',
      es: 'Escriba el beneficio para el cliente en términos de su negocio (menos paradas, menor costo por tonelada...).',
    },
    step: { en: 'Write how the client benefits from {thing}', es: 'Escriba cómo se beneficia el cliente de {thing}' },
  },
  noClientValue: {
    code: 'no-client-value',
    phase: 'vision',
    severity: 'warning',
    trigger: { en: 'An opportunity has no client value quantified.', es: 'Una oportunidad no tiene cuantificado el valor para el cliente.' },
    message: { en: 'Opportunity {thing} does not quantify its value for the client.', es: 'La oportunidad {thing} no cuantifica su valor para el cliente.' },
    fix: { en: 'Estimate the client’s gain in money and write it in Client value.', es: 'Estime la ganancia del cliente en dinero y escríbala en Valor para el cliente.' },
    step: { en: 'Quantify the client’s value of {thing}', es: 'Cuantifique el valor para el cliente de {thing}' },
  },
  stillHypothesis: {
    code: 'still-hypothesis',
    phase: 'vision',
    severity: 'warning',
    trigger: { en: 'An opportunity is still a hypothesis, validated by nobody.', es: 'Una oportunidad sigue siendo una hipótesis que nadie validó.' },
    message: { en: 'Opportunity {thing} is still a hypothesis: nobody has validated it.', es: 'La oportunidad {thing} sigue siendo una hipótesis: nadie la ha validado.' },
    fix: {
      en: 'Validate it with our own team first, then with the client, and update Validation.',
      es: 'Valídela primero con nuestro equipo y luego con el cliente, y actualice Validación.',
    },
    step: { en: 'Validate opportunity {thing} with the team, then the client', es: 'Valide la oportunidad {thing} con el equipo y luego con el cliente' },
  },
  validatedWithNobody: {
    code: 'validated-with-nobody',
    phase: 'vision',
    severity: 'info',
    trigger: { en: 'An opportunity is marked validated but does not say with whom.', es: 'Una oportunidad está marcada como validada pero no dice con quién.' },
    message: { en: 'Opportunity {thing} is marked "{validation}" but does not say with whom.', es: 'La oportunidad {thing} está marcada "{validation}" pero no dice con quién.' },
    fix: { en: 'Write who validated it in Validated with.', es: 'Escriba quién la validó en Validada con.' },
    step: { en: 'Write who validated {thing}', es: 'Escriba quién validó {thing}' },
  },
  nothingValidatedWithClient: {
    code: 'nothing-validated-with-client',
    phase: 'vision',
    severity: 'warning',
    trigger: { en: 'No opportunity is validated with the client.', es: 'Ninguna oportunidad está validada con el cliente.' },
    message: {
      en: 'No opportunity is validated with the client: the vision is still only ours.',
      es: 'Ninguna oportunidad está validada con el cliente: la visión sigue siendo solo nuestra.',
    },
    fix: {
      en: 'Present the strongest opportunities to the client’s people and record who validated them.',
      es: 'Presente las mejores oportunidades a las personas del cliente y registre quién las validó.',
    },
    step: { en: 'Validate the strongest opportunity with the client', es: 'Valide con el cliente la mejor oportunidad' },
  },
  problemUnaddressed: {
    code: 'problem-unaddressed',
    phase: 'vision',
    severity: 'warning',
    trigger: { en: 'A high-impact business problem is addressed by no opportunity.', es: 'Ninguna oportunidad atiende un problema de negocio de impacto alto.' },
    message: {
      en: 'High-impact business problem {thing} is addressed by no opportunity.',
      es: 'El problema de negocio de impacto alto {thing} no tiene ninguna oportunidad que lo atienda.',
    },
    fix: {
      en: 'Consider an opportunity that solves it (and list its ID in Addresses), or say why we cannot help.',
      es: 'Considere una oportunidad que lo resuelva (e indique su ID en Atiende), o explique por qué no podemos ayudar.',
    },
    step: { en: 'Answer high-impact problem {thing} with an opportunity', es: 'Responda al problema de impacto alto {thing} con una oportunidad' },
  },
  pipelineBelowTarget: {
    code: 'pipeline-below-target',
    phase: 'vision',
    severity: 'warning',
    trigger: {
      en: 'The weighted pipeline (our revenue × probability) is below the revenue target.',
      es: 'El pipeline ponderado (nuestro ingreso × probabilidad) está por debajo de la meta de ingresos.',
    },
    message: {
      en: 'The weighted pipeline is {pipeline}, below the revenue target of {target}.',
      es: 'El pipeline ponderado es {pipeline}, por debajo de la meta de ingresos de {target}.',
    },
    fix: {
      en: 'Develop more opportunities, raise their probability by validating them, or revise the target.',
      es: 'Desarrolle más oportunidades, aumente su probabilidad validándolas, o revise la meta.',
    },
    step: { en: 'Grow the weighted pipeline ({pipeline}) to the target of {target}', es: 'Haga crecer el pipeline ponderado ({pipeline}) hasta la meta de {target}' },
  },
  noRevenueTarget: {
    code: 'no-revenue-target',
    phase: 'vision',
    severity: 'warning',
    trigger: { en: 'The Plan sheet has opportunities to weigh but no revenue target.', es: 'La hoja Plan no tiene meta de ingresos contra la cual pesar las oportunidades.' },
    message: {
      en: 'The plan has no revenue target, so nothing says whether the weighted pipeline is enough.',
      es: 'El plan no tiene meta de ingresos, así que nada dice si el pipeline ponderado alcanza.',
    },
    fix: { en: 'Write the period’s revenue target for the account in Revenue target.', es: 'Escriba la meta de ingresos de la cuenta para el periodo en Meta de ingresos.' },
    step: { en: 'Set the account’s revenue target for the period', es: 'Fije la meta de ingresos de la cuenta para el periodo' },
  },
  pipelineUnknown: {
    code: 'pipeline-unknown',
    phase: 'vision',
    severity: 'warning',
    trigger: {
      en: 'The readable weighted pipeline is below the target and some revenue or probability cannot be read, so the comparison cannot be made.',
      es: 'El pipeline ponderado legible está por debajo de la meta y algún ingreso o probabilidad no se puede leer, así que no se puede comparar.',
    },
    message: {
      en: 'The weighted pipeline cannot be compared with the revenue target of {target}: {cells} cannot be read (what can be read adds up to {pipeline}).',
      es: 'El pipeline ponderado no se puede comparar con la meta de ingresos de {target}: no se puede leer {cells} (lo legible suma {pipeline}).',
    },
    fix: { en: 'Write plain figures in {cells}.', es: 'Escriba cifras simples en {cells}.' },
    step: { en: 'Write readable figures in {cells}', es: 'Escriba cifras legibles en {cells}' },
  },
} satisfies Record<string, RuleDef>;

const R = VISION_RULES;

export function checkVision(ctx: RuleContext): void {
  const { plan } = ctx;
  const opportunities = plan.vision;
  if (!ctx.hasSheet('vision')) return;
  const header = { sheet: ctx.sheetName('vision'), cell: ctx.headerCell('vision') };
  if (opportunities.length === 0) {
    ctx.raise(R.noOpportunity, header);
    return;
  }
  const knowledgeIds = new Set(plan.knowledge.filter((k) => k.id !== '').map((k) => matchKey(k.id)));
  const addressed = new Set<string>();
  for (const v of opportunities) {
    // Named only when a finding needs it: most rows raise none.
    const thing = (): Label => ctx.thing(v, v.opportunity);
    const place = (key: string) => ({ sheet: v.sheet, cell: ctx.cell(v, key) });
    for (const id of v.addresses) addressed.add(matchKey(id));
    if (ctx.hasSheet('knowledge') && ctx.known(v, 'addresses') && !v.addresses.some((id) => knowledgeIds.has(matchKey(id)))) {
      ctx.raise(R.opportunityUngrounded, place('addresses'), { thing: thing() });
    }
    if (v.solution === '' && ctx.known(v, 'solution')) ctx.raise(R.noSolution, place('solution'), { thing: thing() });
    if (v.clientBenefit === '' && ctx.known(v, 'clientBenefit')) ctx.raise(R.noClientBenefit, place('clientBenefit'), { thing: thing() });
    if (v.clientValue === undefined && ctx.known(v, 'clientValue')) ctx.raise(R.noClientValue, place('clientValue'), { thing: thing() });
    if ((v.validation === undefined || v.validation === 'hypothesis') && ctx.known(v, 'validation')) {
      ctx.raise(R.stillHypothesis, place('validation'), { thing: thing() });
    } else if ((v.validation === 'team' || v.validation === 'client') && v.validatedWith === '' && ctx.known(v, 'validatedWith')) {
      const validation = v.validation === 'team' ? { en: 'Validated by team', es: 'Validada por el equipo' } : { en: 'Validated with client', es: 'Validada con el cliente' };
      ctx.raise(R.validatedWithNobody, place('validatedWith'), { thing: thing(), validation });
    }
  }
  if (ctx.hasColumn('vision', 'validation') && !opportunities.some((v) => v.validation === 'client')) ctx.raise(R.nothingValidatedWithClient, header);
  for (const k of plan.knowledge) {
    if (k.category !== 'businessProblem' || k.impact !== 'high' || (k.id !== '' && addressed.has(matchKey(k.id)))) continue;
    ctx.raise(R.problemUnaddressed, { sheet: k.sheet, cell: ctx.cell(k, 'id') }, { thing: ctx.thing(k, k.finding) });
  }
  const target = plan.summary.revenueTarget;
  if (target === undefined && ctx.hasSheet('plan') && ctx.fieldKnown('revenueTarget')) {
    ctx.raise(R.noRevenueTarget, { sheet: ctx.sheetName('plan'), cell: ctx.fieldCell('revenueTarget') });
  }
  if (target !== undefined && target > 0 && ctx.hasColumn('vision', 'ourRevenue') && ctx.hasColumn('vision', 'probability')) {
    let pipeline = 0;
    const unreadable: { sheet: string; cell: string }[] = [];
    for (const v of opportunities) {
      pipeline += (v.ourRevenue ?? 0) * (v.probability ?? 0);
      // A figure that cannot be read is not zero: the comparison is left open rather than guessed.
      for (const key of ['ourRevenue', 'probability']) if (isUnread(v, key)) unreadable.push({ sheet: v.sheet, cell: ctx.cell(v, key) });
    }
    if (pipeline < target) {
      const currency = plan.summary.currency === '' ? '' : ` ${plan.summary.currency}`;
      const amounts = { pipeline: `${formatAmount(pipeline, ctx.lang)}${currency}`, target: `${formatAmount(target, ctx.lang)}${currency}` };
      const place = { sheet: ctx.sheetName('plan'), cell: ctx.fieldCell('revenueTarget') };
      if (unreadable.length > 0) {
        const shown = unreadable.slice(0, 10).map((u) => `${u.sheet}!${u.cell}`).join(', ') + (unreadable.length > 10 ? ' …' : '');
        ctx.raise(R.pipelineUnknown, unreadable[0], { ...amounts, cells: shown });
      } else ctx.raise(R.pipelineBelowTarget, place, amounts);
    }
  }
}
