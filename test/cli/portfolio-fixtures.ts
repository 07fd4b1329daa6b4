// The portfolio tests' plans: three accounts (two English, one Spanish) whose
// Field services commitments each fit the team's Q1 capacity alone but not
// together. Written once per run and copied, since writing plans is the slow part.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { AccountSpec, writeAccountPlan } from '../../cli/portfolio/demo-portfolio';
import { tempDir } from './kap';

export const Q1 = { start: '2027-01-01', end: '2027-03-31' };
const FIELD_Q1 = { team: 'Field services', ...Q1, hours: 100, budget: 20000 };

/** Three accounts, each within Field services' 100 hours of Q1; together 180 hours. */
export const THREE: { file: string; spec: AccountSpec }[] = [
  {
    file: 'acme.xlsx',
    spec: {
      lang: 'en',
      account: 'Acme Mining',
      kam: 'Ana',
      commitments: [
        { id: 'C1', text: 'Sensor install', team: 'Field services', due: '2027-02-10', hours: 30, cost: 3000 },
        { id: 'C2', text: 'Pilot review', team: 'Field services', due: '2027-03-20', hours: 30, cost: 3000, side: 'joint' },
        // The client's own work and work outside the span use none of Q1's hours.
        { id: 'C3', text: 'Client data export', team: 'Field services', due: '2027-02-11', hours: 500, cost: 0, side: 'client' },
        { id: 'C4', text: 'Later work', team: 'Field services', due: '2027-05-01', hours: 90, cost: 1000 },
      ],
      capacity: [FIELD_Q1, { team: 'Field services', start: '2027-04-01', end: '2027-06-30', hours: 100, budget: 20000 }],
    },
  },
  {
    file: 'es/aceros.xlsx',
    spec: {
      lang: 'es',
      account: 'Aceros del Sur',
      kam: 'Luis',
      commitments: [{ id: 'C7', text: 'Monitoreo de hornos', team: 'field services ', due: '2027-01-15', hours: 60, cost: 6000 }],
      capacity: [{ ...FIELD_Q1, team: 'Field Services' }],
    },
  },
  {
    file: 'zinc.xlsx',
    spec: {
      lang: 'en',
      account: 'Zinc Corp',
      kam: 'Eva',
      commitments: [{ id: 'Z1', text: 'Crusher survey', team: 'Field services', due: '2027-03-31', hours: 60, cost: 6000 }],
      capacity: [FIELD_Q1],
    },
  },
];

let written: Promise<string> | undefined;

/** Copies the three plans into `dir` (as acme.xlsx, es/aceros.xlsx and zinc.xlsx). */
export async function threePlans(dir: string): Promise<void> {
  written ??= (async () => {
    const base = tempDir();
    for (const { file, spec } of THREE) await writeAccountPlan(spec, path.join(base, file));
    return base;
  })();
  cpSync(await written, dir, { recursive: true });
}
