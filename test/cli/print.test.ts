// Every sheet kap writes prints as core/layout/print.ts says, through both of
// kap's writers; a print setup the user already has on a plan sheet stays.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { printSetupOf } from '../../core/layout/print';
import { withPrintSetup, withPrintTitles } from '../../cli/sheet-print';
import { PlanWorkbook } from '../../cli/xlsx-workbook';
import { basePlan, buildWorkbook } from '../fixtures/plan-fixture';
import { AS_OF, kap, removeTempDirs, tempDir } from './kap';

afterAll(removeTempDirs);

/** Each sheet's worksheet XML and the workbook's defined names, straight from the package. */
async function printParts(file: string): Promise<{ sheets: Record<string, string>; names: string[] }> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const sheets: Record<string, string> = {};
  for (const m of workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!;
    const part = (target[1] ?? target[2]).replace(/^\/?(xl\/)?/, 'xl/');
    sheets[m[1]] = await zip.file(part)!.async('string');
  }
  const names = [...workbook.matchAll(/<definedName\b[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
  return { sheets, names };
}

const fitted = (xml: string, height: number): void => {
  expect(xml).toMatch(/<sheetPr[^>]*>.*<pageSetUpPr fitToPage="1"\/>.*<\/sheetPr>/s);
  expect(xml).toMatch(new RegExp(`<pageSetup[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="${height}"`));
};

describe('kap sample and new print every plan sheet landscape, one page wide, header row on every page', () => {
  it.each(['en', 'es'])('kap sample --lang %s', async (lang) => {
    const file = path.join(tempDir(), `sample-${lang}.xlsx`);
    expect((await kap('sample', file, '--lang', lang)).code).toBe(0);
    const { sheets, names } = await printParts(file);
    const capacity = lang === 'es' ? 'Capacidad' : 'Capacity';
    for (const [name, xml] of Object.entries(sheets)) fitted(xml, name === capacity ? 1 : 0);
    // ExcelJS writes print titles as _xlnm.Print_Titles, one per sheet.
    expect(names.filter((n) => n.includes('_xlnm.Print_Titles') && n.includes('$1:$1'))).toHaveLength(7);
  });

  it('check --write gives the Review sheet its print setup: one page wide, as long as it needs, no repeated rows', async () => {
    const file = path.join(tempDir(), 'reviewed.xlsx');
    await kap('sample', file);
    await kap('check', file, '--write', '--as-of', AS_OF);
    const { sheets, names } = await printParts(file);
    fitted(sheets.Review, 0);
    expect(sheets.Review).toMatch(/<pageMargins left="0.25" right="0.25"/);
    const reviewIndex = Object.keys(sheets).indexOf('Review');
    expect(names.some((n) => n.includes(`localSheetId="${reviewIndex}"`))).toBe(false);
    // Twice gives the same: nothing added again.
    await kap('check', file, '--write', '--as-of', AS_OF);
    const again = await printParts(file);
    expect(again.sheets.Review).toBe(sheets.Review);
    expect(again.names).toEqual(names);
  });

  it('kap new on an existing workbook sets up printing on the sheets it adds and completes, and keeps a print setup the user made', async () => {
    const file = path.join(tempDir(), 'existing.xlsx');
    const book = PlanWorkbook.fromGrids(buildWorkbook(basePlan(), { omitSheets: ['capacity'], omitColumns: { knowledge: ['source'], vision: ['solution'] } }));
    // The user printed the Vision sheet their own way: landscape at 70%, with a print area row of their own.
    const vision = book.workbook.getWorksheet('Vision')!;
    vision.pageSetup.orientation = 'landscape';
    vision.pageSetup.scale = 70;
    vision.pageSetup.printTitlesRow = '1:2';
    await book.save(file);
    // ExcelJS saves a portrait page setup on every sheet; the Knowledge sheet's is removed, as if never set.
    const zip = await JSZip.loadAsync(await readFile(file));
    const knowledgePart = 'xl/worksheets/sheet2.xml';
    const knowledgeXml = await zip.file(knowledgePart)!.async('string');
    expect(knowledgeXml).toContain('<pageSetup');
    zip.file(knowledgePart, knowledgeXml.replace(/<pageSetup\b[^>]*\/>/, ''));
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const before = await printParts(file);
    expect((await kap('new', file)).code).toBe(0);
    const { sheets, names } = await printParts(file);
    const order = Object.keys(sheets);
    fitted(sheets.Capacity, 1);
    fitted(sheets.Knowledge, 0);
    expect(names).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${order.indexOf('Capacity')}">Capacity!$1:$1</definedName>`);
    expect(names).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${order.indexOf('Knowledge')}">Knowledge!$1:$1</definedName>`);
    // The user's own setup of Vision is untouched: scale, orientation, and print titles.
    expect(sheets.Vision).toMatch(/<pageSetup[^>]*scale="70"/);
    expect(sheets.Vision).not.toContain('fitToPage');
    expect(names.filter((n) => n.includes(`localSheetId="${order.indexOf('Vision')}"`))).toEqual(before.names.filter((n) => n.includes(`localSheetId="${order.indexOf('Vision')}"`)));
    // A sheet kap did not touch keeps its part as it was.
    expect(sheets.Stakeholders).toBe(before.sheets.Stakeholders);
  });
});

describe('the print setup written into a worksheet part', () => {
  const setup = printSetupOf('knowledge', 1);

  it('adds fit to page, orientation and margins where the sheet has none, in the schema’s order', () => {
    const xml = '<worksheet xmlns="m"><sheetData/><tableParts count="0"/></worksheet>';
    expect(withPrintSetup(xml, 'x', setup)).toBe(
      '<worksheet xmlns="m"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetData/>' +
        '<pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/><tableParts count="0"/></worksheet>',
    );
  });

  it('keeps the paper size, printer settings and margins of a sheet that says nothing else about printing, and the sheet’s tab colour', () => {
    const xml =
      '<x:worksheet xmlns:x="m" xmlns:r="r"><x:sheetPr><x:tabColor rgb="FFFF0000"/></x:sheetPr><x:sheetData/><x:pageMargins left="1" right="1" top="1" bottom="1" header="0.5" footer="0.5"/><x:pageSetup paperSize="9" r:id="rId1"/></x:worksheet>';
    const out = withPrintSetup(xml, 'x', setup);
    expect(out).toContain('<x:sheetPr><x:tabColor rgb="FFFF0000"/><x:pageSetUpPr fitToPage="1"/></x:sheetPr>');
    expect(out).toContain('<x:pageMargins left="1" right="1" top="1" bottom="1" header="0.5" footer="0.5"/>');
    expect(out).toContain('<x:pageSetup paperSize="9" r:id="rId1" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  });

  it.each([
    ['landscape', '<pageSetup orientation="landscape"/>'],
    ['portrait', '<pageSetup paperSize="9" orientation="portrait" r:id="rId1"/>'],
    ['scaled', '<pageSetup scale="80"/>'],
    ['fitted', '<pageSetup fitToWidth="2" fitToHeight="3"/>'],
  ])('leaves a sheet with its own (%s) page setup as it is', (_kind, own) => {
    const xml = `<worksheet xmlns="m"><sheetData/><pageMargins left="1" right="1" top="1" bottom="1" header="0.5" footer="0.5"/>${own}</worksheet>`;
    expect(withPrintSetup(xml, 'x', setup)).toBe(xml);
  });

  it('leaves fit to page as a spreadsheet saved it, even switched off (LibreOffice writes fitToPage="false")', () => {
    const xml = '<worksheet xmlns="m"><sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr><sheetData/><pageMargins left="1" right="1" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>';
    expect(withPrintSetup(xml, 'x', setup)).toBe(xml);
  });

  it('on a sheet kap owns whole (the Review sheet), sets every part of the setup', () => {
    const xml = '<worksheet xmlns="m"><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
    expect(withPrintSetup(xml, 'x', setup, true)).toBe(
      '<worksheet xmlns="m"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetData/><pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>',
    );
  });

  it('adds print titles to the workbook’s names, quoting a sheet name with spaces, and keeps the ones a sheet already has', () => {
    const xml = '<workbook xmlns="m"><sheets/><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">Plan!$1:$2</definedName></definedNames><calcPr/></workbook>';
    const out = withPrintTitles(xml, 'w', [
      { sheetIndex: 0, sheetName: 'Plan', setup },
      { sheetIndex: 2, sheetName: 'Learning plan', setup },
    ]);
    expect(out).toBe(
      '<workbook xmlns="m"><sheets/><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">Plan!$1:$2</definedName>' +
        '<definedName name="_xlnm.Print_Titles" localSheetId="2">\'Learning plan\'!$1:$1</definedName></definedNames><calcPr/></workbook>',
    );
    expect(withPrintTitles('<workbook xmlns="m"><sheets/><calcPr/></workbook>', 'w', [{ sheetIndex: 1, sheetName: 'Vision', setup }])).toBe(
      '<workbook xmlns="m"><sheets/><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">Vision!$1:$1</definedName></definedNames><calcPr/></workbook>',
    );
  });
});
