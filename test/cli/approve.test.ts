// kap approve writes exactly Approved by, Approval date and Approved terms of
// each commitment approved, through the surgical package writer: every other
// cell and every other package part stays as it was, approving twice gives the
// same cells, a refusal leaves the file byte-identical, and the check then
// sees the approval hold until the cost, effort, due date or team changes.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatTerms } from '../../core/approval';
import { Language, LANGUAGES, listLabel, tableSheet } from '../../core/contract';
import { dayFromParts } from '../../core/values';
import { busyPlan } from '../fixtures/busy-plan';
import { buildWorkbook } from '../fixtures/plan-fixture';
import { packageParts } from '../safety/xlsx-files';
import { AS_OF, kap, openWithExcelJs, removeTempDirs, sheetValues, tempDir, writeGrids } from './kap';

afterAll(removeTempDirs);

/** The busy plan with C1 and C3 needing approval, a notes sheet and a comment beside it (parts kap must not touch). */
async function planFile(lang: Language, options: { omitApprovalColumns?: boolean } = {}): Promise<string> {
  const plan = busyPlan(lang);
  for (const row of plan.rows.commitments!) if (row.id === 'C1' || row.id === 'C3') row.needsApproval = listLabel('yesNo', 'yes', lang);
  const file = path.join(tempDir(), `plan-${lang}.xlsx`);
  await writeGrids(buildWorkbook(plan, { lang, ...(options.omitApprovalColumns ? { omitColumns: { commitments: ['approvalDate', 'approvedTerms'] } } : {}) }), file);
  const wb = await openWithExcelJs(file);
  const notes = wb.addWorksheet('My notes');
  notes.getCell('A1').value = 'Call Ana on Monday';
  notes.getCell('A1').note = 'kept as it is';
  await wb.xlsx.writeFile(file);
  return file;
}

const header = (key: string, lang: Language): string => tableSheet('commitments').columns.find((c) => c.key === key)![lang];

/** Cells that differ between two readings: `Sheet!A1` -> [before, after]. */
function changedCells(before: Record<string, Record<string, unknown>>, after: Record<string, Record<string, unknown>>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const sheet of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[sheet] ?? {};
    const b = after[sheet] ?? {};
    for (const cell of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (JSON.stringify(a[cell]) !== JSON.stringify(b[cell])) out[`${sheet}!${cell}`] = [a[cell], b[cell]];
    }
  }
  return out;
}

/** Each `<c>` element of a worksheet part, by its address. */
function cellElements(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].map((m) => [m[1], m[0]]));
}

/** The worksheet part of a sheet, through the workbook's relationships. */
function sheetPart(parts: Map<string, string>, name: string): string {
  const id = new RegExp(`<sheet\\b[^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(parts.get('xl/workbook.xml')!)![1];
  const target = new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(parts.get('xl/_rels/workbook.xml.rels')!)?.[1] ?? new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(parts.get('xl/_rels/workbook.xml.rels')!)![1];
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

describe.each(LANGUAGES)('kap approve on a %s plan', (lang) => {
  const sheet = lang === 'es' ? 'Compromisos' : 'Commitments';
  let file: string;
  let bytes: Buffer;
  let before: Record<string, Record<string, unknown>>;
  let once: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    file = await planFile(lang);
    bytes = readFileSync(file);
    before = await sheetValues(file);
    const r = await kap('approve', file, 'c1', 'C3', '--by', 'Lucía Fernández', '--as-of', '2027-03-01');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    once = await sheetValues(file);
  });

  it('writes exactly Approved by, Approval date and Approved terms of C1 and C3, and no other cell of any sheet', () => {
    const c1 = formatTerms({ cost: 10000, currency: 'USD', effortHours: 100, due: dayFromParts(2027, 6, 30), team: 'Delivery' }, lang);
    const c3 = formatTerms({ cost: 2000, currency: 'USD', effortHours: 150, due: dayFromParts(2027, 3, 31), team: 'Delivery' }, lang);
    // C1 is row 2, C3 row 4; Approved by is column L, Approval date O, Approved terms P.
    expect(changedCells(before, once)).toEqual({
      [`${sheet}!L2`]: [undefined, 'Lucía Fernández'],
      [`${sheet}!O2`]: [undefined, '2027-03-01T00:00:00.000Z'],
      [`${sheet}!P2`]: [undefined, c1],
      [`${sheet}!L4`]: [undefined, 'Lucía Fernández'],
      [`${sheet}!O4`]: [undefined, '2027-03-01T00:00:00.000Z'],
      [`${sheet}!P4`]: [undefined, c3],
    });
    expect(header('approvedBy', lang)).toBe(before[sheet].L1);
    expect(header('approvalDate', lang)).toBe(before[sheet].O1);
    expect(header('approvedTerms', lang)).toBe(before[sheet].P1);
  });

  it('keeps every other package part, and every other cell element of the sheet, as it was; styles are only appended to', async () => {
    const old = await packageParts(bytes);
    const now = await packageParts(readFileSync(file));
    expect([...now.keys()].sort()).toEqual([...old.keys()].sort());
    const commitmentsPart = sheetPart(old, sheet);
    const changed = [...old.keys()].filter((p) => old.get(p) !== now.get(p)).sort();
    expect(changed.filter((p) => p !== 'xl/styles.xml')).toEqual([commitmentsPart]);
    const xfs = (xml: string) => [.../<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const oldXfs = xfs(old.get('xl/styles.xml')!);
    expect(xfs(now.get('xl/styles.xml')!).slice(0, oldXfs.length)).toEqual(oldXfs);
    const a = cellElements(old.get(commitmentsPart)!);
    const b = cellElements(now.get(commitmentsPart)!);
    const differ = [...new Set([...a.keys(), ...b.keys()])].filter((c) => a.get(c) !== b.get(c)).sort();
    expect(differ).toEqual(['L2', 'L4', 'O2', 'O4', 'P2', 'P4']);
  });

  it('approving again gives the same cells and the same parts', async () => {
    const first = await packageParts(readFileSync(file));
    const r = await kap('approve', file, 'C3', 'C1', '--by', 'Lucía Fernández', '--as-of', '2027-03-01');
    expect(r.code).toBe(0);
    expect(await sheetValues(file)).toEqual(once);
    expect(await packageParts(readFileSync(file))).toEqual(first);
  });

  it('then the check says they are approved; a change of cost, effort, due date or team makes each stale', async () => {
    const json = JSON.parse((await kap('check', file, '--json', '--as-of', AS_OF)).out);
    expect(json.findings.filter((f: { rule: string }) => f.rule === 'commitment-not-approved' || f.rule.startsWith('approval-'))).toEqual([]);
    for (const id of ['C1', 'C3']) expect(json.commitments.find((c: { id: string }) => c.id === id).reasons).not.toContain('not-approved');

    const changes: [string, string, unknown][] = [
      ['cost', 'J2', 15000],
      ['effort', 'I2', 120],
      ['due', 'G2', new Date(Date.UTC(2027, 4, 15))],
      ['team', 'H2', 'Field services'],
    ];
    for (const [part, cell, value] of changes) {
      const changed = path.join(path.dirname(file), `changed-${part}.xlsx`);
      const wb = await openWithExcelJs(file);
      wb.getWorksheet(sheet)!.getCell(cell).value = value as string;
      await wb.xlsx.writeFile(changed);
      const after = JSON.parse((await kap('check', changed, '--json', '--as-of', AS_OF)).out);
      const stale = after.findings.filter((f: { rule: string }) => f.rule === 'approval-stale');
      expect([part, stale.map((f: { cell: string }) => f.cell)]).toEqual([part, [cell]]);
      expect(after.commitments.find((c: { id: string }) => c.id === 'C1').reasons).toContain('not-approved');
    }
  });

  it.each([
    [['C99'], 'no commitment has ID C99 on'],
    [['C5'], 'commitment C5 is cancelled'],
    [['C6'], 'commitment C6 is the client’s (D7)'],
    [['C1', 'C99'], 'no commitment has ID C99'],
  ])('refuses %j with one line naming it, exit 2, the file byte-identical', async (ids, words) => {
    const start = readFileSync(file);
    const r = await kap('approve', file, ...ids, '--by', 'Ana');
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toContain(words);
    expect(r.err).toContain('the file was not changed');
    expect(readFileSync(file).equals(start)).toBe(true);
  });

  it('refuses a missing --by, a blank name or no ID, the file byte-identical', async () => {
    const start = readFileSync(file);
    for (const args of [['C1'], ['C1', '--by', '  '], ['--by', 'Ana']]) {
      const r = await kap('approve', file, ...args);
      expect([args, r.code, r.errLines.length]).toEqual([args, 2, 1]);
    }
    expect((await kap('approve', file, 'C1')).err).toContain('--by NAME');
    expect((await kap('approve', file, 'C1', '--by', ' ')).err).toContain('the approver’s name is blank');
    expect(readFileSync(file).equals(start)).toBe(true);
  });

  it('refuses a file open in Excel (its lock file beside it) or read-only, unless --force for the lock', async () => {
    const start = readFileSync(file);
    const lock = path.join(path.dirname(file), `~$${path.basename(file)}`);
    writeFileSync(lock, 'owner');
    const locked = await kap('approve', file, 'C4', '--by', 'Ana');
    expect(locked.code).toBe(2);
    expect(locked.err).toMatch(/open|lock/i);
    expect(readFileSync(file).equals(start)).toBe(true);
    const forced = await kap('approve', file, 'C4', '--by', 'Ana', '--as-of', '2027-03-01', '--force');
    expect(forced.code).toBe(0);
    expect((await sheetValues(file))[sheet].L5).toBe('Ana');

    const readOnly = path.join(path.dirname(file), 'read-only.xlsx');
    writeFileSync(readOnly, start);
    chmodSync(readOnly, 0o444);
    const r = await kap('approve', readOnly, 'C4', '--by', 'Ana');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/read-only/i);
    expect(readFileSync(readOnly).equals(start)).toBe(true);
  });
});

describe.each(LANGUAGES)('kap approve on a %s plan made before the approval columns', (lang) => {
  it('says in one line which columns are missing and that kap new adds them; after kap new it approves', async () => {
    const file = await planFile(lang, { omitApprovalColumns: true });
    const start = readFileSync(file);
    const r = await kap('approve', file, 'C1', '--by', 'Ana');
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toContain(`${header('approvalDate', lang)}, ${header('approvedTerms', lang)}`);
    expect(r.err).toContain(`run kap new ${file} to add it`);
    expect(readFileSync(file).equals(start)).toBe(true);

    expect((await kap('new', file)).code).toBe(0);
    const added = await kap('approve', file, 'C1', '--by', 'Ana', '--as-of', '2027-03-01');
    expect(added.code).toBe(0);
    const json = JSON.parse((await kap('check', file, '--json', '--as-of', AS_OF)).out);
    expect(json.commitments.find((c: { id: string }) => c.id === 'C1').reasons).not.toContain('not-approved');
  });
});
