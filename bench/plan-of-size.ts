// Plans of any size for the benchmarks: the contract's sheets and headers with
// N realistic rows per table sheet, values as a host hands them over (dates as
// Excel serial numbers, probabilities as fractions). Every front end's bench
// checks the same plan, so their figures compare.

import { Language, LISTS, ListKey, PLAN_SHEET, TABLE_SHEETS } from '../core/contract';
import { SheetGrid, WorkbookInput } from '../core/read';
import { dayFromParts, excelSerial } from '../core/values';

const YEAR = 2027;
const serial = (month: number, day: number): number => excelSerial(dayFromParts(YEAR, month, day));
/** A day of the plan year spread over the rows: month 1-12, day 1-28. */
const dateOf = (i: number): number => serial((i % 12) + 1, (i % 28) + 1);
const pick = (list: ListKey, i: number, lang: Language): string => LISTS[list][i % LISTS[list].length][lang];
const label = (list: ListKey, key: string, lang: Language): string => LISTS[list].find((item) => item.key === key)![lang];
/** A recent day before mid-year (the benches check as of 2027-06-30). */
const recentOf = (i: number): number => serial(5 + (i % 2), (i % 28) + 1);
/** Rows per team in Capacity: one per quarter. */
const QUARTERS = 4;

/** The plan with `rowsPerSheet` rows on every table sheet, in `lang`. */
export function planOfSize(rowsPerSheet: number, lang: Language = 'en'): WorkbookInput {
  const n = Math.max(1, Math.floor(rowsPerSheet));
  const teams = Math.max(1, Math.ceil(n / QUARTERS));
  const team = (i: number): string => `Team ${(i % teams) + 1}`;
  const rows: Record<string, (i: number) => Record<string, unknown>> = {
    knowledge: (i) => ({
      id: `K${i + 1}`,
      category: pick('category', i, lang),
      finding: `Finding ${i + 1}: throughput at plant ${(i % 9) + 1} is limited by unplanned stops of the crushers`,
      source: i % 20 === 0 ? null : `Interview with plant manager ${(i % 9) + 1}`,
      impact: pick('level', i, lang),
      confirmed: label('yesNo', i % 12 === 0 ? 'no' : 'yes', lang),
      lastVerified: recentOf(i),
    }),
    learning: (i) => ({
      id: `L${i + 1}`,
      activity: `Visit plant ${(i % 9) + 1} with the maintenance team`,
      owner: `Owner ${(i % 20) + 1}`,
      due: dateOf(i),
      status: label('learningStatus', i % 12 < 6 && i % 20 !== 0 ? 'done' : 'planned', lang),
      knowledgeGained: `K${i + 1}`,
    }),
    stakeholders: (i) => ({
      id: `S${i + 1}`,
      name: `Person ${i + 1}`,
      title: `Manager ${(i % 30) + 1}`,
      businessUnit: `Unit ${(i % 12) + 1}`,
      role: pick('role', i, lang),
      attitude: label('attitude', i % 29 === 0 ? 'opponent' : i % 7 === 0 ? 'skeptic' : 'supporter', lang),
      influence: pick('level', i, lang),
      relationshipOwner: `Owner ${(i % 20) + 1}`,
      lastContact: recentOf(i),
    }),
    vision: (i) => ({
      id: `V${i + 1}`,
      opportunity: `Opportunity ${i + 1}: predictive maintenance for line ${(i % 40) + 1}`,
      addresses: `K${i + 1}, K${((i + 1) % n) + 1}`,
      solution: 'Condition monitoring and analytics',
      clientBenefit: 'Fewer unplanned stops',
      clientValue: 100000 + (i % 50) * 1000,
      ourRevenue: 20000 + (i % 30) * 500,
      probability: ((i % 9) + 1) / 10,
      validation: label('validation', i % 10 === 0 ? 'hypothesis' : i % 10 === 1 ? 'team' : 'client', lang),
      validatedWith: i % 10 === 0 ? null : `Person ${i + 1}`,
    }),
    commitments: (i) => ({
      id: `C${i + 1}`,
      commitment: `Commitment ${i + 1}: run the pilot on line ${(i % 40) + 1}`,
      supports: `V${i + 1}`,
      side: pick('side', i, lang),
      owner: i % 17 === 0 ? null : `Owner ${(i % 20) + 1}`,
      clientCounterpart: `Person ${(i % n) + 1}`,
      due: dateOf(i),
      team: team(i),
      effortHours: 10 + (i % 40),
      cost: 1000 + (i % 25) * 100,
      needsApproval: label('yesNo', i % 3 === 0 ? 'yes' : 'no', lang),
      approvedBy: i % 12 === 0 ? null : 'Finance director',
      clientAgreed: label('yesNo', i % 15 === 0 ? 'no' : 'yes', lang),
      status: label('commitmentStatus', i % 12 < 5 && i % 25 !== 0 ? 'done' : 'planned', lang),
    }),
    capacity: (i) => {
      const quarter = Math.floor(i / teams) % QUARTERS;
      return {
        team: `Team ${(i % teams) + 1}`,
        start: serial(quarter * 3 + 1, 1),
        end: quarter === 3 ? serial(12, 31) : serial(quarter * 3 + 4, 1) - 1,
        availableHours: 400,
        budget: 40000,
        committedHours: null,
        committedCost: null,
      };
    },
  };
  const sheets: SheetGrid[] = [
    {
      name: PLAN_SHEET[lang],
      values: [
        [PLAN_SHEET.fieldHeader[lang], PLAN_SHEET.valueHeader[lang]],
        ...PLAN_SHEET.fields.map((f) => [f[lang], planValue(f.key)]),
      ],
    },
  ];
  for (const def of TABLE_SHEETS) {
    const values: unknown[][] = [def.columns.map((c) => c[lang])];
    for (let i = 0; i < n; i++) {
      const row = rows[def.key](i);
      values.push(def.columns.map((c) => row[c.key] ?? null));
    }
    sheets.push({ name: def[lang], values });
  }
  return { sheets };
}

function planValue(key: string): unknown {
  switch (key) {
    case 'account':
      return 'Benchmark Steel & Mining';
    case 'kam':
      return 'Ana Torres';
    case 'periodStart':
      return serial(1, 1);
    case 'periodEnd':
      return serial(12, 31);
    case 'currency':
      return 'USD';
    case 'revenueTarget':
      return 5000000;
    case 'signOffDate':
      return serial(1, 15);
    default:
      return 'Someone';
  }
}
