// The streaming package reader gives the core the same grids ExcelJS's load
// did, for kap's own files, and reads what ExcelJS refused or got wrong:
// prefixed namespaces, the 1904 date system, inline strings, cached formula
// results, errors, merged ranges. It reads only the plan sheets.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8, unzipSync, strFromU8 } from 'fflate';
import { isDateFormat, readPlanFile } from '../../cli/package-reader';
import { PlanWorkbook } from '../../cli/xlsx-workbook';
import { basePlan, buildWorkbook } from '../fixtures/plan-fixture';
import { kap, removeTempDirs, tempDir, writeGrids } from './kap';

afterAll(removeTempDirs);

const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A hand-built package in openpyxl's style: every element under an `ns0:` prefix, the relationship id under `ns1:`. */
function prefixedPackage(date1904: boolean): Uint8Array {
  const wb = `<ns0:workbook xmlns:ns0="${S}" xmlns:ns1="${R}"><ns0:workbookPr${date1904 ? ' date1904="1"' : ''}/><ns0:sheets><ns0:sheet name="Notes" sheetId="1" ns1:id="rId2"/><ns0:sheet name="Commitments" sheetId="2" ns1:id="rId1"/></ns0:sheets></ns0:workbook>`;
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const styles = `<ns0:styleSheet xmlns:ns0="${S}"><ns0:numFmts count="1"><ns0:numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></ns0:numFmts><ns0:cellStyleXfs count="1"><ns0:xf numFmtId="14"/></ns0:cellStyleXfs><ns0:cellXfs count="3"><ns0:xf numFmtId="0"/><ns0:xf numFmtId="164"/><ns0:xf numFmtId="14"/></ns0:cellXfs></ns0:styleSheet>`;
  const sst = `<ns0:sst xmlns:ns0="${S}"><ns0:si><ns0:t>ID</ns0:t></ns0:si><ns0:si><ns0:r><ns0:t>Commit</ns0:t></ns0:r><ns0:r><ns0:rPr><ns0:b/></ns0:rPr><ns0:t xml:space="preserve">ment </ns0:t></ns0:r><ns0:rPh><ns0:t>phonetic</ns0:t></ns0:rPh></ns0:si><ns0:si><ns0:t>Due</ns0:t></ns0:si><ns0:si><ns0:t>never read</ns0:t></ns0:si></ns0:sst>`;
  const sheet1 = `<ns0:worksheet xmlns:ns0="${S}"><ns0:sheetData><ns0:row r="1"><ns0:c r="A1" t="s"><ns0:v>0</ns0:v></ns0:c><ns0:c r="B1" t="s"><ns0:v>1</ns0:v></ns0:c><ns0:c r="C1" t="s"><ns0:v>2</ns0:v></ns0:c></ns0:row><ns0:row r="3"><ns0:c r="A3" t="inlineStr"><ns0:is><ns0:t>C1</ns0:t></ns0:is></ns0:c><ns0:c r="B3" t="str"><ns0:f>"A"&amp;"B"</ns0:f><ns0:v>AB</ns0:v></ns0:c><ns0:c r="C3" s="1"><ns0:v>45000</ns0:v></ns0:c><ns0:c r="D3" t="e"><ns0:f>1/0</ns0:f><ns0:v>#DIV/0!</ns0:v></ns0:c><ns0:c r="E3" t="b"><ns0:v>1</ns0:v></ns0:c><ns0:c r="F3"><ns0:f>1+1</ns0:f></ns0:c><ns0:c r="G3" s="2"><ns0:v>2.5</ns0:v></ns0:c></ns0:row><ns0:row r="4"><ns0:c r="A4"><ns0:v>7</ns0:v></ns0:c><ns0:c r="B4"><ns0:v>8</ns0:v></ns0:c></ns0:row></ns0:sheetData><ns0:mergeCells count="1"><ns0:mergeCell ref="A4:B4"/></ns0:mergeCells></ns0:worksheet>`;
  const sheet2 = `<ns0:worksheet xmlns:ns0="${S}"><ns0:sheetData><ns0:row r="1"><ns0:c r="A1" t="s"><ns0:v>3</ns0:v></ns0:c></ns0:row></ns0:sheetData></ns0:worksheet>`;
  return zipSync({
    '[Content_Types].xml': strToU8(CT),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(wb),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/styles.xml': strToU8(styles),
    'xl/sharedStrings.xml': strToU8(sst),
    'xl/worksheets/sheet1.xml': strToU8(sheet1),
    'xl/worksheets/sheet2.xml': strToU8(sheet2),
  });
}

describe('readPlanFile', () => {
  it('gives the grids ExcelJS gives for kap’s own files (sample and fixture plans)', async () => {
    const dir = tempDir();
    const sample = path.join(dir, 'sample.xlsx');
    const fixture = path.join(dir, 'fixture.xlsx');
    await kap('sample', sample, '--lang', 'es');
    await writeGrids(buildWorkbook(basePlan()), fixture);
    for (const file of [sample, fixture]) {
      const streamed = await readPlanFile(file);
      const loaded = (await PlanWorkbook.open(file)).input();
      expect(streamed.sheets.map((s) => s.name)).toEqual(loaded.sheets.map((s) => s.name));
      for (const sheet of streamed.sheets) {
        const other = loaded.sheets.find((s) => s.name === sheet.name)!;
        // Blank cells are null or absent alike for the core; trailing blanks are dropped before comparing.
        const dense = (rows: unknown[][]): unknown[][] =>
          rows.map((r) => {
            const d = [...r].map((v) => (v === undefined ? null : v));
            while (d.length > 0 && d[d.length - 1] === null) d.pop();
            return d;
          });
        expect(dense(sheet.values)).toEqual(dense(other.values));
        expect(sheet.merges ?? []).toEqual(other.merges ?? []);
      }
    }
  });

  it.each([false, true])('reads prefixed namespaces, shared and inline strings, cached results, errors, merges (1904 dates: %s)', async (date1904) => {
    const file = path.join(tempDir(), 'prefixed.xlsx');
    writeFileSync(file, prefixedPackage(date1904));
    const input = await readPlanFile(file);
    expect(input.sheets.map((s) => s.name)).toEqual(['Notes', 'Commitments']);
    // Notes is not a plan sheet: its part is never parsed, its strings never kept.
    expect(input.sheets[0].values).toEqual([]);
    const c = input.sheets[1];
    const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
    expect(c.values[0]).toEqual(['ID', 'Commitment ', 'Due']);
    expect(c.values[1]).toEqual([]);
    const noon = new Date((2.5 + (date1904 ? 1462 : 0) - 25569) * 86400000);
    // F3 is a formula with no cached result: blank, as a viewer that does not recalculate shows it.
    expect(c.values[2]).toEqual(['C1', 'AB', day(date1904 ? '2027-03-16' : '2023-03-15'), { error: '#DIV/0!' }, true, null, noon]);
    expect(c.values[3]).toEqual([7, null]);
    expect(c.merges).toEqual(['A4:B4']);
  });

  it('tells date formats from number formats', () => {
    for (const code of ['yyyy-mm-dd', 'dd/mm/yyyy;@', '[$-409]mmm d, yyyy', 'h:mm AM/PM', '[h]:mm:ss', 'd-mmm']) expect(isDateFormat(code)).toBe(true);
    for (const code of ['General', '#,##0.00', '0%', '@', '"days" 0', '[Red]0.00', '0.00E+00', '#,##0 "m"']) expect(isDateFormat(code)).toBe(false);
  });

  it('a damaged part is one line naming the file', async () => {
    const file = path.join(tempDir(), 'bad.xlsx');
    const parts = unzipSync(prefixedPackage(false));
    parts['xl/worksheets/sheet1.xml'] = strToU8(strFromU8(parts['xl/worksheets/sheet1.xml']).replace('</ns0:sheetData>', '</ns0:sheetDat>'));
    writeFileSync(file, zipSync(parts));
    await expect(readPlanFile(file)).rejects.toThrow(/bad\.xlsx: the file is damaged \(part xl\/worksheets\/sheet1\.xml is not well-formed XML/);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});
