// A plan of any size written straight to .xlsx, as Excel lays one out (shared
// strings, one part per sheet), without ExcelJS: writing 100,000 rows per
// sheet through ExcelJS would take longer than the bench itself. fflate lays
// out the zip; Node's zlib deflates the parts (fflate's own deflate takes ten
// times as long on 250 MB of sheets). Optional whole-column drop-downs (the kind that made ExcelJS
// expand a million cells) on the table sheets.

import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { strToU8, Zip, ZipInputFile } from 'fflate';
import { planOfSize } from './plan-of-size';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export interface PlanFileOptions {
  /** Whole-column list drop-downs on each table sheet (column 2 onwards), as a user adds them. */
  wholeColumnDropDowns?: number;
}

/** Writes planOfSize(rows) to FILE; returns the file's size in bytes. */
export function writePlanFile(rows: number, file: string, options: PlanFileOptions = {}): number {
  const input = planOfSize(rows);
  const strings = new Map<string, number>();
  const stringIndex = (s: string): number => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  const parts: Record<string, Uint8Array> = {};
  input.sheets.forEach((sheet, n) => {
    const out: string[] = [];
    const width = Math.max(1, ...sheet.values.map((r) => r.length));
    out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:${columnName(width)}${sheet.values.length}"/><sheetData>`);
    sheet.values.forEach((row, r) => {
      const cells: string[] = [];
      row.forEach((v, c) => {
        const ref = `${columnName(c + 1)}${r + 1}`;
        if (typeof v === 'number') cells.push(`<c r="${ref}"><v>${v}</v></c>`);
        else if (typeof v === 'string' && v !== '') cells.push(`<c r="${ref}" t="s"><v>${stringIndex(v)}</v></c>`);
      });
      out.push(`<row r="${r + 1}">${cells.join('')}</row>`);
    });
    out.push('</sheetData>');
    const dropDowns = n === 0 ? 0 : (options.wholeColumnDropDowns ?? 0);
    if (dropDowns > 0) {
      out.push(`<dataValidations count="${dropDowns}">`);
      for (let d = 0; d < dropDowns; d++) {
        const column = columnName(d + 2);
        out.push(`<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${column}2:${column}1048576"><formula1>"Yes,No,Maybe"</formula1></dataValidation>`);
      }
      out.push('</dataValidations>');
    }
    out.push('</worksheet>');
    parts[`xl/worksheets/sheet${n + 1}.xml`] = strToU8(out.join(''));
  });
  const sst = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.size}" uniqueCount="${strings.size}">`];
  for (const s of strings.keys()) sst.push(`<si><t xml:space="preserve">${escape(s)}</t></si>`);
  sst.push('</sst>');
  parts['xl/sharedStrings.xml'] = strToU8(sst.join(''));
  const sheets = input.sheets.map((s, n) => `<sheet name="${escape(s.name)}" sheetId="${n + 1}" r:id="rId${n + 3}"/>`).join('');
  parts['xl/workbook.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets></workbook>`);
  const rels = input.sheets.map((_, n) => `<Relationship Id="rId${n + 3}" Type="${REL}/worksheet" Target="worksheets/sheet${n + 1}.xml"/>`).join('');
  parts['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${rels}</Relationships>`,
  );
  parts['xl/styles.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
  );
  const overrides = input.sheets.map((_, n) => `<Override PartName="/xl/worksheets/sheet${n + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  parts['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${overrides}</Types>`,
  );
  parts['_rels/.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const zip = zipped(parts);
  writeFileSync(file, zip);
  return zip.length;
}

/** The parts as a zip, each deflated at level 6 as Excel does. */
function zipped(parts: Record<string, Uint8Array>): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  for (const [filename, data] of Object.entries(parts)) {
    const entry: ZipInputFile = { filename, size: data.length, crc: crc32(data), compression: 8 };
    zip.add(entry);
    entry.ondata!(null, deflateRawSync(data, { level: 6 }), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}
