// The client copy file the pane builds by hand: a real .xlsx that ExcelJS
// opens with the same sheets and cells the core's client copy lays out.

import ExcelJS from 'exceljs';
import { clientCopy } from '../../core/client-copy';
import { isDate } from '../../core/layout/cells';
import { hostValues } from '../../core/layout/cells';
import { templateLayout } from '../../core/layout/template';
import { sampleData } from '../../core/sample';
import { WorkbookInput } from '../../core/read';
import { dayFromDate } from '../../core/values';
import { clientCopyWorkbook } from '../../excel-addin/client-copy-file';

function samplePlan(): WorkbookInput {
  const layout = templateLayout({ sheets: [] }, 'es', sampleData('es'));
  return { sheets: layout.sheets.map((s) => ({ name: s.name, values: hostValues(s.blocks[0].values) })) };
}

describe('the client copy file', () => {
  it('opens as a workbook holding exactly the client copy, text as text and dates as dates', async () => {
    const input = samplePlan();
    input.sheets.find((s) => s.name === 'Actores')!.values[1][1] = '=HYPERLINK("x")';
    const copy = clientCopy(input, { outputLanguage: 'es' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(clientCopyWorkbook(input, 'es'), 'base64') as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(copy.sheets.map((s) => s.name));
    for (const sheet of copy.sheets) {
      const ws = book.getWorksheet(sheet.name)!;
      sheet.values.forEach((row, r) =>
        row.forEach((cell, c) => {
          const got = ws.getCell(r + 1, c + 1).value;
          if (cell === null || cell === '') expect(got === null || got === '').toBe(true);
          else if (isDate(cell)) expect(dayFromDate(got as Date)).toBe(cell.date);
          else if (typeof cell === 'object') throw new Error('the client copy holds no formulas');
          else expect([sheet.name, r + 1, c + 1, got]).toEqual([sheet.name, r + 1, c + 1, cell]);
        }),
      );
    }
    const names = book.getWorksheet('Actores')!;
    const hostile = names.getCell(2, 2);
    expect(hostile.value).toBe('=HYPERLINK("x")');
    expect(hostile.formula).toBeUndefined();
  });
});
