// The built Code.js in a vm context over the spreadsheet double: it is one
// script with exactly the intended entry points, onOpen only builds the menu,
// and create, check, write review, select and client copy work as the spec says.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { checkPlan } from '../../core/check';
import { ListPage, PaneCheckPage } from '../../core/pane-page';
import { PaneCheckView, PaneCommitment, PaneFinding } from '../../core/pane-view';
import { ClientCopy } from '../../core/client-copy';
import { templateLayout } from '../../core/layout/template';
import { sampleData } from '../../core/sample';
import { dayFromParts } from '../../core/values';
import { PlanWorkbook } from '../../cli/xlsx-workbook';
import { basePlan, buildWorkbook, day, withRow } from '../fixtures/plan-fixture';
import { failureCode } from '../../sheets-addon/server-api';
import { buildAddon, loadAddon } from './addon';
import { DoubleSpreadsheet } from './spreadsheet-double';
import { planOfSize } from '../../bench/plan-of-size';
import { WorkbookInput } from '../../core/read';

const ENTRY_POINTS = [
  'approveCommitments',
  'checkPlan',
  'checkPlanFromMenu',
  'createPlan',
  'createPlanFromMenu',
  'moreCommitments',
  'moreFindings',
  'onInstall',
  'onOpen',
  'prepareClientCopy',
  'selectCell',
  'showSidebar',
  'writeReview',
];
/** 2027-03-15, the fixtures' as-of day, at noon UTC (morning in Bogotá). */
const NOW = new Date(Date.UTC(2027, 2, 15, 12));
const AS_OF = dayFromParts(2027, 3, 15);

let code: string;
beforeAll(() => {
  code = buildAddon();
});

describe('Code.js is one Apps Script file', () => {
  it('has no import or export and parses as a script', () => {
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    expect(() => new vm.Script(code)).not.toThrow();
  });

  it('leaves exactly the entry points as top-level functions, plus the bundle object KAP', () => {
    const { context } = loadAddon(code);
    const own = Object.getOwnPropertyNames(context).filter((k) => k !== 'SpreadsheetApp' && k !== 'HtmlService');
    const functions = own.filter((k) => typeof context[k] === 'function').sort();
    expect(functions).toEqual(ENTRY_POINTS);
    expect(own.filter((k) => typeof context[k] !== 'function')).toEqual(['KAP']);
  });

  it('every menu item names a top-level function', () => {
    const addon = loadAddon(code);
    addon.call('onOpen', { authMode: 'NONE' });
    const items = addon.app.ui.menus[0].items;
    expect(items.map((i) => i.caption)).toEqual(['Create plan', 'Check plan', 'Open panel']);
    for (const item of items) expect(ENTRY_POINTS).toContain(item.functionName);
  });
});

describe('onOpen', () => {
  it('builds the add-on menu and touches no spreadsheet data', () => {
    const addon = loadAddon(code, buildWorkbook(basePlan()));
    const before = addon.book.snapshot();
    addon.call('onOpen', { authMode: 'NONE' });
    expect(addon.app.ui.menus).toHaveLength(1);
    expect([...addon.book.calls.byMethod.keys()].sort()).toEqual(['Menu.addItem', 'Menu.addToUi', 'SpreadsheetApp.getUi', 'Ui.createAddonMenu']);
    expect(addon.book.snapshot()).toEqual(before);
  });

  it('Open panel shows Sidebar.html as a sidebar', () => {
    const addon = loadAddon(code);
    addon.call('showSidebar');
    expect(addon.html.created.map((h) => h.file)).toEqual(['Sidebar']);
    expect(addon.app.ui.sidebars).toHaveLength(1);
  });
});

describe('Create plan', () => {
  it('on an empty spreadsheet adds every plan sheet with headers, lists, formats, frozen header and live Capacity formulas', () => {
    const addon = loadAddon(code);
    const { added } = addon.call<{ added: string[] }>('createPlan', 'en');
    expect(added).toEqual(['Plan', 'Knowledge', 'Learning plan', 'Stakeholders', 'Vision', 'Commitments', 'Capacity']);
    const names = addon.book.sheets.map((s) => s.name);
    expect(names).toEqual(['Sheet1', ...added]);
    const commitments = addon.book.sheet('Commitments');
    expect(commitments.peek('A1')!.value).toBe('ID');
    expect(commitments.frozenRows).toBe(1);
    const side = commitments.peek('D2')!.validation!;
    expect(side.list).toEqual(['Ours', 'Client', 'Joint']);
    expect(commitments.peek('G2')!.numberFormat).toBe('yyyy-mm-dd');
    const capacity = addon.book.sheet('Capacity');
    expect(capacity.peek('F2')!.formula).toMatch(/^=IF\(\$A2="","",SUMIFS\(Commitments!\$I:\$I,/);
    expect(capacity.peek('G51')!.formula).toMatch(/^=IF\(\$A51="","",SUMIFS\(Commitments!\$J:\$J,/);
    // Sentences wrap (the Commitment column), names do not (Owner); Apps Script offers no page setup beyond this.
    expect([commitments.peek('B2')!.wrap, commitments.peek('E2')?.wrap]).toEqual([true, undefined]);
  });

  it('twice gives the same spreadsheet, and the second time adds nothing', () => {
    const addon = loadAddon(code);
    addon.call('createPlan', 'es');
    const once = addon.book.snapshot();
    expect(addon.call<{ added: string[] }>('createPlan', 'es').added).toEqual([]);
    expect(addon.book.snapshot()).toEqual(once);
    expect(Object.keys(once)).toContain('Compromisos');
  });

  it('on a half-built plan adds what is missing and changes no cell that was there', () => {
    const grids = buildWorkbook(basePlan(), { omitSheets: ['capacity', 'learning'], omitColumns: { commitments: ['status'] }, extraColumn: true });
    grids.sheets.push({ name: 'My notes', values: [['=not a formula', 42], ["'quoted", null, 'x']] });
    const addon = loadAddon(code, grids);
    const before = addon.book.snapshot();
    const { added } = addon.call<{ added: string[] }>('createPlan', 'en');
    expect(added).toEqual(expect.arrayContaining(['Learning plan', 'Capacity', 'Commitments: Status']));
    const after = addon.book.snapshot();
    for (const [name, sheet] of Object.entries(before)) {
      sheet.values.forEach((row, r) =>
        row.forEach((value, c) => {
          expect({ name, r, c, value: after[name].values[r][c], formula: after[name].formulas[r][c] }).toEqual({ name, r, c, value, formula: sheet.formulas[r][c] });
        }),
      );
    }
    // The new Status column sits right of the last header, with its drop-down.
    const commitments = addon.book.sheet('Commitments');
    const statusColumn = after.Commitments.values[0].indexOf('Status') + 1;
    expect(statusColumn).toBe(before.Commitments.values[0].length + 1);
    expect(commitments.cellAt(2, statusColumn)?.validation?.list).toContain('Done');
  });

  it('a Spanish spreadsheet locale creates a Spanish plan from the menu', () => {
    const addon = loadAddon(code, undefined, { locale: 'es_CO' });
    addon.call('createPlanFromMenu');
    expect(addon.book.sheets.map((s) => s.name)).toContain('Conocimiento');
    expect(addon.book.toasts[0]).toMatch(/Añadido: Plan, Conocimiento/);
  });
});

describe('Create plan stopped part-way', () => {
  it.each([12, 25, 38])('at service call %i leaves no half sheet under a plan name, and a second run finishes it as one clean run', (failAt) => {
    const clean = loadAddon(code);
    clean.call('createPlan', 'en');
    const addon = loadAddon(code);
    addon.book.calls.failAt = failAt;
    expect(() => addon.call('createPlan', 'en')).toThrow(/Service error/);
    const planNames = ['Plan', 'Knowledge', 'Learning plan', 'Stakeholders', 'Vision', 'Commitments', 'Capacity'];
    // Every sheet under a plan name is whole: its header row is there and frozen.
    for (const s of addon.book.sheets.filter((s) => planNames.includes(s.name))) expect([s.name, s.frozenRows]).toEqual([s.name, 1]);
    expect(addon.book.sheets.filter((s) => / \(unfinished\)$/.test(s.name)).length).toBeLessThanOrEqual(1);
    addon.call('createPlan', 'en');
    expect(addon.book.sheets.map((s) => s.name)).toEqual(clean.book.sheets.map((s) => s.name));
    expect(addon.book.snapshot()).toEqual(clean.book.snapshot());
    // Drop-downs too: the second row of every sheet offers the same lists.
    const lists = (book: typeof clean.book) => book.sheets.map((s) => Array.from({ length: 14 }, (_, j) => s.cellAt(2, j + 1)?.validation?.list ?? null));
    expect(lists(addon.book)).toEqual(lists(clean.book));
  });
});

describe('Check plan', () => {
  it('a plan made by the CLI, read from its .xlsx, checks the same through the add-on as in the core', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kap-sheets-'));
    try {
      const file = path.join(dir, 'sample.xlsx');
      const made = PlanWorkbook.empty();
      made.applyTemplate(templateLayout({ sheets: [] }, 'es', sampleData('es')));
      await made.save(file);
      const input = (await PlanWorkbook.open(file)).input();
      const addon = loadAddon(code, input, { now: NOW });
      const view = addon.call<PaneCheckPage>('checkPlan', 'en');
      const core = checkPlan(input, { asOf: AS_OF, language: 'en' });
      // Every phase of the sample fits in the first page, so every finding crosses at once.
      expect(view.counts.findings).toBe(core.findings.length);
      expect(view.asOf).toBe('2027-03-15');
      expect(view.findings.map(({ severity, phase, rule, sheet, cell, message, fix }) => ({ severity, phase, rule, sheet, cell, message, fix }))).toEqual(
        core.findings.map(({ severity, phase, rule, sheet, cell, message, fix }) => ({ severity, phase, rule, sheet, cell, message, fix })),
      );
      expect(view.verdicts.map((c) => [c.id, c.supported, c.reasons])).toEqual(core.commitments.map((c) => [c.id, c.supported, c.reasons]));
      expect(view.commitments.map((c) => c.id)).toEqual(core.commitments.filter((c) => !c.supported).map((c) => c.id));
      expect(view.scorecard.overall).toBe(core.scorecard.overall);
      expect(view.findings.length).toBeGreaterThan(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads date cells as the day the user sees, whatever the spreadsheet time zone (UTC+14 here)', () => {
    const grids = buildWorkbook(withRow(basePlan(), 'commitments', 0, { due: day('2027-03-14') }));
    const core = checkPlan(grids, { asOf: AS_OF });
    const addon = loadAddon(code, grids, { timeZone: 'Pacific/Kiritimati', utcOffsetMinutes: 14 * 60, now: new Date(Date.UTC(2027, 2, 14, 12)) });
    const view = addon.call<PaneCheckView>('checkPlan', 'en');
    // Noon UTC on the 14th is already the 15th in Kiritimati: the check's "today" is the spreadsheet's.
    expect(view.asOf).toBe('2027-03-15');
    expect(view.findings.map((f) => [f.rule, f.cell])).toEqual(core.findings.map((f) => [f.rule, f.cell]));
  });
});

describe('Write review, select a cell, client copy', () => {
  const hostile = '=HYPERLINK("http://x","y")';

  it('writes the Review sheet with workbook text kept inert, and rewrites it the same way', () => {
    const grids = buildWorkbook(withRow(basePlan(), 'commitments', 0, { commitment: hostile, owner: null }));
    const addon = loadAddon(code, grids, { now: NOW });
    const before = addon.book.snapshot();
    const result = addon.call<{ sheet: string; findings: number }>('writeReview', 'en');
    expect(result.sheet).toBe('Review');
    const review = addon.book.sheet('Review');
    const snap = addon.book.snapshot();
    expect(snap.Review.formulas.flat().filter((f) => f !== '')).toEqual([]);
    expect(snap.Review.values.flat()).toContain(hostile);
    expect(snap.Review.values.flat().some((v) => typeof v === 'string' && v.includes(`C1 "${hostile}"`))).toBe(true);
    expect(review.peek('B2')!.numberFormat).toBe('yyyy-mm-dd');
    expect(review.frozenRows).toBeGreaterThan(0);
    for (const name of Object.keys(before)) expect(snap[name]).toEqual(before[name]);
    addon.call('writeReview', 'en');
    expect(addon.book.snapshot()).toEqual(snap);
    expect(addon.book.sheets.filter((s) => s.name === 'Review')).toHaveLength(1);
  });

  it('stopped part-way, keeps the last complete Review in its place, and the next run replaces it', () => {
    const addon = loadAddon(code, buildWorkbook(basePlan()), { now: NOW });
    addon.call('writeReview', 'en');
    const whole = addon.book.snapshot();
    const order = addon.book.sheets.map((s) => s.name);
    addon.book.calls.reset();
    // Call 45 falls among the writes, after the reads and the check.
    addon.book.calls.failAt = 45;
    expect(() => addon.call('writeReview', 'en')).toThrow(/Service error/);
    expect(addon.book.sheets.map((s) => s.name)).toContain('Review (unfinished)');
    expect(addon.book.snapshot().Review).toEqual(whole.Review);
    addon.call('writeReview', 'en');
    expect(addon.book.snapshot()).toEqual(whole);
    expect(addon.book.sheets.map((s) => s.name)).toEqual(order);
  });

  it('a finding click selects its cell and shows its sheet, even while another sheet is shown', () => {
    const addon = loadAddon(code, buildWorkbook(basePlan()), { now: NOW });
    addon.call('writeReview', 'en');
    expect(addon.book.currentSheet().name).toBe('Review');
    addon.call('selectCell', 'Commitments', 'E3');
    expect(addon.book.currentSheet().name).toBe('Commitments');
    expect(addon.book.active?.sheet.name).toBe('Commitments');
    expect(addon.book.active?.a1()).toBe('E3');
    expect(() => addon.call('selectCell', 'Gone', 'A1')).toThrow(/no sheet named "Gone"/);
  });

  it('the double, like Sheets, takes Spreadsheet.setActiveRange on the active sheet only, and refuses an empty range list', () => {
    const book = DoubleSpreadsheet.fromGrids(buildWorkbook(basePlan()));
    const commitments = book.sheet('Commitments');
    expect(() => book.setActiveRange(commitments.getRange('E3'))).toThrow(/not on the active sheet/);
    commitments.activate();
    expect(book.setActiveRange(commitments.getRange('E3')).a1()).toBe('E3');
    expect(() => commitments.getRangeList([])).toThrow(/at least one range/);
  });

  it('the client copy comes back JSON-safe and holds no internal column', () => {
    const addon = loadAddon(code, buildWorkbook(basePlan()));
    const copy = addon.call<ClientCopy>('prepareClientCopy', 'en');
    const commitments = copy.sheets.find((s) => s.key === 'commitments')!;
    expect(commitments.values[0]).not.toContain('Cost');
    expect(commitments.values.map((r) => r[0])).toEqual(['ID', 'C2']);
    expect(addon.book.sheets.map((s) => s.name)).not.toContain('Client copy');
  });
});

describe('files the add-on cannot serve', () => {
  it('an .xlsx open in Drive (no active spreadsheet) is told to use File › Save as Google Sheets, from the menu and from the sidebar', () => {
    const addon = loadAddon(code);
    (addon.app as unknown as { getActiveSpreadsheet: () => null }).getActiveSpreadsheet = () => null;
    expect(() => addon.call('checkPlanFromMenu')).toThrow(/File › Save as Google Sheets/);
    let failure: Error | undefined;
    try {
      addon.call('checkPlan', 'en');
    } catch (e) {
      failure = e as Error;
    }
    expect(failureCode(failure!.message)).toBe('NotGoogleSheets');
    expect(failureCode('Exception: You do not have permission to access the requested document.')).toBe('AccessDenied');
    expect(failureCode('Service error: Spreadsheets')).toBeUndefined();
  });
});

describe('the check in pages', () => {
  it('sends the first findings of each phase and every verdict; the rest of each list comes page by page, whole and in order', () => {
    const grids = planOfSize(300);
    const addon = loadAddon(code, grids, { now: NOW });
    const page = addon.call<PaneCheckPage>('checkPlan', 'en');
    const core = checkPlan(grids, { asOf: AS_OF, language: 'en' });
    expect(page.counts.findings).toBe(core.findings.length);
    expect(page.verdicts).toHaveLength(core.commitments.length);
    const phases = [...new Set(core.findings.map((f) => f.phase))];
    expect(phases.some((p) => core.findings.filter((f) => f.phase === p).length > page.findings.filter((f) => f.phase === p).length)).toBe(true);
    for (const phase of phases) {
      const shown = page.findings.filter((f) => f.phase === phase);
      while (shown.length < page.counts.byPhase[phase].total) {
        const more = addon.call<ListPage<PaneFinding>>('moreFindings', 'en', phase, shown.length);
        expect(more.items.length).toBeGreaterThan(0);
        shown.push(...more.items);
      }
      expect(shown.map((f) => [f.rule, f.sheet, f.cell])).toEqual(core.findings.filter((f) => f.phase === phase).map((f) => [f.rule, f.sheet, f.cell]));
    }
    const unsupported = [...page.commitments];
    while (unsupported.length < page.counts.unsupported) unsupported.push(...addon.call<ListPage<PaneCommitment>>('moreCommitments', 'en', unsupported.length).items);
    expect(unsupported.map((c) => c.id)).toEqual(core.commitments.filter((c) => !c.supported).map((c) => c.id));
    expect(() => addon.call('moreFindings', 'en', 'nonsense', 0)).toThrow(/not a phase/);
  });
});

describe('service calls', () => {
  function callsFor(grids: WorkbookInput): { create: number; check: number; bytes: number } {
    const addon = loadAddon(code, grids, { now: NOW });
    addon.call('createPlan', 'en');
    const create = addon.book.calls.total;
    addon.book.calls.reset();
    const page = addon.call('checkPlan', 'en');
    return { create, check: addon.book.calls.total, bytes: Buffer.byteLength(JSON.stringify(page)) };
  }

  // The one 10,000-row test; write review's count is in `npm run bench`.
  it('create and check make the same calls for 10 and 10,000 rows per sheet, and the check sends the sidebar well under 1 MB', () => {
    const small = callsFor(planOfSize(10));
    const large = callsFor(planOfSize(10000));
    expect({ ...large, bytes: 0 }).toEqual({ ...small, bytes: 0 });
    expect(small.check).toBeLessThan(40);
    expect(large.bytes).toBeLessThan(1024 * 1024);
  });

  it('the double counts a call per method, like Apps Script bills them', () => {
    const book = DoubleSpreadsheet.fromGrids({ sheets: [{ name: 'A', values: [[1, 2]] }] });
    book.getSheets()[0].getRange(1, 1, 1, 2).getValues();
    expect(book.calls.total).toBe(3);
  });
});
