// Commitment rules (phase 3): our organisation commits to what the vision
// needs, the client commits to a joint plan, and nothing is promised that we
// cannot deliver — failing a commitment is the worst outcome.

import { CapacityLedger, CapacityLoad, consumesCapacity, Unjudged } from '../capacity';
import type { RuleContext } from '../check-context';
import { Label, matchKey } from '../contract';
import { RuleDef } from '../finding';
import { CapacityRow, Commitment, isUnread, Stakeholder } from '../plan';
import { visionIds } from '../support';
import { formatAmount, formatDay, formatNumber } from '../values';

export const COMMITMENT_RULES = {
  noCommitment: {
    code: 'no-commitment',
    phase: 'commitment',
    severity: 'warning',
    trigger: { en: 'The Commitments sheet has no commitment (cancelled ones do not count).', es: 'La hoja Compromisos no tiene compromisos (los cancelados no cuentan).' },
    message: { en: 'There is no commitment: the plan has no joint work plan yet.', es: 'No hay compromisos: el plan aún no tiene un plan de trabajo conjunto.' },
    fix: {
      en: 'Write what we and the client will each do in the period, tied to the opportunities.',
      es: 'Escriba lo que nosotros y el cliente haremos en el periodo, ligado a las oportunidades.',
    },
    step: { en: 'Write the joint work plan: what we and the client will each do', es: 'Escriba el plan de trabajo conjunto: lo que haremos nosotros y el cliente' },
  },
  internalOnlyPlan: {
    code: 'internal-only-plan',
    phase: 'commitment',
    severity: 'warning',
    trigger: { en: 'No commitment is on the client’s side or joint.', es: 'Ningún compromiso es del cliente ni conjunto.' },
    message: {
      en: 'Every commitment is ours: a plan the client does not share and commit to is an internal document.',
      es: 'Todos los compromisos son nuestros: un plan que el cliente no comparte ni asume es un documento interno.',
    },
    fix: {
      en: 'Agree with the client what they will do (data, people, decisions) and add it as Client or Joint commitments.',
      es: 'Acuerde con el cliente lo que hará (datos, personas, decisiones) y agréguelo como compromisos del Cliente o Conjuntos.',
    },
    step: { en: 'Agree with the client what they will commit to', es: 'Acuerde con el cliente a qué se compromete' },
  },
  noClientSignOff: {
    code: 'no-client-sign-off',
    phase: 'commitment',
    severity: 'warning',
    trigger: { en: 'The Plan sheet has no client sign-off (who or when).', es: 'La hoja Plan no tiene la aprobación del cliente (quién o cuándo).' },
    message: { en: 'The client has not signed off the plan ({missing} missing).', es: 'El cliente no ha aprobado el plan (falta {missing}).' },
    fix: {
      en: 'Review the plan with the client sponsor and record who signed it off and when.',
      es: 'Revise el plan con el patrocinador del cliente y registre quién lo aprobó y cuándo.',
    },
    step: { en: 'Get the plan signed off by the client', es: 'Consiga que el cliente apruebe el plan' },
  },
  commitmentNoOwner: {
    code: 'commitment-no-owner',
    phase: 'commitment',
    severity: 'error',
    trigger: { en: 'A commitment has no owner.', es: 'Un compromiso no tiene responsable.' },
    message: { en: 'Commitment {thing} has no owner.', es: 'El compromiso {thing} no tiene responsable.' },
    fix: { en: 'Name the person who answers for it.', es: 'Indique la persona que responde por él.' },
    step: { en: 'Name the owner of {thing}', es: 'Indique el responsable de {thing}' },
  },
  commitmentNoVision: {
    code: 'commitment-no-vision',
    phase: 'commitment',
    severity: 'error',
    trigger: { en: 'A commitment supports no existing opportunity.', es: 'Un compromiso no respalda ninguna oportunidad existente.' },
    message: { en: 'Commitment {thing} supports no opportunity of the vision.', es: 'El compromiso {thing} no respalda ninguna oportunidad de la visión.' },
    fix: {
      en: 'List in Supports the opportunity IDs (V1, V2...) it serves, or drop it: data that does not serve the goal is waste.',
      es: 'Indique en Respalda los ID de oportunidad (V1, V2...) a los que sirve, o elimínelo: lo que no sirve al objetivo sobra.',
    },
    step: { en: 'Tie {thing} to an opportunity, or drop it', es: 'Ligue {thing} a una oportunidad, o elimínelo' },
  },
  commitmentNotApproved: {
    code: 'commitment-not-approved',
    phase: 'commitment',
    severity: 'error',
    trigger: { en: 'A commitment needs approval and nobody approved it.', es: 'Un compromiso requiere aprobación y nadie lo aprobó.' },
    message: { en: 'Commitment {thing} needs approval and nobody approved it.', es: 'El compromiso {thing} requiere aprobación y nadie lo aprobó.' },
    fix: {
      en: 'Get it approved internally before offering it to the client, and write who approved it.',
      es: 'Obtenga la aprobación interna antes de ofrecerlo al cliente y escriba quién lo aprobó.',
    },
    step: { en: 'Get {thing} approved internally', es: 'Obtenga la aprobación interna de {thing}' },
  },
  clientCommitmentNeedsApproval: {
    code: 'client-commitment-needs-approval',
    phase: 'commitment',
    severity: 'info',
    trigger: {
      en: 'A commitment of the client’s side has Needs approval set to Yes.',
      es: 'Un compromiso del lado del cliente tiene Requiere aprobación en Sí.',
    },
    message: {
      en: 'Commitment {thing} is the client’s own: we approve what we offer, the client agrees to what it does, so Needs approval is not judged.',
      es: 'El compromiso {thing} es del propio cliente: nosotros aprobamos lo que ofrecemos y el cliente acuerda lo que hace, así que Requiere aprobación no se evalúa.',
    },
    fix: {
      en: 'Set Needs approval to No and record the client’s agreement in Client agreed; if part of it is ours, make it Joint.',
      es: 'Ponga Requiere aprobación en No y registre el acuerdo del cliente en Acordado con el cliente; si una parte es nuestra, márquelo como Conjunto.',
    },
    step: { en: 'Set Needs approval of {thing} to No', es: 'Ponga en No Requiere aprobación de {thing}' },
  },
  commitmentNotAgreed: {
    code: 'commitment-not-agreed',
    phase: 'commitment',
    severity: 'error',
    trigger: { en: 'A client or joint commitment is not agreed with the client.', es: 'Un compromiso del cliente o conjunto no está acordado con el cliente.' },
    message: { en: '{side} commitment {thing} is not agreed with the client.', es: 'El compromiso {side} {thing} no está acordado con el cliente.' },
    fix: {
      en: 'Agree it with the client counterpart and set Client agreed to Yes.',
      es: 'Acuérdelo con la contraparte del cliente y marque Acordado con el cliente en Sí.',
    },
    step: { en: 'Agree {thing} with {who}', es: 'Acuerde {thing} con {who}' },
  },
  overCapacity: {
    code: 'over-capacity',
    phase: 'commitment',
    severity: 'error',
    trigger: {
      en: 'The effort committed to a team within a capacity span is more than its available hours.',
      es: 'El esfuerzo comprometido a un equipo en un lapso de capacidad supera sus horas disponibles.',
    },
    message: {
      en: 'Team "{team}" has {committed} hours committed from {start} to {end}, over its {available} available hours: {commitments}.',
      es: 'El equipo "{team}" tiene {committed} horas comprometidas del {start} al {end}, más de sus {available} horas disponibles: {commitments}.',
    },
    fix: {
      en: 'Move, shrink or drop commitments, or secure more hours for the team before promising them.',
      es: 'Mueva, reduzca o elimine compromisos, o consiga más horas para el equipo antes de prometerlos.',
    },
    step: { en: 'Bring team "{team}" back within its hours from {start} to {end}', es: 'Ajuste el equipo "{team}" a sus horas del {start} al {end}' },
  },
  overBudget: {
    code: 'over-budget',
    phase: 'commitment',
    severity: 'error',
    trigger: {
      en: 'The cost committed to a team within a capacity span is more than its budget.',
      es: 'El costo comprometido a un equipo en un lapso de capacidad supera su presupuesto.',
    },
    message: {
      en: 'Team "{team}" has {committed} committed from {start} to {end}, over its budget of {budget}: {commitments}.',
      es: 'El equipo "{team}" tiene {committed} comprometidos del {start} al {end}, más que su presupuesto de {budget}: {commitments}.',
    },
    fix: {
      en: 'Cut the cost of the commitments or get the budget approved before promising them.',
      es: 'Reduzca el costo de los compromisos o consiga aprobar el presupuesto antes de prometerlos.',
    },
    step: { en: 'Bring team "{team}" back within its budget from {start} to {end}', es: 'Ajuste el equipo "{team}" a su presupuesto del {start} al {end}' },
  },
  teamNoCapacity: {
    code: 'team-no-capacity',
    phase: 'commitment',
    severity: 'error',
    trigger: { en: 'Our side or joint commitments name a team with no Capacity row at all.', es: 'Compromisos nuestros o conjuntos nombran un equipo sin ninguna fila de Capacidad.' },
    message: {
      en: 'Team "{team}" has no capacity row, so nobody has said it can deliver: {commitments}.',
      es: 'El equipo "{team}" no tiene fila de capacidad, así que nadie ha dicho que pueda cumplir: {commitments}.',
    },
    fix: {
      en: 'Add the team’s available hours and budget for the period on the Capacity sheet (or correct the team’s name).',
      es: 'Agregue las horas disponibles y el presupuesto del equipo en la hoja Capacidad (o corrija el nombre del equipo).',
    },
    step: { en: 'Record the capacity of team "{team}"', es: 'Registre la capacidad del equipo "{team}"' },
  },
  outsideCapacitySpan: {
    code: 'outside-capacity-span',
    phase: 'commitment',
    severity: 'error',
    trigger: {
      en: 'A commitment is due on a date that none of its team’s capacity rows covers.',
      es: 'Un compromiso vence en una fecha que ninguna fila de capacidad de su equipo cubre.',
    },
    message: {
      en: 'Commitment {thing} is due on {due}, outside every capacity span of team "{team}".',
      es: 'El compromiso {thing} vence el {due}, fuera de todos los lapsos de capacidad del equipo "{team}".',
    },
    fix: { en: 'Add a capacity row for that span, or move the due date.', es: 'Agregue una fila de capacidad para ese lapso, o cambie la fecha límite.' },
    step: { en: 'Cover {thing} with a capacity span of team "{team}", or move it', es: 'Cubra {thing} con un lapso de capacidad del equipo "{team}", o muévalo' },
  },
  capacityUnreadable: {
    code: 'capacity-unreadable',
    phase: 'commitment',
    severity: 'error',
    trigger: {
      en: 'A capacity span holds commitments but cannot be judged: its available hours, budget, start or end, or the effort or cost of a commitment in it, cannot be read. Its commitments are not judged against it (no-capacity).',
      es: 'Un lapso de capacidad tiene compromisos pero no se puede juzgar: no se pueden leer sus horas disponibles, presupuesto, inicio o fin, o el esfuerzo o costo de un compromiso. Sus compromisos no se juzgan contra él (no-capacity).',
    },
    message: {
      en: 'The capacity of team "{team}" from {start} to {end} cannot be judged: {why} cannot be read, so {commitments} are not judged against it.',
      es: 'La capacidad del equipo "{team}" del {start} al {end} no se puede juzgar: no se puede leer {why}, así que {commitments} no se juzgan contra ella.',
    },
    fix: {
      en: 'Write a plain number (or date) in {cells}: a figure the check cannot read is never taken as zero.',
      es: 'Escriba un número (o una fecha) simple en {cells}: una cifra que no se puede leer nunca se toma como cero.',
    },
    step: { en: 'Write a readable figure in {cells} (team "{team}", {start} to {end})', es: 'Escriba una cifra legible en {cells} (equipo "{team}", del {start} al {end})' },
  },
  commitmentNoTeam: {
    code: 'commitment-no-team',
    phase: 'commitment',
    severity: 'error',
    trigger: { en: 'An our-side or joint commitment names no team.', es: 'Un compromiso nuestro o conjunto no indica equipo.' },
    message: {
      en: 'Commitment {thing} names no team, so nothing shows we can deliver it.',
      es: 'El compromiso {thing} no indica equipo, así que nada muestra que podamos cumplirlo.',
    },
    fix: { en: 'Write the team that will do the work, as named on the Capacity sheet.', es: 'Escriba el equipo que hará el trabajo, como se llama en la hoja Capacidad.' },
    step: { en: 'Name the team that delivers {thing}', es: 'Indique el equipo que cumple {thing}' },
  },
  commitmentNoDueDate: {
    code: 'commitment-no-due-date',
    phase: 'commitment',
    severity: 'error',
    trigger: { en: 'A commitment has no due date.', es: 'Un compromiso no tiene fecha límite.' },
    message: { en: 'Commitment {thing} has no due date.', es: 'El compromiso {thing} no tiene fecha límite.' },
    fix: { en: 'Agree a due date within the planning period.', es: 'Acuerde una fecha límite dentro del periodo del plan.' },
    step: { en: 'Agree a due date for {thing}', es: 'Acuerde una fecha límite para {thing}' },
  },
  dueOutsidePeriod: {
    code: 'due-outside-period',
    phase: 'commitment',
    severity: 'warning',
    trigger: { en: 'A commitment is due outside the planning period.', es: 'Un compromiso vence fuera del periodo del plan.' },
    message: {
      en: 'Commitment {thing} is due on {due}, outside the plan period {start} to {end}.',
      es: 'El compromiso {thing} vence el {due}, fuera del periodo del plan del {start} al {end}.',
    },
    fix: { en: 'Move it into the period or leave it for the next plan.', es: 'Muévalo dentro del periodo o déjelo para el próximo plan.' },
    step: { en: 'Move {thing} into the plan period', es: 'Mueva {thing} dentro del periodo del plan' },
  },
  commitmentOverdue: {
    code: 'commitment-overdue',
    phase: 'commitment',
    severity: 'warning',
    trigger: { en: 'A commitment is past its due date and not done or cancelled.', es: 'Un compromiso pasó su fecha límite y no está cumplido ni cancelado.' },
    message: { en: 'Commitment {thing} was due on {due} and is not done.', es: 'El compromiso {thing} vencía el {due} y no está cumplido.' },
    fix: {
      en: 'Deliver it or agree a new date with the client now: a missed commitment costs the relationship.',
      es: 'Cúmplalo o acuerde ya una nueva fecha con el cliente: un compromiso incumplido cuesta la relación.',
    },
    step: { en: 'Deliver {thing} or agree a new date with the client', es: 'Cumpla {thing} o acuerde una nueva fecha con el cliente' },
  },
  counterpartNotMapped: {
    code: 'counterpart-not-mapped',
    phase: 'commitment',
    severity: 'warning',
    trigger: { en: 'A commitment’s client counterpart is not in the stakeholder map.', es: 'La contraparte del cliente de un compromiso no está en el mapa de actores.' },
    message: {
      en: 'Commitment {thing}: client counterpart "{person}" is not in the stakeholder map.',
      es: 'Compromiso {thing}: la contraparte del cliente "{person}" no está en el mapa de actores.',
    },
    fix: {
      en: 'Add them to the Stakeholders sheet with role and attitude (or write the name or ID as mapped).',
      es: 'Agréguela a la hoja Actores con rol y actitud (o escriba el nombre o ID como figura allí).',
    },
    step: { en: 'Map {person}, the counterpart of {thing}, in the stakeholder map', es: 'Agregue a {person}, contraparte de {thing}, al mapa de actores' },
  },
  counterpartOpponent: {
    code: 'counterpart-opponent',
    phase: 'commitment',
    severity: 'warning',
    trigger: { en: 'A commitment’s client counterpart is mapped as an opponent.', es: 'La contraparte del cliente de un compromiso figura como opositor.' },
    message: {
      en: 'Commitment {thing}: client counterpart {person} is mapped as an opponent.',
      es: 'Compromiso {thing}: la contraparte del cliente {person} figura como opositor.',
    },
    fix: {
      en: 'Win them over first, or agree it with a supporter who has the authority.',
      es: 'Gánese primero a esa persona, o acuérdelo con un partidario que tenga la autoridad.',
    },
    step: { en: 'Win over {person}, or agree {thing} with a supporter', es: 'Gánese a {person}, o acuerde {thing} con un partidario' },
  },
  commitmentNoCounterpart: {
    code: 'commitment-no-counterpart',
    phase: 'commitment',
    severity: 'info',
    trigger: { en: 'A client or joint commitment names no client counterpart.', es: 'Un compromiso del cliente o conjunto no nombra contraparte del cliente.' },
    message: { en: '{side} commitment {thing} names no client counterpart.', es: 'El compromiso {side} {thing} no nombra contraparte del cliente.' },
    fix: { en: 'Write who at the client answers for it.', es: 'Escriba quién responde por él en el cliente.' },
    step: { en: 'Name who at the client answers for {thing}', es: 'Indique quién responde por {thing} en el cliente' },
  },
} satisfies Record<string, RuleDef>;

const R = COMMITMENT_RULES;

/** At most this many commitments are named in one capacity message. */
const NAMED_IN_MESSAGE = 10;

export function checkCommitments(ctx: RuleContext, ledger: CapacityLedger): void {
  const { plan } = ctx;
  if (ctx.hasSheet('plan')) signOff(ctx);
  if (!ctx.hasSheet('commitments')) return;
  const live = plan.commitments.filter((c) => c.status !== 'cancelled');
  const header = { sheet: ctx.sheetName('commitments'), cell: ctx.headerCell('commitments') };
  if (live.length === 0) {
    ctx.raise(R.noCommitment, header);
    return;
  }
  if (ctx.hasColumn('commitments', 'side') && !live.some((c) => c.side === 'client' || c.side === 'joint')) ctx.raise(R.internalOnlyPlan, header);

  const visions = visionIds(plan);
  const people = stakeholderIndex(plan.stakeholders);
  const { periodStart, periodEnd } = plan.summary;
  for (const c of live) {
    // Named only when a finding needs it: most rows raise none.
    const thing = (): Label => ctx.thing(c, c.commitment);
    const place = (key: string) => ({ sheet: c.sheet, cell: ctx.cell(c, key) });
    const side = sideLabel(c);
    if (c.owner === '' && ctx.known(c, 'owner')) ctx.raise(R.commitmentNoOwner, place('owner'), { thing: thing() });
    if (ctx.known(c, 'supports') && ctx.hasSheet('vision') && !c.supports.some((id) => visions.has(matchKey(id)))) {
      ctx.raise(R.commitmentNoVision, place('supports'), { thing: thing() });
    }
    if (c.side === 'client') {
      if (c.needsApproval === true) ctx.raise(R.clientCommitmentNeedsApproval, place('needsApproval'), { thing: thing() });
    } else if (c.needsApproval === true && c.approvedBy === '' && ctx.known(c, 'approvedBy')) {
      ctx.raise(R.commitmentNotApproved, place('approvedBy'), { thing: thing() });
    }
    if ((c.side === 'client' || c.side === 'joint') && c.clientAgreed !== true && ctx.known(c, 'clientAgreed')) {
      const who: Label = c.clientCounterpart !== '' ? { en: c.clientCounterpart, es: c.clientCounterpart } : { en: 'the client', es: 'el cliente' };
      ctx.raise(R.commitmentNotAgreed, place('clientAgreed'), { thing: thing(), side, who });
    }
    if (c.due === undefined) {
      if (ctx.known(c, 'due')) ctx.raise(R.commitmentNoDueDate, place('due'), { thing: thing() });
    } else {
      if ((periodStart !== undefined && c.due < periodStart) || (periodEnd !== undefined && c.due > periodEnd)) {
        ctx.raise(R.dueOutsidePeriod, place('due'), {
          thing: thing(),
          due: formatDay(c.due),
          start: periodStart === undefined ? '…' : formatDay(periodStart),
          end: periodEnd === undefined ? '…' : formatDay(periodEnd),
        });
      }
      if (c.status !== 'done' && c.due < ctx.asOf) ctx.raise(R.commitmentOverdue, place('due'), { thing: thing(), due: formatDay(c.due) });
    }
    if (consumesCapacity(c)) {
      if (c.team === '') {
        if (ctx.known(c, 'team')) ctx.raise(R.commitmentNoTeam, place('team'), { thing: thing() });
      } else if (c.due !== undefined && ledger.teams.has(matchKey(c.team)) && !ledger.standing(c)?.covered && !ledger.unplaced.has(matchKey(c.team))) {
        // A row of the team whose span cannot be read might cover it: capacity-unreadable says so instead.
        ctx.raise(R.outsideCapacitySpan, place('due'), { thing: thing(), due: formatDay(c.due), team: c.team });
      }
    }
    if (c.side === 'client' || c.side === 'joint') {
      if (c.clientCounterpart === '' && ctx.known(c, 'clientCounterpart')) ctx.raise(R.commitmentNoCounterpart, place('clientCounterpart'), { thing: thing(), side });
    }
    if (c.clientCounterpart !== '' && ctx.hasSheet('stakeholders')) {
      const person = people.get(matchKey(c.clientCounterpart));
      if (!person) ctx.raise(R.counterpartNotMapped, place('clientCounterpart'), { thing: thing(), person: c.clientCounterpart });
      else if (person.attitude === 'opponent') {
        ctx.raise(R.counterpartOpponent, place('clientCounterpart'), { thing: thing(), person: ctx.thing(person, person.name) });
      }
    }
  }
  teamsWithoutCapacity(ctx, live, ledger);
  capacityLoads(ctx, ledger);
}

function signOff(ctx: RuleContext): void {
  const s = ctx.plan.summary;
  const by = { en: 'Client sign-off by', es: 'Aprobado por el cliente' };
  const date = { en: 'Client sign-off date', es: 'Fecha de aprobación del cliente' };
  const missingBy = s.signOffBy === '' && ctx.fieldKnown('signOffBy');
  const missingDate = s.signOffDate === undefined && ctx.fieldKnown('signOffDate');
  if (!missingBy && !missingDate) return;
  const missing: Label = missingBy && missingDate ? { en: `${by.en}, ${date.en}`, es: `${by.es}, ${date.es}` } : missingBy ? by : date;
  ctx.raise(R.noClientSignOff, { sheet: ctx.sheetName('plan'), cell: ctx.fieldCell(missingBy ? 'signOffBy' : 'signOffDate') }, { missing });
}

/** Stakeholders by name and by ID: a counterpart may be written either way. */
function stakeholderIndex(people: readonly Stakeholder[]): Map<string, Stakeholder> {
  const index = new Map<string, Stakeholder>();
  for (const p of people) {
    for (const key of [p.name, p.id]) {
      const k = matchKey(key);
      if (k !== '' && !index.has(k)) index.set(k, p);
    }
  }
  return index;
}

function sideLabel(c: Commitment): Label {
  if (c.side === 'client') return { en: 'Client', es: 'del cliente' };
  if (c.side === 'joint') return { en: 'Joint', es: 'conjunto' };
  return { en: 'Our', es: 'nuestro' };
}

/** One finding per team with no capacity row at all, on its first commitment. */
function teamsWithoutCapacity(ctx: RuleContext, live: readonly Commitment[], ledger: CapacityLedger): void {
  if (!ctx.hasSheet('capacity')) return;
  const byTeam = new Map<string, Commitment[]>();
  for (const c of live) {
    if (!consumesCapacity(c) || c.team === '') continue;
    const k = matchKey(c.team);
    if (ledger.teams.has(k)) continue;
    const list = byTeam.get(k);
    if (list) list.push(c);
    else byTeam.set(k, [c]);
  }
  for (const list of byTeam.values()) {
    const first = list[0];
    ctx.raise(R.teamNoCapacity, { sheet: first.sheet, cell: ctx.cell(first, 'team') }, { team: first.team, commitments: nameList(ctx, list) }, list);
  }
}

/** One finding per overloaded capacity row, naming every commitment that shares the span. */
function capacityLoads(ctx: RuleContext, ledger: CapacityLedger): void {
  const currency = ctx.plan.summary.currency === '' ? '' : ` ${ctx.plan.summary.currency}`;
  for (const load of ledger.loads) {
    if (!load.overHours && !load.overBudget) continue;
    const row = load.capacity;
    // Only the first few are named, so a crowded span costs no more than a small one.
    const commitments = nameList(ctx, ledger.commitmentsIn(load, NAMED_IN_MESSAGE), ledger.countIn(load));
    const span = spanParams(load);
    if (load.overHours) {
      ctx.raise(R.overCapacity, { sheet: row.sheet, cell: ctx.cell(row, 'availableHours') }, {
        ...span,
        committed: formatNumber(load.committedHours, ctx.lang),
        available: formatNumber(row.availableHours ?? 0, ctx.lang),
        commitments,
      }, ledger.commitmentsIn(load));
    }
    if (load.overBudget) {
      ctx.raise(R.overBudget, { sheet: row.sheet, cell: ctx.cell(row, 'budget') }, {
        ...span,
        committed: `${formatAmount(load.committedCost, ctx.lang)}${currency}`,
        budget: `${formatAmount(row.budget ?? 0, ctx.lang)}${currency}`,
        commitments,
      }, ledger.commitmentsIn(load));
    }
  }
  unreadableSpans(ctx, ledger);
}

const FIELD_WORDS: Record<Unjudged['key'], Label> = {
  availableHours: { en: 'Available hours', es: 'Horas disponibles' },
  budget: { en: 'Budget', es: 'Presupuesto' },
  start: { en: 'Period start', es: 'Inicio' },
  end: { en: 'Period end', es: 'Fin' },
  effortHours: { en: 'the Effort hours of', es: 'las Horas de esfuerzo de' },
  cost: { en: 'the Cost of', es: 'el Costo de' },
};

/**
 * One finding per capacity span that cannot be judged, at its first unreadable
 * cell: a figure the check cannot read is never taken as zero, so the
 * commitments in that span get no-capacity instead of a guessed verdict.
 */
function unreadableSpans(ctx: RuleContext, ledger: CapacityLedger): void {
  for (const load of ledger.loads) {
    if (load.unjudged.length === 0 || ledger.countIn(load) === 0) continue;
    const inSpan = ledger.commitmentsIn(load);
    const commitments = nameList(ctx, inSpan.slice(0, NAMED_IN_MESSAGE), inSpan.length);
    raiseUnreadable(ctx, load.capacity, load.unjudged, commitments, inSpan, spanParams(load));
  }
  // Rows whose span cannot be read cover nothing: name the team's commitments that no other row covers.
  for (const [team, rows] of ledger.unplaced) {
    const uncovered = ctx.plan.commitments.filter((c) => consumesCapacity(c) && c.due !== undefined && matchKey(c.team) === team && !ledger.standing(c)?.covered);
    if (uncovered.length === 0) continue;
    const commitments = nameList(ctx, uncovered.slice(0, NAMED_IN_MESSAGE), uncovered.length);
    for (const row of rows) {
      const keys = (['start', 'end'] as const).filter((k) => isUnread(row, k)).map((key) => ({ record: row, key }));
      raiseUnreadable(ctx, row, keys, commitments, uncovered, { team: row.team, start: row.start === undefined ? '…' : formatDay(row.start), end: row.end === undefined ? '…' : formatDay(row.end) });
    }
  }
}

function raiseUnreadable(
  ctx: RuleContext,
  row: CapacityRow,
  cells: readonly Unjudged[],
  commitments: Label,
  concerns: readonly Commitment[],
  span: { team: string; start: string; end: string },
): void {
  const shown = cells.slice(0, NAMED_IN_MESSAGE);
  const why = (lang: 'en' | 'es'): string =>
    shown
      .map((u) => {
        const cell = ctx.cell(u.record, u.key);
        const words = FIELD_WORDS[u.key][lang];
        if (u.record === row) return `${words} (${cell})`;
        const id = (u.record as Commitment).id || cell;
        return `${words} ${id} (${cell})`;
      })
      .join(lang === 'es' ? ' ni ' : ', ');
  const cellList = shown.map((u) => `${u.record.sheet}!${ctx.cell(u.record, u.key)}`).join(', ');
  // At the span's team cell: the unreadable cell has its own reading finding, and this one is about the span.
  ctx.raise(
    R.capacityUnreadable,
    { sheet: row.sheet, cell: ctx.cell(row, 'team') },
    { ...span, why: { en: why('en'), es: why('es') }, commitments, cells: cellList },
    concerns,
  );
}

function spanParams(load: CapacityLoad): { team: string; start: string; end: string } {
  const row = load.capacity;
  return { team: row.team, start: row.start === undefined ? '…' : formatDay(row.start), end: row.end === undefined ? '…' : formatDay(row.end) };
}

/** `C4 "Build the model", C5 "..."` — the first few, then how many more. */
function nameList(ctx: RuleContext, list: readonly Commitment[], total = list.length): Label {
  const shown = list.slice(0, NAMED_IN_MESSAGE).map((c) => ctx.thing(c, c.commitment));
  const more = total - shown.length;
  return {
    en: shown.map((t) => t.en).join(', ') + (more > 0 ? ` and ${more} more` : ''),
    es: shown.map((t) => t.es).join(', ') + (more > 0 ? ` y ${more} más` : ''),
  };
}
