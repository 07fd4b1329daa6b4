// What goes with a sheet kap replaces whole (its old Review sheet): the parts
// only it leads to; never a part another sheet or the workbook also uses.
import { ownedParts, readAllRels, withoutOverrides } from '../../cli/package-relations';

const rels = (targets: [string, string, string?][]): Uint8Array =>
  new TextEncoder().encode(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets
      .map(([id, target, mode]) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/x" Target="${target}"${mode ? ` TargetMode="${mode}"` : ''}/>`)
      .join('')}</Relationships>`,
  );

const PACKAGE = new Map<string, Uint8Array>([
  ['xl/_rels/workbook.xml.rels', rels([['rId1', 'worksheets/sheet1.xml'], ['rId2', 'worksheets/sheet2.xml'], ['rId3', 'persons/person.xml']])],
  ['xl/worksheets/_rels/sheet2.xml.rels', rels([['rId1', '../drawings/drawing1.xml'], ['rId2', '../comments1.xml'], ['rId3', '../drawings/vmlDrawing1.vml'], ['rId4', '../threadedComments/threadedComment1.xml'], ['rId5', 'https://example.com', 'External']])],
  ['xl/drawings/_rels/drawing1.xml.rels', rels([['rId1', '../media/image1.png'], ['rId2', '../charts/chart1.xml']])],
  ['xl/charts/_rels/chart1.xml.rels', rels([['rId1', 'colors1.xml']])],
  ['xl/threadedComments/_rels/threadedComment1.xml.rels', rels([['rId1', '/xl/persons/person.xml']])],
  // Another sheet shows the same image.
  ['xl/worksheets/_rels/sheet1.xml.rels', rels([['rId1', '../drawings/drawing2.xml']])],
  ['xl/drawings/_rels/drawing2.xml.rels', rels([['rId1', '../media/image1.png']])],
]);

describe('the parts a replaced sheet owns', () => {
  const owned = ownedParts('xl/worksheets/sheet2.xml', readAllRels(PACKAGE));

  it('are its relationships, notes, threaded comments, drawing, and the drawing\'s chart with its own parts', () => {
    expect([...owned].sort()).toEqual(
      [
        'xl/charts/_rels/chart1.xml.rels',
        'xl/charts/colors1.xml',
        'xl/charts/chart1.xml',
        'xl/comments1.xml',
        'xl/drawings/_rels/drawing1.xml.rels',
        'xl/drawings/drawing1.xml',
        'xl/drawings/vmlDrawing1.vml',
        'xl/threadedComments/_rels/threadedComment1.xml.rels',
        'xl/threadedComments/threadedComment1.xml',
        'xl/worksheets/_rels/sheet2.xml.rels',
      ].sort(),
    );
  });

  it('never include what another sheet or the workbook also points to (a shared image, the persons list)', () => {
    expect(owned.has('xl/media/image1.png')).toBe(false);
    expect(owned.has('xl/persons/person.xml')).toBe(false);
  });

  it('leave [Content_Types].xml with only their Override entries gone, every other byte as it was', () => {
    const types =
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      '<Override PartName="/xl/comments1.xml" ContentType="c"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="w"/><Override PartName="/xl/charts/chart1.xml" ContentType="ch"/></Types>';
    expect(withoutOverrides(types, '[Content_Types].xml', owned)).toBe(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="w"/></Types>',
    );
  });
});
