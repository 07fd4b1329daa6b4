// The Excel test host is only worth its strictness: each behaviour it models
// (docs/excel.md) shown through the real Excel JavaScript library, failing
// where Excel fails. Also: every string the core makes inert comes back from
// Excel's typing as exactly that string.

import fc from 'fast-check';
import { inertText } from '../../core/inert';
import { excelWith } from './excel-test-host';
import { typeText } from './excel-typing';
import { HostError, PAYLOAD_LIMIT } from './rich-api-host';

type Context = Excel.RequestContext;

describe('requests', () => {
  it('resolves a path when its Instantiate action runs: getItem before add fails there with ItemNotFound, earlier actions applied', async () => {
    const excel = excelWith({ sheets: [{ name: 'Sheet1', values: [] }] });
    type Failure = { code: string; debugInfo: { errorLocation: string; statement: string } };
    const error: Failure = await excel
      .run(async (context: Context): Promise<Failure> => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['before']];
        const later = context.workbook.worksheets.getItem('Plan');
        context.workbook.worksheets.add('Plan');
        later.getRange('A1').values = [['x']];
        await context.sync();
        throw new Error('the request should have failed');
      })
      .catch((e: unknown) => e as Failure);
    expect(error).toMatchObject({ code: 'ItemNotFound', debugInfo: { errorLocation: 'WorksheetCollection.getItem' } });
    expect(error.debugInfo.statement).toMatch(/getItem/);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(excel.workbook.find('Sheet1')!.cell(0, 0)?.value).toBe('before');
  });

  it('sends nothing for a sync with nothing queued (the first carries the workbook\'s Instantiate), and flags a request that writes', async () => {
    const excel = excelWith({ sheets: [{ name: 'Sheet1', values: [] }] });
    await excel.run(async (context: Context) => {
      await context.sync();
      await context.sync();
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await context.sync();
    });
    expect(excel.requests.map((r) => [r.actions, r.flags & 1])).toEqual([
      [1, 0],
      [7, 1],
    ]);
  });

  it('leaves the actions before a failing one applied (partial application)', async () => {
    const excel = excelWith({ sheets: [{ name: 'Sheet1', values: [] }] });
    excel.host.failAction = (action) => (action.Name === 'Bold' ? new HostError('GeneralException', 'stopped (test)') : undefined);
    await expect(
      excel.run(async (context: Context) => {
        const sheet = context.workbook.worksheets.getItem('Sheet1');
        sheet.getRange('A1').values = [['kept']];
        sheet.getRange('A1').format.font.bold = true;
        sheet.getRange('B1').values = [['never']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(excel.workbook.find('Sheet1')!.snapshot()).toEqual({ A1: 'kept' });
  });

  it('refuses a request or a response over 5 MB with 5103/5104 and applies nothing', async () => {
    const excel = excelWith({ sheets: [{ name: 'Sheet1', values: [] }] });
    const big = Array.from({ length: 3000 }, () => ['x'.repeat(2000)]);
    await expect(
      excel.run(async (context: Context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:A3000').values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(excel.requests.at(-1)).toMatchObject({ failed: '5103' });
    expect(excel.requests.at(-1)!.requestBytes).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(excel.workbook.find('Sheet1')!.cells.size).toBe(0);
    // 1,500 rows of 2,000 characters fit in a request; reading 3,000 of them back does not fit in a response.
    for (const top of [1, 1501]) {
      await excel.run(async (context: Context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange(`A${top}:A${top + 1499}`).values = big.slice(0, 1500);
        await context.sync();
      });
    }
    await expect(
      excel.run(async (context: Context) => {
        const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:A3000');
        range.load('values');
        range.format.font.bold = true;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(excel.workbook.find('Sheet1')!.cell(0, 0)?.bold).toBeUndefined();
  });

  it('answers a member it does not model loudly, and one above this Excel\'s ExcelApi with ApiNotFound', async () => {
    const excel = excelWith({ sheets: [{ name: 'Sheet1', values: [] }] }, { excelApi: '1.8' });
    await expect(
      excel.run(async (context: Context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.color = 'red';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(excel.host.unmodelled).toEqual(['RangeFormat.Fill']);
    await expect(
      excel.run(async (context: Context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange().getMergedAreasOrNullObject().load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound', message: expect.stringMatching(/ExcelApi 1\.13/) });
  });

  it('splits a write over 1,500 cells itself, as the library does, and checks the array against the range', async () => {
    const excel = excelWith({ sheets: [{ name: 'Sheet1', values: [] }] });
    await excel.run(async (context: Context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1000').values = Array.from({ length: 1000 }, (_, i) => [i, `r${i}`]);
      await context.sync();
    });
    expect(excel.workbook.find('Sheet1')!.cell(999, 1)?.value).toBe('r999');
    await expect(
      excel.run(async (context: Context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [['only one row', 'x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument', message: expect.stringMatching(/doesn't match the size/) });
  });
});

describe('worksheets and tables', () => {
  it('keeps sheet names unique ignoring case and within Excel\'s rules', async () => {
    const excel = excelWith({ sheets: [{ name: 'Plan', values: [] }] });
    for (const [name, code] of [
      ['PLAN', 'ItemAlreadyExists'],
      ['a'.repeat(32), 'InvalidArgument'],
      ['Q1/Q2', 'InvalidArgument'],
      ["'quoted", 'InvalidArgument'],
      ['History', 'InvalidArgument'],
    ]) {
      await expect(
        excel.run(async (context: Context) => {
          context.workbook.worksheets.add(name);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code });
    }
    await expect(
      excel.run(async (context: Context) => {
        context.workbook.worksheets.getItem('Plan').delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(['Plan']);
  });

  it('makes a table of a range with headers: names unique, header text unique, known styles only, no overlap', async () => {
    const excel = excelWith({ sheets: [{ name: 'S', values: [['A', 'A', null], [1, 2, 3]] }] });
    await excel.run(async (context: Context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const table = sheet.tables.add(sheet.getRange('A1:C2'), true);
      table.name = 'KAP_one';
      table.style = 'TableStyleLight9';
      await context.sync();
    });
    expect(excel.workbook.find('S')!.snapshot()).toMatchObject({ A1: 'A', B1: 'A2', C1: 'Column3' });
    const attempts: [string, (context: Context) => void][] = [
      ['ItemAlreadyExists', (c) => void (c.workbook.worksheets.getItem('S').tables.add(c.workbook.worksheets.getItem('S').getRange('E1:F2'), true).name = 'kap_ONE')],
      ['InvalidArgument', (c) => void (c.workbook.worksheets.getItem('S').tables.add(c.workbook.worksheets.getItem('S').getRange('E1:F2'), true).name = 'A1')],
      ['InvalidArgument', (c) => void (c.workbook.worksheets.getItem('S').tables.add(c.workbook.worksheets.getItem('S').getRange('H1:I2'), true).style = 'Fancy')],
      ['InvalidArgument', (c) => void c.workbook.worksheets.getItem('S').tables.add(c.workbook.worksheets.getItem('S').getRange('B2:D3'), true)],
    ];
    for (const [code, attempt] of attempts) {
      await expect(
        excel.run(async (context: Context) => {
          attempt(context);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code });
    }
  });
});

describe("Excel's typing of text written through values", () => {
  it('turns number-, date-, boolean- and percent-looking text into values, unless the cell is text or the string starts with an apostrophe', async () => {
    const excel = excelWith({ sheets: [{ name: 'S', values: [] }] });
    const texts = ['007', '2027-03-15', '3/15/2027', 'TRUE', '45%', '$5', '(5)', '1,234.5', '10:30', 'Mar 15, 2027', '#N/A', '=1+1', "'007", 'plain'];
    await excel.run(async (context: Context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange(`B1:B${texts.length}`).numberFormat = texts.map(() => ['@']);
      sheet.getRange(`A1:A${texts.length}`).values = texts.map((t) => [t]);
      sheet.getRange(`B1:B${texts.length}`).values = texts.map((t) => [t]);
      await context.sync();
    });
    const sheet = excel.workbook.find('S')!;
    expect(texts.map((_, i) => sheet.cell(i, 0)?.formula ?? sheet.cell(i, 0)?.value)).toEqual([
      7, 46461, 46461, true, 0.45, 5, -5, 1234.5, 0.4375, 46461, '#N/A', '=1+1', '007', 'plain',
    ]);
    expect(texts.map((_, i) => sheet.cell(i, 1)?.value)).toEqual(texts);
    expect(excel.host.formulasThroughValues).toBe(1);
  });

  it('gives back exactly the text for every string the core makes inert', () => {
    const pieces = fc.constantFrom('0', '7', '1', '-', '+', '=', '.', ',', '%', '$', '(', ')', "'", ' ', '/', ':', 'e', 'E', 'TRUE', 'false', '#N/A', 'Mar', 'may', 'x', 'AM', 'T', '2027', '-03-15');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        const typed = typeText(inertText(text), 'General');
        return typed.value === text && typed.formula === undefined && !typed.error;
      }),
      { numRuns: 20000 },
    );
  });
});

describe('formulas', () => {
  it('computes IF and SUMIFS as written, so a wrong reference shows as a wrong number, and refuses functions it does not model', async () => {
    const excel = excelWith({ sheets: [{ name: 'Data', values: [['Team', 'Hours'], ['A', 5], ['B', 7], ['a', 1]] }, { name: 'Sum', values: [['A']] }] });
    await excel.run(async (context: Context) => {
      context.workbook.worksheets.getItem('Sum').getRange('B1:C1').formulas = [['=IF($A1="","",SUMIFS(Data!$B:$B,Data!$A:$A,$A1))', '=SUMIFS(Data!$A:$A,Data!$A:$A,$A1)']];
      await context.sync();
    });
    const read = await excel.run(async (context: Context) => {
      const range = context.workbook.worksheets.getItem('Sum').getRange('A1:C1');
      range.load('values, formulas');
      await context.sync();
      return { values: range.values, formulas: range.formulas };
    });
    expect(read.values).toEqual([['A', 6, 0]]);
    expect(read.formulas[0][1]).toMatch(/^=IF/);
    await expect(
      excel.run(async (context: Context) => {
        context.workbook.worksheets.getItem('Sum').getRange('D1').formulas = [['=VLOOKUP(A1,Data!A:B,2,FALSE)']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      excel.run(async (context: Context) => {
        context.workbook.worksheets.getItem('Sum').getRange('D1').formulas = [['=SUMIFS(Nowhere!$B:$B,Nowhere!$A:$A,$A1)']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('page layout (ExcelApi 1.9)', () => {
  const attempt = async (excel: ReturnType<typeof excelWith>, change: (page: Excel.PageLayout, sheet: Excel.Worksheet) => void): Promise<unknown> =>
    excel
      .run(async (context: Context) => {
        const sheet = context.workbook.worksheets.getItem('Sheet1');
        change(sheet.pageLayout, sheet);
        await context.sync();
      })
      .then(() => undefined, (e: unknown) => e);

  it('keeps an orientation, a fit to pages, margins and whole print title rows', async () => {
    const excel = excelWith({ sheets: [{ name: 'Sheet1', values: [] }] });
    expect(
      await attempt(excel, (page, sheet) => {
        page.orientation = 'Landscape';
        page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        page.leftMargin = 18;
        page.setPrintTitleRows('$1:$2');
        page.setPrintTitleRows(sheet.getRange('3:3'));
      }),
    ).toBeUndefined();
    const page = excel.workbook.find('Sheet1')!.pageLayout;
    expect([page.orientation, page.zoom, page.margins.left, page.printTitleRows]).toEqual(['Landscape', { horizontalFitToPages: 1, verticalFitToPages: 0 }, 18, '$3:$3']);
  });

  it.each([
    ['an orientation outside the enum', (page: Excel.PageLayout) => void (page.orientation = 'Sideways' as Excel.PageOrientation)],
    ['a scale under 10%', (page: Excel.PageLayout) => void (page.zoom = { scale: 5 })],
    ['a scale together with pages to fit', (page: Excel.PageLayout) => void (page.zoom = { scale: 80, horizontalFitToPages: 1 })],
    ['a fraction of a page', (page: Excel.PageLayout) => void (page.zoom = { horizontalFitToPages: 1.5 })],
    ['a negative margin', (page: Excel.PageLayout) => void (page.leftMargin = -1)],
    ['print titles that are not whole rows', (page: Excel.PageLayout) => page.setPrintTitleRows('A1:B2')],
  ])('refuses %s with InvalidArgument', async (_what, change) => {
    const excel = excelWith({ sheets: [{ name: 'Sheet1', values: [] }] });
    expect(await attempt(excel, change)).toMatchObject({ code: 'InvalidArgument' });
  });

  it('is not there in Excel 2019 (ExcelApi 1.8): ApiNotFound', async () => {
    const excel = excelWith({ sheets: [{ name: 'Sheet1', values: [] }] }, { excelApi: '1.8' });
    expect(await attempt(excel, (page) => void (page.orientation = 'Landscape'))).toMatchObject({ code: 'ApiNotFound' });
  });
});
