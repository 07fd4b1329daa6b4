// The sample plan as kap lays it out, as grids, with its Capacity sheet lacking
// the two live formula columns (so Create plan adds them) and its tabs renamed
// at will: the workbooks the Capacity-formula tests of every host start from.

import { Language, PLAN_SHEET, TABLE_SHEETS, tableSheet } from '../../core/contract';
import { templateLayout } from '../../core/layout/template';
import { WorkbookInput } from '../../core/read';
import { sampleData } from '../../core/sample';
import { PlanWorkbook } from '../../cli/xlsx-workbook';

/** Tab names: English whatever the headers' language, or altered in case and accents as users do. */
export type TabNames = 'standard' | 'english' | 'altered';

export function samplePlanWithoutCapacityFormulas(lang: Language, tabs: TabNames = 'standard'): WorkbookInput {
  const made = PlanWorkbook.empty();
  made.applyTemplate(templateLayout({ sheets: [] }, lang, sampleData(lang)));
  const input = made.input();
  const capacity = input.sheets.find((s) => s.name === tableSheet('capacity')[lang])!;
  capacity.values = capacity.values.map((r) => r.slice(0, 5));
  for (const sheet of input.sheets) {
    const def = TABLE_SHEETS.find((d) => d[lang] === sheet.name);
    const english = def ? def.en : sheet.name === PLAN_SHEET[lang] ? PLAN_SHEET.en : sheet.name;
    if (tabs === 'english') sheet.name = english;
    // Upper case, and accents dropped: still the same sheets to the reader, but not the names the template knows.
    if (tabs === 'altered') sheet.name = sheet.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  }
  return input;
}
