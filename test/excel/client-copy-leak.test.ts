// The leak test for the Excel add-in's *Prepare client copy*: the sentinel plan
// sits in the Office.js double as Excel holds it, the pane's own action runs,
// and the .xlsx it hands to Excel.createWorkbook carries no sentinel in any
// part, every shared value, formula-looking text only as text, and leaves the
// plan workbook exactly as it was.

import { LANGUAGES } from '../../core/contract';
import { excelPaneHost } from '../../excel-addin/excel-host';
import { sentinelPlan, SentinelPlan } from '../fixtures/sentinel-plan';
import { CopyPackage, describeCopyPackage, readCopyPackage } from '../safety/copy-package';
import { OfficeDouble } from './office-double';
import { doubleWith, excelOf, snapshotOf } from './workbook-double';

describe.each(LANGUAGES)('Prepare client copy on the sentinel plan in Excel (%s)', (lang) => {
  let plan: SentinelPlan;
  let office: OfficeDouble;
  let before: ReturnType<typeof snapshotOf>;
  let message: string;
  let copy: CopyPackage;

  beforeAll(async () => {
    plan = sentinelPlan(lang);
    // Dates become serial numbers and '=' text stays text (typed with an apostrophe), as Excel's `values` holds them.
    office = doubleWith(plan.input);
    before = snapshotOf(office);
    ({ message } = await excelPaneHost(excelOf(office)).prepareClientCopy(lang));
    const bytes = Buffer.from(office.workbook.createdWorkbooks[0] ?? '', 'base64');
    copy = await readCopyPackage(bytes);
  });

  test('the plan workbook holds every sentinel before the copy, so finding none in the copy means something', () => {
    // Sheet names and every cell's text (numbers as their decimal text); a header sentinel carries its [client] marker.
    const held = Object.entries(before)
      .flatMap(([name, sheet]) => [name, ...Object.values(sheet).map(String)])
      .join('\n');
    expect(plan.sentinels.filter((s) => !held.includes(s))).toEqual([]);
  });

  test('opens exactly one new workbook and says so', () => {
    expect(office.workbook.createdWorkbooks).toHaveLength(1);
    expect(message).toMatch(lang === 'es' ? /libro nuevo/ : /new workbook/);
  });

  describeCopyPackage(() => ({ plan, copy }));

  test('the plan workbook is unchanged, cell for cell', () => {
    expect(snapshotOf(office)).toEqual(before);
    expect(office.workbook.sheets.map((s) => s.name)).toEqual(plan.input.sheets.map((s) => s.name));
  });
});
