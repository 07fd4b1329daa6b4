// What `kap portfolio` writes, as a user meets it: the real program with its
// worker threads (the same JSON as in-process), the .xlsx report as ExcelJS
// and LibreOffice read it, and the HTML page in headless Chromium with no
// request beyond the file itself.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Browser, chromium as playwright } from 'playwright-core';
import { chromium, CHROMIUM_ARGS, libreOffice } from '../support/programs';
import { AS_OF, kap, removeTempDirs, tempDir } from './kap';
import { threePlans } from './portfolio-fixtures';

const root = path.resolve(__dirname, '../..');
const lo = libreOffice();
const browserProgram = chromium();
const dir = tempDir();
const reports = tempDir();
const xlsx = path.join(reports, 'portfolio.xlsx');
const html = path.join(reports, 'portfolio.html');
let inProcess: string;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'build/build.mjs'), 'cli'], { cwd: root, stdio: 'ignore' });
  await threePlans(dir);
  const r = await kap('portfolio', dir, '--json', '--as-of', AS_OF, '--out', xlsx, '--html', html);
  expect(r.code).toBe(1);
  inProcess = r.out;
});
afterAll(removeTempDirs);

describe('node bin/kap.js portfolio', () => {
  it('checks the plans in worker threads and prints the same JSON as the in-process run; nothing on stderr when it is not a terminal', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/kap.js'), 'portfolio', dir, '--json', '--as-of', AS_OF, '--jobs', '2'], { encoding: 'utf8', timeout: 60000 });
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(inProcess));
  });
});

describe('kap portfolio --out', () => {
  it('writes Accounts, Teams, Conflicts and Findings sheets with frozen headers, filters and formats', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Accounts', 'Teams', 'Conflicts', 'Findings']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getCell('A1').font?.bold).toBe(true);
    }
    const conflicts = wb.getWorksheet('Conflicts')!;
    const rows = conflicts.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => [r[7], r[9]])).toEqual([
      ['Acme Mining', 'C1'],
      ['Acme Mining', 'C2'],
      ['Aceros del Sur', 'C7'],
      ['Zinc Corp', 'Z1'],
    ]);
    expect(conflicts.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(conflicts.getCell('B2').value).toEqual(new Date('2027-01-01T00:00:00Z'));
    const accounts = wb.getWorksheet('Accounts')!;
    expect(accounts.getCell('I2').fill).toMatchObject({ type: 'pattern' });
  });

  lo.describe('in LibreOffice', () => {
    it('opens, and shows every sheet with the same rows', () => {
      const out = tempDir();
      const filter = 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1';
      execFileSync(lo.path!, ['--headless', `-env:UserInstallation=file://${path.join(out, 'profile')}`, '--convert-to', filter, '--outdir', out, xlsx], { stdio: 'ignore', timeout: 120000 });
      const csv = (sheet: string): string => readFileSync(path.join(out, `portfolio-${sheet}.csv`), 'utf8');
      expect(readdirSync(out).filter((f) => f.endsWith('.csv')).sort()).toEqual(['portfolio-Accounts.csv', 'portfolio-Conflicts.csv', 'portfolio-Findings.csv', 'portfolio-Teams.csv']);
      expect(csv('Conflicts')).toContain('Field services,2027-01-01,2027-03-31,80,,No,Aceros del Sur,');
      expect(csv('Teams').split('\n')[1]).toMatch(/^Field services,2027-01-01,2027-03-31,100,180,180%,"?20,?000(\.00)?"?,"?18,?000(\.00)?"?,90%,3,Over capacity,/);
    });
  });
});

browserProgram.describe('kap portfolio --html in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await playwright.launch({ executablePath: browserProgram.path, args: CHROMIUM_ARGS });
  });
  afterAll(async () => browser?.close());

  it('is one page with its charts and tables, and asks the network for nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`file://${html}`);
    expect(requests).toEqual([`file://${html}`]);
    expect(problems).toEqual([]);
    // Two charts: a bar per account's overall score; a bar per team span's hours, the over one in red.
    expect(await page.locator('svg').count()).toBe(2);
    expect(await page.locator('svg').first().locator('rect').count()).toBe(3);
    expect(await page.locator('svg').nth(1).locator('rect[fill="#d64541"]').count()).toBe(1);
    expect(await page.locator('article.conflict h3').allTextContents()).toEqual(['Field services 2027-01-01..2027-03-31 only when the accounts are added up']);
    expect(await page.locator('article.conflict tbody tr').count()).toBe(4);
    // Nothing runs off the side of a laptop screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    const shots = process.env.KAP_SCREENSHOTS;
    if (shots) await page.screenshot({ path: path.join(shots, 'portfolio-test.png'), fullPage: true });
    await page.close();
  });
});
