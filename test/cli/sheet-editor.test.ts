// The sheet editor splices kap's cells and drop-downs into a user's worksheet
// part: the user's own validations stay as they are, and kap never lays a
// second drop-down over cells the user already validates.
import { editSheet, SheetEdit } from '../../cli/sheet-editor';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function sheet(inner: string, prefix = ''): string {
  const p = prefix ? `${prefix}:` : '';
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${p}worksheet ${ns}><${p}sheetData><${p}row r="1"><${p}c r="A1" t="inlineStr"><${p}is><${p}t>ID</${p}t></${p}is></${p}c></${p}row></${p}sheetData>${inner}</${p}worksheet>`;
}

function edit(validations: SheetEdit['validations']): SheetEdit {
  return { cells: new Map([[1, new Map([[8, { value: 'Team' }]])]]), columns: [], validations };
}

const USERS = '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="H2:H100"><formula1>Teams</formula1></dataValidation></dataValidations>';

describe('drop-downs kap adds to an existing sheet', () => {
  it('are appended after the user\'s own, whose XML stays byte for byte', () => {
    const out = editSheet(sheet(USERS), 'sheet1.xml', edit([{ range: 'I2:I501', values: ['Yes', 'No'] }]));
    expect(out).toContain('<dataValidation type="list" allowBlank="1" sqref="H2:H100"><formula1>Teams</formula1></dataValidation>');
    expect(out).toMatch(/<dataValidations count="2">.*sqref="H2:H100".*sqref="I2:I501"/);
  });

  it('are left out where the user already validates a cell of the range: no second drop-down over the user\'s', () => {
    const before = sheet(USERS);
    const out = editSheet(before, 'sheet1.xml', edit([{ range: 'H2:H501', values: ['Field services'] }]));
    expect(out.match(/<dataValidation /g)).toHaveLength(1);
    expect(out).toContain(USERS);
  });

  it('are left out where an extension (x14) validation of the user covers the range', () => {
    const ext =
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
      '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1">' +
      '<x14:formula1><xm:f>Lists!$A$1:$A$5</xm:f></x14:formula1><xm:sqref>H5:H9 J7</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
    const out = editSheet(sheet(ext), 'sheet1.xml', edit([{ range: 'H2:H501', values: ['Field services'] }, { range: 'J2:J501', values: ['Yes'] }]));
    expect(out).not.toContain('<dataValidations');
    expect(out).toContain(ext);
  });

  it('speak the sheet\'s own prefix (x:), as the cells do', () => {
    const out = editSheet(sheet('', 'x'), 'sheet1.xml', edit([{ range: 'H2:H501', values: ['Field services'] }]));
    expect(out).toContain('<x:c r="H1" t="inlineStr"><x:is><x:t>Team</x:t></x:is></x:c>');
    expect(out).toMatch(/<x:dataValidations count="1"><x:dataValidation [^>]*sqref="H2:H501"><x:formula1>/);
  });
});
