// The Excel adapter on the real Excel JavaScript library (@microsoft/office-js),
// its requests answered by the Excel test host: what Create plan, Check plan,
// Write review and a finding click do to a workbook, in how many requests,
// and what is left when Excel fails a request part-way.

import { checkPlan, toJson } from '../../core/check';
import { hostValues } from '../../core/layout/cells';
import { templateLayout } from '../../core/layout/template';
import { WorkbookInput } from '../../core/read';
import { sampleData } from '../../core/sample';
import { checkWorkbook, createPlan, excelPaneHost, readWorkbook, selectCell, selectionRows, splitReads, unfinishedName, writeReview } from '../../excel-addin/excel-host';
import { AS_OF, basePlan, buildWorkbook, day, withRow } from '../fixtures/plan-fixture';
import { ExcelTestHost, excelWith } from './excel-test-host';
import { Sheet, Workbook } from './excel-workbook';
import { HostError } from './rich-api-host';

/** The sample plan as the template writes it (values only), the grids a host would read back. */
function sampleWorkbook(): WorkbookInput {
  const layout = templateLayout({ sheets: [] }, 'en', sampleData('en'));
  return { sheets: layout.sheets.map((s) => ({ name: s.name, values: hostValues(s.blocks[0].values).map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v))) })) };
}

/** Everything about a sheet a user would see: cells, formats, rules, tables, frozen rows. */
function sheetState(workbook: Workbook, sheet: Sheet): unknown {
  const cells: Record<string, unknown> = {};
  for (const [r, row] of sheet.cells) for (const [c, cell] of row) cells[`${r},${c}`] = cell;
  return {
    cells,
    widths: [...sheet.columnWidths],
    validations: sheet.validations,
    frozen: sheet.frozenRows,
    tables: workbook.tables.filter((t) => t.sheet === sheet).map((t) => ({ name: t.name, box: t.box, style: t.style })),
  };
}

function workbookState(workbook: Workbook): Record<string, unknown> {
  return Object.fromEntries(workbook.sheets.map((s) => [s.name, sheetState(workbook, s)]));
}

const PLAN_SHEETS = ['Plan', 'Knowledge', 'Learning plan', 'Stakeholders', 'Vision', 'Commitments', 'Capacity'];


describe('Create plan', () => {
  it('works on a one-sheet workbook (the getItem-before-add bug failed every new sheet with ItemNotFound)', async () => {
    const excel = excelWith({ sheets: [{ name: 'Sheet1', values: [] }] });
    const { added } = await excel.run((context) => createPlan(context, 'en'));
    expect(added).toEqual(PLAN_SHEETS);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', ...PLAN_SHEETS]);
    expect(excel.requests.map((r) => r.failed)).toEqual([undefined, undefined, undefined]);
    expect(excel.host.unmodelled).toEqual([]);
  });

  it('adds every plan sheet as tables with drop-downs, formats and frozen headers, formulas through range.formulas', async () => {
    const excel = excelWith();
    await excel.run((context) => createPlan(context, 'en'));
    // One read (the sheet names; an empty workbook has no used ranges to ask for) and two writes.
    expect(excel.requests).toHaveLength(3);
    const commitments = excel.workbook.find('Commitments')!;
    expect(excel.workbook.tables.map((t) => [t.name, t.sheet.name, t.style])).toContainEqual(['KAP_commitments', 'Commitments', 'TableStyleLight9']);
    expect(commitments.frozenRows).toBe(1);
    expect(commitments.validations.length).toBeGreaterThan(0);
    expect(commitments.cell(0, 0)?.value).toBe('ID');
    expect(commitments.cell(0, 0)?.bold).toBe(true);
    const capacity = excel.workbook.find('Capacity')!;
    expect(capacity.cell(1, 5)?.formula).toMatch(/^=IF\(\$A2="","",SUMIFS\(Commitments!/);
    expect(capacity.cell(1, 1)?.numberFormat).toBe('yyyy-mm-dd');
    expect(excel.host.formulasThroughValues).toBe(0);
    // The adapter wrote what the core laid out, cell for cell.
    for (const s of templateLayout({ sheets: [] }, 'en').sheets) {
      const sheet = excel.workbook.find(s.name)!;
      hostValues(s.blocks[0].values).forEach((row, r) =>
        row.forEach((v, c) => expect([s.name, r, c, sheet.cell(r, c)?.formula ?? sheet.cell(r, c)?.value ?? '']).toEqual([s.name, r, c, v])),
      );
    }
    expect(excel.workbook.sheets.some((s) => /unfinished/.test(s.name))).toBe(false);
  });

  it('on a half-built workbook adds only what is missing and changes no existing cell', async () => {
    const input = buildWorkbook(basePlan('en'), { omitSheets: ['vision', 'capacity'], omitColumns: { commitments: ['team', 'status'] }, extraColumn: true });
    input.sheets.push({ name: 'My notes', values: [['call Carolina', 42, '007']] });
    const excel = excelWith(input);
    const before = excel.snapshot();
    const { added } = await excel.run((context) => createPlan(context, 'en'));
    expect(added).toEqual(expect.arrayContaining(['Vision', 'Capacity', 'Commitments: Team', 'Commitments: Status']));
    expect(added).not.toContain('Knowledge');
    const after = excel.snapshot();
    for (const [sheet, cells] of Object.entries(before)) {
      for (const [address, value] of Object.entries(cells)) expect([sheet, address, after[sheet][address]]).toEqual([sheet, address, value]);
    }
  });

  it('twice gives the same workbook, and the second time adds nothing and writes nothing', async () => {
    const excel = excelWith();
    await excel.run((context) => createPlan(context, 'es'));
    const first = workbookState(excel.workbook);
    excel.resetCounts();
    const { added } = await excel.run((context) => createPlan(context, 'es'));
    expect(added).toEqual([]);
    expect(workbookState(excel.workbook)).toEqual(first);
    expect(excel.requests.every((r) => (r.flags & 1) === 0)).toBe(true);
    expect(excel.workbook.sheets.map((s) => s.name)).toContain('Compromisos');
  });

  it('computes the Capacity formulas it adds from the Commitments columns, including one it adds at the same time', async () => {
    let data = withRow(basePlan('en'), 'commitments', 2, {
      id: 'C3',
      commitment: 'Cancelled work',
      side: 'Ours',
      due: day('2027-04-30'),
      team: 'Delivery',
      effortHours: 50,
      cost: 5000,
      status: 'Cancelled',
    });
    data = withRow(data, 'commitments', 3, { id: 'C4', commitment: 'Next year', side: 'Ours', due: day('2028-02-01'), team: 'Delivery', effortHours: 7, cost: 700 });
    for (const omit of [{ capacity: ['committedHours', 'committedCost'] }, { capacity: ['committedHours', 'committedCost'], commitments: ['status'] }]) {
      const excel = excelWith(buildWorkbook(data, { omitColumns: omit }));
      await excel.run((context) => createPlan(context, 'en'));
      const { input } = await excel.run((context) => readWorkbook(context));
      const capacity = input.sheets.find((s) => s.name === 'Capacity')!;
      const header = capacity.values[0];
      const row = capacity.values[1];
      // C1 only: C2 is the client's, C3 cancelled (when there is a Status column), C4 outside the period.
      const hours = omit.commitments ? 150 : 100;
      expect([row[header.indexOf('Committed hours')], row[header.indexOf('Committed cost')]]).toEqual([hours, hours * 100]);
      expect(capacity.values[2][header.indexOf('Committed hours')]).toBe('');
    }
  });

  it('stopped part-way at any action, leaves every plan sheet whole or absent, and the next run finishes as one clean run', async () => {
    const clean = excelWith({ sheets: [{ name: 'Sheet1', values: [] }] });
    await clean.run((context) => createPlan(context, 'en'));
    const whole = workbookState(clean.workbook);
    const writeActions = clean.requests.filter((r) => (r.flags & 1) !== 0).map((r) => r.actions);
    expect(writeActions).toHaveLength(2);
    for (const [request, actions] of writeActions.entries()) {
      for (const at of [1, 7, Math.floor(actions / 3), Math.floor(actions / 2), actions - 2, actions - 1]) {
        const excel = excelWith({ sheets: [{ name: 'Sheet1', values: [] }] });
        let seen = 0;
        excel.host.failAction = (_action, number) => (number === request + 2 && seen++ === at ? new HostError('GeneralException', 'stopped (test)') : undefined);
        await expect(excel.run((context) => createPlan(context, 'en'))).rejects.toMatchObject({ code: 'GeneralException' });
        const state = workbookState(excel.workbook);
        for (const name of PLAN_SHEETS) if (state[name] !== undefined) expect([request, at, name, state[name]]).toEqual([request, at, name, whole[name]]);
        excel.host.failAction = undefined;
        await excel.run((context) => createPlan(context, 'en'));
        expect([request, at, workbookState(excel.workbook)]).toEqual([request, at, whole]);
      }
    }
  });

  it('stopped part-way on a half-built plan, leaves every user cell as it was, and the next run finishes as one clean run', async () => {
    const input = (): WorkbookInput => buildWorkbook(basePlan('en'), { omitSheets: ['vision'], omitColumns: { commitments: ['team', 'status'], capacity: ['committedHours'] } });
    const clean = excelWith(input());
    const before = clean.snapshot();
    await clean.run((context) => createPlan(context, 'en'));
    const whole = workbookState(clean.workbook);
    const actions = clean.requests.filter((r) => (r.flags & 1) !== 0).map((r) => r.actions);
    for (const [request, count] of actions.entries()) {
      for (const at of [2, Math.floor(count / 2), count - 1]) {
        const excel = excelWith(input());
        let seen = 0;
        excel.host.failAction = (_action, number) => (number === request + 5 && seen++ === at ? new HostError('GeneralException', 'stopped (test)') : undefined);
        await expect(excel.run((context) => createPlan(context, 'en'))).rejects.toMatchObject({ code: 'GeneralException' });
        const after = excel.snapshot();
        for (const [sheet, cells] of Object.entries(before)) for (const [a, v] of Object.entries(cells)) expect([sheet, a, after[sheet][a]]).toEqual([sheet, a, v]);
        excel.host.failAction = undefined;
        await excel.run((context) => createPlan(context, 'en'));
        expect([request, at, workbookState(excel.workbook)]).toEqual([request, at, whole]);
      }
    }
  });

  it('builds the unfinished sheet under a name Excel accepts in either language', () => {
    for (const name of ['Plan de aprendizaje', 'Partes interesadas', 'Learning plan', 'Revisión']) {
      for (const lang of ['en', 'es'] as const) {
        const n = unfinishedName(name, lang);
        expect(n.length).toBeLessThanOrEqual(31);
        expect(n).toMatch(/\((unfinished|sin terminar)\)$/);
      }
    }
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
  it('gives exactly the findings, verdicts and scores the core gives on the same grids, in four requests', async () => {
    const input = sampleWorkbook();
    const excel = excelWith(input);
    const view = await excel.run((context) => checkWorkbook(context, 'en', AS_OF));
    const core = toJson(checkPlan(input, { asOf: AS_OF, language: 'en' }));
    expect(excel.requests).toHaveLength(4);
    expect(excel.requests.every((r) => (r.flags & 1) === 0)).toBe(true);
    expect(view.findings.map(({ points: _points, ...f }) => f)).toEqual(core.findings);
    expect(view.commitments.map((c) => ({ id: c.id, supported: c.supported, reasons: c.reasons }))).toEqual(core.commitments);
    expect(view.scorecard).toMatchObject(core.scorecard);
    expect(view.findings.length).toBeGreaterThan(5);
    expect(view.commitments.some((c) => !c.supported)).toBe(true);
  });

  it('reads a table that starts below A1 with its own row numbers', async () => {
    const input = buildWorkbook(basePlan('en'), { titleRows: 2 });
    const { input: read } = await excelWith(input).run((context) => readWorkbook(context));
    expect(toJson(checkPlan(read, { asOf: AS_OF }))).toEqual(toJson(checkPlan(input, { asOf: AS_OF })));
  });

  it('reports merged cells where Excel has ExcelApi 1.13, in the same four requests, as kap does', async () => {
    const input = buildWorkbook(basePlan('en'));
    const excel = excelWith(input);
    excel.workbook.find('Commitments')!.merges.push({ top: 2, left: 1, rows: 2, columns: 2 });
    const view = await excel.run((context) => checkWorkbook(context, 'en', AS_OF, { mergedAreas: true }));
    expect(excel.requests).toHaveLength(4);
    const core = checkPlan({ sheets: input.sheets.map((s) => (s.name === 'Commitments' ? { ...s, merges: ['B3:C4'] } : s)) }, { asOf: AS_OF, language: 'en' });
    expect(view.findings.filter((f) => f.rule === 'merged-cells').map((f) => [f.sheet, f.cell])).toEqual([['Commitments', 'B3']]);
    expect(view.findings.map(({ points: _points, ...f }) => f)).toEqual(toJson(core).findings);
  });

  it('on Excel with only ExcelApi 1.8 every pane action asks for nothing newer, and Check works the same without merged areas', async () => {
    const excel = excelWith(buildWorkbook(basePlan('en')), { excelApi: '1.8' });
    excel.workbook.find('Commitments')!.merges.push({ top: 2, left: 1, rows: 2, columns: 2 });
    // Asking for merged areas here would fail with ApiNotFound: the pane only does where isSetSupported('ExcelApi', '1.13').
    await expect(excel.run((context) => checkWorkbook(context, 'en', AS_OF, { mergedAreas: true }))).rejects.toMatchObject({ code: 'ApiNotFound' });
    const view = await excel.run((context) => checkWorkbook(context, 'en', AS_OF));
    expect(view.findings.filter((f) => f.rule === 'merged-cells')).toEqual([]);
    await excel.run((context) => createPlan(context, 'en'));
    await excel.run((context) => writeReview(context, 'en', AS_OF));
    await excel.run((context) => selectCell(context, 'Commitments', 'B2'));
    await excelPaneHost(excel.excel, () => AS_OF).prepareClientCopy('en');
    expect(excel.workbook.created).toHaveLength(1);
    expect(excel.host.unmodelled).toEqual([]);
  });

  it('sends the same number of requests at 10 and at 10,000 rows, and none reaches 5 MB', async () => {
    const small = basePlan('en');
    const big = withRow(small, 'commitments', 0, {});
    const template = big.rows.commitments![0];
    big.rows.commitments = Array.from({ length: 10000 }, (_, i) => ({ ...template, id: `C${i + 1}`, commitment: `Commitment number ${i + 1}` }));
    const counts = [];
    for (const data of [small, big]) {
      const excel = excelWith(buildWorkbook(data, { omitSheets: ['capacity'], omitColumns: { commitments: ['status'] } }));
      await excel.run((context) => createPlan(context, 'en'));
      const create = excel.requests.length;
      const createBytes = Math.max(...excel.requests.map((r) => r.requestBytes));
      excel.resetCounts();
      await excel.run((context) => checkWorkbook(context, 'en', AS_OF));
      const check = excel.requests.length;
      const checkBytes = Math.max(...excel.requests.map((r) => r.responseBytes));
      excel.resetCounts();
      await excel.run((context) => writeReview(context, 'en', AS_OF));
      const review = excel.requests.length;
      const reviewBytes = Math.max(...excel.requests.map((r) => Math.max(r.requestBytes, r.responseBytes)));
      // The client copy's .xlsx travels as base64 in one request: deflated, a 10,000-row plan's is about 1.3 MB (stored, it was 19 MB).
      excel.resetCounts();
      await excelPaneHost(excel.excel, () => AS_OF).prepareClientCopy('en');
      counts.push({ create, check, review, copy: excel.requests.length });
      expect(Math.max(createBytes, checkBytes, reviewBytes, ...excel.requests.map((r) => Math.max(r.requestBytes, r.responseBytes)))).toBeLessThan(5 * 1024 * 1024);
    }
    expect(counts[0]).toEqual({ create: 6, check: 4, review: 5, copy: 5 });
    expect(counts[1]).toEqual(counts[0]);
  });
});

describe('Write review', () => {
  it('writes workbook text back as exactly that text: formulas, IDs, dates, booleans and percentages stay text', async () => {
    const hostile = ['=HYPERLINK("x")', '007', '2027-03-15', 'TRUE', '45%', "'quoted", '1,5', 'Mar 15', '#N/A', '-2+3'];
    let data = basePlan('en');
    hostile.forEach((text, i) => (data = withRow(data, 'commitments', i, { id: text, commitment: text, owner: '', supports: 'V9', team: null, effortHours: null, cost: null })));
    data = withRow(data, 'stakeholders', 0, { name: hostile[0] });
    const excel = excelWith(buildWorkbook(data));
    const { sheet, findings } = await excel.run((context) => writeReview(context, 'en', AS_OF));
    expect(sheet).toBe('Review');
    expect(findings).toBeGreaterThan(0);
    expect(excel.requests).toHaveLength(5);
    const review = excel.workbook.find('Review')!;
    const cells = [...review.cells.values()].flatMap((row) => [...row.values()]);
    const texts = new Set(cells.filter((c) => typeof c.value === 'string').map((c) => c.value as string));
    for (const text of hostile) expect([text, texts.has(text) || [...texts].some((t) => t.includes(text))]).toEqual([text, true]);
    expect(cells.filter((c) => typeof c.value === 'string' && hostile.includes(c.value)).length).toBeGreaterThan(hostile.length - 1);
    expect(cells.filter((c) => c.formula !== undefined || c.error)).toEqual([]);
    expect(review.frozenRows).toBeGreaterThan(0);
    expect(excel.workbook.active?.name).toBe('Review');
  });

  it('twice replaces the Review sheet whole and leaves the plan untouched', async () => {
    const input = buildWorkbook(basePlan('en'));
    input.sheets.push({ name: 'Review', values: [['old'], ...Array.from({ length: 60 }, () => ['stale'])] });
    const excel = excelWith(input);
    const before = excel.snapshot();
    await excel.run((context) => writeReview(context, 'en', AS_OF));
    const once = workbookState(excel.workbook);
    await excel.run((context) => writeReview(context, 'en', AS_OF));
    expect(workbookState(excel.workbook)).toEqual(once);
    const after = excel.snapshot();
    expect(Object.values(after.Review)).not.toContain('stale');
    for (const name of Object.keys(before)) if (name !== 'Review') expect(after[name]).toEqual(before[name]);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(input.sheets.map((s) => s.name));
  });

  it('stopped part-way, leaves the old Review as it was, and the next run replaces it', async () => {
    const input = buildWorkbook(basePlan('en'));
    input.sheets.push({ name: 'Review', values: [['old review']] });
    const clean = excelWith(input);
    await clean.run((context) => writeReview(context, 'en', AS_OF));
    const excel = excelWith(input);
    const before = excel.snapshot();
    let seen = 0;
    excel.host.failAction = (_action, number) => (number === 5 && seen++ === 40 ? new HostError('GeneralException', 'stopped (test)') : undefined);
    await expect(excel.run((context) => writeReview(context, 'en', AS_OF))).rejects.toMatchObject({ code: 'GeneralException' });
    for (const [name, cells] of Object.entries(before)) expect(excel.snapshot()[name]).toEqual(cells);
    expect(excel.workbook.sheets.map((s) => s.name)).toContain('Review (unfinished)');
    excel.host.failAction = undefined;
    await excel.run((context) => writeReview(context, 'en', AS_OF));
    expect(workbookState(excel.workbook)).toEqual(workbookState(clean.workbook));
  });
});

describe('the pane host', () => {
  it("selects a finding's cell on another sheet, in one request", async () => {
    const excel = excelWith(buildWorkbook(basePlan('en')));
    excel.workbook.active = excel.workbook.find('Plan');
    await excel.run((context) => selectCell(context, 'Commitments', 'D3'));
    expect(excel.workbook.selected).toEqual({ sheet: 'Commitments', address: 'D3' });
    expect(excel.workbook.active?.name).toBe('Commitments');
    expect(excel.requests).toHaveLength(1);
  });

  it.each(['web', 'desktop'] as const)('opens the client copy as a new workbook on Excel on the %s', async (platform) => {
    const excel = new ExcelTestHost(excelWith(sampleWorkbook()).workbook, { platform });
    const { message } = await excelPaneHost(excel.excel, () => AS_OF).prepareClientCopy('en');
    expect(message).toMatch(/new workbook/);
    expect(excel.workbook.created.map((c) => c.path)).toEqual([platform]);
    expect(excel.requests.at(-1)?.customData).toBe(platform === 'web' ? 'WacPartition' : 'IterativeExecutor');
    expect(Buffer.from(excel.workbook.created[0].base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the selection Approve reads', () => {
  it('gives the rows of every area, whole columns and rows included, on quoted sheet names too', () => {
    expect(selectionRows('Commitments!A2:C4,Commitments!$B$7')).toEqual([
      { sheet: 'Commitments', top: 2, bottom: 4 },
      { sheet: 'Commitments', top: 7, bottom: 7 },
    ]);
    expect(selectionRows("'Plan de aprendizaje'!L:L")).toEqual([{ sheet: 'Plan de aprendizaje', top: 1, bottom: 1048576 }]);
    expect(selectionRows("'O''Brien, Ana'!3:5")).toEqual([{ sheet: "O'Brien, Ana", top: 3, bottom: 5 }]);
    expect(selectionRows('Compromisos!P9:A2')).toEqual([{ sheet: 'Compromisos', top: 2, bottom: 9 }]);
  });
});

describe('printing (worksheet.pageLayout, ExcelApi 1.9)', () => {
  const PRINTING = { mergedAreas: false, selectedRanges: true, pageLayout: true };

  it('Create plan gives each sheet it makes the core’s print setup: landscape, one page wide, header row on every page, Capacity on one page', async () => {
    const excel = excelWith();
    await excel.run((context) => createPlan(context, 'en', PRINTING));
    expect(excel.host.unmodelled).toEqual([]);
    for (const name of PLAN_SHEETS) {
      const page = excel.workbook.find(name)!.pageLayout;
      expect([name, page.orientation, page.zoom, page.printTitleRows]).toEqual([name, 'Landscape', { horizontalFitToPages: 1, verticalFitToPages: name === 'Capacity' ? 1 : 0 }, '$1:$1']);
      expect(page.margins.left).toBe(18);
    }
    // Still one read and two writes.
    expect(excel.requests).toHaveLength(3);
  });

  it('a sheet of the user’s that Create plan completes keeps its own print setup', async () => {
    const excel = excelWith(buildWorkbook(basePlan('en'), { omitColumns: { knowledge: ['source'] } }));
    const before = { ...excel.workbook.find('Knowledge')!.pageLayout };
    await excel.run((context) => createPlan(context, 'en', PRINTING));
    expect(excel.workbook.find('Knowledge')!.pageLayout).toEqual(before);
  });

  it('Write review prints one page wide, as many pages down as it needs, with no repeated rows', async () => {
    const excel = excelWith(buildWorkbook(basePlan('en')));
    await excel.run((context) => writeReview(context, 'en', AS_OF, PRINTING));
    const page = excel.workbook.find('Review')!.pageLayout;
    expect([page.orientation, page.zoom, page.printTitleRows]).toEqual(['Landscape', { horizontalFitToPages: 1, verticalFitToPages: 0 }, undefined]);
    expect(excel.requests).toHaveLength(5);
  });

  it('on Excel 2019 (ExcelApi 1.8) the pane asks for no page layout, and everything else is written the same', async () => {
    const excel = excelWith({ sheets: [] }, { excelApi: '1.8' });
    const features = { mergedAreas: false, selectedRanges: false, pageLayout: excel.host.isSetSupported('ExcelApi', '1.9') };
    await excel.run((context) => createPlan(context, 'en', features));
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(PLAN_SHEETS);
    expect(excel.workbook.find('Vision')!.pageLayout.orientation).toBe('Portrait');
    // Asked anyway, that Excel refuses it: the feature check is what keeps Create plan working there.
    const old = excelWith({ sheets: [] }, { excelApi: '1.8' });
    const refused = await old.run((context) => createPlan(context, 'en', PRINTING)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'ApiNotFound' });
  });
});
