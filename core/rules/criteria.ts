// The method's criteria, phase by phase, each worth set points: what the
// scorecard measures a plan against. Each one names the rules whose findings
// show it unmet and the sentence of the article it comes from, so
// docs/rules.md can print the whole model.

import { needsInternalApproval } from '../approval';
import { SupportReason } from '../check-context';
import { Label, PLAN_SHEET, SheetKey } from '../contract';
import { Commitment, Plan, RowOrigin } from '../plan';
import type { CriterionScope } from '../score';

export type ScoredPhase = 'knowledge' | 'vision' | 'commitment';
export const SCORED_PHASES: readonly ScoredPhase[] = ['knowledge', 'vision', 'commitment'];

/** The sheets whose rows each phase judges; the first is the one an empty phase is told by. */
export const PHASE_SHEETS: Record<ScoredPhase, readonly SheetKey[]> = {
  knowledge: ['knowledge', 'learning', 'stakeholders'],
  vision: ['vision'],
  commitment: ['commitments', 'capacity'],
};

/** The rule that says a sheet has nothing in it: an empty sheet's missing points are charged to it. */
export const EMPTY_SHEET_RULES: Partial<Record<SheetKey, readonly string[]>> = {
  knowledge: ['no-knowledge'],
  learning: ['no-learning-plan'],
  stakeholders: ['no-stakeholders'],
  vision: ['no-opportunity'],
  commitments: ['no-commitment'],
};

export interface Criterion {
  code: string;
  phase: ScoredPhase;
  /** Points of its phase's 100. */
  weight: number;
  /** What a plan that meets it shows. */
  label: Label;
  /** The sentence of the method's article it comes from (Spanish, as written). */
  source: string;
  /** Rules whose findings show it unmet. */
  rules: readonly string[];
  /** How it is shared: by the plan as a whole, or evenly by the rows it judges. */
  per: Label;
  evaluate(scope: CriterionScope): void;
}

const live = <T extends { status?: string }>(rows: readonly T[]): T[] => rows.filter((r) => r.status !== 'cancelled');

/** The rows of a sheet the phase starts from: cancelled activities and commitments promise nothing. */
function baseRows(plan: Plan, key: SheetKey): readonly RowOrigin[] {
  switch (key) {
    case 'knowledge':
      return plan.knowledge;
    case 'learning':
      return live(plan.learning);
    case 'stakeholders':
      return plan.stakeholders;
    case 'vision':
      return plan.vision;
    case 'commitments':
      return live(plan.commitments);
    case 'capacity':
      return plan.capacity;
    default:
      return [];
  }
}

/** A missing or empty base sheet, or a missing column the criterion reads: the whole criterion is missing. */
function baseMissing(scope: CriterionScope, sheet: SheetKey, columns: readonly string[]): boolean {
  const c = scope.criterion;
  const absent = scope.absence(sheet, columns);
  if (absent) {
    scope.miss(c.weight, absent);
    return true;
  }
  if (baseRows(scope.plan, sheet).length === 0) {
    scope.miss(c.weight, scope.emptiness(sheet));
    return true;
  }
  return false;
}

interface RowsSpec<T extends RowOrigin> {
  code: string;
  phase: ScoredPhase;
  weight: number;
  label: Label;
  source: string;
  /** The sheet that must hold rows for the criterion to earn anything. */
  base: SheetKey;
  /** The sheet of the rows judged, when not the base (its columns are checked too). */
  sheet?: SheetKey;
  rows: (plan: Plan) => readonly T[];
  rules: readonly string[];
  /** Columns it reads: a row whose cell there cannot be read fails, charged to the reading finding. */
  columns: readonly string[];
  /** When the row fails, told from the data (default: some finding explains it). */
  fails?: (row: T, scope: CriterionScope) => boolean;
}

const PER_ROW: Label = { en: 'shared by the rows it judges', es: 'repartido entre las filas que juzga' };
const PER_PLAN: Label = { en: 'the plan as a whole', es: 'el plan en conjunto' };

function perRow<T extends RowOrigin>(spec: RowsSpec<T>): Criterion {
  return {
    code: spec.code,
    phase: spec.phase,
    weight: spec.weight,
    label: spec.label,
    source: spec.source,
    rules: spec.rules,
    per: PER_ROW,
    evaluate(scope) {
      const sheet = spec.sheet ?? spec.base;
      if (baseMissing(scope, spec.base, sheet === spec.base ? spec.columns : [])) return;
      if (sheet !== spec.base) {
        const absent = scope.absence(sheet, spec.columns);
        if (absent) return scope.miss(spec.weight, absent);
      }
      const rows = spec.rows(scope.plan);
      // Nothing of the kind to judge (no high-impact item to confirm): nothing is missing.
      if (rows.length === 0) return;
      const share = spec.weight / rows.length;
      for (const row of rows) {
        const why = scope.atRow(row, spec.rules, spec.columns);
        const failing = spec.fails ? spec.fails(row, scope) : why.length > 0;
        if (failing) scope.miss(share, why);
      }
    },
  };
}

interface PlanSpec {
  code: string;
  phase: ScoredPhase;
  weight: number;
  label: Label;
  source: string;
  base: SheetKey;
  rules: readonly string[];
  columns: readonly string[];
  /** How much of it the plan shows, 0–1, told from the data (default: all of it unless one of its rules fired). */
  share?: (plan: Plan) => number;
  /** Other findings that explain it (reading findings on the Plan sheet's fields). */
  also?: (scope: CriterionScope) => number[];
}

function wholePlan(spec: PlanSpec): Criterion {
  return {
    code: spec.code,
    phase: spec.phase,
    weight: spec.weight,
    label: spec.label,
    source: spec.source,
    rules: spec.rules,
    per: PER_PLAN,
    evaluate(scope) {
      if (baseMissing(scope, spec.base, spec.columns)) return;
      const why = [...scope.ofRules(spec.rules), ...(spec.also?.(scope) ?? [])];
      const share = spec.share ? spec.share(scope.plan) : why.length > 0 ? 0 : 1;
      if (share < 1) scope.miss(spec.weight * (1 - Math.max(0, share)), why);
    },
  };
}

/** Every row of the phase's sheets reads cleanly: one share per sheet (its header) and one per row. */
function integrity(phase: ScoredPhase, weight: number): Criterion {
  const sheets = PHASE_SHEETS[phase];
  return {
    code: `${phase}-readable`,
    phase,
    weight,
    label: {
      en: `The ${sheets.length > 1 ? 'sheets' : 'sheet'} of the phase read cleanly: no missing sheet or column, no value the check cannot read, no duplicate ID or broken reference`,
      es: `Las hojas de la fase se leen sin problemas: sin hojas ni columnas faltantes, sin valores ilegibles, sin ID repetidos ni referencias rotas`,
    },
    source: 'Hay que utilizar un proceso formal y bien documentado para el desarrollo del Plan de Cuenta.',
    rules: ['structure findings on these sheets'],
    per: { en: 'shared by each sheet and each of its rows', es: 'repartido entre cada hoja y cada una de sus filas' },
    evaluate(scope) {
      const main = sheets[0];
      const absent = scope.absence(main, []);
      if (absent) return scope.miss(weight, absent);
      if (baseRows(scope.plan, main).length === 0) return scope.miss(weight, scope.emptiness(main));
      const parts = sheets.map((key) => ({ key, structure: scope.structureOf(key), rows: allRows(scope.plan, key) }));
      const units = parts.reduce((n, p) => n + 1 + p.rows, 0);
      const share = weight / units;
      for (const p of parts) {
        if (p.structure.sheetWide.length > 0) scope.miss(share, p.structure.sheetWide);
        for (const why of p.structure.byRow.values()) scope.miss(share, why);
      }
    },
  };
}

function allRows(plan: Plan, key: SheetKey): number {
  const rows: Partial<Record<SheetKey, readonly unknown[]>> = {
    knowledge: plan.knowledge,
    learning: plan.learning,
    stakeholders: plan.stakeholders,
    vision: plan.vision,
    commitments: plan.commitments,
    capacity: plan.capacity,
  };
  return rows[key]?.length ?? 0;
}

const count = (plan: Plan, ...categories: string[]): number =>
  plan.knowledge.filter((k) => k.category !== undefined && categories.includes(k.category)).length;
const hasReason = (c: Commitment, scope: CriterionScope, ...reasons: SupportReason[]): boolean =>
  scope.verdictOf(c)?.reasons.some((r) => reasons.includes(r)) ?? false;
const clientSide = (c: Commitment): boolean => c.side === 'client' || c.side === 'joint';

const K = 'knowledge';
const V = 'vision';
const C = 'commitment';

const KNOWLEDGE_SOURCE = 'lograr un alto nivel de conocimiento, al menos, de dos elementos: Las variables principales de la industria en la cual trabaja su cliente y el estado de las principales operaciones de su cliente.';
const OPERATIONS_SOURCE = 'no sabia cual era el estado de cada una de estas empresas en su industria, cuales eran sus ventajas competitivas, sus principales problemas de negocio';
const LEARNING_SOURCE = 'su Plan de Cuenta, debe incluir como primer paso un plan detallado de trabajo de Conocimiento';
const SUPPORT_SOURCE = 'Esta es una fase más política que las anteriores, es una fase más de venta y convencimiento, más de buscar los apoyos correctos y de consenso.';
const VISION_SOURCE = 'Obviamente su visión debe estar dentro del marco de trabajo y variables de negocio que usted logró conocer muy bien en la primera fase.';
const BENEFIT_SOURCE = 'usted debe lograr plasmar un panorama de negocios para el cliente en el cual se generan beneficios y ganancias';
const VALIDATE_SOURCE = 'Apóyese en su equipo de trabajo, solicite ayuda al cliente para conocer más y validar algunos planteamientos';
const INTERNAL_SOURCE = 'debe lograr un compromiso de su equipo de trabajo (…) debe estar en capacidad de sustentarlo internamente para después vender la idea a su cliente';
const CLIENT_SOURCE = 'Un plan exitoso de cuenta es aquel que el cliente conoce, comparte, tiene su aporte y cuenta con su compromiso.';
const DELIVER_SOURCE = 'No olvide garantizar que su organización puede cumplir y entregar lo que compromete en su plan.';
const PERIOD_SOURCE = 'lograr un compromiso de su cliente para desarrollar un plan de trabajo en el periodo de planeación (trimestre, semestre, año)';

/** Every criterion; each phase's weights add up to 100. */
export const CRITERIA: readonly Criterion[] = [
  // Knowledge: the industry's variables, the client's own operations, a learning plan, and the people.
  integrity(K, 10),
  wholePlan({
    code: 'business-problems-known', phase: K, weight: 8, base: 'knowledge', rules: ['no-business-problem'], columns: ['category'],
    label: { en: 'The client’s business problems are recorded', es: 'Están registrados los problemas de negocio del cliente' },
    source: OPERATIONS_SOURCE,
  }),
  wholePlan({
    code: 'industry-variables-known', phase: K, weight: 8, base: 'knowledge', rules: ['few-industry-variables'], columns: ['category'],
    share: (plan) => Math.min(1, count(plan, 'industryVariable') / 3),
    label: { en: 'At least three variables of the client’s industry are recorded (a third for each)', es: 'Hay al menos tres variables de la industria del cliente (un tercio por cada una)' },
    source: KNOWLEDGE_SOURCE,
  }),
  wholePlan({
    code: 'advantages-known', phase: K, weight: 5, base: 'knowledge', rules: ['no-competitive-advantage'], columns: ['category'],
    label: { en: 'The client’s competitive advantages are recorded', es: 'Están registradas las ventajas competitivas del cliente' },
    source: OPERATIONS_SOURCE,
  }),
  wholePlan({
    code: 'position-known', phase: K, weight: 5, base: 'knowledge', rules: ['no-industry-position'], columns: ['category'],
    label: { en: 'The client’s industry position or competitors are recorded', es: 'Están registrados la posición del cliente en su industria o sus competidores' },
    source: OPERATIONS_SOURCE,
  }),
  perRow({
    code: 'knowledge-sourced', phase: K, weight: 8, base: 'knowledge', rows: (p) => p.knowledge, rules: ['finding-no-source'], columns: ['source'],
    label: { en: 'Every knowledge item says where it comes from', es: 'Cada hallazgo dice de dónde viene' },
    source: 'Hay que utilizar un proceso formal y bien documentado para el desarrollo del Plan de Cuenta.',
  }),
  perRow({
    code: 'knowledge-confirmed', phase: K, weight: 8, base: 'knowledge', rows: (p) => p.knowledge.filter((k) => k.impact === 'high'), rules: ['high-impact-unconfirmed'], columns: ['confirmed'],
    label: { en: 'Every high-impact knowledge item is confirmed with the client', es: 'Cada hallazgo de impacto alto está confirmado con el cliente' },
    source: VALIDATE_SOURCE,
  }),
  perRow({
    code: 'knowledge-fresh', phase: K, weight: 5, base: 'knowledge', rows: (p) => p.knowledge, rules: ['stale-knowledge'], columns: ['lastVerified'],
    label: { en: 'Every knowledge item was verified recently', es: 'Cada hallazgo se verificó hace poco' },
    source: 'debe lograr un muy buen conocimiento de su negocio',
  }),
  wholePlan({
    code: 'learning-planned', phase: K, weight: 8, base: 'learning', rules: ['no-learning-plan'], columns: [],
    label: { en: 'There is a learning plan', es: 'Hay un plan de aprendizaje' },
    source: LEARNING_SOURCE,
  }),
  perRow({
    code: 'learning-owned', phase: K, weight: 4, base: 'learning', rows: (p) => live(p.learning), rules: ['learning-no-owner'], columns: ['owner'],
    label: { en: 'Every learning activity has an owner', es: 'Cada actividad de aprendizaje tiene responsable' },
    source: LEARNING_SOURCE,
  }),
  perRow({
    code: 'learning-on-time', phase: K, weight: 4, base: 'learning', rows: (p) => live(p.learning), rules: ['learning-overdue'], columns: ['due', 'status'],
    label: { en: 'Learning activities are carried out on time', es: 'Las actividades de aprendizaje se realizan a tiempo' },
    source: 'estuve dos semanas, de tiempo completo en las plantas y minas de este cliente aprendiendo de su negocio',
  }),
  wholePlan({
    code: 'decision-maker-mapped', phase: K, weight: 6, base: 'stakeholders', rules: ['no-decision-maker'], columns: ['role'],
    label: { en: 'A decision maker is mapped', es: 'Hay un decisor identificado' },
    source: SUPPORT_SOURCE,
  }),
  wholePlan({
    code: 'several-stakeholders', phase: K, weight: 5, base: 'stakeholders', rules: ['single-threaded'], columns: [],
    share: (plan) => Math.min(1, plan.stakeholders.length / 3),
    label: { en: 'At least three stakeholders are mapped (a third for each)', es: 'Hay al menos tres actores identificados (un tercio por cada uno)' },
    source: SUPPORT_SOURCE,
  }),
  wholePlan({
    code: 'supporter-at-top', phase: K, weight: 5, base: 'stakeholders', rules: ['no-supporter-at-top', 'no-decision-maker'], columns: ['role', 'attitude'],
    share: (plan) => (plan.stakeholders.some((p) => (p.role === 'decisionMaker' || p.role === 'financialApprover') && p.attitude === 'supporter') ? 1 : 0),
    label: { en: 'A decision maker or financial approver supports us', es: 'Un decisor o aprobador financiero nos apoya' },
    source: SUPPORT_SOURCE,
  }),
  wholePlan({
    code: 'skeptics-named', phase: K, weight: 3, base: 'stakeholders', rules: ['only-supporters'], columns: ['attitude'],
    label: { en: 'The map names the neutral, the skeptics and the opponents too', es: 'El mapa nombra también a neutrales, escépticos y opositores' },
    source: SUPPORT_SOURCE,
  }),
  perRow({
    code: 'stakeholder-roles', phase: K, weight: 3, base: 'stakeholders', rows: (p) => p.stakeholders, rules: ['stakeholder-no-role'], columns: ['role'],
    label: { en: 'Every stakeholder’s role in the decision is known', es: 'Se conoce el rol de cada actor en la decisión' },
    source: SUPPORT_SOURCE,
  }),
  perRow({
    code: 'stakeholders-in-touch', phase: K, weight: 5, base: 'stakeholders', rows: (p) => p.stakeholders.filter((s) => s.role === 'decisionMaker' || s.role === 'coach'), rules: ['cold-contact'], columns: ['lastContact'],
    label: { en: 'Decision makers and coaches were contacted recently', es: 'Decisores y aliados internos fueron contactados hace poco' },
    source: SUPPORT_SOURCE,
  }),

  // Vision: opportunities grounded in what we know, with the client's benefit and value, validated.
  integrity(V, 10),
  perRow({
    code: 'opportunities-grounded', phase: V, weight: 15, base: 'vision', rows: (p) => p.vision, rules: ['opportunity-ungrounded'], columns: ['addresses'],
    label: { en: 'Every opportunity addresses something we know about the client', es: 'Cada oportunidad atiende algo que sabemos del cliente' },
    source: VISION_SOURCE,
  }),
  perRow({
    code: 'solutions-named', phase: V, weight: 5, base: 'vision', rows: (p) => p.vision, rules: ['no-solution'], columns: ['solution'],
    label: { en: 'Every opportunity says which of our solutions it uses', es: 'Cada oportunidad dice qué solución nuestra usa' },
    source: 'crear una visión de cómo sus soluciones apoyan el negocio del cliente',
  }),
  perRow({
    code: 'benefits-written', phase: V, weight: 10, base: 'vision', rows: (p) => p.vision, rules: ['no-client-benefit'], columns: ['clientBenefit'],
    label: { en: 'Every opportunity says how the client benefits', es: 'Cada oportunidad dice cómo se beneficia el cliente' },
    source: BENEFIT_SOURCE,
  }),
  perRow({
    code: 'value-quantified', phase: V, weight: 10, base: 'vision', rows: (p) => p.vision, rules: ['no-client-value'], columns: ['clientValue'],
    label: { en: 'Every opportunity quantifies its value for the client', es: 'Cada oportunidad cuantifica su valor para el cliente' },
    source: BENEFIT_SOURCE,
  }),
  perRow({
    code: 'opportunities-validated', phase: V, weight: 10, base: 'vision', rows: (p) => p.vision, rules: ['still-hypothesis'], columns: ['validation'],
    label: { en: 'Every opportunity is validated by our team or the client', es: 'Cada oportunidad está validada por el equipo o el cliente' },
    source: VALIDATE_SOURCE,
  }),
  perRow({
    code: 'validators-named', phase: V, weight: 5, base: 'vision', rows: (p) => p.vision.filter((v) => v.validation === 'team' || v.validation === 'client'), rules: ['validated-with-nobody'], columns: ['validatedWith'],
    label: { en: 'Every validated opportunity says who validated it', es: 'Cada oportunidad validada dice quién la validó' },
    source: VALIDATE_SOURCE,
  }),
  wholePlan({
    code: 'validated-with-client', phase: V, weight: 10, base: 'vision', rules: ['nothing-validated-with-client'], columns: ['validation'],
    label: { en: 'Some opportunity is validated with the client', es: 'Alguna oportunidad está validada con el cliente' },
    source: VALIDATE_SOURCE,
  }),
  perRow({
    code: 'problems-addressed', phase: V, weight: 15, base: 'vision', sheet: 'knowledge', rows: (p) => p.knowledge.filter((k) => k.category === 'businessProblem' && k.impact === 'high'), rules: ['problem-unaddressed'], columns: [],
    label: { en: 'Every high-impact business problem is addressed by an opportunity', es: 'Cada problema de negocio de impacto alto tiene una oportunidad que lo atiende' },
    source: 'la idea es ir mucho más lejos y crear una visión de cómo sus soluciones apoyan el negocio del cliente',
  }),
  wholePlan({
    code: 'pipeline-covers-target', phase: V, weight: 10, base: 'vision', rules: ['pipeline-below-target', 'pipeline-unknown', 'no-revenue-target'], columns: ['ourRevenue', 'probability'],
    share: (plan) => {
      const target = plan.summary.revenueTarget;
      if (target === undefined || target <= 0) return 0;
      let pipeline = 0;
      for (const v of plan.vision) pipeline += (v.ourRevenue ?? 0) * (v.probability ?? 0);
      return Math.min(1, pipeline / target);
    },
    also: (scope) => scope.atCell(scope.plan.sheets.plan?.name ?? PLAN_SHEET[scope.plan.language], scope.plan.summary.cells.revenueTarget),
    label: { en: 'The weighted pipeline reaches the revenue target (in proportion)', es: 'El pipeline ponderado alcanza la meta de ingresos (en proporción)' },
    source: 'Una de las funciones fundamentales del KAM es “Desarrollar Oportunidades de Negocio” en sus cuentas estratégicas.',
  }),

  // Commitment: supported commitments, our side approved and deliverable, the client's side agreed, the plan signed off.
  integrity(C, 10),
  wholePlan({
    code: 'client-commits', phase: C, weight: 10, base: 'commitments', rules: ['internal-only-plan'], columns: ['side'],
    label: { en: 'The client has commitments of its own or joint ones', es: 'El cliente tiene compromisos propios o conjuntos' },
    source: CLIENT_SOURCE,
  }),
  wholePlan({
    code: 'client-signed-off', phase: C, weight: 10, base: 'commitments', rules: ['no-client-sign-off'], columns: [],
    share: (plan) => (plan.summary.signOffBy !== '' && plan.summary.signOffDate !== undefined ? 1 : 0),
    also: (scope) => {
      const sheet = scope.plan.sheets.plan?.name ?? PLAN_SHEET[scope.plan.language];
      return [...scope.atCell(sheet, scope.plan.summary.cells.signOffBy), ...scope.atCell(sheet, scope.plan.summary.cells.signOffDate), ...scope.ofRules(['missing-field'])];
    },
    label: { en: 'The client signed the plan off (who and when)', es: 'El cliente aprobó el plan (quién y cuándo)' },
    source: CLIENT_SOURCE,
  }),
  perRow({
    code: 'commitments-supported', phase: C, weight: 15, base: 'commitments', rows: (p) => live(p.commitments),
    rules: ['commitment-not-approved', 'commitment-not-agreed', 'over-capacity', 'over-budget', 'capacity-unreadable', 'team-no-capacity', 'outside-capacity-span', 'commitment-no-team', 'commitment-no-owner', 'commitment-no-vision', 'commitment-no-due-date', 'unknown-reference'],
    columns: ['owner', 'supports', 'needsApproval', 'approvedBy', 'clientAgreed', 'side', 'team', 'due', 'effortHours', 'cost'],
    fails: (c, scope) => scope.verdictOf(c)?.supported === false,
    label: { en: 'Every commitment is supported: backed by the vision, owned, approved, agreed and within capacity', es: 'Cada compromiso tiene respaldo: visión, responsable, aprobación, acuerdo y capacidad' },
    source: 'El peor resultado de un plan es no lograr cumplir lo que en el se comprometió',
  }),
  perRow({
    code: 'commitments-owned', phase: C, weight: 5, base: 'commitments', rows: (p) => live(p.commitments), rules: ['commitment-no-owner'], columns: ['owner'],
    fails: (c, scope) => hasReason(c, scope, 'no-owner'),
    label: { en: 'Every commitment has an owner', es: 'Cada compromiso tiene responsable' },
    source: 'lo cual debe llevar a la acción',
  }),
  perRow({
    code: 'commitments-serve-vision', phase: C, weight: 5, base: 'commitments', rows: (p) => live(p.commitments), rules: ['commitment-no-vision', 'unknown-reference'], columns: ['supports'],
    fails: (c, scope) => hasReason(c, scope, 'no-vision'),
    label: { en: 'Every commitment supports an opportunity of the vision', es: 'Cada compromiso respalda una oportunidad de la visión' },
    source: 'lograr un compromiso de las partes en llevar a la realidad la visión de desarrollo de la cuenta que se planteó en la fase anterior',
  }),
  perRow({
    code: 'commitments-approved', phase: C, weight: 10, base: 'commitments', rows: (p) => live(p.commitments).filter((c) => needsInternalApproval(c) || (c.side !== 'client' && hasApprovalRecord(c))),
    // A recorded approval is judged whatever Needs approval says (core/rules/approval.ts); its terms column is optional, so it is not listed.
    rules: ['commitment-not-approved', 'approval-stale', 'approval-terms-unreadable'], columns: ['needsApproval', 'approvedBy', 'cost', 'effortHours', 'due', 'team'],
    fails: (c, scope) => hasReason(c, scope, 'not-approved'),
    label: { en: 'Every commitment that needs approval is approved internally', es: 'Cada compromiso que requiere aprobación está aprobado internamente' },
    source: INTERNAL_SOURCE,
  }),
  perRow({
    code: 'commitments-agreed', phase: C, weight: 10, base: 'commitments', rows: (p) => live(p.commitments).filter(clientSide), rules: ['commitment-not-agreed'], columns: ['clientAgreed'],
    fails: (c, scope) => hasReason(c, scope, 'not-agreed'),
    label: { en: 'Every client or joint commitment is agreed with the client', es: 'Cada compromiso del cliente o conjunto está acordado con el cliente' },
    source: CLIENT_SOURCE,
  }),
  perRow({
    code: 'commitments-deliverable', phase: C, weight: 15, base: 'commitments', rows: (p) => live(p.commitments).filter((c) => c.side !== 'client'),
    rules: ['over-capacity', 'over-budget', 'capacity-unreadable', 'team-no-capacity', 'outside-capacity-span', 'commitment-no-team', 'commitment-no-due-date'],
    columns: ['team', 'due', 'effortHours', 'cost', 'side'],
    fails: (c, scope) => hasReason(c, scope, 'over-capacity', 'over-budget', 'no-capacity'),
    label: { en: 'Every commitment of ours fits its team’s capacity and budget', es: 'Cada compromiso nuestro cabe en la capacidad y el presupuesto de su equipo' },
    source: DELIVER_SOURCE,
  }),
  perRow({
    code: 'commitments-dated', phase: C, weight: 5, base: 'commitments', rows: (p) => live(p.commitments), rules: ['commitment-no-due-date', 'due-outside-period', 'commitment-overdue'], columns: ['due'],
    label: { en: 'Every commitment is due within the period and none is overdue', es: 'Cada compromiso vence dentro del periodo y ninguno está vencido' },
    source: PERIOD_SOURCE,
  }),
  perRow({
    code: 'counterparts-known', phase: C, weight: 5, base: 'commitments', rows: (p) => live(p.commitments).filter((c) => clientSide(c) || c.clientCounterpart !== ''), rules: ['commitment-no-counterpart', 'counterpart-not-mapped', 'counterpart-opponent'], columns: ['clientCounterpart'],
    label: { en: 'Every client counterpart is a mapped stakeholder who does not oppose us', es: 'Cada contraparte del cliente es un actor identificado que no se opone' },
    source: SUPPORT_SOURCE,
  }),
];

/** Approved by with terms recorded (Approve wrote them): an approval the check compares with the commitment. */
function hasApprovalRecord(c: Commitment): boolean {
  return c.approvedBy.trim() !== '' && c.approvedTerms.trim() !== '';
}
