// The product's promise that one plan gives one answer: the same .xlsx, written
// by kap, checked by kap (--json), by the Excel add-in (its adapter on the real
// Excel JavaScript library over the Excel test host, values as Excel holds them) and by the Sheets add-on
// (the built Code.js over the SpreadsheetApp double, dates as Date objects),
// yields the same findings, verdicts and scores. Spanish plan, English output.

import path from 'node:path';
import { checkPlan } from '../core/check';
import { feasibilityView } from '../core/feasibility';
import { LANGUAGES } from '../core/contract';
import { PaneCheckPage } from '../core/pane-page';
import { PaneCheckView } from '../core/pane-view';
import { dayFromParts } from '../core/values';
import { PlanWorkbook } from '../cli/xlsx-workbook';
import { checkWorkbook } from '../excel-addin/excel-host';
import { AS_OF, kap, removeTempDirs, tempDir } from './cli/kap';
import { excelWith } from './excel/excel-test-host';
import { buildAddon, loadAddon } from './sheets/addon';

afterAll(removeTempDirs);

type Verdicts = { id: string; supported: boolean; reasons: string[] }[];

function fromView(view: PaneCheckView): { scorecard: object; findings: object[]; commitments: Verdicts; actions: object[] } {
  return {
    scorecard: { knowledge: view.scorecard.knowledge, vision: view.scorecard.vision, commitment: view.scorecard.commitment, overall: view.scorecard.overall },
    findings: view.findings.map(({ points: _points, ...f }) => f),
    // The Sheets add-on sends every verdict apart from the first unsupported commitments in full (core/pane-page.ts).
    commitments: ('verdicts' in view ? (view as PaneCheckPage).verdicts : view.commitments).map((c) => ({ id: c.id, supported: c.supported, reasons: c.reasons })),
    actions: view.actions,
  };
}

describe.each(LANGUAGES)('a %s sample plan checked with English output', (lang) => {
  it('gives the same findings, verdicts and scores in kap, the Excel add-in and the Sheets add-on', async () => {
    const file = path.join(tempDir(), 'plan.xlsx');
    expect((await kap('sample', file, '--lang', lang)).code).toBe(0);
    const cli = JSON.parse((await kap('check', file, '--json', '--lang', 'en', '--as-of', AS_OF)).out);
    const input = (await PlanWorkbook.open(file)).input();
    const [y, m, d] = AS_OF.split('-').map(Number);

    const excelView = await excelWith(input).run((context) => checkWorkbook(context, 'en', dayFromParts(y, m, d)));
    const excel = fromView(excelView);
    // The add-on checks as of today in the spreadsheet's time zone: noon on the as-of day.
    const sheetsView = loadAddon(buildAddon(), input, { now: new Date(Date.UTC(y, m - 1, d, 12)) }).call<PaneCheckView>('checkPlan', 'en');
    const sheets = fromView(sheetsView);

    expect(cli.findings.length).toBeGreaterThan(10);
    expect(cli.commitments.some((c: { supported: boolean }) => !c.supported)).toBe(true);
    const { capacity: _capacity, uncovered: _uncovered, ...verdicts } = cli;
    expect(excel).toEqual(verdicts);
    expect(sheets).toEqual(verdicts);
    // The panes' feasibility is the core's, from the same file, on both hosts.
    const core = feasibilityView(checkPlan(input, { asOf: dayFromParts(y, m, d), language: 'en' }).feasibility);
    expect(excelView.feasibility).toEqual(core);
    expect(sheetsView.feasibility).toEqual(core);
  });
});
