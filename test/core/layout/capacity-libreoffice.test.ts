// The Capacity formulas name the Commitments tab the workbook really has, so
// LibreOffice computes them in workbooks whose tabs are not the standard names
// of the headers' language: a Spanish plan under English tab names, and plans
// whose tabs were renamed in capitals without accents. kap's writer adds the
// formula columns (as Create plan does); one headless LibreOffice run, set to
// recalculate on load, converts every workbook; the committed hours and cost
// it shows are the core's.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkPlan } from '../../../core/check';
import { Language } from '../../../core/contract';
import { templateLayout } from '../../../core/layout/template';
import { WorkbookInput } from '../../../core/read';
import { PlanWorkbook } from '../../../cli/xlsx-workbook';
import { libreOffice } from '../../support/programs';
import { samplePlanWithoutCapacityFormulas, TabNames } from '../../sheets/sample-grids';
import { parseCsv } from '../../support/csv';

const lo = libreOffice();
const CASES: [string, Language, TabNames][] = [
  ['spanish-headers-english-tabs', 'es', 'english'],
  ['spanish-renamed-tabs', 'es', 'altered'],
  ['english-renamed-tabs', 'en', 'altered'],
];

lo.describe('LibreOffice computes the Capacity formulas on the real tab names', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'kap-capacity-'));
  const inputs = new Map<string, WorkbookInput>();
  const formulas = new Map<string, string>();
  let csv: Map<string, string[][]>;

  beforeAll(async () => {
    for (const [name, lang, tabs] of CASES) {
      const book = PlanWorkbook.fromGrids(samplePlanWithoutCapacityFormulas(lang, tabs));
      book.applyTemplate(templateLayout(book.input(), lang));
      const capacity = book.workbook.worksheets.find((w) => /^(capacity|capacidad)$/i.test(w.name))!;
      formulas.set(name, String(capacity.getCell('F2').formula));
      const file = path.join(work, `${name}.xlsx`);
      await book.save(file);
      inputs.set(name, (await PlanWorkbook.open(file)).input());
    }
    csv = capacitySheets(CASES.map(([name]) => path.join(work, `${name}.xlsx`)));
  }, 180000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(CASES)('%s', (name) => {
    const input = inputs.get(name)!;
    const capacityTab = input.sheets.find((s) => /^(capacity|capacidad)$/i.test(s.name))!.name;
    const commitmentsTab = input.sheets.find((s) => /^(commitments|compromisos)$/i.test(s.name))!.name;
    expect(formulas.get(name)).toContain(`SUMIFS(${commitmentsTab}!`);
    const shown = csv.get(`${name}-${capacityTab}`)!;
    const core = checkPlan(input, { asOf: 0 }).capacity;
    expect(core.some((c) => c.committedHours > 0)).toBe(true);
    for (const load of core) {
      const row = shown[load.row - 1];
      expect([load.row, Number(row[5]), Number(row[6])]).toEqual([load.row, load.committedHours, load.committedCost]);
    }
  });
});

/** Every sheet of every file as CSV rows, by "<file base>-<sheet>", from one LibreOffice run that recalculates on load. */
function capacitySheets(files: string[]): Map<string, string[][]> {
  const profile = path.join(path.dirname(files[0]), 'profile');
  mkdirSync(path.join(profile, 'user'), { recursive: true });
  // LibreOffice shows an .xlsx file's cached results unless told to recalculate (OOXMLRecalcMode 0: always).
  writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  const out = path.join(path.dirname(files[0]), 'csv');
  // The last filter option (-1) writes every sheet, each to "<file>-<sheet>.csv".
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1';
  execFileSync(lo.path!, ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', filter, '--outdir', out, ...files], { stdio: 'ignore', timeout: 170000 });
  const sheets = new Map<string, string[][]>();
  for (const name of readdirSync(out)) sheets.set(name.slice(0, -'.csv'.length), parseCsv(readFileSync(path.join(out, name), 'utf8')));
  return sheets;
}

