// .xlsx files for the safety tests, built in code: the sentinel plan with
// sentinels also hidden where only the file keeps them (comments, defined
// names, document properties, a hidden sheet, a table), and a reader of every
// XML part of a package.

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Language } from '../../core/contract';
import { sentinelPlan, SentinelPlan } from '../fixtures/sentinel-plan';

/** The sentinel plan as an .xlsx, with more sentinels in the places a copied file would carry them. */
export async function sentinelXlsx(lang: Language): Promise<{ bytes: Buffer; plan: SentinelPlan }> {
  const plan = sentinelPlan(lang);
  const extra = (what: string): string => {
    const s = `LEAK-7f3a-${lang}-${what}`;
    plan.sentinels.push(s);
    return s;
  };
  const wb = new ExcelJS.Workbook();
  wb.creator = extra('creator');
  wb.lastModifiedBy = extra('lastModifiedBy');
  wb.title = extra('title');
  wb.subject = extra('subject');
  wb.keywords = extra('keywords');
  wb.category = extra('category');
  wb.description = extra('description');
  wb.company = extra('company');
  wb.manager = extra('manager');
  for (const sheet of plan.input.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = v as ExcelJS.CellValue;
        if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      }),
    );
    if (sheet.name.startsWith('LEAK-')) ws.state = 'hidden';
  }
  const first = wb.worksheets[1];
  // A comment on a shared cell: the cell goes to the client, its comment must not.
  first.getCell('A3').note = extra('comment-on-shared-cell');
  wb.worksheets[0].getCell('B2').note = extra('comment-on-account');
  const name = `LEAK_7f3a_${lang}_definedName`;
  plan.sentinels.push(name);
  wb.definedNames.add(`'${first.name}'!$A$1:$B$3`, name);
  const hidden = wb.worksheets[wb.worksheets.length - 1];
  const tableName = `LEAK_7f3a_${lang}_table`;
  plan.sentinels.push(tableName);
  hidden.addTable({ name: tableName, ref: 'E1', columns: [{ name: extra('table-column') }], rows: [[extra('table-cell')]] });
  const written = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes: await withCustomProperty(written, extra('custom-property')), plan };
}

/** Adds docProps/custom.xml (ExcelJS cannot write custom properties) with one property. */
async function withCustomProperty(xlsx: Buffer, value: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.file(
    'docProps/custom.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Deal margin"><vt:lpwstr>${value}</vt:lpwstr></property></Properties>`,
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'));
  const rels = await zip.file('_rels/.rels')!.async('string');
  zip.file(
    '_rels/.rels',
    rels.replace('</Relationships>', '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>'),
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Every part of an .xlsx package as text, by its path. */
export async function packageParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const file of Object.values(zip.files)) if (!file.dir) parts.set(file.name, await file.async('string'));
  return parts;
}

/** An in-memory Io for the CLI's handlers. */
export function captureIo(): { out: string[]; err: string[]; io: { out(line: string): void; err(line: string): void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l) => out.push(l), err: (l) => err.push(l) } };
}
