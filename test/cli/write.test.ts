// What kap writes and what it leaves alone: check --write touches only the
// Review sheet and is repeatable; formula-looking text stays text; new on a
// half-built workbook adds only what is missing.
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { basePlan, buildWorkbook } from '../fixtures/plan-fixture';
import { AS_OF, FORMULA_LOOKING, kap, openWithExcelJs, removeTempDirs, samplePlanWithFormulaText, sheetValues, tempDir, writeGrids } from './kap';

afterAll(removeTempDirs);

describe('check --write', () => {
  let dir: string;
  let file: string;
  let before: Record<string, Record<string, unknown>>;
  let once: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    dir = tempDir();
    file = path.join(dir, 'plan.xlsx');
    await samplePlanWithFormulaText(file);
    before = await sheetValues(file);
    const r = await kap('check', file, '--write', '--as-of', AS_OF);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Review sheet written');
    once = await sheetValues(file);
  });

  it('adds the Review sheet and changes no value of any other sheet', () => {
    expect(Object.keys(once)).toEqual([...Object.keys(before), 'Review']);
    for (const sheet of Object.keys(before)) expect(once[sheet]).toEqual(before[sheet]);
    expect(once.Review.A1).toBe('Plan review: Northern Steel & Mining Group');
  });

  it('gives the same workbook content when run twice, replacing the Review sheet in place', async () => {
    await kap('check', file, '--write', '--as-of', AS_OF);
    expect(await sheetValues(file)).toEqual(once);
  });

  it('keeps the name and the place of an existing Review sheet (Spanish name, English output)', async () => {
    const es = path.join(dir, 'plan-es.xlsx');
    await kap('sample', es, '--lang', 'es');
    await kap('check', es, '--write', '--as-of', AS_OF);
    const wb = await openWithExcelJs(es);
    wb.addWorksheet('Notas');
    await wb.xlsx.writeFile(es);
    await kap('check', es, '--write', '--as-of', AS_OF, '--lang', 'en');
    const values = await sheetValues(es);
    expect(Object.keys(values).slice(-2)).toEqual(['Revisión', 'Notas']);
    expect(values['Revisión'].A1).toMatch(/^Plan review/);
  });

  it('writes formula-looking text from the workbook into the Review sheet as string cells marked quotePrefix', async () => {
    const wb = await openWithExcelJs(file);
    const review = wb.getWorksheet('Review')!;
    const risky: ExcelJS.Cell[] = [];
    review.eachRow((row) => row.eachCell((cell) => (/^[=+\-@]/.test(String(cell.value)) ? risky.push(cell) : undefined)));
    const texts = risky.map((c) => c.value);
    for (const text of FORMULA_LOOKING) expect(texts).toContain(text);
    for (const cell of risky) expect(cell.type).toBe(ExcelJS.ValueType.String);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
    const sheetXml = await zip.file(`xl/worksheets/sheet${review.id}.xml`)!.async('string');
    for (const cell of risky) {
      const c = new RegExp(`<c r="${cell.address}"[^>]*>`).exec(sheetXml)![0];
      // A string cell: kap writes inline strings, so the workbook's shared strings stay as they were.
      expect(c).toMatch(/t="(s|inlineStr)"/);
      expect(sheetXml).not.toMatch(new RegExp(`<c r="${cell.address}"[^>]*>\\s*<f>`));
      expect(cellXfs[Number(/s="(\d+)"/.exec(c)![1])]).toContain('quotePrefix="1"');
    }
  });
});

describe('new on a half-built workbook', () => {
  let file: string;
  let before: Record<string, Record<string, unknown>>;
  beforeAll(async () => {
    file = path.join(tempDir(), 'half.xlsx');
    const input = buildWorkbook(basePlan(), {
      omitSheets: ['capacity', 'stakeholders'],
      omitColumns: { commitments: ['cost', 'status'], knowledge: ['source'] },
      extraColumn: true,
    });
    input.sheets.push({ name: 'My notes', values: [['Call Ana on Monday'], ['=not a formula, just text']] });
    await writeGrids(input, file);
    before = await sheetValues(file);
    const r = await kap('new', file);
    expect(r.code).toBe(0);
  });

  it('adds the missing sheets after the existing ones, in contract order', async () => {
    expect(Object.keys(await sheetValues(file))).toEqual([...Object.keys(before), 'Stakeholders', 'Capacity']);
  });

  it('changes no existing cell, user columns and user sheets included', async () => {
    const after = await sheetValues(file);
    for (const [sheet, cells] of Object.entries(before)) {
      for (const [address, value] of Object.entries(cells)) expect([sheet, address, after[sheet][address]]).toEqual([sheet, address, value]);
    }
  });

  it('adds the missing columns right of the last header', async () => {
    const after = await sheetValues(file);
    const headerRow = (sheet: string): unknown[] =>
      Object.entries(after[sheet])
        .filter(([a]) => /^[A-Z]+1$/.test(a))
        .map(([, v]) => v);
    expect(headerRow('Commitments').slice(-2)).toEqual(['Cost', 'Status']);
    expect(headerRow('Commitments')).toContain('Notes');
    expect(headerRow('Knowledge').slice(-1)).toEqual(['Source']);
  });

  it('then the plan reads without missing sheets or columns', async () => {
    const json = JSON.parse((await kap('check', file, '--json', '--as-of', AS_OF)).out);
    expect(json.findings.filter((f: { rule: string }) => f.rule === 'missing-sheet' || f.rule === 'missing-column')).toEqual([]);
  });

  it('run twice gives the same content: the second run adds nothing', async () => {
    const once = await sheetValues(file);
    const copy = path.join(path.dirname(file), 'again.xlsx');
    copyFileSync(file, copy);
    const r = await kap('new', copy);
    expect(r.out).toContain('nothing to add');
    expect(await sheetValues(copy)).toEqual(once);
  });
});
