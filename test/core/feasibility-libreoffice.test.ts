// The feasibility figures are the Capacity sheet's own: LibreOffice, made to
// recalculate every formula on load (OOXMLRecalcMode=0, as in
// test/cli/libreoffice.test.ts), computes the committed hours and cost of each
// span from the live SUMIFS formulas, and the core's feasibility must show the
// same figures, available amounts and headroom. One LibreOffice run converts
// every file, since its start-up is the expensive part.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkPlan } from '../../core/check';
import { Language, tableSheet } from '../../core/contract';
import { templateLayout } from '../../core/layout/template';
import { sampleData } from '../../core/sample';
import { PlanWorkbook } from '../../cli/xlsx-workbook';
import { removeTempDirs, tempDir } from '../cli/kap';
import { busyPlan } from '../fixtures/busy-plan';
import { AS_OF } from '../fixtures/plan-fixture';
import { libreOffice } from '../support/programs';
import { parseCsv } from '../support/csv';

const lo = libreOffice();
afterAll(removeTempDirs);

const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1';
const RECALCULATE_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Each file's Capacity sheet as LibreOffice computes it, one run for all files. */
function capacityByLibreOffice(files: { file: string; lang: Language }[]): Map<string, string[][]> {
  const work = tempDir();
  const profile = path.join(work, 'profile');
  mkdirSync(path.join(profile, 'user'), { recursive: true });
  writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ALWAYS);
  const out = path.join(work, 'csv');
  execFileSync(lo.path!, ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', CSV_FILTER, '--outdir', out, ...files.map((f) => f.file)], {
    stdio: 'ignore',
    timeout: 180000,
  });
  const produced = readdirSync(out);
  const sheets = new Map<string, string[][]>();
  for (const { file, lang } of files) {
    const name = `${path.basename(file, '.xlsx')}-${tableSheet('capacity')[lang]}.csv`;
    if (!produced.includes(name)) throw new Error(`LibreOffice wrote no ${name} (it wrote ${produced.join(', ')})`);
    sheets.set(file, parseCsv(readFileSync(path.join(out, name), 'utf8')));
  }
  return sheets;
}

async function writePlan(file: string, lang: Language, data: Parameters<typeof templateLayout>[2]): Promise<void> {
  const book = PlanWorkbook.empty();
  book.applyTemplate(templateLayout({ sheets: [] }, lang, data));
  await book.save(file);
}

lo.describe('feasibility equals what LibreOffice computes from the Capacity formulas', () => {
  it('for the Spanish sample plan and an English plan with a team stretched over two spans', async () => {
    const dir = tempDir();
    const files: { file: string; lang: Language }[] = [];
    // Each plan in one language and each language once: every file costs LibreOffice seconds.
    const sample = path.join(dir, 'sample-es.xlsx');
    await writePlan(sample, 'es', sampleData('es'));
    const busy = path.join(dir, 'busy-en.xlsx');
    await writePlan(busy, 'en', busyPlan('en') as Parameters<typeof templateLayout>[2]);
    files.push({ file: sample, lang: 'es' }, { file: busy, lang: 'en' });
    const computed = capacityByLibreOffice(files);
    let spans = 0;
    for (const { file } of files) {
      const feasibility = checkPlan((await PlanWorkbook.open(file)).input(), { asOf: AS_OF }).feasibility;
      const sheet = computed.get(file)!;
      expect(feasibility.spans.length).toBeGreaterThan(0);
      for (const span of feasibility.spans) {
        // Columns D..G: available hours, budget, committed hours, committed cost (a blank counts as 0).
        const [available, budget, hours, cost] = sheet[span.row - 1].slice(3, 7).map((v) => (v === '' ? 0 : Number(v)));
        expect({ file: path.basename(file), row: span.row, ...figures(span) }).toEqual({
          file: path.basename(file),
          row: span.row,
          availableHours: available,
          committedHours: hours,
          hoursHeadroom: round2(available - hours),
          budget,
          committedCost: cost,
          budgetHeadroom: round2(budget - cost),
        });
        spans++;
      }
    }
    expect(spans).toBeGreaterThanOrEqual(4);
  });
});

function figures(s: { availableHours: number; committedHours: number; hoursHeadroom: number; budget: number; committedCost: number; budgetHeadroom: number }) {
  return {
    availableHours: s.availableHours,
    committedHours: s.committedHours,
    hoursHeadroom: s.hoursHeadroom,
    budget: s.budget,
    committedCost: s.committedCost,
    budgetHeadroom: s.budgetHeadroom,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
