// Bundled by the browser test and served in place of Microsoft's office.js:
// installs `Office` and `Excel` globals backed by the in-memory double, holding
// the sample plan without its Capacity sheet (so Create plan has work to do).

import { hostValues } from '../../core/layout/cells';
import { templateLayout } from '../../core/layout/template';
import { sampleData } from '../../core/sample';
import { OfficeDouble } from './office-double';

const office = new OfficeDouble();
for (const sheet of templateLayout({ sheets: [] }, 'en', sampleData('en')).sheets) {
  if (sheet.key === 'capacity') continue;
  office.workbook.addSheet(sheet.name, hostValues(sheet.blocks[0].values));
}

/** Set by the test to make the next Excel.run fail as Office.js would. */
let failNext: { code: string; message: string } | undefined;
const excel = office.excelGlobal();

const globals = globalThis as unknown as Record<string, unknown>;
globals.__office = office;
globals.__failNextRun = (code: string, message: string) => (failNext = { code, message });
globals.Excel = {
  ...excel,
  run: async (batch: Parameters<typeof excel.run>[0]) => {
    if (failNext) {
      const error = Object.assign(new Error(failNext.message), { code: failNext.code, name: 'RichApi.Error' });
      failNext = undefined;
      throw error;
    }
    return excel.run(batch);
  },
};
globals.Office = {
  HostType: { Excel: 'Excel' },
  context: {
    displayLanguage: 'en-US',
    officeTheme: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#242424' },
    // Excel on the web has every ExcelApi set up to 1.17.
    requirements: { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && Number(version ?? '1.1') <= 1.17 },
  },
  onReady: (callback: (info: { host: string; platform: string }) => void) => {
    // Office calls back once the page has loaded.
    const ready = () => callback({ host: 'Excel', platform: 'OfficeOnline' });
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
    else ready();
    return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' });
  },
};
