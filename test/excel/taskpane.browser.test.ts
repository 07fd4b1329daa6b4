// The built task pane in real headless Chromium, served the real Excel
// JavaScript library (@microsoft/office-js) in place of Microsoft's CDN
// office.js, its requests answered by the Excel test host in the page:
// create, check, see the scorecard,
// click a finding and land on its cell, by mouse and by keyboard. Screenshots
// at 300 px and 800 px wide go to test-output/excel/.

import { execFileSync } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { Browser, chromium as playwright, Page } from 'playwright-core';
import { chromium, CHROMIUM_ARGS } from '../support/programs';
import { librarySource } from './office-library';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist', 'excel-addin');
const SHOTS = path.join(ROOT, 'test-output', 'excel');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.xml': 'application/xml' };

const browserProgram = chromium();

browserProgram.describe('the Excel task pane in Chromium', () => {
  let server: Server;
  let base: string;
  let browser: Browser;
  let officeScript: string;

  beforeAll(async () => {
    execFileSync('node', ['build/build.mjs', 'excel'], { cwd: ROOT });
    const bundled = await build({ entryPoints: [path.join(__dirname, 'browser-office.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2020' });
    // The Office globals first, then the library's Excel part, as office.js would load it.
    officeScript = `${bundled.outputFiles[0].text}\n${librarySource().code}`;
    server = createServer((req, res) => {
      const file = path.normalize(path.join(DIST, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
      if (!file.startsWith(DIST)) return void res.writeHead(403).end();
      try {
        const body = readFileSync(file);
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await playwright.launch({ executablePath: browserProgram.path, args: CHROMIUM_ARGS });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function openPane(width: number): Promise<{ page: Page; external: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const external: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      if (url === 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js') {
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: officeScript });
      }
      external.push(url);
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole('button', { name: 'Check plan' }).waitFor();
    expect(errors).toEqual([]);
    return { page, external };
  }

  it('creates, checks, shows the scorecard, and a click on a finding selects its cell', async () => {
    const { page, external } = await openPane(300);
    await page.getByRole('button', { name: 'Create plan' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBeDefined();
    await page.waitForFunction(() => document.querySelector('.kap-status')?.textContent?.startsWith('Added:'));
    expect(await page.locator('.kap-status').textContent()).toBe('Added: Capacity.');
    expect(await page.evaluate(() => (globalThis as any).__excel.workbook.sheets.map((s: { name: string }) => s.name))).toContain('Capacity');

    await page.getByRole('button', { name: 'Check plan' }).click();
    await page.locator('.kap-scorecard').waitFor();
    const meters = page.getByRole('meter');
    expect(await meters.count()).toBe(4);
    const overall = Number(await page.getByRole('meter', { name: 'Overall' }).getAttribute('aria-valuenow'));
    expect(overall).toBeGreaterThanOrEqual(0);
    expect(await page.locator('.kap-status').textContent()).toContain(`Overall readiness ${overall} of 100`);
    expect(await page.locator('.kap-commitment').count()).toBeGreaterThan(0);
    expect(await page.locator('.kap-map-grid .kap-person').count()).toBeGreaterThan(0);

    const finding = page.locator('.kap-finding').first();
    const place = (await finding.locator('.kap-place').textContent())!;
    await finding.click();
    await page.waitForFunction(() => (globalThis as any).__excel.workbook.selected !== undefined);
    const selected = await page.evaluate(() => (globalThis as any).__excel.workbook.selected);
    expect(`${selected.sheet}!${selected.address}`).toBe(place);

    // The same by keyboard: Tab moves on (past a phase heading if need be) to the next finding, Enter selects its cell.
    await page.locator('.kap-finding').first().focus();
    let tabs = 0;
    do {
      await page.keyboard.press('Tab');
      tabs++;
    } while (tabs < 4 && !(await page.evaluate(() => document.activeElement?.classList.contains('kap-finding'))));
    const nextPlace = await page.evaluate(() => document.activeElement?.querySelector('.kap-place')?.textContent);
    expect(nextPlace).toMatch(/!/);
    await page.keyboard.press('Enter');
    await page.waitForFunction((p) => {
      const s = (globalThis as any).__excel.workbook.selected;
      return `${s.sheet}!${s.address}` === p;
    }, nextPlace);

    await page.screenshot({ path: path.join(SHOTS, 'pane-300.png'), fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'pane-300-top.png') });
    await page.locator('.kap-commitments').screenshot({ path: path.join(SHOTS, 'pane-300-commitments.png') });
    await page.locator('.kap-map').screenshot({ path: path.join(SHOTS, 'pane-300-map.png') });
    expect(external).toEqual([]);
    await page.close();
  });

  it('explains a failure in plain words, without the raw error text', async () => {
    const { page } = await openPane(300);
    // Office answers 5004 while a cell is being edited; the library turns it into InvalidOperationInCellEditMode.
    await page.evaluate(() => ((globalThis as any).__excel.host.failNextRequest = 5004));
    await page.getByRole('button', { name: 'Check plan' }).click();
    const alert = page.getByRole('alert');
    await page.waitForFunction(() => (document.querySelector('.kap-alert')?.textContent ?? '') !== '');
    const text = (await alert.textContent())!;
    expect(text).toContain('The plan could not be checked.');
    expect(text).toContain('Press Enter or Esc');
    expect(text).not.toMatch(/RichApi|Exception|5004/);
    // The buttons work again after a failure.
    expect(await page.getByRole('button', { name: 'Check plan' }).isEnabled()).toBe(true);
    await page.close();
  });

  it('approves the selected commitment row with the real library: asks the name once, writes only its three cells', async () => {
    const { page } = await openPane(300);
    // C3 of the sample needs an approval nobody gave; the reviewer selects a cell of its row (row 4).
    await page.evaluate(() => ((globalThis as any).__excel.workbook.selected = { sheet: 'Commitments', address: 'B4' }));
    const before = await page.evaluate(() => JSON.stringify((globalThis as any).__excel.workbook.snapshot()));
    await page.getByRole('button', { name: 'Approve selected' }).click();
    await page.getByLabel('Your name, recorded as Approved by').fill('Lucía Fernández');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.kap-status')?.textContent?.startsWith('Approved by Lucía Fernández'));
    const after = JSON.parse(await page.evaluate(() => JSON.stringify((globalThis as any).__excel.workbook.snapshot())));
    const was = JSON.parse(before);
    const changed = Object.keys(after.Commitments).filter((cell) => after.Commitments[cell] !== was.Commitments[cell]).sort();
    expect(changed).toEqual(['L4', 'O4', 'P4']);
    for (const name of Object.keys(was)) if (name !== 'Commitments') expect([name, after[name]]).toEqual([name, was[name]]);
    expect(after.Commitments.L4).toBe('Lucía Fernández');
    expect(after.Commitments.P4).toContain('8 h');
    // The pane checked again: C3 is no longer not-approved (this workbook has no Capacity sheet, so it stays unsupported for that).
    await page.locator('.kap-scorecard').waitFor();
    const c3 = page.locator('.kap-commitment', { hasText: 'C3' });
    expect(await c3.count()).toBe(1);
    expect(await c3.locator('.kap-reason-code').allTextContents()).not.toContain('not-approved');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'approve-300.png') });

    // A failed request (a cell being edited) is explained in plain words; the name is not asked again.
    await page.evaluate(() => ((globalThis as any).__excel.host.failNextRequest = 5004));
    await page.getByRole('button', { name: 'Approve selected' }).click();
    await page.waitForFunction(() => (document.querySelector('.kap-alert')?.textContent ?? '') !== '');
    const text = (await page.getByRole('alert').first().textContent())!;
    expect(text).toContain('The selected commitments could not be approved. Trying again is safe');
    expect(text).toContain('Press Enter or Esc');
    expect(await page.getByLabel('Your name, recorded as Approved by').isVisible()).toBe(false);
    await page.close();
  });

  it('fits 800 px wide, in Spanish too', async () => {
    const { page } = await openPane(800);
    await page.getByRole('button', { name: 'Check plan' }).click();
    await page.locator('.kap-scorecard').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'pane-800.png'), fullPage: true });
    await page.screenshot({ path: path.join(SHOTS, 'pane-800-top.png') });
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('button', { name: 'Revisar plan' }).waitFor();
    await page.waitForFunction(() => document.querySelector('.kap-findings h2')?.textContent?.startsWith('Hallazgos'));
    await page.screenshot({ path: path.join(SHOTS, 'pane-800-es.png'), fullPage: false });
    // No Capacity sheet in this workbook: feasibility says so, and lists our commitments as uncovered.
    await page.locator('.kap-feasibility').screenshot({ path: path.join(SHOTS, 'feasibility-800-es.png') });
    // Nothing is wider than the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    await page.close();
  });
});
