// Bundled by the browser test and served, followed by the real Excel
// JavaScript library, in place of Microsoft's office.js: the `Office` and
// `OSF` globals a task pane gets from Office, with every request the library
// sends answered by the Excel test host. The workbook holds the sample plan
// without its Capacity sheet (so Create plan has work to do).

import { templateLayout } from '../../core/layout/template';
import { sampleData } from '../../core/sample';
import { isDate, isFormula } from '../../core/layout/cells';
import { excelSerial } from '../../core/values';
import { Workbook } from './excel-workbook';
import { RichApiHost } from './rich-api-host';

const workbook = new Workbook();
for (const layout of templateLayout({ sheets: [] }, 'en', sampleData('en')).sheets) {
  if (layout.key === 'capacity') continue;
  const sheet = workbook.add(layout.name);
  layout.blocks[0].values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === '' || isFormula(v)) return;
      const cell = sheet.cellForWrite(r, c);
      cell.value = isDate(v) ? excelSerial(v.date) : v;
      if (isDate(v)) cell.numberFormat = 'yyyy-mm-dd';
    }),
  );
}
const host = new RichApiHost(workbook, { platform: 'web' });

const globals = globalThis as unknown as Record<string, unknown>;
/** The test reads the workbook and sets `host.failNextRequest` through this. */
globals.__excel = { workbook, host };
globals.OSF = { DDA: { RichApi: { executeRichApiRequestAsync: (message: unknown[], callback: (r: unknown) => void) => host.execute(message, callback) } } };
globals.Office = {
  HostType: { Excel: 'Excel' },
  context: {
    displayLanguage: 'en-US',
    platform: 'OfficeOnline',
    officeTheme: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#242424' },
    requirements: { isSetSupported: (name: string, version?: string) => host.isSetSupported(name, version) },
  },
  onReady: (callback: (info: { host: string; platform: string }) => void) => {
    // Office calls back once the page has loaded.
    const ready = () => callback({ host: 'Excel', platform: 'OfficeOnline' });
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
    else ready();
    return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
  },
};
