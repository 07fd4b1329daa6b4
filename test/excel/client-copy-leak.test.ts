// The leak test for the Excel add-in's *Prepare client copy*: the sentinel plan
// sits in the Excel test host as Excel holds it, the pane's own action runs on
// the real Excel JavaScript library,
// and the .xlsx it hands to Excel.createWorkbook carries no sentinel in any
// part, every shared value, formula-looking text only as text, and leaves the
// plan workbook exactly as it was.

import { LANGUAGES } from '../../core/contract';
import { excelPaneHost } from '../../excel-addin/excel-host';
import { sentinelPlan, SentinelPlan } from '../fixtures/sentinel-plan';
import { CopyPackage, describeCopyPackage, readCopyPackage } from '../safety/copy-package';
import { ExcelTestHost, excelWith } from './excel-test-host';

describe.each(LANGUAGES)('Prepare client copy on the sentinel plan in Excel (%s)', (lang) => {
  let plan: SentinelPlan;
  let excel: ExcelTestHost;
  let before: ReturnType<ExcelTestHost['snapshot']>;
  let message: string;
  let copy: CopyPackage;

  beforeAll(async () => {
    plan = sentinelPlan(lang);
    // Dates become serial numbers and '=' text stays text, as Excel holds them.
    excel = excelWith(plan.input);
    before = excel.snapshot();
    ({ message } = await excelPaneHost(excel.excel).prepareClientCopy(lang));
    const bytes = Buffer.from(excel.workbook.created[0]?.base64 ?? '', 'base64');
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
    expect(excel.workbook.created).toHaveLength(1);
    expect(excel.host.unmodelled).toEqual([]);
    expect(message).toMatch(lang === 'es' ? /libro nuevo/ : /new workbook/);
  });

  describeCopyPackage(() => ({ plan, copy }));

  test('the plan workbook is unchanged, cell for cell', () => {
    expect(excel.snapshot()).toEqual(before);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(plan.input.sheets.map((s) => s.name));
    // Reads only, apart from the one request that opens the new workbook.
    expect(excel.requests.filter((r) => (r.flags & 1) !== 0).map((r) => r.customData)).toEqual(['WacPartition']);
  });
});
