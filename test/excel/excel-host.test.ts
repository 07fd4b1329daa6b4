// The Excel adapter against the strict Office.js double: what Create plan,
// Check plan and Write review do to a workbook, and in how many round trips.

import { checkPlan, toJson } from '../../core/check';
import { sampleData } from '../../core/sample';
import { templateLayout } from '../../core/layout/template';
import { hostValues } from '../../core/layout/cells';
import { WorkbookInput } from '../../core/read';
import { checkWorkbook, createPlan, excelPaneHost, readWorkbook, selectCell, splitReads, writeReview } from '../../excel-addin/excel-host';
import { AS_OF, basePlan, buildWorkbook, withRow } from '../fixtures/plan-fixture';
import { OfficeDouble, OfficeError } from './office-double';
import { doubleWith, excelOf, runIn, snapshotOf } from './workbook-double';

/** The sample plan as the template writes it (values only), the grids a host would read back. */
function sampleWorkbook(): WorkbookInput {
  const layout = templateLayout({ sheets: [] }, 'en', sampleData('en'));
  return {
    sheets: layout.sheets.map((s) => ({ name: s.name, values: hostValues(s.blocks[0].values) })),
  };
}

describe('the Office.js double is strict', () => {
  it('throws when a property is read before it is loaded and synced', async () => {
    const office = doubleWith({ sheets: [{ name: 'Plan', values: [['Field', 'Value']] }] });
    await expect(
      office.run(async (context) => {
        const range = context.workbook.worksheets.getItem('Plan').getRange('A1:B1');
        range.load('values');
        return range.values;
      }),
    ).rejects.toThrow(/PropertyNotLoaded/);
  });

  it('rejects a write whose shape differs from its range, and load() with no names', async () => {
    const office = doubleWith({ sheets: [{ name: 'Plan', values: [] }] });
    await expect(
      office.run(async (context) => {
        context.workbook.worksheets.getItem('Plan').getRange('A1:B2').values = [['only one row', 'x']];
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidArgument/);
    await expect(office.run(async (context) => void context.workbook.worksheets.load(''))).rejects.toBeInstanceOf(OfficeError);
  });

  it("turns '=...' written to values into a formula and keeps apostrophe text literal", async () => {
    const office = doubleWith({ sheets: [{ name: 'Plan', values: [] }] });
    await office.run(async (context) => {
      context.workbook.worksheets.getItem('Plan').getRange('A1:B1').values = [['=SUM(1,2)', "'=SUM(1,2)"]];
      await context.sync();
    });
    const plan = office.workbook.find('Plan')!;
    expect(plan.cell(0, 0)?.formula).toBe('=SUM(1,2)');
    expect(plan.cell(0, 1)).toMatchObject({ value: '=SUM(1,2)' });
    expect(plan.cell(0, 1)?.formula).toBeUndefined();
  });
});

describe('Create plan', () => {
  it('adds every plan sheet to an empty workbook as tables with drop-downs, formats and frozen headers', async () => {
    const office = new OfficeDouble();
    const { added } = await runIn(office, (context) => createPlan(context, 'en'));
    expect(added).toEqual(['Plan', 'Knowledge', 'Learning plan', 'Stakeholders', 'Vision', 'Commitments', 'Capacity']);
    expect(office.syncs).toBe(6);
    const commitments = office.workbook.find('Commitments')!;
    expect(commitments.tables.map((t) => t.name)).toEqual(['KAP_commitments']);
    expect(commitments.frozenRows).toBe(1);
    expect(commitments.validations.length).toBeGreaterThan(0);
    expect(commitments.cell(0, 0)?.value).toBe('ID');
    const capacity = office.workbook.find('Capacity')!;
    expect(capacity.cell(1, 5)?.formula).toMatch(/^=IF\(\$A2="","",SUMIFS\(Commitments!/);
    expect(capacity.cell(1, 1)?.numberFormat).toBe('yyyy-mm-dd');
    // The adapter wrote what the core laid out, cell for cell.
    const layout = templateLayout({ sheets: [] }, 'en');
    for (const s of layout.sheets) {
      const values = hostValues(s.blocks[0].values);
      const sheet = office.workbook.find(s.name)!;
      values.forEach((row, r) => row.forEach((v, c) => expect(sheet.cell(r, c)?.formula ?? sheet.cell(r, c)?.value ?? '').toBe(v)));
    }
  });

  it('on a half-built workbook adds only what is missing and changes no existing cell', async () => {
    const data = basePlan('en');
    const input = buildWorkbook(data, { omitSheets: ['vision', 'capacity'], omitColumns: { commitments: ['team', 'status'] }, extraColumn: true });
    input.sheets.push({ name: 'My notes', values: [['call Carolina', 42]] });
    const office = doubleWith(input);
    const before = snapshotOf(office);
    const { added } = await runIn(office, (context) => createPlan(context, 'en'));
    expect(added).toEqual(expect.arrayContaining(['Vision', 'Capacity', 'Commitments: Team', 'Commitments: Status']));
    expect(added).not.toContain('Knowledge');
    const after = snapshotOf(office);
    for (const [sheet, cells] of Object.entries(before)) {
      for (const [address, value] of Object.entries(cells)) expect([sheet, address, after[sheet][address]]).toEqual([sheet, address, value]);
    }
  });

  it('refused part-way, leaves each sheet whole or absent, and a second run finishes the same workbook as one clean run', async () => {
    const clean = new OfficeDouble();
    await runIn(clean, (context) => createPlan(context, 'en'));
    const office = new OfficeDouble();
    // Request 6 is Create's second write request (after four reads): Excel refuses it.
    office.refuseRequest = 6;
    await expect(runIn(office, (context) => createPlan(context, 'en'))).rejects.toThrow(OfficeError);
    const partial = office.workbook.sheets.map((s) => s.name);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(7);
    // Each sheet that made it is whole: headers, table, frozen row.
    for (const s of office.workbook.sheets) expect([s.name, s.frozenRows, s.cell(0, 0)?.value !== undefined]).toEqual([s.name, 1, true]);
    office.refuseRequest = undefined;
    await runIn(office, (context) => createPlan(context, 'en'));
    expect(snapshotOf(office)).toEqual(snapshotOf(clean));
    expect(office.workbook.sheets.map((s) => s.name).sort()).toEqual(clean.workbook.sheets.map((s) => s.name).sort());
  });

  it('twice gives the same workbook, and the second time adds nothing', async () => {
    const office = new OfficeDouble();
    await runIn(office, (context) => createPlan(context, 'es'));
    const first = snapshotOf(office);
    const { added } = await runIn(office, (context) => createPlan(context, 'es'));
    expect(added).toEqual([]);
    expect(snapshotOf(office)).toEqual(first);
    expect(office.workbook.sheets.map((s) => s.name)).toContain('Compromisos');
  });
});

describe('reading in two requests', () => {
  it('splits the rows into two halves by cells, cutting a sheet between rows', () => {
    const [first, second] = splitReads([
      { rows: 10, columns: 2 },
      { rows: 0, columns: 0 },
      { rows: 30, columns: 1 },
    ]);
    expect(first).toEqual([
      { sheet: 0, from: 1, to: 10, columns: 2 },
      { sheet: 2, from: 1, to: 5, columns: 1 },
    ]);
    expect(second).toEqual([{ sheet: 2, from: 6, to: 30, columns: 1 }]);
  });
});

describe('Check plan', () => {
  it('gives exactly the findings, verdicts and scores the core gives on the same grids', async () => {
    const input = sampleWorkbook();
    const office = doubleWith(input);
    const view = await runIn(office, (context) => checkWorkbook(context, 'en', AS_OF));
    const core = toJson(checkPlan(input, { asOf: AS_OF, language: 'en' }));
    expect(office.syncs).toBe(4);
    expect(view.findings.map(({ points: _points, ...f }) => f)).toEqual(core.findings);
    expect(view.commitments.map((c) => ({ id: c.id, supported: c.supported, reasons: c.reasons }))).toEqual(core.commitments);
    expect(view.scorecard).toMatchObject(core.scorecard);
    expect(view.findings.length).toBeGreaterThan(5);
    expect(view.commitments.some((c) => !c.supported)).toBe(true);
    expect(view.stakeholders.length).toBeGreaterThan(0);
  });

  it('reads a table that starts below A1 with its own row numbers', async () => {
    const input = buildWorkbook(basePlan('en'), { titleRows: 2 });
    const office = doubleWith(input);
    const { input: read } = await runIn(office, (context) => readWorkbook(context));
    const core = checkPlan(input, { asOf: AS_OF });
    expect(toJson(checkPlan(read, { asOf: AS_OF }))).toEqual(toJson(core));
  });

  it('reports merged cells where Excel has ExcelApi 1.13, in the same four syncs, as kap does', async () => {
    const input = buildWorkbook(basePlan('en'));
    const office = doubleWith(input);
    office.workbook.find('Commitments')!.merges.push({ top: 2, left: 1, rows: 2, columns: 2 });
    const view = await runIn(office, (context) => checkWorkbook(context, 'en', AS_OF, { mergedAreas: true }));
    expect(office.syncs).toBe(4);
    const core = checkPlan({ sheets: input.sheets.map((s) => (s.name === 'Commitments' ? { ...s, merges: ['B3:C4'] } : s)) }, { asOf: AS_OF, language: 'en' });
    expect(view.findings.filter((f) => f.rule === 'merged-cells').map((f) => [f.sheet, f.cell])).toEqual([['Commitments', 'B3']]);
    expect(view.findings.map(({ points: _points, ...f }) => f)).toEqual(toJson(core).findings);
  });

  it('checks the same without merged areas where Excel lacks ExcelApi 1.13', async () => {
    const office = doubleWith(buildWorkbook(basePlan('en')));
    office.workbook.find('Commitments')!.merges.push({ top: 2, left: 1, rows: 2, columns: 2 });
    const view = await runIn(office, (context) => checkWorkbook(context, 'en', AS_OF));
    expect(view.findings.filter((f) => f.rule === 'merged-cells')).toEqual([]);
    expect(office.syncs).toBe(4);
  });

  it('uses the same number of syncs at 10 and at 10,000 rows, and no request reaches 5 MB', async () => {
    const small = basePlan('en');
    const big = withRow(small, 'commitments', 0, {});
    const template = big.rows.commitments![0];
    big.rows.commitments = Array.from({ length: 10000 }, (_, i) => ({ ...template, id: `C${i + 1}`, commitment: `Commitment number ${i + 1}` }));
    const counts = [];
    for (const data of [small, big]) {
      const office = doubleWith(buildWorkbook(data, { omitSheets: ['capacity'], omitColumns: { commitments: ['status'] } }));
      await runIn(office, (context) => createPlan(context, 'en'));
      const create = office.syncs;
      office.resetCounts();
      await runIn(office, (context) => checkWorkbook(context, 'en', AS_OF));
      counts.push({ create, check: office.syncs });
      expect(Math.max(...office.requests.map((r) => r.requestBytes))).toBeLessThan(5 * 1024 * 1024);
    }
    expect(counts[0]).toEqual({ create: 6, check: 4 });
    expect(counts[1]).toEqual(counts[0]);
  });
});

describe('Write review', () => {
  it('writes workbook text back as inert text: a formula-looking name stays text', async () => {
    const hostile = '=HYPERLINK("x")';
    let data = withRow(basePlan('en'), 'commitments', 0, { commitment: hostile, owner: '' });
    data = withRow(data, 'stakeholders', 0, { name: hostile });
    const office = doubleWith(buildWorkbook(data));
    const { sheet, findings } = await runIn(office, (context) => writeReview(context, 'en', AS_OF));
    expect(sheet).toBe('Review');
    expect(findings).toBeGreaterThan(0);
    expect(office.syncs).toBe(5);
    const review = office.workbook.find('Review')!;
    const cells = [...review.cells.values()].flatMap((row) => [...row.values()]);
    expect(cells.some((c) => c.value === hostile)).toBe(true);
    expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
    expect(review.frozenRows).toBeGreaterThan(0);
    expect(office.workbook.active).toBe('Review');
  });

  it('replaces an existing Review sheet whole and leaves the plan untouched', async () => {
    const input = buildWorkbook(basePlan('en'));
    input.sheets.push({ name: 'Review', values: [['old'], ['rows'], ['that'], ['go'], ['away'], ...Array.from({ length: 60 }, () => ['stale'])] });
    const office = doubleWith(input);
    const before = snapshotOf(office);
    await runIn(office, (context) => writeReview(context, 'en', AS_OF));
    const after = snapshotOf(office);
    expect(Object.values(after.Review)).not.toContain('stale');
    for (const name of Object.keys(before)) if (name !== 'Review') expect(after[name]).toEqual(before[name]);
  });
});

describe('the pane host', () => {
  it('selects a finding\'s cell on its sheet', async () => {
    const office = doubleWith(buildWorkbook(basePlan('en')));
    await runIn(office, (context) => selectCell(context, 'Commitments', 'D3'));
    expect(office.workbook.selected).toEqual({ sheet: 'Commitments', address: 'D3' });
    expect(office.workbook.active).toBe('Commitments');
  });

  it('opens the client copy as a new workbook', async () => {
    const office = doubleWith(sampleWorkbook());
    const host = excelPaneHost(excelOf(office), () => AS_OF);
    const { message } = await host.prepareClientCopy('en');
    expect(message).toMatch(/new workbook/);
    expect(office.workbook.createdWorkbooks).toHaveLength(1);
    expect(Buffer.from(office.workbook.createdWorkbooks[0], 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
