// kap portfolio in-process: three plans that each fit their own capacity but
// not together, files that are not plans, the same folder twice, a capacity
// file, and wrong command lines.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { runPortfolio } from '../../cli/portfolio/command';
import { writeAccountPlan } from '../../cli/portfolio/demo-portfolio';
import { PlanWorkbook } from '../../cli/xlsx-workbook';
import { AS_OF, kap, removeTempDirs, tempDir } from './kap';
import { Q1, threePlans } from './portfolio-fixtures';

afterAll(removeTempDirs);

interface Json {
  accounts: { file: string; account: string; language: string; scorecard: Record<string, number>; commitments: number; nextStep: unknown }[];
  teams: { team: string; start: string; committedHours: number; availableHours: number; overHours: boolean; accounts: { account: string }[] }[];
  conflicts: { team: string; start: string; end: string; overHours: number | null; overCost: number | null; onlyWhenAddedUp: boolean; accounts: { account: string; file: string; hours: number; commitments: { id: string; cell: string }[] }[] }[];
  findings: { rule: string; message: string }[];
  skipped: { file: string; reason: string }[];
}

describe('kap portfolio', () => {
  const dir = tempDir();
  let json: Json;

  beforeAll(async () => {
    await threePlans(dir);
    const r = await kap('portfolio', dir, '--json', '--as-of', AS_OF);
    expect(r.err).toBe('');
    json = JSON.parse(r.out) as Json;
    // Printed a piece at a time, it reads as the one object pretty-printed whole.
    expect(r.out).toBe(JSON.stringify(json, null, 2));
  });

  it('reads English and Spanish plans alike, one row per plan in file order', () => {
    expect(json.accounts.map((a) => [path.relative(dir, a.file), a.account, a.language, a.commitments])).toEqual([
      ['acme.xlsx', 'Acme Mining', 'en', 4],
      [path.join('es', 'aceros.xlsx'), 'Aceros del Sur', 'es', 1],
      ['zinc.xlsx', 'Zinc Corp', 'en', 1],
    ]);
    for (const a of json.accounts) expect(Object.keys(a.scorecard)).toEqual(['knowledge', 'vision', 'commitment', 'overall']);
  });

  it("each account's scores and next step are kap check's for that plan", async () => {
    const check = JSON.parse((await kap('check', path.join(dir, 'es', 'aceros.xlsx'), '--json', '--as-of', AS_OF, '--lang', 'en')).out) as {
      scorecard: Record<string, number>;
      actions: unknown[];
    };
    expect(json.accounts[1].scorecard).toEqual(check.scorecard);
    expect(json.accounts[1].nextStep).toEqual(check.actions[0]);
  });

  it('teams that fit in each plan but not together are a conflict naming every commitment (account and ID)', () => {
    expect(json.conflicts).toHaveLength(1);
    const c = json.conflicts[0];
    expect([c.team, c.start, c.end, c.overHours, c.overCost, c.onlyWhenAddedUp]).toEqual(['Field services', '2027-01-01', '2027-03-31', 80, null, true]);
    expect(c.accounts.map((a) => [a.account, a.hours, a.commitments.map((x) => x.id)])).toEqual([
      ['Acme Mining', 60, ['C1', 'C2']],
      ['Aceros del Sur', 60, ['C7']],
      ['Zinc Corp', 60, ['Z1']],
    ]);
    expect(c.accounts[1].commitments[0].cell).toBe('A2');
    // The next span of the same team holds only Acme's 90 hours: within.
    expect(json.teams.map((t) => [t.team, t.start, t.committedHours, t.availableHours, t.overHours])).toEqual([
      ['Field services', '2027-01-01', 180, 100, true],
      ['Field services', '2027-04-01', 90, 100, false],
    ]);
  });

  it('the text report names the conflict, each account and each commitment; exit 1', async () => {
    const r = await kap('portfolio', dir, '--as-of', AS_OF);
    expect(r.code).toBe(1);
    const out = r.out;
    expect(out).toContain('Field services 2027-01-01..2027-03-31: 180 of 100 hours (over by 80); only when the accounts are added up');
    for (const name of ['Acme Mining', 'Aceros del Sur', 'Zinc Corp']) expect(out).toContain(`    ${name} (`);
    for (const line of ['C1 "Sensor install"', 'C2 "Pilot review"', 'C7 "Monitoreo de hornos"', 'Z1 "Crusher survey"']) expect(out).toContain(`      ${line}`);
    expect(out).not.toContain('C3 "Client data export"');
  });

  it('the same folder gives the same output twice, even with its reports written into it; --lang es writes it in Spanish', async () => {
    const reports = ['--out', path.join(dir, 'portfolio.xlsx'), '--html', path.join(dir, 'portfolio.html')];
    const first = await kap('portfolio', dir, '--json', '--as-of', AS_OF, ...reports);
    const again = await kap('portfolio', dir, '--json', '--as-of', AS_OF, ...reports);
    expect(JSON.parse(first.out)).toEqual(json);
    expect(JSON.parse(again.out)).toEqual(json);
    const a = await kap('portfolio', dir, '--as-of', AS_OF, '--lang', 'es');
    const b = await kap('portfolio', dir, '--as-of', AS_OF, '--lang', 'es');
    expect(a.out).toBe(b.out);
    expect(a.out).toContain('Revisión de la cartera: 3 planes');
    expect(a.out).toContain('solo al sumar las cuentas');
  });
});

describe('kap portfolio progress', () => {
  it('shows how many files are checked on one line, cleared at the end (stderr, when it is a terminal)', async () => {
    const dir = tempDir();
    await threePlans(dir);
    const progress: string[] = [];
    const out: string[] = [];
    const code = await runPortfolio(
      { paths: [dir], json: true, asOf: 0, language: 'en', progress: { write: (t: string) => progress.push(t) } },
      { out: (l) => out.push(l), err: () => undefined },
    );
    expect(code).toBe(1);
    expect(progress).toEqual(['\rkap portfolio: checked 1 of 3 files', '\rkap portfolio: checked 2 of 3 files', '\rkap portfolio: checked 3 of 3 files', '\r\x1b[K']);
  });
});

describe('kap portfolio: files that are not plans', () => {
  it('unreadable and non-plan files are listed with a one-line reason and do not stop the run; lock files are not plans', async () => {
    const dir = tempDir();
    await threePlans(dir);
    writeFileSync(path.join(dir, 'notes.xlsx'), 'not a workbook');
    writeFileSync(path.join(dir, 'empty.xlsx'), '');
    await PlanWorkbook.fromGrids({ sheets: [{ name: 'Budget', values: [['Line', 'Amount'], ['Travel', 100]] }] }).save(path.join(dir, 'budget.xlsx'));
    // Excel's and LibreOffice's lock files beside an open plan, and a hidden copy.
    writeFileSync(path.join(dir, '~$acme.xlsx'), 'lock');
    writeFileSync(path.join(dir, '.~lock.acme.xlsx#'), 'lock');
    copyFileSync(path.join(dir, 'acme.xlsx'), path.join(dir, '.acme-backup.xlsx'));
    mkdirSync(path.join(dir, 'deep', 'er'), { recursive: true });
    copyFileSync(path.join(dir, 'zinc.xlsx'), path.join(dir, 'deep', 'er', 'zinc-copy.xlsx'));

    const r = await kap('portfolio', dir, '--json', '--as-of', AS_OF);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as Json;
    expect(json.accounts.map((a) => path.relative(dir, a.file))).toEqual(['acme.xlsx', path.join('deep', 'er', 'zinc-copy.xlsx'), path.join('es', 'aceros.xlsx'), 'zinc.xlsx']);
    expect(json.skipped.map((s) => path.relative(dir, s.file))).toEqual(['budget.xlsx', 'empty.xlsx', 'notes.xlsx']);
    for (const s of json.skipped) expect(s.reason).toMatch(/^[^\n]{10,200}$/);
    expect(json.skipped[0].reason).toMatch(/not an account plan/);
    // The copied plan names the same account twice: said, since its commitments now count twice.
    expect(json.findings.map((f) => f.rule)).toEqual(['same-account']);
    expect(json.findings[0].message).toContain('"Zinc Corp"');

    const text = await kap('portfolio', dir, '--as-of', AS_OF);
    expect(text.out).toContain(`Files not checked (3)\n  ${path.join(dir, 'budget.xlsx')}: not an account plan`);
  });

  it('reads only the plan sheets: a plan beside a user sheet of 250,000 rows (more than ExcelJS is let load) is checked, not skipped', async () => {
    const dir = tempDir();
    await threePlans(dir);
    const file = path.join(dir, 'acme.xlsx');
    const zip = await JSZip.loadAsync(readFileSync(file));
    const rows = Array.from({ length: 250_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    zip.file('xl/worksheets/log.xml', `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/worksheets/log.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdLog" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/log.xml"/></Relationships>'));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', workbook.replace('</sheets>', '<sheet name="Call log" sheetId="99" r:id="rIdLog"/></sheets>'));
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    await expect(PlanWorkbook.open(file)).rejects.toThrow(/250,000 rows/);

    const json = JSON.parse((await kap('portfolio', dir, '--json', '--as-of', AS_OF)).out) as Json;
    expect(json.skipped).toEqual([]);
    expect(json.accounts.map((a) => [path.relative(dir, a.file), a.account, a.commitments])).toContainEqual(['acme.xlsx', 'Acme Mining', 4]);
  });

  it('a folder with no .xlsx, or a PATH that does not exist, cannot run: exit 2, one line', async () => {
    const empty = tempDir();
    const none = await kap('portfolio', empty);
    expect([none.code, none.errLines.length]).toEqual([2, 1]);
    expect(none.err).toMatch(/no \.xlsx file found/);
    const missing = await kap('portfolio', path.join(empty, 'nowhere'));
    expect([missing.code, missing.err]).toEqual([2, `kap: ${path.join(empty, 'nowhere')}: no such file or folder`]);
  });

  it('wrong options: exit 2 with a pointer to kap --help', async () => {
    expect((await kap('portfolio')).err).toMatch(/portfolio needs a FILE/);
    expect((await kap('portfolio', '.', '--out', 'report.csv')).err).toMatch(/--out must name a \.xlsx file.*kap --help/);
    expect((await kap('portfolio', '.', '--jobs', '0')).code).toBe(2);
  });
});

describe('kap portfolio --capacity', () => {
  it("judges every account against the organisation's capacity file, and says where two rows of it disagree", async () => {
    const dir = tempDir();
    await threePlans(dir);
    const capacity = path.join(dir, 'capacity.xlsx');
    // The capacity file sits in the folder: it is not taken for a plan.
    await writeAccountPlan(
      {
        lang: 'en',
        account: '',
        kam: '',
        commitments: [],
        capacity: [
          { team: 'Field services', ...Q1, hours: 200, budget: 10000 },
          { team: 'Field services', ...Q1, hours: 250, budget: 10000 },
        ],
      },
      capacity,
    );
    const r = await kap('portfolio', dir, '--capacity', capacity, '--json', '--as-of', AS_OF);
    const json = JSON.parse(r.out) as Json;
    expect(json.accounts).toHaveLength(3);
    expect(json.teams.map((t) => [t.team, t.start, t.committedHours, t.availableHours])).toEqual([['Field services', '2027-01-01', 180, 200]]);
    // 180 hours fit the file's 200 (the smaller of its two rows); 18,000 of cost do not fit its 10,000 budget.
    expect(json.conflicts.map((c) => [c.overHours, c.overCost, c.onlyWhenAddedUp])).toEqual([[null, 8000, true]]);
    expect(json.findings.map((f) => f.rule)).toEqual(['capacity-disagrees']);
    expect(json.findings[0].message).toContain('200 hours, budget 10000: Capacity row 2; 250 hours, budget 10000: Capacity row 3');
  });

  it('a capacity file that cannot be read, or has no Capacity sheet, stops the run: exit 2', async () => {
    const dir = tempDir();
    await threePlans(dir);
    const bad = path.join(dir, 'bad.txt');
    writeFileSync(bad, 'nope');
    const r = await kap('portfolio', dir, '--capacity', bad);
    expect([r.code, r.errLines.length]).toEqual([2, 1]);
    const budget = path.join(tempDir(), 'budget.xlsx');
    await PlanWorkbook.fromGrids({ sheets: [{ name: 'Budget', values: [['Line', 'Amount']] }] }).save(budget);
    const noSheet = await kap('portfolio', dir, '--capacity', budget);
    expect([noSheet.code, noSheet.err]).toEqual([2, `kap: ${budget}: no Capacity sheet, so it cannot give the organisation's capacity`]);
  });
});
