// The Excel adapter's round trips and payloads: syncs and request/response
// bytes for Create plan and Check plan on plans of each size, run against the
// Office.js double (which measures what Office.js would send), and the task
// pane bundle's size. Excel on the web rejects a request over 5 MB.

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { WorkbookInput } from '../core/read';
import { checkWorkbook, createPlan } from '../excel-addin/excel-host';
import { OfficeDouble, PAYLOAD_LIMIT } from '../test/excel/office-double';
import { doubleWith, runIn } from '../test/excel/workbook-double';
import { AS_OF } from './core';
import { planOfSize } from './plan-of-size';

const BUNDLE = path.resolve(__dirname, '..', 'dist', 'excel-addin', 'taskpane.js');
const BUNDLE_BUDGET = 250 * 1024;

interface Trip {
  syncs: number;
  maxRequest: number;
  totalRequest: number;
  maxResponse: number;
}

async function measure(office: OfficeDouble, action: (context: Excel.RequestContext) => Promise<unknown>): Promise<Trip | string> {
  office.resetCounts();
  try {
    await runIn(office, action);
  } catch (e) {
    return e instanceof Error ? e.message.split('\n')[0] : String(e);
  }
  const r = office.requests;
  return {
    syncs: r.length,
    maxRequest: Math.max(...r.map((x) => x.requestBytes)),
    totalRequest: r.reduce((n, x) => n + x.requestBytes, 0),
    maxResponse: Math.max(...r.map((x) => x.responseBytes)),
  };
}

/** The plan with the Commitments status column and both Capacity formula columns missing, so Create plan has rows to fill. */
function halfBuilt(plan: WorkbookInput): WorkbookInput {
  const drop = (sheet: string, headers: string[]) => {
    const grid = plan.sheets.find((s) => s.name === sheet);
    if (!grid) return;
    const keep = grid.values[0].map((h, i) => (headers.includes(String(h)) ? -1 : i)).filter((i) => i >= 0);
    grid.values = grid.values.map((row) => keep.map((i) => row[i]));
  };
  drop('Commitments', ['Status']);
  drop('Capacity', ['Committed hours', 'Committed cost']);
  return plan;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export async function bench(sizes: number[]): Promise<void> {
  console.log('Excel add-in: round trips and payloads per action (Office.js double; limit 5 MB per request)');
  const header = ['rows/sheet', 'action', 'syncs', 'largest request', 'all requests', 'largest response'];
  const table: string[][] = [];
  for (const rows of sizes) {
    const cases: [string, OfficeDouble, (c: Excel.RequestContext) => Promise<unknown>][] = [
      ['create (empty workbook)', new OfficeDouble(), (c) => createPlan(c, 'en')],
      ['create (3 columns missing)', doubleWith(halfBuilt(planOfSize(rows))), (c) => createPlan(c, 'en')],
      ['check', doubleWith(planOfSize(rows)), (c) => checkWorkbook(c, 'en', AS_OF)],
    ];
    for (const [name, office, action] of cases) {
      const trip = await measure(office, action);
      if (typeof trip === 'string') {
        table.push([rows.toLocaleString('en'), name, 'failed', trip, '', '']);
        continue;
      }
      const over = trip.maxRequest > PAYLOAD_LIMIT || trip.maxResponse > PAYLOAD_LIMIT ? ' (over 5 MB)' : '';
      table.push([rows.toLocaleString('en'), name, String(trip.syncs), kb(trip.maxRequest) + over, kb(trip.totalRequest), kb(trip.maxResponse)]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const row of table) console.log(line(row));
  if (existsSync(BUNDLE)) {
    const size = statSync(BUNDLE).size;
    console.log(`Task pane bundle (dist/excel-addin/taskpane.js, minified): ${kb(size)} of a ${kb(BUNDLE_BUDGET)} budget.`);
  } else {
    console.log('Task pane bundle: not built (run npm run build).');
  }
}

/** The name bench/run.ts imports. */
export const benchExcel = bench;
