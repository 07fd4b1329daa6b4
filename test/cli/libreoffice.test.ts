// The workbooks kap writes open in LibreOffice (headless CSV export of every
// sheet): every sheet is there, the Capacity sheet's live formulas compute what
// the core computes, and formula-looking text in the Review sheet stays text.
//
// LibreOffice (7.4) shows the cached formula results of an .xlsx by default and
// ignores fullCalcOnLoad, so the formula test runs it with a profile set to
// "always recalculate" (OOXMLRecalcMode=0): the figures below are LibreOffice's own.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkPlan } from '../../core/check';
import { PlanWorkbook } from '../../cli/xlsx-workbook';
import { libreOffice } from '../support/programs';
import { AS_OF, FORMULA_LOOKING, kap, removeTempDirs, samplePlanWithFormulaText, tempDir } from './kap';
import { parseCsv } from '../support/csv';

const lo = libreOffice();
afterAll(removeTempDirs);

const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1';

/** Converts every sheet of `file` to CSV; returns sheet name -> rows of cells. */
function sheetsAsCsv(file: string, recalculate: boolean): Record<string, string[][]> {
  const work = tempDir();
  const profile = path.join(work, 'profile');
  if (recalculate) {
    mkdirSync(path.join(profile, 'user'), { recursive: true });
    writeFileSync(
      path.join(profile, 'user', 'registrymodifications.xcu'),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
    );
  }
  const out = path.join(work, 'csv');
  execFileSync(lo.path!, ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', CSV_FILTER, '--outdir', out, file], {
    stdio: 'ignore',
    timeout: 120000,
  });
  const base = path.basename(file, '.xlsx');
  const sheets: Record<string, string[][]> = {};
  for (const name of readdirSync(out)) {
    sheets[name.slice(base.length + 1, -'.csv'.length)] = parseCsv(readFileSync(path.join(out, name), 'utf8'));
  }
  return sheets;
}


/** Pages of the PDF LibreOffice prints `file` to (every sheet, as its print setup says). */
function pdfPages(file: string): number {
  const work = tempDir();
  execFileSync(lo.path!, ['--headless', `-env:UserInstallation=file://${path.join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', work, file], { stdio: 'ignore', timeout: 120000 });
  const pdf = readFileSync(path.join(work, `${path.basename(file, '.xlsx')}.pdf`), 'latin1');
  // Each page is a /Type /Page object (the page tree is /Type /Pages).
  return (pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

async function capacityOfCore(file: string): Promise<{ row: number; committedHours: number; committedCost: number }[]> {
  const book = await PlanWorkbook.open(file);
  return checkPlan(book.input(), { asOf: 0 }).capacity;
}

lo.describe('LibreOffice opens what kap writes', () => {
  it.each([
    ['new', 'en'],
    ['sample', 'en'],
    ['sample', 'es'],
  ])('kap %s --lang %s: every sheet is there and LibreOffice computes the committed hours and cost the core computes', async (command, lang) => {
    const file = path.join(tempDir(), `${command}-${lang}.xlsx`);
    expect((await kap(command, file, '--lang', lang)).code).toBe(0);
    const sheets = sheetsAsCsv(file, true);
    const expected =
      lang === 'es'
        ? ['Plan', 'Conocimiento', 'Plan de aprendizaje', 'Actores', 'Visión', 'Compromisos', 'Capacidad']
        : ['Plan', 'Knowledge', 'Learning plan', 'Stakeholders', 'Vision', 'Commitments', 'Capacity'];
    expect(Object.keys(sheets).sort()).toEqual([...expected].sort());
    const capacity = sheets[expected[6]];
    const core = await capacityOfCore(file);
    if (command === 'sample') expect(core.length).toBeGreaterThan(0);
    for (const load of core) {
      const row = capacity[load.row - 1];
      expect([load.row, Number(row[5]), Number(row[6])]).toEqual([load.row, load.committedHours, load.committedCost]);
    }
    // Rows with no team show blank, not zero.
    expect(capacity[core.length + 1].slice(5, 7)).toEqual(['', '']);
  });

  it('the cached results kap writes are what LibreOffice shows without recalculating', async () => {
    const file = path.join(tempDir(), 'cached.xlsx');
    await kap('sample', file);
    const shown = sheetsAsCsv(file, false).Capacity;
    for (const load of await capacityOfCore(file)) {
      expect([Number(shown[load.row - 1][5]), Number(shown[load.row - 1][6])]).toEqual([load.committedHours, load.committedCost]);
    }
  });

  // Printed as it was before the print setup: 35 pages, a blank one among them, the Review sheet 15 of them wide and long.
  it.each(['en', 'es'])('the sample plan prints one page per plan sheet and a Review of a few pages, no more (%s)', async (lang) => {
    const dir = tempDir();
    const plain = path.join(dir, 'plain.xlsx');
    const reviewed = path.join(dir, 'reviewed.xlsx');
    await kap('sample', plain, '--lang', lang);
    await kap('sample', reviewed, '--lang', lang);
    await kap('check', reviewed, '--write', '--as-of', '2026-11-30');
    // Seven plan sheets, each one page wide and short enough for one page: no blank page, nothing cut across pages.
    expect(pdfPages(plain)).toBe(7);
    const review = pdfPages(reviewed) - 7;
    expect(review).toBeGreaterThanOrEqual(2);
    expect(review).toBeLessThanOrEqual(5);
  });

  it('formula-looking text copied into the Review sheet is text in LibreOffice, not a formula', async () => {
    const file = path.join(tempDir(), 'risky.xlsx');
    await samplePlanWithFormulaText(file);
    await kap('check', file, '--write', '--as-of', AS_OF);
    const review = sheetsAsCsv(file, true).Review.flat();
    for (const text of FORMULA_LOOKING) expect(review).toContain(text);
    expect(review).not.toContain('click');
  });
});
