// Approve from every front end: the pane's Approve in Excel (the adapter on the
// real Excel JavaScript library over the Excel test host) and in Google Sheets
// (the built Code.js over the SpreadsheetApp double), and kap approve, on the
// same plan. Each writes only Approved by, Approval date and Approved terms of
// the selected commitments (every cell of every sheet compared before and
// after, formats included), approving twice gives the same cells, a selection
// that is not on commitment rows is refused with nothing written, and the check
// afterwards is the same on all three hosts. English and Spanish plans.

import path from 'node:path';
import { ApprovalOutcome, formatTerms } from '../core/approval';
import { Language, LANGUAGES, listLabel } from '../core/contract';
import { PaneCheckPage } from '../core/pane-page';
import { PaneCheckView } from '../core/pane-view';
import { WorkbookInput } from '../core/read';
import { dayFromParts, excelSerial } from '../core/values';
import { approveSelected, checkWorkbook, ExcelFeatures } from '../excel-addin/excel-host';
import { AS_OF, kap, removeTempDirs, sheetValues, tempDir, writeGrids } from './cli/kap';
import { excelWith, ExcelTestHost } from './excel/excel-test-host';
import { Workbook } from './excel/excel-workbook';
import { busyPlan } from './fixtures/busy-plan';
import { buildWorkbook } from './fixtures/plan-fixture';
import { buildAddon, loadAddon, LoadedAddon } from './sheets/addon';
import { DoubleSpreadsheet } from './sheets/spreadsheet-double';

afterAll(removeTempDirs);

const [Y, M, D] = AS_OF.split('-').map(Number);
const TODAY = dayFromParts(Y, M, D);
const BY = 'Lucía Fernández';
const EXCEL_365: ExcelFeatures = { mergedAreas: true, selectedRanges: true };

/** The busy plan with C1 (row 2) and C3 (row 4) needing approval; C2 (row 3) is the client's. */
function plan(lang: Language): WorkbookInput {
  const data = busyPlan(lang);
  for (const row of data.rows.commitments!) if (row.id === 'C1' || row.id === 'C3') row.needsApproval = listLabel('yesNo', 'yes', lang);
  return buildWorkbook(data, { lang });
}

/** Every cell of every sheet of the Excel test host's workbook, as it holds it (value, formula, format, font). */
function excelCells(workbook: Workbook): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sheet of workbook.sheets) for (const [r, row] of sheet.cells) for (const [c, cell] of row) out[`${sheet.name}!${r}:${c}`] = JSON.stringify(cell);
  return out;
}

/** Every cell of every sheet of the Sheets double, as it holds it (value, formula, format, validation, font). */
function sheetsCells(book: DoubleSpreadsheet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sheet of book.sheets) {
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const { parsed: _p, computed: _c, validation, ...kept } = cell;
        out[`${sheet.name}!${r + 1}:${c + 1}`] = JSON.stringify({ ...kept, validation: validation ? validation.list : null });
      }),
    );
  }
  return out;
}

/** The keys whose values differ. */
function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]).sort();
}

function verdicts(view: PaneCheckView) {
  return {
    findings: view.findings.filter((f) => f.rule.startsWith('approval-') || f.rule === 'commitment-not-approved').map(({ points: _p, ...f }) => f),
    commitments: ('verdicts' in view ? (view as PaneCheckPage).verdicts : view.commitments).map((c) => ({ id: c.id, supported: c.supported, reasons: c.reasons })),
  };
}

describe.each(LANGUAGES)('Approve on a %s plan', (lang) => {
  const sheet = lang === 'es' ? 'Compromisos' : 'Commitments';
  const capacity = lang === 'es' ? 'Capacidad' : 'Capacity';
  const input = plan(lang);
  const c1 = formatTerms({ cost: 10000, currency: 'USD', effortHours: 100, due: dayFromParts(2027, 6, 30), team: 'Delivery' }, lang);
  const c3 = formatTerms({ cost: 2000, currency: 'USD', effortHours: 150, due: dayFromParts(2027, 3, 31), team: 'Delivery' }, lang);
  let excel: ExcelTestHost;
  let sheets: LoadedAddon;
  let code: string;
  beforeAll(() => {
    code = buildAddon();
    excel = excelWith(input);
    sheets = loadAddon(code, input, { now: new Date(Date.UTC(Y, M - 1, D, 12)) });
  });
  const approveInExcel = (features: ExcelFeatures = EXCEL_365): Promise<ApprovalOutcome> => excel.run((context) => approveSelected(context, lang, BY, TODAY, features));

  it('in Excel writes only the three cells of each selected commitment (two areas selected), and the same cells again', async () => {
    excel.workbook.selected = { sheet, address: 'B2,D4' };
    const before = excelCells(excel.workbook);
    excel.resetCounts();
    const outcome = await approveInExcel();
    // The selection rides with the four reads; the cells go in one more request, however many rows.
    expect(excel.requests.length).toBe(5);
    expect(outcome).toEqual({ ok: true, sheet, by: BY, on: AS_OF, approved: [{ id: 'C1', terms: c1 }, { id: 'C3', terms: c3 }] });
    const once = excelCells(excel.workbook);
    // Rows and columns are 0-based here: L2, O2, P2, L4, O4, P4.
    expect(changed(before, once)).toEqual([`${sheet}!1:11`, `${sheet}!1:14`, `${sheet}!1:15`, `${sheet}!3:11`, `${sheet}!3:14`, `${sheet}!3:15`]);
    const s = excel.workbook.find(sheet)!;
    expect([s.cell(1, 11)!.value, s.cell(1, 14)!.value, s.cell(1, 14)!.numberFormat, s.cell(1, 15)!.value]).toEqual([BY, excelSerial(TODAY), 'yyyy-mm-dd', c1]);
    await approveInExcel();
    expect(excelCells(excel.workbook)).toEqual(once);
  });

  it('in Google Sheets writes only the three cells of each selected commitment, and the same cells again', () => {
    sheets.book.select(sheet, 'B2', 'A4:C4');
    const before = sheetsCells(sheets.book);
    const outcome = sheets.call<ApprovalOutcome>('approveCommitments', lang, BY);
    expect(outcome).toEqual({ ok: true, sheet, by: BY, on: AS_OF, approved: [{ id: 'C1', terms: c1 }, { id: 'C3', terms: c3 }] });
    const once = sheetsCells(sheets.book);
    expect(changed(before, once)).toEqual([`${sheet}!2:12`, `${sheet}!2:15`, `${sheet}!2:16`, `${sheet}!4:12`, `${sheet}!4:15`, `${sheet}!4:16`]);
    const s = sheets.book.sheet(sheet);
    expect([s.peek('L2')!.value, s.peek('O2')!.numberFormat, s.peek('P4')!.value]).toEqual([BY, 'yyyy-mm-dd', c3]);
    sheets.call('approveCommitments', lang, BY);
    expect(sheetsCells(sheets.book)).toEqual(once);
  });

  it('then kap, Excel and Sheets give the same check: C1 and C3 approved, on the same terms', async () => {
    const file = path.join(tempDir(), `approved-${lang}.xlsx`);
    await writeGrids(input, file);
    expect((await kap('approve', file, 'C1', 'C3', '--by', BY, '--as-of', AS_OF)).code).toBe(0);
    const json = JSON.parse((await kap('check', file, '--json', '--as-of', AS_OF)).out);
    const cli = {
      findings: json.findings.filter((f: { rule: string }) => f.rule.startsWith('approval-') || f.rule === 'commitment-not-approved'),
      commitments: json.commitments,
    };
    const inExcel = verdicts(await excel.run((context) => checkWorkbook(context, lang, TODAY)));
    const inSheets = verdicts(sheets.call<PaneCheckView>('checkPlan', lang));
    expect(cli.findings).toEqual([]);
    for (const id of ['C1', 'C3']) expect(cli.commitments.find((c: { id: string }) => c.id === id).reasons).not.toContain('not-approved');
    expect(inExcel).toEqual(cli);
    expect(inSheets).toEqual(cli);
    // The cells themselves read the same from the three.
    const fromKap = (await sheetValues(file))[sheet];
    expect([fromKap.L2, fromKap.P2, fromKap.P4]).toEqual([BY, c1, c3]);
    expect([excel.workbook.find(sheet)!.cell(1, 15)!.value, sheets.book.sheet(sheet).peek('P2')!.value]).toEqual([c1, c1]);
  });

  it('refuses, writing nothing, a selection on another sheet, on the header only, or holding the client’s commitment', async () => {
    const cases: { select: [string, string]; says: string }[] = [
      { select: [capacity, 'A2'], says: `the selection is on ${capacity}, not on ${sheet}` },
      { select: [sheet, 'D1'], says: `the selected rows (1) of ${sheet} hold no commitment` },
      { select: [sheet, 'A2:P4'], says: 'commitment C2 is the client’s (D3)' },
    ];
    const fresh = excelWith(input);
    const book = loadAddon(code, input, { now: new Date(Date.UTC(Y, M - 1, D, 12)) });
    const excelBefore = excelCells(fresh.workbook);
    const sheetsBefore = sheetsCells(book.book);
    for (const { select, says } of cases) {
      fresh.workbook.selected = { sheet: select[0], address: select[1] };
      const inExcel = await fresh.run((context) => approveSelected(context, 'en', BY, TODAY, EXCEL_365));
      book.book.select(select[0], select[1]);
      const inSheets = book.call<ApprovalOutcome>('approveCommitments', 'en', BY);
      expect(inExcel).toEqual(inSheets);
      expect(inExcel.ok).toBe(false);
      expect(!inExcel.ok && inExcel.problems.join(' ')).toContain(says);
    }
    expect(excelCells(fresh.workbook)).toEqual(excelBefore);
    expect(sheetsCells(book.book)).toEqual(sheetsBefore);
    // A blank name is refused too, in the pane's language.
    book.book.select(sheet, 'A2');
    expect(book.call<ApprovalOutcome>('approveCommitments', 'es', '  ')).toEqual({ ok: false, problems: ['el nombre de quien aprueba está vacío'] });
    expect(sheetsCells(book.book)).toEqual(sheetsBefore);
  });

  it('on Excel 2019 (ExcelApi 1.8) approves a one-area selection; several areas fail before anything is written', async () => {
    const old = excelWith(input, { excelApi: '1.8' });
    const before = excelCells(old.workbook);
    old.workbook.selected = { sheet, address: 'B2,D4' };
    await expect(old.run((context) => approveSelected(context, lang, BY, TODAY, { mergedAreas: false, selectedRanges: false }))).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(excelCells(old.workbook)).toEqual(before);
    old.workbook.selected = { sheet, address: 'A2:C2' };
    const outcome = await old.run((context) => approveSelected(context, lang, BY, TODAY, { mergedAreas: false, selectedRanges: false }));
    expect(outcome.ok && outcome.approved.map((a) => a.id)).toEqual(['C1']);
  });
});
