// The workbook contract: sheets, headers and lists in English and Spanish, as data.
// Every reader and writer takes names from here; nothing else spells a header.

export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

export type SheetKey =
  | 'plan'
  | 'knowledge'
  | 'learning'
  | 'stakeholders'
  | 'vision'
  | 'commitments'
  | 'capacity'
  | 'review';

export type ListKey =
  | 'category'
  | 'level'
  | 'yesNo'
  | 'learningStatus'
  | 'role'
  | 'attitude'
  | 'validation'
  | 'side'
  | 'commitmentStatus';

/** A bilingual label. */
export interface Label {
  en: string;
  es: string;
}

export interface ListItem extends Label {
  key: string;
}

export type ColumnType =
  | { kind: 'id' }
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'number' }
  | { kind: 'money' }
  | { kind: 'percent' }
  | { kind: 'list'; list: ListKey }
  | { kind: 'refs'; sheet: SheetKey }
  /** A live formula the template writes (Capacity's committed hours and cost); `shows` is what it computes. */
  | { kind: 'formula'; shows: 'number' | 'money' };

export interface ColumnDef extends Label {
  key: string;
  type: ColumnType;
  /** Column width in characters for the template. */
  width: number;
  /**
   * A column added after workbooks were already in use: a sheet without it is
   * still read (no missing-column finding), and Create plan / `kap new` adds it.
   */
  optional?: true;
}

export interface TableSheetDef extends Label {
  key: Exclude<SheetKey, 'plan' | 'review'>;
  /** Prefix suggested for new-row IDs (K1, V1...); undefined for sheets without IDs. */
  idPrefix?: string;
  columns: readonly ColumnDef[];
}

export interface PlanFieldDef extends Label {
  key: PlanFieldKey;
  type: ColumnType;
}

export type PlanFieldKey =
  | 'account'
  | 'kam'
  | 'periodStart'
  | 'periodEnd'
  | 'currency'
  | 'revenueTarget'
  | 'internalSponsor'
  | 'clientSponsor'
  | 'signOffBy'
  | 'signOffDate';

const text = { kind: 'text' } as const;
const id = { kind: 'id' } as const;
const date = { kind: 'date' } as const;
const money = { kind: 'money' } as const;
const num = { kind: 'number' } as const;
const list = (l: ListKey): ColumnType => ({ kind: 'list', list: l });
const refs = (s: SheetKey): ColumnType => ({ kind: 'refs', sheet: s });

export const LISTS: Record<ListKey, readonly ListItem[]> = {
  category: [
    { key: 'industryVariable', en: 'Industry variable', es: 'Variable de la industria' },
    { key: 'competitiveAdvantage', en: 'Competitive advantage', es: 'Ventaja competitiva' },
    { key: 'businessProblem', en: 'Business problem', es: 'Problema de negocio' },
    { key: 'strategicInitiative', en: 'Strategic initiative', es: 'Iniciativa estratégica' },
    { key: 'industryPosition', en: 'Industry position', es: 'Posición en la industria' },
    { key: 'clientCompetitor', en: 'Client competitor', es: 'Competidor del cliente' },
  ],
  level: [
    { key: 'high', en: 'High', es: 'Alta' },
    { key: 'medium', en: 'Medium', es: 'Media' },
    { key: 'low', en: 'Low', es: 'Baja' },
  ],
  yesNo: [
    { key: 'yes', en: 'Yes', es: 'Sí' },
    { key: 'no', en: 'No', es: 'No' },
  ],
  learningStatus: [
    { key: 'planned', en: 'Planned', es: 'Planificada' },
    { key: 'inProgress', en: 'In progress', es: 'En curso' },
    { key: 'done', en: 'Done', es: 'Hecha' },
    { key: 'cancelled', en: 'Cancelled', es: 'Cancelada' },
  ],
  role: [
    { key: 'decisionMaker', en: 'Decision maker', es: 'Decisor' },
    { key: 'financialApprover', en: 'Financial approver', es: 'Aprobador financiero' },
    { key: 'technicalEvaluator', en: 'Technical evaluator', es: 'Evaluador técnico' },
    { key: 'user', en: 'User', es: 'Usuario' },
    { key: 'influencer', en: 'Influencer', es: 'Influenciador' },
    { key: 'coach', en: 'Coach', es: 'Aliado interno' },
  ],
  attitude: [
    { key: 'supporter', en: 'Supporter', es: 'Partidario' },
    { key: 'neutral', en: 'Neutral', es: 'Neutral' },
    { key: 'skeptic', en: 'Skeptic', es: 'Escéptico' },
    { key: 'opponent', en: 'Opponent', es: 'Opositor' },
  ],
  validation: [
    { key: 'hypothesis', en: 'Hypothesis', es: 'Hipótesis' },
    { key: 'team', en: 'Validated by team', es: 'Validada por el equipo' },
    { key: 'client', en: 'Validated with client', es: 'Validada con el cliente' },
  ],
  side: [
    { key: 'ours', en: 'Ours', es: 'Nuestra' },
    { key: 'client', en: 'Client', es: 'Cliente' },
    { key: 'joint', en: 'Joint', es: 'Conjunta' },
  ],
  commitmentStatus: [
    { key: 'planned', en: 'Planned', es: 'Planificado' },
    { key: 'inProgress', en: 'In progress', es: 'En curso' },
    { key: 'done', en: 'Done', es: 'Cumplido' },
    { key: 'atRisk', en: 'At risk', es: 'En riesgo' },
    { key: 'cancelled', en: 'Cancelled', es: 'Cancelado' },
  ],
};

export const PLAN_SHEET = {
  key: 'plan' as const,
  en: 'Plan',
  es: 'Plan',
  fieldHeader: { en: 'Field', es: 'Campo' } as Label,
  valueHeader: { en: 'Value', es: 'Valor' } as Label,
  fields: [
    { key: 'account', en: 'Account', es: 'Cuenta', type: text },
    { key: 'kam', en: 'Key account manager', es: 'Gerente de cuenta', type: text },
    { key: 'periodStart', en: 'Period start', es: 'Inicio del periodo', type: date },
    { key: 'periodEnd', en: 'Period end', es: 'Fin del periodo', type: date },
    { key: 'currency', en: 'Currency', es: 'Moneda', type: text },
    { key: 'revenueTarget', en: 'Revenue target', es: 'Meta de ingresos', type: money },
    { key: 'internalSponsor', en: 'Internal sponsor', es: 'Patrocinador interno', type: text },
    { key: 'clientSponsor', en: 'Client sponsor', es: 'Patrocinador del cliente', type: text },
    { key: 'signOffBy', en: 'Client sign-off by', es: 'Aprobado por el cliente', type: text },
    { key: 'signOffDate', en: 'Client sign-off date', es: 'Fecha de aprobación del cliente', type: date },
  ] as readonly PlanFieldDef[],
};

export const TABLE_SHEETS: readonly TableSheetDef[] = [
  {
    key: 'knowledge',
    en: 'Knowledge',
    es: 'Conocimiento',
    idPrefix: 'K',
    columns: [
      { key: 'id', en: 'ID', es: 'ID', type: id, width: 8 },
      { key: 'category', en: 'Category', es: 'Categoría', type: list('category'), width: 22 },
      { key: 'finding', en: 'Finding', es: 'Hallazgo', type: text, width: 48 },
      { key: 'source', en: 'Source', es: 'Fuente', type: text, width: 24 },
      { key: 'impact', en: 'Impact', es: 'Impacto', type: list('level'), width: 10 },
      { key: 'confirmed', en: 'Confirmed with client', es: 'Confirmado con el cliente', type: list('yesNo'), width: 12 },
      { key: 'lastVerified', en: 'Last verified', es: 'Última verificación', type: date, width: 12 },
    ],
  },
  {
    key: 'learning',
    en: 'Learning plan',
    es: 'Plan de aprendizaje',
    idPrefix: 'L',
    columns: [
      { key: 'id', en: 'ID', es: 'ID', type: id, width: 8 },
      { key: 'activity', en: 'Activity', es: 'Actividad', type: text, width: 48 },
      { key: 'owner', en: 'Owner', es: 'Responsable', type: text, width: 20 },
      { key: 'due', en: 'Due date', es: 'Fecha límite', type: date, width: 12 },
      { key: 'status', en: 'Status', es: 'Estado', type: list('learningStatus'), width: 14 },
      { key: 'knowledgeGained', en: 'Knowledge gained', es: 'Conocimiento obtenido', type: refs('knowledge'), width: 16 },
    ],
  },
  {
    key: 'stakeholders',
    en: 'Stakeholders',
    es: 'Actores',
    idPrefix: 'S',
    columns: [
      { key: 'id', en: 'ID', es: 'ID', type: id, width: 8 },
      { key: 'name', en: 'Name', es: 'Nombre', type: text, width: 24 },
      { key: 'title', en: 'Title', es: 'Cargo', type: text, width: 24 },
      { key: 'businessUnit', en: 'Business unit', es: 'Unidad de negocio', type: text, width: 18 },
      { key: 'role', en: 'Role', es: 'Rol', type: list('role'), width: 18 },
      { key: 'attitude', en: 'Attitude', es: 'Actitud', type: list('attitude'), width: 12 },
      { key: 'influence', en: 'Influence', es: 'Influencia', type: list('level'), width: 10 },
      { key: 'relationshipOwner', en: 'Relationship owner', es: 'Responsable de la relación', type: text, width: 20 },
      { key: 'lastContact', en: 'Last contact', es: 'Último contacto', type: date, width: 12 },
    ],
  },
  {
    key: 'vision',
    en: 'Vision',
    es: 'Visión',
    idPrefix: 'V',
    columns: [
      { key: 'id', en: 'ID', es: 'ID', type: id, width: 8 },
      { key: 'opportunity', en: 'Opportunity', es: 'Oportunidad', type: text, width: 32 },
      { key: 'addresses', en: 'Addresses', es: 'Atiende', type: refs('knowledge'), width: 12 },
      { key: 'solution', en: 'Our solution', es: 'Nuestra solución', type: text, width: 30 },
      { key: 'clientBenefit', en: 'Client benefit', es: 'Beneficio para el cliente', type: text, width: 32 },
      { key: 'clientValue', en: 'Client value', es: 'Valor para el cliente', type: money, width: 14 },
      { key: 'ourRevenue', en: 'Our revenue', es: 'Nuestro ingreso', type: money, width: 14 },
      { key: 'probability', en: 'Probability', es: 'Probabilidad', type: { kind: 'percent' }, width: 11 },
      { key: 'validation', en: 'Validation', es: 'Validación', type: list('validation'), width: 20 },
      { key: 'validatedWith', en: 'Validated with', es: 'Validada con', type: text, width: 20 },
    ],
  },
  {
    key: 'commitments',
    en: 'Commitments',
    es: 'Compromisos',
    idPrefix: 'C',
    columns: [
      { key: 'id', en: 'ID', es: 'ID', type: id, width: 8 },
      { key: 'commitment', en: 'Commitment', es: 'Compromiso', type: text, width: 36 },
      { key: 'supports', en: 'Supports', es: 'Respalda', type: refs('vision'), width: 10 },
      { key: 'side', en: 'Side', es: 'Parte', type: list('side'), width: 10 },
      { key: 'owner', en: 'Owner', es: 'Responsable', type: text, width: 18 },
      { key: 'clientCounterpart', en: 'Client counterpart', es: 'Contraparte del cliente', type: text, width: 20 },
      { key: 'due', en: 'Due date', es: 'Fecha límite', type: date, width: 12 },
      { key: 'team', en: 'Team', es: 'Equipo', type: text, width: 16 },
      { key: 'effortHours', en: 'Effort hours', es: 'Horas de esfuerzo', type: num, width: 10 },
      { key: 'cost', en: 'Cost', es: 'Costo', type: money, width: 12 },
      { key: 'needsApproval', en: 'Needs approval', es: 'Requiere aprobación', type: list('yesNo'), width: 10 },
      { key: 'approvedBy', en: 'Approved by', es: 'Aprobado por', type: text, width: 18 },
      { key: 'clientAgreed', en: 'Client agreed', es: 'Acordado con el cliente', type: list('yesNo'), width: 10 },
      { key: 'status', en: 'Status', es: 'Estado', type: list('commitmentStatus'), width: 13 },
      // Written by Approve (core/approval.ts): when, and on what terms, Approved by approved it.
      // Last, so workbooks made before them gain them at the right like any added column.
      { key: 'approvalDate', en: 'Approval date', es: 'Fecha de aprobación', type: date, width: 12, optional: true },
      { key: 'approvedTerms', en: 'Approved terms', es: 'Términos aprobados', type: text, width: 30, optional: true },
    ],
  },
  {
    key: 'capacity',
    en: 'Capacity',
    es: 'Capacidad',
    columns: [
      { key: 'team', en: 'Team', es: 'Equipo', type: text, width: 18 },
      { key: 'start', en: 'Period start', es: 'Inicio', type: date, width: 12 },
      { key: 'end', en: 'Period end', es: 'Fin', type: date, width: 12 },
      { key: 'availableHours', en: 'Available hours', es: 'Horas disponibles', type: num, width: 12 },
      { key: 'budget', en: 'Budget', es: 'Presupuesto', type: money, width: 14 },
      { key: 'committedHours', en: 'Committed hours', es: 'Horas comprometidas', type: { kind: 'formula', shows: 'number' }, width: 12 },
      { key: 'committedCost', en: 'Committed cost', es: 'Costo comprometido', type: { kind: 'formula', shows: 'money' }, width: 14 },
    ],
  },
];

export const REVIEW_SHEET: Label & { key: 'review' } = { key: 'review', en: 'Review', es: 'Revisión' };

/** Every sheet the contract knows, in workbook order. */
export const SHEET_ORDER: readonly SheetKey[] = [
  'plan',
  'knowledge',
  'learning',
  'stakeholders',
  'vision',
  'commitments',
  'capacity',
  'review',
];

export function tableSheet(key: TableSheetDef['key']): TableSheetDef {
  const def = TABLE_SHEETS.find((s) => s.key === key);
  if (!def) throw new Error(`unknown sheet ${key}`);
  return def;
}

export function sheetLabel(key: SheetKey): Label {
  if (key === 'plan') return PLAN_SHEET;
  if (key === 'review') return REVIEW_SHEET;
  return tableSheet(key);
}

const PLAIN_ASCII = /^[!-~]+(?: [!-~]+)*$/;

/**
 * The form in which names are compared: case, surrounding and repeated
 * spaces, and accents do not matter ("Categoria" matches "Categoría").
 */
export function matchKey(text: string): string {
  // Most IDs, names and teams are plain ASCII with single spaces: lower-casing is all they need.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Finds a list item by its English or Spanish label, whatever the workbook language. */
export function findListItem(list: ListKey, text: string): ListItem | undefined {
  const k = matchKey(text);
  if (k === '') return undefined;
  return listKeys(list).get(k);
}

/** Each list's items by the match key of both labels, built once: reading a plan looks up every list cell. */
const LIST_KEYS = new Map<ListKey, Map<string, ListItem>>();
function listKeys(list: ListKey): Map<string, ListItem> {
  let keys = LIST_KEYS.get(list);
  if (!keys) {
    keys = new Map();
    // In list order, so a key two items share finds the first, as a search would.
    for (const item of LISTS[list]) {
      for (const label of [matchKey(item.en), matchKey(item.es)]) if (!keys.has(label)) keys.set(label, item);
    }
    LIST_KEYS.set(list, keys);
  }
  return keys;
}

export function listLabel(list: ListKey, key: string, lang: Language): string {
  const item = LISTS[list].find((i) => i.key === key);
  if (!item) throw new Error(`unknown ${list} item ${key}`);
  return item[lang];
}

/** Finds which contract sheet a workbook sheet name is, in either language. */
export function sheetKeyOf(name: string): SheetKey | undefined {
  const k = matchKey(name);
  return SHEET_ORDER.find((key) => {
    const label = sheetLabel(key);
    return matchKey(label.en) === k || matchKey(label.es) === k;
  });
}
