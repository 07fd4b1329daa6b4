// kap's commands and exit statuses, run in-process: new, sample, check (report,
// --json, options), --help, --version and wrong arguments.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { version } from '../../package.json';
import { basePlan, buildWorkbook, withRow } from '../fixtures/plan-fixture';
import { AS_OF, kap, removeTempDirs, sheetValues, tempDir, writeGrids } from './kap';

afterAll(removeTempDirs);

describe('kap --help and --version', () => {
  it('prints the usage with every command and exits 0', async () => {
    const r = await kap('--help');
    expect(r.code).toBe(0);
    for (const command of ['kap new', 'kap sample', 'kap check', 'kap share', '--json', '--write', '--as-of']) expect(r.out).toContain(command);
  });
  it('prints the usage when run with no arguments', async () => {
    expect((await kap()).out).toContain('Usage:');
  });
  it('prints the version from package.json', async () => {
    const r = await kap('--version');
    expect(r).toMatchObject({ code: 0, out: version });
  });
});

describe('wrong arguments: one line on stderr that points to kap --help, exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown command', ['plan', 'x.xlsx'], /unknown command "plan"/],
    ['an unknown option', ['check', 'x.xlsx', '--verbose'], /unknown option --verbose for check/],
    ['a missing FILE', ['check'], /check needs a FILE/],
    ['two FILEs', ['new', 'a.xlsx', 'b.xlsx'], /takes one FILE/],
    ['a bad language', ['new', 'x.xlsx', '--lang', 'fr'], /--lang must be en or es/],
    ['a bad as-of date', ['check', 'x.xlsx', '--as-of', '2027-02-30'], /--as-of must be a date written YYYY-MM-DD/],
    ['an option without its value', ['check', 'x.xlsx', '--as-of'], /--as-of needs a value/],
    ['a bad number of days', ['check', 'x.xlsx', '--stale-contact-days', 'soon'], /--stale-contact-days must be a whole number/],
    ['a value given to a flag', ['check', 'x.xlsx', '--json=yes'], /--json takes no value/],
    ['share without --out', ['share', 'x.xlsx'], /share needs --out/],
  ];
  it.each(cases)('%s', async (_name, argv, message) => {
    const r = await kap(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('kap --help');
  });
});

describe('kap new', () => {
  it('creates a workbook with every plan sheet, in English by default, and exits 0', async () => {
    const file = path.join(tempDir(), 'plan.xlsx');
    const r = await kap('new', file);
    expect(r.code).toBe(0);
    const values = await sheetValues(file);
    expect(Object.keys(values)).toEqual(['Plan', 'Knowledge', 'Learning plan', 'Stakeholders', 'Vision', 'Commitments', 'Capacity']);
    expect(values.Knowledge.A1).toBe('ID');
    expect(values.Plan.A2).toBe('Account');
  });
  it('creates a Spanish workbook with --lang es and fills the account with --account', async () => {
    const file = path.join(tempDir(), 'plan.xlsx');
    expect((await kap('new', file, '--lang', 'es', '--account', 'Aceros del Norte')).code).toBe(0);
    const values = await sheetValues(file);
    expect(Object.keys(values)).toEqual(['Plan', 'Conocimiento', 'Plan de aprendizaje', 'Actores', 'Visión', 'Compromisos', 'Capacidad']);
    expect(values.Plan.A2).toBe('Cuenta');
    expect(values.Plan.B2).toBe('Aceros del Norte');
  });
  it('ignores --account for a Plan sheet that already exists', async () => {
    const file = path.join(tempDir(), 'plan.xlsx');
    await kap('new', file, '--account', 'First');
    await kap('new', file, '--account', 'Second');
    expect((await sheetValues(file)).Plan.B2).toBe('First');
  });
  it('says nothing is missing, and leaves the file byte for byte, when run on a complete plan', async () => {
    const file = path.join(tempDir(), 'plan.xlsx');
    await kap('new', file);
    const before = readFileSync(file);
    const r = await kap('new', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('nothing to add');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
  it('cannot write into a folder that does not exist: exit 2, one line', async () => {
    const r = await kap('new', path.join(tempDir(), 'no', 'such', 'plan.xlsx'));
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toMatch(/cannot write/);
  });
});

describe('kap sample', () => {
  it('writes the filled sample and exits 0', async () => {
    const file = path.join(tempDir(), 'sample.xlsx');
    const r = await kap('sample', file);
    expect(r.code).toBe(0);
    const values = await sheetValues(file);
    expect(Object.keys(values.Commitments).length).toBeGreaterThan(20);
  });
  it('refuses to overwrite an existing file without --force (exit 2, file untouched)', async () => {
    const file = path.join(tempDir(), 'sample.xlsx');
    writeFileSync(file, 'my own work');
    const r = await kap('sample', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/already exists; add --force/);
    expect(readFileSync(file, 'utf8')).toBe('my own work');
  });
  it('overwrites with --force, in Spanish with --lang es', async () => {
    const file = path.join(tempDir(), 'muestra.xlsx');
    writeFileSync(file, 'old');
    expect((await kap('sample', file, '--force', '--lang', 'es')).code).toBe(0);
    expect(Object.keys(await sheetValues(file))).toContain('Compromisos');
  });
});

describe('kap check', () => {
  let sample: string;
  beforeAll(async () => {
    sample = path.join(tempDir(), 'sample.xlsx');
    await kap('sample', sample);
  });

  it('reports the scorecard, then findings by phase, then unsupported commitments; exit 1 when errors are found', async () => {
    const r = await kap('check', sample, '--as-of', AS_OF);
    expect(r.code).toBe(1);
    const at = (text: string): number => r.out.indexOf(text);
    expect(at('Scorecard')).toBeGreaterThan(-1);
    expect(at('Overall readiness')).toBeGreaterThan(at('Scorecard'));
    expect(at('Findings (')).toBeGreaterThan(at('Overall readiness'));
    expect(at('Unsupported commitments (')).toBeGreaterThan(at('Findings ('));
    expect(r.out).toMatch(/not-agreed: The client has not agreed to it/);
    expect(r.err).toBe('');
  });

  it('prints exactly one JSON object of the contract shape with --json', async () => {
    const r = await kap('check', sample, '--json', '--as-of', AS_OF);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['scorecard', 'findings', 'commitments', 'actions', 'capacity', 'uncovered']);
    expect(Object.keys(json.scorecard)).toEqual(['knowledge', 'vision', 'commitment', 'overall']);
    for (const score of Object.values(json.scorecard)) expect(score).toEqual(expect.any(Number));
    expect(json.findings.length).toBeGreaterThan(0);
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual(['severity', 'phase', 'rule', 'sheet', 'cell', 'message', 'fix']);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(['structure', 'knowledge', 'vision', 'commitment']).toContain(f.phase);
      expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
    }
    for (const c of json.commitments) {
      expect(Object.keys(c)).toEqual(['id', 'supported', 'reasons']);
      expect(c.supported).toBe(c.reasons.length === 0);
    }
    expect(json.findings.some((f: { severity: string }) => f.severity === 'error')).toBe(true);
  });

  it('exits 0 for a plan with no error-severity finding', async () => {
    const file = path.join(tempDir(), 'clean.xlsx');
    await writeGrids(buildWorkbook(basePlan()), file);
    const r = await kap('check', file, '--json', '--as-of', AS_OF);
    expect(JSON.parse(r.out).findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('--as-of fixes "today": an overdue commitment is overdue only after its due date', async () => {
    const file = path.join(tempDir(), 'dates.xlsx');
    await writeGrids(buildWorkbook(basePlan()), file);
    const rules = async (asOf: string): Promise<string[]> =>
      JSON.parse((await kap('check', file, '--json', '--as-of', asOf)).out).findings.map((f: { rule: string }) => f.rule);
    expect(await rules('2027-01-02')).not.toContain('commitment-overdue');
    expect(await rules('2027-12-30')).toContain('commitment-overdue');
  });

  it('--stale-contact-days changes when a decision maker counts as not contacted', async () => {
    const file = path.join(tempDir(), 'contact.xlsx');
    await writeGrids(buildWorkbook(basePlan()), file);
    const cold = async (...extra: string[]): Promise<boolean> =>
      JSON.parse((await kap('check', file, '--json', '--as-of', AS_OF, ...extra)).out).findings.some((f: { rule: string }) => f.rule === 'cold-contact');
    expect(await cold()).toBe(false);
    expect(await cold('--stale-contact-days', '1')).toBe(true);
  });

  it('checks a Spanish workbook with --lang en: English report and messages, Spanish sheet names', async () => {
    const file = path.join(tempDir(), 'muestra.xlsx');
    await kap('sample', file, '--lang', 'es');
    const report = await kap('check', file, '--as-of', AS_OF, '--lang', 'en');
    expect(report.out).toContain('Scorecard');
    expect(report.out).toContain('Compromisos!');
    const json = JSON.parse((await kap('check', file, '--json', '--as-of', AS_OF, '--lang', 'en')).out);
    const spanish = JSON.parse((await kap('check', file, '--json', '--as-of', AS_OF)).out);
    expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual(spanish.findings.map((f: { rule: string }) => f.rule));
    expect(json.findings[0].fix).not.toEqual(spanish.findings[0].fix);
    expect((await kap('check', file, '--as-of', AS_OF)).out).toContain('Puntaje');
  });

  it('a workbook with no plan sheets is checked, not refused: every sheet is reported missing (exit 1)', async () => {
    const file = path.join(tempDir(), 'other.xlsx');
    await writeGrids({ sheets: [{ name: 'Budget 2027', values: [['Line', 'Amount'], ['Travel', 1200]] }] }, file);
    const r = await kap('check', file, '--json', '--as-of', AS_OF);
    expect(r.code).toBe(1);
    const missing = JSON.parse(r.out).findings.filter((f: { rule: string }) => f.rule === 'missing-sheet');
    expect(missing.map((f: { sheet: string }) => f.sheet).sort()).toEqual(['Capacity', 'Commitments', 'Knowledge', 'Learning plan', 'Plan', 'Stakeholders', 'Vision']);
  });

  it('does not write anything without --write', async () => {
    const before = readFileSync(sample);
    await kap('check', sample, '--as-of', AS_OF);
    expect(readFileSync(sample).equals(before)).toBe(true);
    expect(existsSync(sample)).toBe(true);
  });

  it('a finding is reported for a commitment whose side is not in the list', async () => {
    const file = path.join(tempDir(), 'side.xlsx');
    await writeGrids(buildWorkbook(withRow(basePlan(), 'commitments', 0, { side: 'Theirs' })), file);
    const json = JSON.parse((await kap('check', file, '--json', '--as-of', AS_OF)).out);
    expect(json.findings.some((f: { rule: string; sheet: string }) => f.rule === 'not-in-list' && f.sheet === 'Commitments')).toBe(true);
  });
});
