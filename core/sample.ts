// The sample plan: a technology supplier's 2027 plan for a steel and mining
// group, as in the method article's story (the KAM attends the client's
// induction course and visits its plants and mines). It is filled in with
// deliberate gaps in every phase, so checking it shows what the product does.

import { Label, Language, listLabel, ListKey, PlanFieldKey } from './contract';

export interface SampleData {
  plan: Partial<Record<PlanFieldKey, string | number | Date>>;
  rows: Record<'knowledge' | 'learning' | 'stakeholders' | 'vision' | 'commitments' | 'capacity', Record<string, string | number | Date | null>[]>;
}

type Cell = string | number | Date | null;
/** A sample value before the language is chosen: text in both languages, a list item, or a plain value. */
type SampleCell = Cell | Label | { list: ListKey; key: string };
type SampleRow = Record<string, SampleCell>;

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const t = (en: string, es: string): Label => ({ en, es });
const L = (list: ListKey, key: string) => ({ list, key });
const category = (key: string) => L('category', key);
const level = (key: string) => L('level', key);
const yes = L('yesNo', 'yes');
const no = L('yesNo', 'no');

const KAM = 'Laura Gómez';
const FIELD = t('Field services', 'Servicios de campo');
const DATA = t('Data science', 'Ciencia de datos');
const PMO = t('Project office', 'Oficina de proyectos');

const PLAN: Record<string, SampleCell> = {
  account: t('Northern Steel & Mining Group', 'Grupo Siderúrgico y Minero del Norte'),
  kam: KAM,
  periodStart: day('2027-01-01'),
  periodEnd: day('2027-12-31'),
  currency: 'USD',
  revenueTarget: 1000000,
  internalSponsor: 'Martín Rojas',
  clientSponsor: 'Carolina Ruiz',
  // Gap: the client has not signed the plan off yet.
  signOffBy: null,
  signOffDate: null,
};

const KNOWLEDGE: SampleRow[] = [
  {
    id: 'K1',
    category: category('industryVariable'),
    finding: t('The iron ore price fell 30% in 2026 and drives the quarterly margin.', 'El precio del mineral de hierro cayó 30% en 2026 y mueve el margen trimestral.'),
    source: t('World Steel Association outlook 2026', 'Perspectiva de la World Steel Association 2026'),
    impact: level('high'),
    confirmed: yes,
    lastVerified: day('2026-10-15'),
  },
  {
    id: 'K2',
    category: category('industryVariable'),
    finding: t('Electricity is about 20% of the cost per tonne in the electric arc furnaces.', 'La electricidad es cerca del 20% del costo por tonelada en los hornos de arco eléctrico.'),
    source: t('Client induction course, steel shop module', 'Curso de inducción del cliente, módulo de acería'),
    impact: level('medium'),
    confirmed: yes,
    lastVerified: day('2026-09-20'),
  },
  {
    id: 'K3',
    category: category('industryVariable'),
    finding: t('A draft decree will require reporting CO2 per tonne of steel from 2028.', 'Un proyecto de decreto exigirá reportar el CO2 por tonelada de acero desde 2028.'),
    source: t('Ministry of Environment draft decree', 'Proyecto de decreto del Ministerio de Ambiente'),
    impact: level('high'),
    // Gap: high impact, never confirmed with the client.
    confirmed: no,
    lastVerified: day('2026-08-01'),
  },
  {
    id: 'K4',
    category: category('competitiveAdvantage'),
    finding: t('Own iron ore mines 60 km from the steel plant give the lowest raw-material cost in the region.', 'Minas propias de hierro a 60 km de la acería le dan el menor costo de materia prima de la región.'),
    source: t('Visit to the El Cerro mine', 'Visita a la mina El Cerro'),
    impact: level('medium'),
    confirmed: yes,
    lastVerified: day('2026-10-01'),
  },
  {
    id: 'K5',
    category: category('businessProblem'),
    finding: t('Unplanned stoppages of the hot rolling mill cost about 12 hours of production a month.', 'Las paradas no programadas del tren de laminación en caliente cuestan unas 12 horas de producción al mes.'),
    source: t('Interview with the plant maintenance manager', 'Entrevista con el jefe de mantenimiento de planta'),
    impact: level('high'),
    confirmed: yes,
    lastVerified: day('2026-10-20'),
  },
  {
    id: 'K6',
    category: category('businessProblem'),
    finding: t('The mines’ haul truck fleet runs at 78% availability, below the 85% target.', 'La flota de camiones de acarreo de las minas tiene 78% de disponibilidad, bajo la meta de 85%.'),
    // Gaps: no source, not confirmed, last verified long ago.
    source: null,
    impact: level('high'),
    confirmed: no,
    lastVerified: day('2026-03-01'),
  },
  {
    id: 'K7',
    category: category('industryPosition'),
    finding: t('Second-largest long steel producer in the country, with 22% of the market.', 'Segundo productor de aceros largos del país, con el 22% del mercado.'),
    source: t('Client annual report 2025', 'Informe anual 2025 del cliente'),
    impact: level('medium'),
    confirmed: yes,
    lastVerified: day('2026-09-01'),
  },
  {
    id: 'K8',
    category: category('clientCompetitor'),
    finding: t('Imported rebar from Asia sells 8% below the local price.', 'La varilla importada de Asia se vende 8% por debajo del precio local.'),
    source: t('Steel industry association bulletin', 'Boletín de la cámara siderúrgica'),
    impact: level('medium'),
    confirmed: no,
    lastVerified: day('2026-07-15'),
  },
  {
    id: 'K9',
    category: category('strategicInitiative'),
    finding: t('The board approved a digital plant programme for 2027–2029.', 'La junta aprobó un programa de planta digital para 2027–2029.'),
    source: t('Meeting with the CIO', 'Reunión con la directora de tecnología'),
    impact: level('high'),
    confirmed: yes,
    lastVerified: day('2026-11-10'),
  },
  {
    id: 'K10',
    category: category('businessProblem'),
    finding: t('Spare parts stock is duplicated between the plants and the mines.', 'El inventario de repuestos está duplicado entre las plantas y las minas.'),
    source: t('Client induction course, supply chain module', 'Curso de inducción del cliente, módulo de cadena de suministro'),
    // Gap for the vision: a high-impact problem no opportunity addresses.
    impact: level('high'),
    confirmed: yes,
    lastVerified: day('2026-11-05'),
  },
];

const LEARNING: SampleRow[] = [
  {
    id: 'L1',
    activity: t('Attend the client’s two-week induction course for new employees', 'Asistir al curso de inducción de dos semanas para empleados nuevos del cliente'),
    owner: KAM,
    due: day('2026-10-30'),
    status: L('learningStatus', 'done'),
    knowledgeGained: 'K2, K10',
  },
  {
    id: 'L2',
    activity: t('Visit the hot rolling mill and the El Cerro mine with our maintenance team', 'Visitar el tren de laminación y la mina El Cerro con nuestro equipo de mantenimiento'),
    owner: 'Diego Torres',
    due: day('2026-11-20'),
    status: L('learningStatus', 'done'),
    knowledgeGained: 'K4, K5',
  },
  {
    id: 'L3',
    activity: t('Interview the mining operations manager about haul truck availability', 'Entrevistar al gerente de operaciones mineras sobre la disponibilidad de camiones'),
    owner: KAM,
    due: day('2027-02-15'),
    status: L('learningStatus', 'planned'),
    knowledgeGained: 'K6',
  },
  {
    id: 'L4',
    activity: t('Review the emissions decree with the client’s environment manager', 'Revisar el decreto de emisiones con la gerente ambiental del cliente'),
    owner: 'Sofía Herrera',
    due: day('2027-01-29'),
    status: L('learningStatus', 'inProgress'),
    knowledgeGained: 'K3',
  },
  {
    id: 'L5',
    activity: t('Benchmark imported rebar prices with the client’s commercial team', 'Comparar precios de varilla importada con el equipo comercial del cliente'),
    // Gap: nobody owns it.
    owner: null,
    due: day('2027-04-30'),
    status: L('learningStatus', 'planned'),
    knowledgeGained: 'K8',
  },
];

const role = (key: string) => L('role', key);
const attitude = (key: string) => L('attitude', key);

const STAKEHOLDERS: SampleRow[] = [
  {
    id: 'S1',
    name: 'Ricardo Salazar',
    title: t('Vice president of operations', 'Vicepresidente de operaciones'),
    businessUnit: t('Operations', 'Operaciones'),
    role: role('decisionMaker'),
    attitude: attitude('neutral'),
    influence: level('high'),
    relationshipOwner: KAM,
    // Gap: a decision maker not met for more than 60 days at the end of November.
    lastContact: day('2026-09-15'),
  },
  {
    id: 'S2',
    name: 'Lucía Fernández',
    title: t('Chief financial officer', 'Directora financiera'),
    businessUnit: t('Finance', 'Finanzas'),
    role: role('financialApprover'),
    attitude: attitude('skeptic'),
    influence: level('high'),
    relationshipOwner: 'Martín Rojas',
    lastContact: day('2026-11-05'),
  },
  {
    id: 'S3',
    name: 'Andrés Mejía',
    title: t('Plant maintenance manager', 'Jefe de mantenimiento de planta'),
    businessUnit: t('Steel plant', 'Acería'),
    role: role('technicalEvaluator'),
    attitude: attitude('supporter'),
    influence: level('medium'),
    relationshipOwner: 'Diego Torres',
    lastContact: day('2026-11-20'),
  },
  {
    id: 'S4',
    name: 'Carolina Ruiz',
    title: t('Chief information officer', 'Directora de tecnología'),
    businessUnit: t('Information technology', 'Tecnología'),
    role: role('decisionMaker'),
    attitude: attitude('supporter'),
    influence: level('high'),
    relationshipOwner: KAM,
    lastContact: day('2026-11-10'),
  },
  {
    id: 'S5',
    name: 'Jorge Castaño',
    title: t('Mining operations manager', 'Gerente de operaciones mineras'),
    businessUnit: t('Mines', 'Minas'),
    role: role('user'),
    attitude: attitude('neutral'),
    influence: level('medium'),
    relationshipOwner: KAM,
    lastContact: day('2026-10-02'),
  },
  {
    id: 'S6',
    name: 'Héctor Ramírez',
    title: t('Purchasing director', 'Director de compras'),
    businessUnit: t('Purchasing', 'Compras'),
    // Gap: his role in the decision is not known.
    role: null,
    attitude: attitude('opponent'),
    influence: level('high'),
    relationshipOwner: 'Martín Rojas',
    lastContact: day('2026-08-20'),
  },
  {
    id: 'S7',
    name: 'Mariana Ortiz',
    title: t('Environment manager', 'Gerente ambiental'),
    businessUnit: t('Sustainability', 'Sostenibilidad'),
    role: role('coach'),
    attitude: attitude('supporter'),
    influence: level('medium'),
    relationshipOwner: 'Sofía Herrera',
    lastContact: day('2026-11-25'),
  },
];

const validation = (key: string) => L('validation', key);

const VISION: SampleRow[] = [
  {
    id: 'V1',
    opportunity: t('Predictive maintenance for the hot rolling mill', 'Mantenimiento predictivo del tren de laminación en caliente'),
    addresses: 'K5, K9',
    solution: t('Vibration sensors and failure-prediction analytics', 'Sensores de vibración y analítica de predicción de fallas'),
    clientBenefit: t('Halve unplanned stoppages: about 70 more production hours a year', 'Reducir a la mitad las paradas no programadas: unas 70 horas más de producción al año'),
    clientValue: 1800000,
    ourRevenue: 450000,
    probability: 0.6,
    validation: validation('client'),
    validatedWith: 'Andrés Mejía',
  },
  {
    id: 'V2',
    opportunity: t('Haul truck fleet availability dashboard', 'Tablero de disponibilidad de la flota de camiones'),
    addresses: 'K6',
    solution: t('Fleet telemetry platform with maintenance alerts', 'Plataforma de telemetría de flota con alertas de mantenimiento'),
    clientBenefit: t('Raise truck availability from 78% to 85%', 'Subir la disponibilidad de camiones de 78% a 85%'),
    clientValue: 1200000,
    ourRevenue: 300000,
    probability: 0.4,
    validation: validation('team'),
    validatedWith: t('Our mining solutions team', 'Nuestro equipo de soluciones mineras'),
  },
  {
    id: 'V3',
    opportunity: t('CO2-per-tonne measurement and reporting', 'Medición y reporte de CO2 por tonelada'),
    addresses: 'K3',
    solution: t('Energy and emissions monitoring', 'Monitoreo de energía y emisiones'),
    clientBenefit: t('Be ready for the 2028 emissions decree without fines', 'Llegar listos al decreto de emisiones de 2028 sin multas'),
    // Gaps: value not quantified, still a hypothesis.
    clientValue: null,
    ourRevenue: 250000,
    probability: 0.3,
    validation: validation('hypothesis'),
    validatedWith: null,
  },
  {
    id: 'V4',
    opportunity: t('Energy optimisation of the electric arc furnaces', 'Optimización de energía de los hornos de arco eléctrico'),
    // Gap: grounded in nothing we recorded (K2 would be the link).
    addresses: null,
    solution: t('Furnace energy optimisation software', 'Software de optimización energética de hornos'),
    clientBenefit: t('Lower kWh per tonne of liquid steel', 'Menos kWh por tonelada de acero líquido'),
    clientValue: 900000,
    ourRevenue: 200000,
    probability: 0.25,
    validation: validation('team'),
    validatedWith: 'Sofía Herrera',
  },
  {
    id: 'V5',
    opportunity: t('Renewal of the current ERP licences', 'Renovación de las licencias actuales del ERP'),
    addresses: 'K9',
    solution: t('ERP licence renewal', 'Renovación de licencias del ERP'),
    // Gaps: an order, not a vision — no benefit, no value, validated with nobody named.
    clientBenefit: null,
    clientValue: null,
    ourRevenue: 150000,
    probability: 0.9,
    validation: validation('client'),
    validatedWith: null,
  },
];

const side = (key: string) => L('side', key);
const status = (key: string) => L('commitmentStatus', key);

const COMMITMENTS: SampleRow[] = [
  {
    id: 'C1',
    commitment: t('Install vibration sensors on rolling mill stands 1 to 4', 'Instalar sensores de vibración en las cajas 1 a 4 del tren de laminación'),
    supports: 'V1',
    side: side('ours'),
    owner: 'Diego Torres',
    clientCounterpart: 'Andrés Mejía',
    due: day('2027-03-31'),
    team: FIELD,
    effortHours: 240,
    cost: 36000,
    needsApproval: no,
    approvedBy: null,
    clientAgreed: yes,
    status: status('inProgress'),
  },
  {
    id: 'C2',
    commitment: t('Joint review of the predictive maintenance pilot results', 'Revisión conjunta de los resultados del piloto de mantenimiento predictivo'),
    supports: 'V1',
    side: side('joint'),
    owner: KAM,
    clientCounterpart: 'Andrés Mejía',
    due: day('2027-05-14'),
    team: FIELD,
    effortHours: 80,
    cost: 12000,
    needsApproval: no,
    approvedBy: null,
    clientAgreed: yes,
    status: status('planned'),
  },
  {
    id: 'C3',
    commitment: t('Competitive price for the predictive maintenance licence', 'Precio competitivo para la licencia de mantenimiento predictivo'),
    supports: 'V1',
    side: side('ours'),
    owner: KAM,
    clientCounterpart: 'Carolina Ruiz',
    due: day('2027-02-26'),
    team: FIELD,
    effortHours: 8,
    cost: 0,
    // Gap: a price offered before it is approved internally.
    needsApproval: yes,
    approvedBy: null,
    clientAgreed: yes,
    status: status('planned'),
  },
  {
    id: 'C4',
    commitment: t('Build the haul truck availability model', 'Construir el modelo de disponibilidad de camiones'),
    supports: 'V2',
    side: side('ours'),
    owner: 'Sofía Herrera',
    clientCounterpart: 'Jorge Castaño',
    due: day('2027-04-30'),
    team: DATA,
    // Gap: approved at 160 hours, grown to 180 since (approval-stale).
    effortHours: 180,
    cost: 27000,
    needsApproval: yes,
    approvedBy: 'Martín Rojas',
    clientAgreed: yes,
    status: status('planned'),
    approvalDate: day('2027-01-18'),
    approvedTerms: t('27,000.00 USD · 160 h · due 2027-04-30 · Data science', '27.000,00 USD · 160 h · vence 2027-04-30 · Ciencia de datos'),
  },
  {
    id: 'C5',
    commitment: t('Build the CO2-per-tonne data pipeline', 'Construir el flujo de datos de CO2 por tonelada'),
    supports: 'V3',
    side: side('ours'),
    owner: 'Sofía Herrera',
    clientCounterpart: 'Mariana Ortiz',
    due: day('2027-09-30'),
    // Gap: with C4, 340 hours against the data science team's 300.
    team: DATA,
    effortHours: 160,
    cost: 24000,
    needsApproval: no,
    approvedBy: null,
    clientAgreed: yes,
    status: status('planned'),
  },
  {
    id: 'C6',
    commitment: t('Hand over two years of stoppage logs from the rolling mill', 'Entregar dos años de registros de paradas del tren de laminación'),
    supports: 'V1',
    side: side('client'),
    owner: 'Andrés Mejía',
    clientCounterpart: 'Andrés Mejía',
    due: day('2027-01-29'),
    team: null,
    effortHours: null,
    cost: null,
    needsApproval: no,
    approvedBy: null,
    clientAgreed: yes,
    status: status('planned'),
  },
  {
    id: 'C7',
    commitment: t('Assign a mining engineer to the fleet project', 'Asignar un ingeniero de minas al proyecto de flota'),
    supports: 'V2',
    side: side('client'),
    owner: 'Jorge Castaño',
    // Gaps: not agreed yet, the counterpart is not in the stakeholder map, and it falls after the period.
    clientCounterpart: 'Pedro Gómez',
    due: day('2028-01-28'),
    team: null,
    effortHours: null,
    cost: null,
    needsApproval: no,
    approvedBy: null,
    clientAgreed: no,
    status: status('planned'),
  },
  {
    id: 'C8',
    commitment: t('Quarterly joint steering committee', 'Comité directivo conjunto trimestral'),
    supports: 'V1, V2',
    side: side('joint'),
    // Gaps: no owner, and the project office has no capacity row.
    owner: null,
    clientCounterpart: 'Ricardo Salazar',
    due: day('2027-12-15'),
    team: PMO,
    effortHours: 40,
    cost: 4000,
    needsApproval: no,
    approvedBy: null,
    clientAgreed: yes,
    status: status('planned'),
  },
  {
    id: 'C9',
    commitment: t('Present the emissions reporting proposal to purchasing', 'Presentar la propuesta de reporte de emisiones a compras'),
    // Gaps: V9 does not exist, and the counterpart opposes us.
    supports: 'V9',
    side: side('ours'),
    owner: KAM,
    clientCounterpart: 'Héctor Ramírez',
    due: day('2027-10-15'),
    team: FIELD,
    effortHours: 16,
    cost: 1500,
    needsApproval: no,
    approvedBy: null,
    clientAgreed: yes,
    status: status('planned'),
  },
  {
    id: 'C10',
    commitment: t('Two-week on-site training for mine supervisors', 'Capacitación de dos semanas en sitio para supervisores de mina'),
    supports: 'V2',
    side: side('ours'),
    owner: 'Diego Torres',
    clientCounterpart: 'Jorge Castaño',
    due: day('2027-06-30'),
    team: FIELD,
    effortHours: 120,
    cost: 18000,
    needsApproval: no,
    approvedBy: null,
    clientAgreed: yes,
    // Cancelled: it no longer uses field services' hours.
    status: status('cancelled'),
  },
];

const CAPACITY: SampleRow[] = [
  { team: FIELD, start: day('2027-01-01'), end: day('2027-06-30'), availableHours: 400, budget: 60000 },
  { team: FIELD, start: day('2027-07-01'), end: day('2027-12-31'), availableHours: 500, budget: 80000 },
  { team: DATA, start: day('2027-01-01'), end: day('2027-12-31'), availableHours: 300, budget: 55000 },
];

function cellIn(value: SampleCell, lang: Language): Cell {
  if (value === null || typeof value === 'string' || typeof value === 'number' || value instanceof Date) {
    // Dates are fresh objects so callers may not share (and mutate) ours.
    return value instanceof Date ? new Date(value.getTime()) : value;
  }
  if ('list' in value) return listLabel(value.list, value.key, lang);
  return value[lang];
}

function rowIn(row: SampleRow, lang: Language): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [key, value] of Object.entries(row)) out[key] = cellIn(value, lang);
  return out;
}

/** The sample plan in one language: list values are that language's labels. */
export function sampleData(lang: Language): SampleData {
  const plan: SampleData['plan'] = {};
  for (const [key, value] of Object.entries(PLAN)) {
    // A blank field is written as an empty value, so its row is still there to fill in.
    plan[key as PlanFieldKey] = cellIn(value, lang) ?? '';
  }
  return {
    plan,
    rows: {
      knowledge: KNOWLEDGE.map((r) => rowIn(r, lang)),
      learning: LEARNING.map((r) => rowIn(r, lang)),
      stakeholders: STAKEHOLDERS.map((r) => rowIn(r, lang)),
      vision: VISION.map((r) => rowIn(r, lang)),
      commitments: COMMITMENTS.map((r) => rowIn(r, lang)),
      capacity: CAPACITY.map((r) => rowIn(r, lang)),
    },
  };
}
