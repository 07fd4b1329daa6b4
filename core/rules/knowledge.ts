// Knowledge rules (phase 1): do we know the client's industry and its own
// operations, is that knowledge earned by a learning plan, and do we know the
// people who decide?

import type { RuleContext } from '../check-context';
import { Label } from '../contract';
import { RuleDef } from '../finding';
import { formatDay } from '../values';

export const KNOWLEDGE_RULES = {
  noKnowledge: {
    code: 'no-knowledge',
    phase: 'knowledge',
    severity: 'warning',
    trigger: { en: 'The Knowledge sheet has no item.', es: 'La hoja Conocimiento no tiene hallazgos.' },
    message: {
      en: 'Nothing is recorded about the client’s industry or its operations yet: every later phase builds on this knowledge.',
      es: 'Aún no hay nada registrado sobre la industria del cliente ni sus operaciones: todas las fases siguientes se basan en este conocimiento.',
    },
    fix: {
      en: 'Record what drives the client’s industry and the state of its operations: its problems, advantages, position and competitors, each with its source.',
      es: 'Registre lo que mueve la industria del cliente y el estado de sus operaciones: sus problemas, ventajas, posición y competidores, cada uno con su fuente.',
    },
    step: { en: 'Record what you know about the client’s industry and operations', es: 'Registre lo que sabe de la industria y las operaciones del cliente' },
  },
  noBusinessProblem: {
    code: 'no-business-problem',
    phase: 'knowledge',
    severity: 'warning',
    trigger: { en: 'No knowledge item is a business problem.', es: 'Ningún hallazgo es un problema de negocio.' },
    message: {
      en: 'No business problem of the client is recorded: without its problems there is nothing for a vision to solve.',
      es: 'No hay ningún problema de negocio del cliente registrado: sin sus problemas la visión no tiene qué resolver.',
    },
    fix: {
      en: 'Add the client’s main business problems (category Business problem), from interviews and plant visits.',
      es: 'Agregue los principales problemas de negocio del cliente (categoría Problema de negocio), de entrevistas y visitas a planta.',
    },
    step: { en: 'Record the client’s main business problems', es: 'Registre los principales problemas de negocio del cliente' },
  },
  fewIndustryVariables: {
    code: 'few-industry-variables',
    phase: 'knowledge',
    severity: 'warning',
    trigger: { en: 'Fewer than three industry variables are recorded.', es: 'Hay menos de tres variables de la industria registradas.' },
    message: {
      en: '{recorded}; a KAM should know at least three variables that drive the client’s industry.',
      es: '{recorded}; un gerente de cuenta debe conocer al menos tres variables que mueven la industria del cliente.',
    },
    fix: {
      en: 'Add the prices, costs, regulations or demand drivers that move the client’s industry (category Industry variable).',
      es: 'Agregue los precios, costos, regulaciones o motores de demanda de la industria del cliente (categoría Variable de la industria).',
    },
    step: { en: 'Record the variables that drive the client’s industry (at least three)', es: 'Registre las variables que mueven la industria del cliente (al menos tres)' },
  },
  noCompetitiveAdvantage: {
    code: 'no-competitive-advantage',
    phase: 'knowledge',
    severity: 'warning',
    trigger: { en: 'No knowledge item is a competitive advantage.', es: 'Ningún hallazgo es una ventaja competitiva.' },
    message: { en: 'The client’s competitive advantages are not recorded.', es: 'No están registradas las ventajas competitivas del cliente.' },
    fix: {
      en: 'Add what the client does better than its competitors (category Competitive advantage).',
      es: 'Agregue lo que el cliente hace mejor que sus competidores (categoría Ventaja competitiva).',
    },
    step: { en: 'Record the client’s competitive advantages', es: 'Registre las ventajas competitivas del cliente' },
  },
  noIndustryPosition: {
    code: 'no-industry-position',
    phase: 'knowledge',
    severity: 'warning',
    trigger: {
      en: 'No knowledge item is the client’s industry position or a client competitor.',
      es: 'Ningún hallazgo es la posición del cliente en su industria ni un competidor del cliente.',
    },
    message: {
      en: 'Neither the client’s position in its industry nor its competitors are recorded.',
      es: 'No están registrados ni la posición del cliente en su industria ni sus competidores.',
    },
    fix: {
      en: 'Add the client’s market position and its main competitors (categories Industry position, Client competitor).',
      es: 'Agregue la posición del cliente en el mercado y sus competidores principales (categorías Posición en la industria, Competidor del cliente).',
    },
    step: { en: 'Record the client’s industry position and competitors', es: 'Registre la posición del cliente en su industria y sus competidores' },
  },
  findingNoSource: {
    code: 'finding-no-source',
    phase: 'knowledge',
    severity: 'warning',
    trigger: { en: 'A knowledge item has no source.', es: 'Un hallazgo no tiene fuente.' },
    message: { en: 'Knowledge {thing} has no source.', es: 'El hallazgo {thing} no tiene fuente.' },
    fix: {
      en: 'Write where it comes from (an interview, a visit, a report) so others can trust and re-check it.',
      es: 'Escriba de dónde viene (entrevista, visita, informe) para que otros puedan confiar en él y verificarlo.',
    },
    step: { en: 'Write where knowledge {thing} comes from', es: 'Escriba de dónde viene el hallazgo {thing}' },
  },
  highImpactUnconfirmed: {
    code: 'high-impact-unconfirmed',
    phase: 'knowledge',
    severity: 'warning',
    trigger: { en: 'A high-impact knowledge item is not confirmed with the client.', es: 'Un hallazgo de impacto alto no está confirmado con el cliente.' },
    message: { en: 'High-impact knowledge {thing} is not confirmed with the client.', es: 'El hallazgo de impacto alto {thing} no está confirmado con el cliente.' },
    fix: {
      en: 'Confirm it with the client before building a vision on it, then set Confirmed with client to Yes.',
      es: 'Confírmelo con el cliente antes de construir una visión sobre él y marque Confirmado con el cliente en Sí.',
    },
    step: { en: 'Confirm {thing} with the client', es: 'Confirme {thing} con el cliente' },
  },
  staleKnowledge: {
    code: 'stale-knowledge',
    phase: 'knowledge',
    severity: 'info',
    trigger: {
      en: 'A knowledge item was last verified longer ago than the staleness limit (default 180 days), or never.',
      es: 'Un hallazgo se verificó por última vez hace más del límite (180 días por defecto), o nunca.',
    },
    message: { en: 'Knowledge {thing} was last verified {when}.', es: 'El hallazgo {thing} se verificó por última vez {when}.' },
    fix: {
      en: 'Check it again with the client or the source and update Last verified.',
      es: 'Verifíquelo de nuevo con el cliente o la fuente y actualice Última verificación.',
    },
    step: { en: 'Verify knowledge {thing} again', es: 'Verifique de nuevo el hallazgo {thing}' },
  },
  noLearningPlan: {
    code: 'no-learning-plan',
    phase: 'knowledge',
    severity: 'warning',
    trigger: { en: 'The learning plan has no activity.', es: 'El plan de aprendizaje no tiene actividades.' },
    message: {
      en: 'There is no learning activity: the plan’s first step is a detailed plan to learn the client’s business.',
      es: 'No hay actividades de aprendizaje: el primer paso del plan es un plan detallado para conocer el negocio del cliente.',
    },
    fix: {
      en: 'Plan concrete activities with owner and date: attend the client’s induction course, visit plants, interview managers.',
      es: 'Planifique actividades concretas con responsable y fecha: asistir al curso de inducción del cliente, visitar plantas, entrevistar gerentes.',
    },
    step: { en: 'Plan how you will learn the client’s business (induction course, plant visits, interviews)', es: 'Planifique cómo conocerá el negocio del cliente (curso de inducción, visitas a planta, entrevistas)' },
  },
  learningOverdue: {
    code: 'learning-overdue',
    phase: 'knowledge',
    severity: 'warning',
    trigger: { en: 'A learning activity is past its due date and not done or cancelled.', es: 'Una actividad de aprendizaje pasó su fecha límite y no está hecha ni cancelada.' },
    message: { en: 'Learning activity {thing} was due on {due} and is not done.', es: 'La actividad de aprendizaje {thing} vencía el {due} y no está hecha.' },
    fix: { en: 'Do it, move its date, or cancel it; then update its status.', es: 'Realícela, cambie su fecha o cancélela; luego actualice su estado.' },
    step: { en: 'Do, move or cancel learning activity {thing}', es: 'Realice, mueva o cancele la actividad {thing}' },
  },
  learningNoOwner: {
    code: 'learning-no-owner',
    phase: 'knowledge',
    severity: 'warning',
    trigger: { en: 'A learning activity has no owner.', es: 'Una actividad de aprendizaje no tiene responsable.' },
    message: { en: 'Learning activity {thing} has no owner.', es: 'La actividad de aprendizaje {thing} no tiene responsable.' },
    fix: { en: 'Name the person who will do it.', es: 'Indique la persona que la realizará.' },
    step: { en: 'Name who will do learning activity {thing}', es: 'Indique quién hará la actividad {thing}' },
  },
  noDecisionMaker: {
    code: 'no-decision-maker',
    phase: 'knowledge',
    severity: 'warning',
    trigger: { en: 'No stakeholder is a decision maker.', es: 'Ningún actor es decisor.' },
    message: { en: 'No decision maker is mapped at the client.', es: 'No hay ningún decisor identificado en el cliente.' },
    fix: { en: 'Find out who decides and add them with the role Decision maker.', es: 'Averigüe quién decide y agréguelo con el rol Decisor.' },
    step: { en: 'Find out who decides at the client and map them', es: 'Averigüe quién decide en el cliente e identifíquelo' },
  },
  singleThreaded: {
    code: 'single-threaded',
    phase: 'knowledge',
    severity: 'warning',
    trigger: { en: 'Fewer than three stakeholders are mapped.', es: 'Hay menos de tres actores identificados.' },
    message: {
      en: '{mapped}: the account hangs on too few people.',
      es: '{mapped}: la cuenta depende de muy pocas personas.',
    },
    fix: {
      en: 'Map more people: users, technical evaluators, the financial approver, a coach.',
      es: 'Identifique más personas: usuarios, evaluadores técnicos, el aprobador financiero, un aliado interno.',
    },
    step: { en: 'Map more people at the client', es: 'Identifique más personas en el cliente' },
  },
  noStakeholders: {
    code: 'no-stakeholders',
    phase: 'knowledge',
    severity: 'warning',
    trigger: { en: 'The Stakeholders sheet has nobody.', es: 'La hoja Actores no tiene a nadie.' },
    message: {
      en: 'Nobody at the client is mapped: the plan does not say who decides, who approves the money, who supports us or who doubts.',
      es: 'No hay nadie del cliente identificado: el plan no dice quién decide, quién aprueba el dinero, quién nos apoya ni quién duda.',
    },
    fix: {
      en: 'Map the people: the decision maker, the financial approver, users, technical evaluators, a coach, with their attitude.',
      es: 'Identifique a las personas: el decisor, el aprobador financiero, usuarios, evaluadores técnicos, un aliado interno, con su actitud.',
    },
    step: { en: 'Map the client’s people, starting with who decides', es: 'Identifique a las personas del cliente, empezando por quien decide' },
  },
  noSupporterAtTop: {
    code: 'no-supporter-at-top',
    phase: 'knowledge',
    severity: 'warning',
    trigger: { en: 'No decision maker or financial approver is a supporter.', es: 'Ningún decisor ni aprobador financiero es partidario.' },
    message: {
      en: 'None of the decision makers or financial approvers is a supporter: the commitment phase needs backing at the top.',
      es: 'Ningún decisor ni aprobador financiero es partidario: la fase de compromiso necesita respaldo arriba.',
    },
    fix: {
      en: 'Plan how to win one of them over, or find the supporter you are missing.',
      es: 'Planifique cómo ganar a uno de ellos, o encuentre el partidario que falta.',
    },
    step: { en: 'Win over a decision maker or financial approver', es: 'Gánese a un decisor o aprobador financiero' },
  },
  onlySupporters: {
    code: 'only-supporters',
    phase: 'knowledge',
    severity: 'info',
    trigger: { en: 'Every stakeholder with an attitude is a supporter.', es: 'Todos los actores con actitud son partidarios.' },
    message: {
      en: 'Every mapped stakeholder is a supporter; a realistic map names the neutral, the skeptics and the opponents too.',
      es: 'Todos los actores son partidarios; un mapa realista nombra también a los neutrales, escépticos y opositores.',
    },
    fix: { en: 'Add the people who doubt or oppose the plan, and how you will handle them.', es: 'Agregue a quienes dudan del plan o se oponen, y cómo los manejará.' },
    step: { en: 'Name the skeptics and opponents in the stakeholder map', es: 'Nombre a los escépticos y opositores en el mapa de actores' },
  },
  coldContact: {
    code: 'cold-contact',
    phase: 'knowledge',
    severity: 'warning',
    trigger: {
      en: 'A coach or decision maker was last contacted longer ago than the limit (default 60 days), or never.',
      es: 'Un aliado interno o decisor fue contactado por última vez hace más del límite (60 días por defecto), o nunca.',
    },
    message: { en: '{role} {thing} was last contacted {when}.', es: '{role} {thing} fue contactado por última vez {when}.' },
    fix: { en: 'Meet them and update Last contact.', es: 'Reúnase con esa persona y actualice Último contacto.' },
    step: { en: 'Meet {thing}', es: 'Reúnase con {thing}' },
  },
  stakeholderNoRole: {
    code: 'stakeholder-no-role',
    phase: 'knowledge',
    severity: 'info',
    trigger: { en: 'A stakeholder has no role.', es: 'Un actor no tiene rol.' },
    message: { en: 'Stakeholder {thing} has no role.', es: 'El actor {thing} no tiene rol.' },
    fix: {
      en: 'Say what part they play in the decision (decision maker, financial approver, user...).',
      es: 'Indique qué papel tiene en la decisión (decisor, aprobador financiero, usuario...).',
    },
    step: { en: 'Say what part {thing} plays in the decision', es: 'Indique qué papel tiene {thing} en la decisión' },
  },
} satisfies Record<string, RuleDef>;

const R = KNOWLEDGE_RULES;

/** "on 2026-05-01 (214 days ago)" or "never", for date messages. */
export function whenLabel(day: number | undefined, asOf: number): Label {
  if (day === undefined) return { en: 'never', es: 'nunca' };
  const ago = asOf - day;
  return { en: `on ${formatDay(day)} (${ago} days ago)`, es: `el ${formatDay(day)} (hace ${ago} días)` };
}

interface CountWords {
  none: Label;
  one: Label;
  many: (n: number) => Label;
}

const INDUSTRY_VARIABLE_WORDS: CountWords = {
  none: { en: 'No industry variable is recorded', es: 'No hay ninguna variable de la industria registrada' },
  one: { en: 'Only one industry variable is recorded', es: 'Solo hay una variable de la industria registrada' },
  many: (n) => ({ en: `Only ${n} industry variables are recorded`, es: `Solo hay ${n} variables de la industria registradas` }),
};

const STAKEHOLDER_WORDS: CountWords = {
  none: { en: 'Nobody is mapped', es: 'No hay nadie identificado' },
  one: { en: 'Only one stakeholder is mapped', es: 'Solo hay un actor identificado' },
  many: (n) => ({ en: `Only ${n} stakeholders are mapped`, es: `Solo hay ${n} actores identificados` }),
};

/** "No industry variable is recorded" / "Only one..." / "Only 2 ...": counts in words, not "0 variable(s)". */
function howMany(n: number, words: CountWords): Label {
  return n === 0 ? words.none : n === 1 ? words.one : words.many(n);
}

export function checkKnowledge(ctx: RuleContext): void {
  knowledgeItems(ctx);
  learningPlan(ctx);
  stakeholderMap(ctx);
}

function knowledgeItems(ctx: RuleContext): void {
  const items = ctx.plan.knowledge;
  if (ctx.hasSheet('knowledge') && ctx.hasColumn('knowledge', 'category')) {
    const place = { sheet: ctx.sheetName('knowledge'), cell: ctx.headerCell('knowledge') };
    const count = (...categories: string[]): number => items.filter((k) => k.category !== undefined && categories.includes(k.category)).length;
    if (items.length === 0) ctx.raise(R.noKnowledge, place);
    if (count('businessProblem') === 0) ctx.raise(R.noBusinessProblem, place);
    const variables = count('industryVariable');
    if (variables < 3) ctx.raise(R.fewIndustryVariables, place, { count: variables, recorded: howMany(variables, INDUSTRY_VARIABLE_WORDS) });
    if (count('competitiveAdvantage') === 0) ctx.raise(R.noCompetitiveAdvantage, place);
    if (count('industryPosition', 'clientCompetitor') === 0) ctx.raise(R.noIndustryPosition, place);
  }
  for (const k of items) {
    // Named only when a finding needs it: most rows raise none.
    const thing = (): Label => ctx.thing(k, k.finding);
    if (k.source === '' && ctx.known(k, 'source')) ctx.raise(R.findingNoSource, { sheet: k.sheet, cell: ctx.cell(k, 'source') }, { thing: thing() });
    if (k.impact === 'high' && k.confirmed !== true && ctx.known(k, 'confirmed')) {
      ctx.raise(R.highImpactUnconfirmed, { sheet: k.sheet, cell: ctx.cell(k, 'confirmed') }, { thing: thing() });
    }
    const stale = k.lastVerified === undefined || ctx.asOf - k.lastVerified > ctx.staleKnowledgeDays;
    if (stale && ctx.known(k, 'lastVerified')) {
      ctx.raise(R.staleKnowledge, { sheet: k.sheet, cell: ctx.cell(k, 'lastVerified') }, { thing: thing(), when: whenLabel(k.lastVerified, ctx.asOf) });
    }
  }
}

function learningPlan(ctx: RuleContext): void {
  const activities = ctx.plan.learning;
  if (ctx.hasSheet('learning') && activities.filter((l) => l.status !== 'cancelled').length === 0) {
    ctx.raise(R.noLearningPlan, { sheet: ctx.sheetName('learning'), cell: ctx.headerCell('learning') });
  }
  for (const l of activities) {
    if (l.status === 'cancelled') continue;
    // Named only when a finding needs it: most rows raise none.
    const thing = (): Label => ctx.thing(l, l.activity);
    if (l.owner === '' && ctx.known(l, 'owner')) ctx.raise(R.learningNoOwner, { sheet: l.sheet, cell: ctx.cell(l, 'owner') }, { thing: thing() });
    if (l.status !== 'done' && l.due !== undefined && l.due < ctx.asOf) {
      ctx.raise(R.learningOverdue, { sheet: l.sheet, cell: ctx.cell(l, 'due') }, { thing: thing(), due: formatDay(l.due) });
    }
  }
}

function stakeholderMap(ctx: RuleContext): void {
  const people = ctx.plan.stakeholders;
  if (ctx.hasSheet('stakeholders')) {
    const place = { sheet: ctx.sheetName('stakeholders'), cell: ctx.headerCell('stakeholders') };
    const top = people.filter((p) => p.role === 'decisionMaker' || p.role === 'financialApprover');
    if (ctx.hasColumn('stakeholders', 'role') && !people.some((p) => p.role === 'decisionMaker')) ctx.raise(R.noDecisionMaker, place);
    if (people.length === 0) ctx.raise(R.noStakeholders, place);
    else if (people.length < 3) ctx.raise(R.singleThreaded, place, { count: people.length, mapped: howMany(people.length, STAKEHOLDER_WORDS) });
    // With nobody at the top mapped, no-decision-maker already says it.
    if (top.length > 0 && !top.some((p) => p.attitude === 'supporter')) ctx.raise(R.noSupporterAtTop, place);
    const withAttitude = people.filter((p) => p.attitude !== undefined);
    if (withAttitude.length > 0 && withAttitude.every((p) => p.attitude === 'supporter')) ctx.raise(R.onlySupporters, place);
  }
  for (const p of people) {
    // Named only when a finding needs it: most rows raise none.
    const thing = (): Label => ctx.thing(p, p.name);
    if (p.role === undefined && ctx.known(p, 'role')) ctx.raise(R.stakeholderNoRole, { sheet: p.sheet, cell: ctx.cell(p, 'role') }, { thing: thing() });
    if (p.role !== 'coach' && p.role !== 'decisionMaker') continue;
    const cold = p.lastContact === undefined || ctx.asOf - p.lastContact > ctx.staleContactDays;
    if (!cold || !ctx.known(p, 'lastContact')) continue;
    const role = p.role === 'coach' ? { en: 'Coach', es: 'El aliado interno' } : { en: 'Decision maker', es: 'El decisor' };
    ctx.raise(R.coldContact, { sheet: p.sheet, cell: ctx.cell(p, 'lastContact') }, { role, thing: thing(), when: whenLabel(p.lastContact, ctx.asOf) });
  }
}
