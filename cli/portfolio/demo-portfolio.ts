// A demo portfolio (`npm run demo` writes it to demo/portfolio): five accounts'
// plans in English and Spanish, built on the sample plan's knowledge, people
// and vision, each with its own commitments and Capacity rows. Every plan fits
// its own Capacity sheet; added up, the field services and data science teams
// are over-committed. Tests build their small portfolios with the same
// `accountPlanData`.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Language, listLabel } from '../../core/contract';
import { templateLayout, TemplateData } from '../../core/layout/template';
import { sampleData } from '../../core/sample';
import { PlanWorkbook } from '../xlsx-workbook';

export interface CommitmentSpec {
  id: string;
  text: string;
  team: string;
  /** YYYY-MM-DD */
  due: string;
  hours: number;
  cost: number;
  side?: 'ours' | 'joint' | 'client';
}

export interface CapacitySpec {
  team: string;
  start: string;
  end: string;
  hours: number;
  budget: number;
}

export interface AccountSpec {
  lang: Language;
  account: string;
  kam: string;
  commitments: CommitmentSpec[];
  capacity: CapacitySpec[];
  signedOff?: boolean;
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** The sample plan's knowledge, learning, stakeholders and vision, with this account's name, commitments and capacity. */
export function accountPlanData(spec: AccountSpec): TemplateData {
  const base = sampleData(spec.lang);
  const l = spec.lang;
  return {
    plan: {
      ...base.plan,
      account: spec.account,
      kam: spec.kam,
      signOffBy: spec.signedOff ? 'Carolina Ruiz' : '',
      signOffDate: spec.signedOff ? day('2027-01-20') : '',
    },
    rows: {
      knowledge: base.rows.knowledge,
      learning: base.rows.learning,
      stakeholders: base.rows.stakeholders,
      vision: base.rows.vision,
      commitments: spec.commitments.map((c) => ({
        id: c.id,
        commitment: c.text,
        supports: 'V1',
        side: listLabel('side', c.side ?? 'ours', l),
        owner: spec.kam,
        clientCounterpart: 'Carolina Ruiz',
        due: day(c.due),
        team: c.team,
        effortHours: c.hours,
        cost: c.cost,
        needsApproval: listLabel('yesNo', 'no', l),
        approvedBy: null,
        clientAgreed: listLabel('yesNo', 'yes', l),
        status: listLabel('commitmentStatus', 'planned', l),
      })),
      capacity: spec.capacity.map((c) => ({ team: c.team, start: day(c.start), end: day(c.end), availableHours: c.hours, budget: c.budget })),
    },
  };
}

/** Writes one account's plan as kap writes a new plan (every sheet, formats, live Capacity formulas). */
export async function writeAccountPlan(spec: AccountSpec, file: string): Promise<void> {
  const book = PlanWorkbook.empty();
  book.applyTemplate(templateLayout({ sheets: [] }, spec.lang, accountPlanData(spec)));
  await mkdir(path.dirname(file), { recursive: true });
  await book.save(file);
}

const FIELD = 'Field services';
const DATA = 'Data science';
const H1 = { start: '2027-01-01', end: '2027-06-30' };
const H2 = { start: '2027-07-01', end: '2027-12-31' };
const YEAR = { start: '2027-01-01', end: '2027-12-31' };
/** The organisation's capacity as most plans copy it into their Capacity sheet. */
const ORG_CAPACITY: CapacitySpec[] = [
  { team: FIELD, ...H1, hours: 400, budget: 60000 },
  { team: FIELD, ...H2, hours: 500, budget: 80000 },
  { team: DATA, ...YEAR, hours: 300, budget: 55000 },
];

export const DEMO_ACCOUNTS: { file: string; spec: AccountSpec }[] = [
  {
    file: 'north/northern-steel.xlsx',
    spec: {
      lang: 'en',
      account: 'Northern Steel & Mining Group',
      kam: 'Laura Gómez',
      commitments: [
        { id: 'C1', text: 'Install vibration sensors on rolling mill stands 1 to 4', team: FIELD, due: '2027-03-31', hours: 240, cost: 36000 },
        { id: 'C2', text: 'Joint review of the predictive maintenance pilot', team: FIELD, due: '2027-05-14', hours: 80, cost: 12000, side: 'joint' },
        { id: 'C3', text: 'Build the haul truck availability model', team: DATA, due: '2027-04-30', hours: 120, cost: 18000 },
      ],
      capacity: ORG_CAPACITY,
    },
  },
  {
    file: 'north/aceros-del-norte.xlsx',
    spec: {
      lang: 'es',
      account: 'Aceros del Norte',
      kam: 'Martín Rojas',
      commitments: [
        { id: 'C1', text: 'Puesta en marcha del monitoreo de hornos', team: FIELD, due: '2027-02-26', hours: 150, cost: 22500 },
        { id: 'C2', text: 'Modelo de consumo eléctrico por colada', team: DATA, due: '2027-06-15', hours: 100, cost: 16000 },
      ],
      capacity: ORG_CAPACITY,
    },
  },
  {
    file: 'south/cobre-andino.xlsx',
    spec: {
      lang: 'es',
      account: 'Cobre Andino',
      kam: 'Sofía Herrera',
      commitments: [
        { id: 'C1', text: 'Sensores en las correas transportadoras', team: FIELD, due: '2027-09-30', hours: 200, cost: 30000 },
        { id: 'C2', text: 'Tablero de disponibilidad de la flota', team: DATA, due: '2027-08-31', hours: 60, cost: 9000 },
      ],
      // This plan copied an older figure for data science: the portfolio reports the disagreement.
      capacity: [ORG_CAPACITY[0], ORG_CAPACITY[1], { ...ORG_CAPACITY[2], hours: 350 }],
    },
  },
  {
    file: 'south/pacific-cement.xlsx',
    spec: {
      lang: 'en',
      account: 'Pacific Cement',
      kam: 'Diego Torres',
      commitments: [
        { id: 'C1', text: 'Kiln vibration survey', team: FIELD, due: '2027-06-10', hours: 60, cost: 9000 },
        { id: 'C2', text: 'Mill gearbox retrofit', team: FIELD, due: '2027-10-20', hours: 180, cost: 27000 },
      ],
      capacity: ORG_CAPACITY,
    },
  },
  {
    file: 'south/harbour-logistics.xlsx',
    spec: {
      lang: 'en',
      account: 'Harbour Logistics',
      kam: 'Ana Torres',
      signedOff: true,
      commitments: [{ id: 'C1', text: 'Crane downtime forecast', team: DATA, due: '2027-03-15', hours: 40, cost: 6000 }],
      capacity: ORG_CAPACITY,
    },
  },
];

/** Writes the demo portfolio under `dir`, with one workbook that is not a plan beside the plans. */
export async function writeDemoPortfolio(dir: string): Promise<void> {
  for (const { file, spec } of DEMO_ACCOUNTS) await writeAccountPlan(spec, path.join(dir, file));
  const rota = PlanWorkbook.fromGrids({ sheets: [{ name: 'Rota', values: [['Engineer', 'Week'], ['Diego Torres', 12]] }] });
  await mkdir(path.join(dir, 'archive'), { recursive: true });
  await rota.save(path.join(dir, 'archive', 'team-rota.xlsx'));
}
