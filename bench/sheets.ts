// The Sheets add-on's share of `npm run bench`: spreadsheet service calls per
// Create plan, Check plan and Write review at each plan size (the add-on's
// round trips, which Apps Script bills tens to hundreds of ms each), the time
// the add-on's code takes on the in-memory double, and the size of Code.js.
// Prints; asserts nothing.

import { statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { firstPage } from '../core/pane-page';
import { createPlanIn, checkPlanIn, writeReviewIn } from '../sheets-addon/plan-actions';
import { DoubleSpreadsheet, DoubleSpreadsheetApp } from '../test/sheets/spreadsheet-double';
import { planOfSize } from './plan-of-size';

const AS_OF = 20892; // 2027-03-15

export async function benchSheets(sizes: number[]): Promise<void> {
  const header = ['rows/sheet', 'create calls', 'check calls', 'review calls', 'create ms', 'check ms', 'review ms', 'checkPlan bytes', 'whole view bytes', 'ratio'];
  const table: string[][] = [];
  for (const rows of sizes) {
    // Capacity without its live formula columns, so Create plan has something to add on every size.
    const input = planOfSize(rows);
    const capacity = input.sheets.find((s) => s.name === 'Capacity');
    if (capacity) capacity.values = capacity.values.map((r) => r.slice(0, 5));
    const book = DoubleSpreadsheet.fromGrids(input);
    const app = new DoubleSpreadsheetApp(book);
    const measure = (work: () => void): [number, number] => {
      book.calls.reset();
      const t = performance.now();
      work();
      return [book.calls.total, performance.now() - t];
    };
    const [createCalls, createMs] = measure(() => createPlanIn(app, book, 'en'));
    let view: ReturnType<typeof checkPlanIn> | undefined;
    const [checkCalls, checkMs] = measure(() => (view = checkPlanIn(book, 'en', AS_OF)));
    // What google.script.run carries for one check (the first page), against the whole view it once sent.
    const sent = Buffer.byteLength(JSON.stringify(firstPage(view!)));
    const whole = Buffer.byteLength(JSON.stringify(view));
    const [reviewCalls, reviewMs] = measure(() => writeReviewIn(book, 'en', AS_OF));
    table.push([
      rows.toLocaleString('en'),
      String(createCalls),
      String(checkCalls),
      String(reviewCalls),
      createMs.toFixed(0),
      checkMs.toFixed(0),
      reviewMs.toFixed(0),
      sent.toLocaleString('en'),
      whole.toLocaleString('en'),
      `${(whole / sent).toFixed(1)}x`,
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log('Google Sheets add-on: spreadsheet service calls per action (the in-memory double counts every call on a service object).');
  console.log(line(header));
  for (const row of table) console.log(line(row));
  const code = path.resolve(__dirname, '..', 'dist', 'sheets-addon', 'Code.js');
  const sidebar = path.resolve(__dirname, '..', 'dist', 'sheets-addon', 'Sidebar.html');
  const kb = (file: string): string => {
    try {
      return `${(statSync(file).size / 1024).toFixed(0)} KB`;
    } catch {
      return 'not built';
    }
  };
  console.log(`Code.js ${kb(code)}, Sidebar.html ${kb(sidebar)} (dist/sheets-addon, from npm run build).`);
}

/** The name the bench brief asks for. */
export const bench = benchSheets;
