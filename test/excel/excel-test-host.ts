// One Excel for a test: an in-memory workbook holding plans as Excel holds
// them (dates as serial numbers with a date format, error values as errors,
// text as text), the RichApiHost answering the real library's requests for
// it, and the `Excel` API the adapter is given (Excel.run, createWorkbook).

import { WorkbookInput } from '../../core/read';
import { dayFromDate, excelSerial } from '../../core/values';
import type { ExcelApi } from '../../excel-addin/excel-host';
import { CellValue, Workbook } from './excel-workbook';
import { excelLibrary } from './office-library';
import { HostOptions, RichApiHost } from './rich-api-host';

/** A workbook holding these sheets from A1 (or their firstRow/firstColumn), cells as Excel holds them. */
export function workbookOf(input: WorkbookInput): Workbook {
  const workbook = new Workbook();
  for (const grid of input.sheets) {
    const sheet = workbook.add(grid.name);
    const top = (grid.firstRow ?? 1) - 1;
    const left = (grid.firstColumn ?? 1) - 1;
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        const cell = sheet.cellForWrite(top + r, left + c);
        if (v instanceof Date) {
          cell.value = excelSerial(dayFromDate(v)!);
          cell.numberFormat = 'yyyy-mm-dd';
        } else if (typeof v === 'object') {
          cell.value = String((v as { error?: unknown }).error ?? '#VALUE!');
          cell.error = true;
        } else {
          cell.value = v as CellValue;
        }
      }),
    );
  }
  return workbook;
}

export class ExcelTestHost {
  readonly host: RichApiHost;
  constructor(
    readonly workbook: Workbook = new Workbook(),
    options: HostOptions = {},
  ) {
    this.host = new RichApiHost(workbook, options);
  }

  /** The `Excel` global the adapter sees: the real library, its requests answered by this host. */
  get excel(): ExcelApi {
    const library = excelLibrary();
    return {
      run: (batch) => {
        library.use(this.host);
        return library.Excel.run(batch);
      },
      createWorkbook: (base64) => {
        library.use(this.host);
        return library.Excel.createWorkbook(base64);
      },
    };
  }

  /** Runs one adapter function in Excel.run. */
  run<T>(body: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.excel.run(body);
  }

  /** Requests sent since the last reset. */
  get requests(): RichApiHost['requests'] {
    return this.host.requests;
  }

  resetCounts(): void {
    this.host.resetCounts();
  }

  snapshot(): ReturnType<Workbook['snapshot']> {
    return this.workbook.snapshot();
  }
}

/** A test Excel holding these sheets. */
export function excelWith(input: WorkbookInput = { sheets: [] }, options: HostOptions = {}): ExcelTestHost {
  return new ExcelTestHost(workbookOf(input), options);
}
