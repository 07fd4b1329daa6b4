// The built Sidebar.html in headless Chromium, 300 px wide like a Sheets
// sidebar, as HtmlService serves it: Open panel runs the built Code.js, whose
// HtmlService double hands over the page after the reported rewrite of inline
// scripts (html-service.ts), and that page is what the browser loads, from a
// googleusercontent.com address as in Sheets. A google.script.run stand-in
// forwards each call (legal values only, as copies) to Code.js on the
// spreadsheet double in Node: create, check, and a finding click that selects
// its cell. Screenshots go to test-output/sheets/.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, chromium as playwright, Page } from 'playwright-core';
import { templateLayout } from '../../core/layout/template';
import { sampleData } from '../../core/sample';
import { PlanWorkbook } from '../../cli/xlsx-workbook';
import { chromium, CHROMIUM_ARGS } from '../support/programs';
import { planOfSize } from '../../bench/plan-of-size';
import { buildAddon, loadAddon, LoadedAddon, ROOT } from './addon';

const browserProgram = chromium();
const SHOTS = path.join(ROOT, 'test-output', 'sheets');
const SERVER_FUNCTIONS = ['createPlan', 'checkPlan', 'writeReview', 'selectCell', 'prepareClientCopy', 'moreFindings', 'approveCommitments'];
/** Where Sheets serves a sidebar from: a sandbox origin, not the spreadsheet's. */
const SIDEBAR_URL = 'https://n-sidebar-0lu-script.googleusercontent.com/userCodeAppPanel';

browserProgram.describe('the Sheets sidebar', () => {
  let browser: Browser;
  let addon: LoadedAddon;
  let code: string;

  beforeAll(async () => {
    code = buildAddon();
    // The sample plan as a KAM built it with kap, without its Capacity sheet: Create plan adds it.
    const sample = PlanWorkbook.empty();
    sample.applyTemplate(templateLayout({ sheets: [] }, 'en', sampleData('en')));
    const grids = sample.input();
    grids.sheets = grids.sheets.filter((s) => s.name !== 'Capacity');
    addon = loadAddon(code, grids, { now: new Date(Date.UTC(2027, 2, 15, 12)) });
    mkdirSync(SHOTS, { recursive: true });
    browser = await playwright.launch({ executablePath: browserProgram.path, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A 300-px page showing the sidebar as HtmlService serves it, over `on`; page errors land in `errors`. */
  async function openSidebar(on: LoadedAddon, errors: string[]): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 300, height: 900 }, locale: 'en-US' });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.exposeFunction('kapServer', (name: string, argsJson: string): string => {
      const result = on.call(name, ...(JSON.parse(argsJson) as unknown[]));
      return JSON.stringify(result ?? null);
    });
    await page.addInitScript((names: string[]) => {
      type Handlers = { ok?: (v: unknown) => void; fail?: (e: Error) => void };
      const server = (window as unknown as { kapServer: (name: string, args: string) => Promise<string> }).kapServer;
      const runner = (h: Handlers): Record<string, unknown> => {
        const r: Record<string, unknown> = {
          withSuccessHandler: (ok: (v: unknown) => void) => runner({ ...h, ok }),
          withFailureHandler: (fail: (e: Error) => void) => runner({ ...h, fail }),
        };
        for (const name of names) {
          r[name] = function (this: unknown, ...args: unknown[]) {
            // Google documents only the method form, google.script.run.myFunction(...): a detached call fails here.
            if (this !== r) throw new TypeError(`google.script.run.${name} was called detached from its runner`);
            const illegal = (v: unknown): boolean =>
              typeof v === 'function' || v instanceof Date || v instanceof Node || (typeof v === 'object' && v !== null && Object.values(v).some(illegal));
            if (args.some(illegal)) throw new TypeError(`google.script.run.${name}: a Date, function or DOM element cannot be sent`);
            server(name, JSON.stringify(args)).then(
              (json) => h.ok?.(JSON.parse(json)),
              (e: Error) => h.fail?.(new Error(e.message)),
            );
          };
        }
        return r;
      };
      (window as unknown as { google: unknown }).google = { script: { run: runner({}) } };
    }, SERVER_FUNCTIONS);
    on.call('showSidebar');
    const served = on.html.created[on.html.created.length - 1].served();
    await page.route(SIDEBAR_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served }));
    await page.goto(SIDEBAR_URL);
    return page;
  }

  it('creates, checks, and a finding click selects its cell in the spreadsheet', async () => {
    const errors: string[] = [];
    const page = await openSidebar(addon, errors);
    await page.screenshot({ path: path.join(SHOTS, '1-open.png'), fullPage: true });

    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.getByText(/Capacity/).first().waitFor();
    expect(addon.book.sheets.map((s) => s.name)).toContain('Capacity');
    await page.screenshot({ path: path.join(SHOTS, '2-created.png'), fullPage: true });

    await page.getByRole('button', { name: 'Check plan' }).click();
    const finding = page.locator('.kap-finding').first();
    await finding.waitFor();
    await page.screenshot({ path: path.join(SHOTS, '3-checked.png') });
    await page.screenshot({ path: path.join(SHOTS, '3-checked-full-page.png'), fullPage: true });

    const place = (await finding.locator('.kap-place').textContent()) ?? '';
    await finding.click();
    // The click's server call is asynchronous; wait until it has reached the spreadsheet.
    await page.waitForFunction(() => true);
    for (let i = 0; i < 50 && !addon.book.active; i++) await new Promise((r) => setTimeout(r, 50));
    const active = addon.book.active!;
    expect(place).toContain(active.sheet.name);
    expect(place).toContain(active.a1());
    await page.screenshot({ path: path.join(SHOTS, '4-finding-selected.png') });
    await page.locator('.kap-map').screenshot({ path: path.join(SHOTS, '5-stakeholder-map.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
  it('at a few hundred rows shows the first findings of each phase and brings more on demand', async () => {
    const big = loadAddon(buildAddon(), planOfSize(300), { now: new Date(Date.UTC(2027, 2, 15, 12)) });
    const errors: string[] = [];
    const page = await openSidebar(big, errors);
    await page.getByRole('button', { name: 'Check plan' }).click();
    const more = page.locator('.kap-phase .kap-more').first();
    await more.waitFor();
    // The first phase with more findings than the first page holds, found by its place among the phases.
    const index = await page.evaluate(() => [...document.querySelectorAll('.kap-phase')].findIndex((g) => g.querySelector('.kap-more') !== null));
    const group = page.locator('.kap-phase').nth(index);
    const before = await group.locator('.kap-finding').count();
    expect(before).toBe(20);
    const label = (await more.textContent()) ?? '';
    expect(label).toMatch(/^Show \d+ more \(20 of \d+ shown\)$/);
    await more.click();
    await page.waitForFunction(([i, n]) => document.querySelectorAll('.kap-phase')[i].querySelectorAll('.kap-finding').length > n, [index, before]);
    expect(await group.locator('.kap-finding').count()).toBeGreaterThan(before);
    await page.locator('.kap-phase .kap-more').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, '6-more-findings.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['en', 'es'] as const)('leads the results with the next steps, best first, and a click on one selects its cell (%s)', async (lang) => {
    const sample = PlanWorkbook.empty();
    sample.applyTemplate(templateLayout({ sheets: [] }, lang, sampleData(lang)));
    const on = loadAddon(code, sample.input(), { now: new Date(Date.UTC(2026, 10, 30, 12)) });
    const errors: string[] = [];
    const page = await openSidebar(on, errors);
    if (lang === 'es') await page.getByLabel('Language').selectOption('es');
    await page.getByRole('button', { name: lang === 'es' ? 'Revisar plan' : 'Check plan' }).click();
    const section = page.locator('.kap-next-steps');
    await section.waitFor();
    // First in the results, above the scorecard.
    expect(await page.evaluate(() => document.querySelector('.kap-results')?.firstElementChild?.className)).toBe('kap-next-steps');
    const steps = section.locator('.kap-step');
    expect(await steps.count()).toBe(5);
    const first = steps.first();
    expect(await first.locator('.kap-step-message').textContent()).toBe(lang === 'es' ? 'Consiga que el cliente apruebe el plan' : 'Get the plan signed off by the client');
    expect(await first.locator('.kap-step-gain').textContent()).toBe('+4 pts');
    expect(await first.locator('.kap-place').textContent()).toBe('Plan!B10');
    // Every step names its subject: the stale approval names C4 and what changed.
    expect(await section.textContent()).toContain('C4 "');
    const gains = await steps.locator('.kap-step-gain').allTextContents();
    const values = gains.map((g) => Number(g.replace(/[^\d,.]/g, '').replace(',', '.')));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await section.screenshot({ path: path.join(SHOTS, `next-steps-${lang}.png`) });
    await first.click();
    for (let i = 0; i < 50 && !on.book.active; i++) await new Promise((r) => setTimeout(r, 50));
    expect([on.book.active?.sheet.name, on.book.active?.a1()]).toEqual(['Plan', 'B10']);
    expect(errors).toEqual([]);
    await page.close();
  });

  const WORDS = {
    en: { check: 'Check plan', language: 'English', over: 'Over capacity', approve: 'Approve selected', name: 'Your name, recorded as Approved by', confirm: 'Approve', done: 'Approved by Lucía Fernández on 2027-03-15: C3', elsewhere: 'The selection is on Capacity, not on Commitments' },
    es: { check: 'Revisar plan', language: 'Español', over: 'Sobre la capacidad', approve: 'Aprobar selección', name: 'Su nombre, que queda en Aprobado por', confirm: 'Aprobar', done: 'Aprobado por Lucía Fernández el 2027-03-15: C3', elsewhere: 'La selección está en Capacidad, no en Compromisos' },
  } as const;

  it.each(['en', 'es'] as const)('shows feasibility, one span over capacity, and approves the selected commitment, asking the name once (%s)', async (lang) => {
    const w = WORDS[lang];
    const sample = PlanWorkbook.empty();
    sample.applyTemplate(templateLayout({ sheets: [] }, lang, sampleData(lang)));
    const on = loadAddon(code, sample.input(), { now: new Date(Date.UTC(2027, 2, 15, 12)) });
    const commitments = lang === 'es' ? 'Compromisos' : 'Commitments';
    const errors: string[] = [];
    const page = await openSidebar(on, errors);
    if (lang === 'es') await page.getByLabel('Language').selectOption('es');
    await page.getByRole('button', { name: w.check }).click();
    const section = page.locator('.kap-feasibility');
    await section.waitFor();
    // The sample's Data science span is over: 340 of 300 hours. It comes first, marked in words and colour.
    const over = page.locator('.kap-span-over');
    expect(await over.count()).toBe(1);
    expect(await page.locator('.kap-span').first().evaluate((e) => e.classList.contains('kap-span-over'))).toBe(true);
    expect(await over.textContent()).toContain(w.over);
    const hours = over.getByRole('meter').first();
    expect(await hours.getAttribute('aria-valuetext')).toBe(lang === 'es' ? '340 de 300 h: 40 de más (113%)' : '340 of 300 h: 40 over (113%)');
    expect(await hours.getAttribute('aria-valuenow')).toBe('100');
    await section.screenshot({ path: path.join(SHOTS, `feasibility-${lang}.png`) });
    // A wider pane (Excel's can be) puts the figures beside the bars.
    await page.setViewportSize({ width: 800, height: 900 });
    await section.screenshot({ path: path.join(SHOTS, `feasibility-800-${lang}.png`) });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    await page.setViewportSize({ width: 300, height: 900 });

    // C3, the licence price, needs an approval nobody gave: the reviewer selects its row and approves it.
    expect(await page.locator('.kap-commitment-name', { hasText: 'C3' }).count()).toBe(1);
    on.book.select(commitments, 'B4');
    await page.getByRole('button', { name: w.approve }).click();
    const nameBox = page.getByLabel(w.name);
    await nameBox.waitFor();
    await nameBox.fill('Lucía Fernández');
    await page.locator('.kap-approve').screenshot({ path: path.join(SHOTS, `approve-name-${lang}.png`) });
    await page.getByRole('button', { name: w.confirm, exact: true }).click();
    await page.waitForFunction((text) => document.querySelector('.kap-status')?.textContent?.startsWith(text), w.done);
    const sheet = on.book.sheet(commitments);
    expect([sheet.peek('L4')?.value, sheet.peek('P4')?.value]).toEqual(['Lucía Fernández', expect.stringContaining('8 h')]);
    // Checked again: C3 is supported now.
    await page.waitForFunction(() => ![...document.querySelectorAll('.kap-commitment-name')].some((e) => e.textContent?.startsWith('C3')));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, `approve-done-${lang}.png`) });

    // The name is remembered: the next Approve asks nothing; a selection elsewhere is refused in plain words.
    on.book.select(lang === 'es' ? 'Capacidad' : 'Capacity', 'A2');
    await page.getByRole('button', { name: w.approve }).click();
    await page.waitForFunction((text) => document.querySelector('.kap-alert')?.textContent?.includes(text), w.elsewhere);
    expect(await page.getByLabel(w.name).isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, `approve-refused-${lang}.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });
});
