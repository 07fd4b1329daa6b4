// The client copy as a .xlsx file, built in the task pane: Excel.createWorkbook
// opens a new workbook only from a base64 file. This writes the few
// SpreadsheetML parts a workbook needs (text as inline strings, never
// formulas) and deflates them with fflate (about 8 KB of the bundle): the
// base64 travels in one request, which Excel on the web refuses over 5 MB, and
// a stored (uncompressed) copy of a 10,000-row plan is 19 MB.

import { zipSync } from 'fflate';

import { columnLetter } from '../core/a1';
import { clientCopy, ClientSheet } from '../core/client-copy';
import { Language } from '../core/contract';
import { needsQuote } from '../core/inert';
import { isDate, isFormula, LayoutCell } from '../core/layout/cells';
import { WorkbookInput } from '../core/read';
import { excelSerial } from '../core/values';

/** The client copy of the plan sheets, as a base64 .xlsx for Excel.createWorkbook. */
export function clientCopyWorkbook(input: WorkbookInput, language: Language): string {
  const copy = clientCopy(input, { outputLanguage: language });
  return toBase64(xlsxFile(copy.sheets));
}

/** A .xlsx file holding these sheets. */
export function xlsxFile(sheets: readonly ClientSheet[]): Uint8Array {
  const styles = new StyleTable();
  const parts: [string, string][] = sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, styles)]);
  const sheetList = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const sheetRels = sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  const overrides = sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('');
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        `${overrides}</Types>`,
    ],
    [
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetList}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}` +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ...parts,
    ['xl/styles.xml', styles.xml()],
  ];
  return xlsxZip(files.map(([name, text]) => ({ name, data: UTF8.encode(text) })));
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const UTF8 = new TextEncoder();
const DATE_FORMAT = 'yyyy-mm-dd';
/** Excel measures column widths in characters of the default font. */
const DEFAULT_WIDTH = 12;

/**
 * Cell styles (bold, number format, quote prefix) numbered as styles.xml lists
 * them. The quote prefix keeps formula-looking text as text even when the
 * client edits the cell and presses Enter.
 */
class StyleTable {
  private readonly formats: string[] = [];
  private readonly xfs: string[] = ['0||0'];
  id(bold: boolean, numberFormat: string | undefined, quoted = false): number {
    const key = `${bold ? 1 : 0}|${numberFormat ?? ''}|${quoted ? 1 : 0}`;
    let i = this.xfs.indexOf(key);
    if (i < 0) {
      if (numberFormat !== undefined && !this.formats.includes(numberFormat)) this.formats.push(numberFormat);
      i = this.xfs.push(key) - 1;
    }
    return i;
  }
  xml(): string {
    const numFmts = this.formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(f)}"/>`).join('');
    const xfs = this.xfs
      .map((key) => {
        const [bold, format, quoted] = key.split('|');
        const numFmtId = format === '' ? 0 : 164 + this.formats.indexOf(format);
        return `<xf numFmtId="${numFmtId}" fontId="${bold}" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}${bold === '1' ? ' applyFont="1"' : ''}${quoted === '1' ? ' quotePrefix="1"' : ''}/>`;
      })
      .join('');
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
      (numFmts ? `<numFmts count="${this.formats.length}">${numFmts}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

function sheetXml(sheet: ClientSheet, styles: StyleTable): string {
  const headerRows = new Set(sheet.headerRows);
  const formatAt = (row: number, column: number): string | undefined =>
    sheet.formats.find((f) => f.numberFormat !== undefined && f.column === column && row >= f.fromRow && row <= f.toRow)?.numberFormat;
  const rows = sheet.values
    .map((cells, i) => {
      const r = i + 1;
      const xml = cells
        .map((cell, j) => {
          const c = j + 1;
          const format = isDate(cell) ? (formatAt(r, c) ?? DATE_FORMAT) : formatAt(r, c);
          const quoted = typeof cell === 'string' && needsQuote(cell);
          return cellXml(`${columnLetter(j)}${r}`, cell, styles.id(headerRows.has(r), format, quoted));
        })
        .join('');
      return xml ? `<row r="${r}">${xml}</row>` : '';
    })
    .join('');
  const widths = new Map<number, number>();
  for (const f of sheet.formats) if (f.width !== undefined) widths.set(f.column, f.width);
  const cols = [...widths.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, w]) => `<col min="${c}" max="${c}" width="${w || DEFAULT_WIDTH}" customWidth="1"/>`)
    .join('');
  const pane =
    sheet.freezeRows > 0
      ? `<pane ySplit="${sheet.freezeRows}" topLeftCell="A${sheet.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>`
      : '';
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN}">` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows}</sheetData></worksheet>`
  );
}

function cellXml(ref: string, cell: LayoutCell, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (cell === null || cell === '') return style ? `<c r="${ref}"${s}/>` : '';
  if (typeof cell === 'string') return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
  if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${cell}</v></c>` : '';
  if (typeof cell === 'boolean') return `<c r="${ref}"${s} t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (isFormula(cell)) return `<c r="${ref}"${s}><f>${escapeXml(cell.formula.replace(/^=/, ''))}</f></c>`;
  return `<c r="${ref}"${s}><v>${excelSerial(cell.date)}</v></c>`;
}

/** XML text: markup characters escaped, and characters XML 1.0 cannot hold dropped. */
function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The .xlsx zip: every part deflated, with a fixed time so the same copy gives the same bytes. */
export function xlsxZip(entries: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  return zipSync(Object.fromEntries(entries.map((e) => [e.name, e.data])), { level: 6, mtime: new Date(Date.UTC(1980, 0, 1)) });
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
