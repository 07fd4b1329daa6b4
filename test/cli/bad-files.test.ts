// Bad files never throw: a file kap cannot read gets one line on stderr, exit 2
// and the same bytes; a readable workbook with bad content gets findings with
// their cells (exit 1). Every bad file is built here, in a temp folder.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { basePlan, buildWorkbook } from '../fixtures/plan-fixture';
import { AS_OF, kap, removeTempDirs, tempDir, writeGrids } from './kap';

afterAll(removeTempDirs);

let dir: string;
let good: Buffer;
beforeAll(async () => {
  dir = tempDir();
  const file = path.join(dir, 'good.xlsx');
  await writeGrids(buildWorkbook(basePlan()), file);
  good = readFileSync(file);
});

describe('files kap cannot read: one line on stderr, exit 2, file unchanged', () => {
  const cases: [string, () => Promise<Buffer | string> | Buffer | string, RegExp][] = [
    ['an empty file', () => Buffer.alloc(0), /the file is empty/],
    ['a text file named .xlsx', () => 'Account,Owner\nAcme,Ana\n', /not an \.xlsx workbook/],
    ['a truncated workbook', () => good.subarray(0, Math.floor(good.length / 2)), /damaged|truncated|not an \.xlsx/],
    ['a zip that is not a workbook', () => new JSZip().file('readme.txt', 'hello').generateAsync({ type: 'nodebuffer' }), /not an \.xlsx workbook/],
  ];
  it.each(cases)('%s', async (_name, content, message) => {
    const file = path.join(dir, `${_name.replace(/\W+/g, '-')}.xlsx`);
    writeFileSync(file, await content());
    const before = readFileSync(file);
    for (const argv of [['check', file], ['check', file, '--write'], ['check', file, '--json'], ['new', file]]) {
      const r = await kap(...argv, ...(argv[0] === 'check' ? ['--as-of', AS_OF] : []));
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.errLines).toHaveLength(1);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a file that does not exist', async () => {
    const r = await kap('check', path.join(dir, 'nowhere.xlsx'));
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toMatch(/no such file/);
  });
});

describe('readable workbooks with bad content: findings with their place, exit 1', () => {
  async function checkJson(file: string): Promise<{ code: number; rules: { rule: string; sheet: string; cell: string }[] }> {
    const before = readFileSync(file);
    const r = await kap('check', file, '--json', '--as-of', AS_OF);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(r.err).toBe('');
    return { code: r.code, rules: JSON.parse(r.out).findings };
  }

  it('a plan sheet missing', async () => {
    const file = path.join(dir, 'no-vision.xlsx');
    await writeGrids(buildWorkbook(basePlan(), { omitSheets: ['vision'] }), file);
    const { code, rules } = await checkJson(file);
    expect(code).toBe(1);
    expect(rules).toContainEqual(expect.objectContaining({ rule: 'missing-sheet', sheet: 'Vision', cell: 'A1' }));
  });

  it('every header missing on a sheet', async () => {
    const input = buildWorkbook(basePlan());
    const sheet = input.sheets.find((s) => s.name === 'Commitments')!;
    sheet.values[0] = sheet.values[0].map((_, i) => `Column ${i + 1}`);
    const file = path.join(dir, 'no-headers.xlsx');
    await writeGrids(input, file);
    const { code, rules } = await checkJson(file);
    expect(code).toBe(1);
    expect(rules.filter((f) => f.rule === 'missing-column' && f.sheet === 'Commitments')).toHaveLength(14);
  });

  it('merged cells and an error value (#REF!)', async () => {
    const input = buildWorkbook(basePlan());
    const knowledge = input.sheets.find((s) => s.name === 'Knowledge')!;
    knowledge.values[1][2] = { error: '#REF!' };
    knowledge.merges = ['C3:D3'];
    const file = path.join(dir, 'merged.xlsx');
    await writeGrids(input, file);
    const { code, rules } = await checkJson(file);
    expect(code).toBe(1);
    expect(rules).toContainEqual(expect.objectContaining({ rule: 'error-value', sheet: 'Knowledge', cell: 'C2' }));
    expect(rules).toContainEqual(expect.objectContaining({ rule: 'merged-cells', sheet: 'Knowledge', cell: 'C3' }));
  });

  it('50,000 empty formatted rows are ignored (the clean plan stays clean)', async () => {
    const file = path.join(dir, 'formatted.xlsx');
    await writeGrids(buildWorkbook(basePlan()), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Commitments')!;
    for (let row = 30; row < 50030; row++) {
      ws.getCell(row, 1).numFmt = '0.00';
      ws.getCell(row, 3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    }
    await wb.xlsx.writeFile(file);
    const clean = path.join(dir, 'clean.xlsx');
    await writeGrids(buildWorkbook(basePlan()), clean);
    const formatted = await checkJson(file);
    expect(formatted).toEqual(await checkJson(clean));
    expect(formatted.code).toBe(0);
  });
});
