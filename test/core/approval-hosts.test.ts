// An approval that no longer holds is caught the same way everywhere: one .xlsx
// whose commitments were approved and then changed (one in its cost, one in its
// effort, one in its due date, one in its team), checked by kap (--json), the
// Excel add-in (over the Office.js double) and the Sheets add-on (the built
// Code.js over the SpreadsheetApp double), gives the same approval-stale
// findings and not-approved verdicts. English and Spanish plans.
import path from 'node:path';
import { formatTerms } from '../../core/approval';
import { Language, LANGUAGES, listLabel } from '../../core/contract';
import { PaneCheckPage } from '../../core/pane-page';
import { PaneCheckView } from '../../core/pane-view';
import { dayFromParts } from '../../core/values';
import { PlanWorkbook } from '../../cli/xlsx-workbook';
import { checkWorkbook } from '../../excel-addin/excel-host';
import { AS_OF, kap, removeTempDirs, tempDir, writeGrids } from '../cli/kap';
import { excelWith } from '../excel/excel-test-host';
import { buildWorkbook, day } from '../fixtures/plan-fixture';
import { busyPlan } from '../fixtures/busy-plan';
import { buildAddon, loadAddon } from '../sheets/addon';

afterAll(removeTempDirs);

/** The busy plan with C1, C3, C4 and C7 approved on their terms, then each changed in one part. */
function approvedThenChanged(lang: Language) {
  const plan = busyPlan(lang);
  const rows = plan.rows.commitments!;
  const approve = (id: string, change: Record<string, unknown>): void => {
    const row = rows.find((r) => r.id === id)!;
    const cost = row.cost as number;
    const hours = row.effortHours as number;
    const due = row.due as Date;
    const terms = formatTerms({ cost, currency: 'USD', effortHours: hours, due: dayFromParts(due.getUTCFullYear(), due.getUTCMonth() + 1, due.getUTCDate()), team: row.team as string }, lang);
    Object.assign(row, { needsApproval: listLabel('yesNo', 'yes', lang), approvedBy: 'Lucía Fernández', approvalDate: day('2027-02-01'), approvedTerms: terms }, change);
  };
  approve('C1', { cost: 15000 });
  approve('C3', { effortHours: 180 });
  approve('C4', { due: day('2027-05-15') });
  approve('C7', { team: 'Delivery' });
  return buildWorkbook(plan, { lang });
}

function fromView(view: PaneCheckView) {
  return {
    findings: view.findings.filter((f) => f.rule.startsWith('approval-')).map(({ points: _p, ...f }) => f),
    // The Sheets add-on sends every verdict apart from the first unsupported commitments in full (core/pane-page.ts).
    commitments: ('verdicts' in view ? (view as PaneCheckPage).verdicts : view.commitments).map((c) => ({ id: c.id, supported: c.supported, reasons: c.reasons })),
  };
}

describe.each(LANGUAGES)('a %s plan approved, then changed in cost, effort, due date and team', (lang) => {
  it('is approval-stale and not-approved, with the same findings, in kap, the Excel add-in and the Sheets add-on', async () => {
    const file = path.join(tempDir(), 'approved.xlsx');
    await writeGrids(approvedThenChanged(lang), file);
    const json = JSON.parse((await kap('check', file, '--json', '--as-of', AS_OF)).out);
    const cli = {
      findings: json.findings.filter((f: { rule: string }) => f.rule.startsWith('approval-')),
      commitments: json.commitments,
    };
    const input = (await PlanWorkbook.open(file)).input();
    const [y, m, d] = AS_OF.split('-').map(Number);
    const excel = fromView(await excelWith(input).run((context) => checkWorkbook(context, lang, dayFromParts(y, m, d))));
    const sheets = fromView(loadAddon(buildAddon(), input, { now: new Date(Date.UTC(y, m - 1, d, 12)) }).call<PaneCheckView>('checkPlan', lang));

    expect(cli.findings.map((f: { rule: string; cell: string }) => [f.rule, f.cell])).toEqual([
      ['approval-stale', 'J2'],
      ['approval-stale', 'I4'],
      ['approval-stale', 'G5'],
      ['approval-stale', 'H8'],
    ]);
    const changed = lang === 'es' ? ['ahora 15.000 USD', 'ahora 180 h', 'ahora 2027-05-15', 'ahora Delivery'] : ['now 15,000 USD', 'now 180 h', 'now due 2027-05-15', 'now Delivery'];
    cli.findings.forEach((f: { message: string }, i: number) => expect(f.message).toContain(changed[i]));
    for (const id of ['C1', 'C3', 'C4', 'C7']) {
      expect(cli.commitments.find((c: { id: string }) => c.id === id).reasons).toContain('not-approved');
    }
    expect(excel).toEqual(cli);
    expect(sheets).toEqual(cli);
  });
});
