// kap's human report ends with feasibility: per team and capacity span, the
// committed and available hours and budget with the headroom, an over-capacity
// span flagged, its largest commitments one a line; then our commitments that
// no span covers, grouped by team and reason. Both languages.
import path from 'node:path';
import { Language } from '../../core/contract';
import { busyPlan } from '../fixtures/busy-plan';
import { buildWorkbook } from '../fixtures/plan-fixture';
import { AS_OF, kap, removeTempDirs, tempDir, writeGrids } from './kap';

afterAll(removeTempDirs);

async function reportOf(lang: Language): Promise<string[]> {
  const file = path.join(tempDir(), `busy-${lang}.xlsx`);
  await writeGrids(buildWorkbook(busyPlan(lang), { lang }), file);
  const r = await kap('check', file, '--as-of', AS_OF);
  expect(r.code).toBe(1);
  const lines = r.out.split('\n');
  return lines.slice(lines.findIndex((l) => /^(Feasibility|Factibilidad):/.test(l)));
}

describe('the feasibility section of kap check', () => {
  it('shows each span with hours, budget, headroom and its largest commitments, the overloaded one flagged (English)', async () => {
    expect(await reportOf('en')).toEqual([
      'Feasibility: capacity and budget per team and span',
      '  Delivery  2027-01-01 – 2027-06-30  (Capacity!A2)  OVER CAPACITY',
      '    Hours    270 of 250 h: 20 over',
      '    Budget   21,000 of 25,000 USD: 4,000 left',
      '    Largest  C3 "Work C3" 150 h · 2,000 USD',
      '             C1 "Install sensors" 100 h · 10,000 USD',
      '             C4 "Work C4" 20 h · 9,000 USD',
      '  DELIVERY  2027-07-01 – 2027-12-31  (Capacity!A3)',
      '    Hours    0 of 100 h: 100 left',
      '    Budget   0 of 0 USD: 0 left',
      '    Largest  none',
      '  Our commitments that no capacity span covers (4)',
      '    Legal, no capacity row of its team covers its due date: C7 "Work C7" 5 h · 500 USD',
      '    no team: C8 "Work C8" 10 h · 1,000 USD',
      '    Delivery, no due date: C9 "Work C9" 10 h · 1,000 USD',
      '    Delivery, no capacity row of its team covers its due date: C10 "Work C10" 10 h · 1,000 USD',
    ]);
  });

  it('reads the same in Spanish', async () => {
    const lines = await reportOf('es');
    expect(lines.slice(0, 5)).toEqual([
      'Factibilidad: capacidad y presupuesto por equipo y periodo',
      '  Delivery  2027-01-01 – 2027-06-30  (Capacidad!A2)  SOBRE LA CAPACIDAD',
      '    Horas        270 de 250 h: 20 de más',
      '    Presupuesto  21.000 de 25.000 USD: quedan 4.000',
      '    Mayores      C3 "Work C3" 150 h · 2.000 USD',
    ]);
    expect(lines).toContain('  Compromisos nuestros que ningún periodo de capacidad cubre (4)');
    expect(lines).toContain('    sin equipo: C8 "Work C8" 10 h · 1.000 USD');
  });
});
