// The Excel adapter's round trips and payloads: the requests the real Excel
// JavaScript library (@microsoft/office-js) sends for Create plan, Check plan
// and Write review on plans of each size, and their bytes, as the Excel test
// host receives and answers them; and the task pane bundle's size. Excel on
// the web refuses a request or response over 5 MB.

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { WorkbookInput } from '../core/read';
import { checkWorkbook, clientCopyFile, createPlan, writeReview } from '../excel-addin/excel-host';
import { ExcelTestHost, excelWith } from '../test/excel/excel-test-host';
import { PAYLOAD_LIMIT } from '../test/excel/rich-api-host';
import { AS_OF } from './core';
import { planOfSize } from './plan-of-size';

const BUNDLE = path.resolve(__dirname, '..', 'dist', 'excel-addin', 'taskpane.js');
const BUNDLE_BUDGET = 250 * 1024;

interface Trip {
  requests: number;
  actions: number;
  maxRequest: number;
  totalRequest: number;
  maxResponse: number;
}

async function measure(excel: ExcelTestHost, action: (context: Excel.RequestContext) => Promise<unknown>): Promise<Trip | string> {
  excel.resetCounts();
  try {
    await excel.run(action);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return `${code ?? ''} ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`.trim();
  }
  const r = excel.requests;
  return {
    requests: r.length,
    actions: r.reduce((n, x) => n + x.actions, 0),
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
  console.log('Excel add-in: requests and payloads per action (real Excel JavaScript library, test host; limit 5 MB per request and response)');
  const header = ['rows/sheet', 'action', 'requests', 'actions', 'largest request', 'all requests', 'largest response'];
  const table: string[][] = [];
  for (const rows of sizes) {
    const cases: [string, ExcelTestHost, (c: Excel.RequestContext) => Promise<unknown>][] = [
      ['create (empty workbook)', excelWith(), (c) => createPlan(c, 'en')],
      ['create (3 columns missing)', excelWith(halfBuilt(planOfSize(rows))), (c) => createPlan(c, 'en')],
      ['check', excelWith(planOfSize(rows)), (c) => checkWorkbook(c, 'en', AS_OF)],
      ['write review', excelWith(planOfSize(rows)), (c) => writeReview(c, 'en', AS_OF)],
    ];
    const copy = excelWith(planOfSize(rows));
    for (const [name, excel, action] of cases) {
      const trip = await measure(excel, action);
      if (typeof trip === 'string') {
        table.push([rows.toLocaleString('en'), name, 'failed', '', trip, '', '']);
        continue;
      }
      const over = trip.maxRequest > PAYLOAD_LIMIT || trip.maxResponse > PAYLOAD_LIMIT ? ' (over 5 MB)' : '';
      table.push([rows.toLocaleString('en'), name, String(trip.requests), String(trip.actions), kb(trip.maxRequest) + over, kb(trip.totalRequest), kb(trip.maxResponse)]);
    }
    // Prepare client copy: the four reads, then Excel.createWorkbook's one request carrying the .xlsx as base64.
    const trip = await measure(copy, async (c) => {
      const file = await clientCopyFile(c, 'en');
      await copy.excel.createWorkbook(file);
    });
    if (typeof trip === 'string') table.push([rows.toLocaleString('en'), 'client copy', 'failed', '', trip, '', '']);
    else table.push([rows.toLocaleString('en'), 'client copy', String(trip.requests), String(trip.actions), kb(trip.maxRequest) + (trip.maxRequest > PAYLOAD_LIMIT ? ' (over 5 MB)' : ''), kb(trip.totalRequest), kb(trip.maxResponse)]);
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
