// How the sheets kap writes print: data every writer applies the same way.
import { printSetupOf, titleRowsReference, wrappedLineCount, wrappedRowLines } from '../../../core/layout/print';
import { templateLayout } from '../../../core/layout/template';
import { buildWorkbook, basePlan } from '../../fixtures/plan-fixture';

describe('print setup', () => {
  it('plan sheets print landscape, one page wide, with their header row on every page', () => {
    const setup = printSetupOf('commitments', 3);
    expect(setup).toMatchObject({ orientation: 'landscape', fitWidth: 1, fitHeight: 0, titleRows: { first: 3, last: 3 } });
    expect(titleRowsReference(setup)).toBe('$3:$3');
  });

  it('the Capacity sheet fits on one page; the Review sheet fits the width and repeats no rows', () => {
    expect(printSetupOf('capacity', 1)).toMatchObject({ fitWidth: 1, fitHeight: 1 });
    const review = printSetupOf('review', 12);
    expect(review).toMatchObject({ fitWidth: 1, fitHeight: 0 });
    expect(review.titleRows).toBeUndefined();
  });

  it('every sheet the template writes carries its print setup; a completed sheet repeats its own header row', () => {
    const fresh = templateLayout({ sheets: [] }, 'en');
    expect(fresh.sheets).toHaveLength(7);
    for (const s of fresh.sheets) expect(s.print).toMatchObject({ orientation: 'landscape', fitWidth: 1, titleRows: { first: 1, last: 1 } });
    const titled = buildWorkbook(basePlan(), { titleRows: 2, omitColumns: { knowledge: ['source'] } });
    const knowledge = templateLayout(titled, 'en').sheets.find((s) => s.key === 'knowledge')!;
    expect(knowledge.print.titleRows).toEqual({ first: 3, last: 3 });
  });

  it('long text columns of a new sheet wrap; short ones do not', () => {
    const knowledge = templateLayout({ sheets: [] }, 'en').sheets.find((s) => s.key === 'knowledge')!;
    const wrapped = knowledge.formats.filter((f) => f.wrap).map((f) => f.column);
    expect(wrapped).toEqual([3, 4]); // Finding, Source
  });
});

describe('wrapped rows', () => {
  it('count the lines a text takes in its column', () => {
    expect(wrappedLineCount('short', 10)).toBe(1);
    expect(wrappedLineCount('x'.repeat(25), 10)).toBe(3);
    expect(wrappedLineCount('one\ntwo', 40)).toBe(2);
  });

  it('give a row the lines of its tallest wrapped cell, and leave one-line rows alone', () => {
    const formats = [{ column: 2, fromRow: 1, toRow: 10, width: 10, wrap: true }, { column: 3, fromRow: 1, toRow: 10, width: 10 }];
    const lines = wrappedRowLines(
      [
        { row: 2, column: 2, value: 'x'.repeat(40) },
        { row: 2, column: 3, value: 'y'.repeat(200) },
        { row: 3, column: 2, value: 'short' },
      ],
      formats,
    );
    expect([...lines]).toEqual([[2, 4]]);
  });
});
