// What each add-on action does on a spreadsheet: read it through the adapter,
// let the core decide, write back through the adapter. The spreadsheet is a
// parameter, so tests run these on the in-memory double and server.ts runs
// them on SpreadsheetApp.getActiveSpreadsheet().

import { parseA1 } from '../core/a1';
import { approvalBlocks, approvalCellsForSelection, ApprovalOutcome, approvalOutcome } from '../core/approval';
import { checkPlan, CheckResult } from '../core/check';
import { ClientCopy, clientCopy } from '../core/client-copy';
import { Language } from '../core/contract';
import { reviewInputOf, reviewLayout } from '../core/layout/review';
import { templateLayout, TemplateData } from '../core/layout/template';
import { findingsPage, firstPage, phaseOf, unsupportedPage } from '../core/pane-page';
import { PaneCheckView, paneView } from '../core/pane-view';
import { Day, dayFromDate } from '../core/values';
import { readPlan } from '../core/read';
import { applyTemplate, PlanSpreadsheet, PlanSpreadsheetApp, readWorkbook, ReadWorkbook, selectedRows, todayIn, writeApprovalBlocks, writeReviewSheet } from './sheets-adapter';
import { ServerFunctions } from './server-api';

/** Create plan: adds the sheets and columns that are missing (filled from `data` for the sample plan). */
export function createPlanIn(app: PlanSpreadsheetApp, ss: PlanSpreadsheet, language: Language, data?: TemplateData): { added: string[] } {
  const workbook = readWorkbook(ss);
  const layout = templateLayout(workbook.input, language, data);
  return { added: applyTemplate(app, ss, workbook, layout) };
}

/** Check plan: the pane's view of the check, as of today in the spreadsheet's time zone. */
export function checkPlanIn(ss: PlanSpreadsheet, language: Language, asOf?: Day): PaneCheckView {
  const workbook = readWorkbook(ss);
  const day = asOf ?? today(workbook);
  return paneView(check(workbook, language, day), day);
}

/** Write review: checks and writes the Review sheet whole; the user's sheets are not touched. */
export function writeReviewIn(ss: PlanSpreadsheet, language: Language, asOf?: Day): { sheet: string; findings: number; overall: number } {
  const workbook = readWorkbook(ss);
  const day = asOf ?? today(workbook);
  const result = check(workbook, language, day);
  const layout = reviewLayout(reviewInputOf(result, day), [...workbook.sheets.keys()]);
  writeReviewSheet(ss, workbook, layout, result.language).activate();
  return { sheet: layout.name, findings: result.findings.length, overall: result.scorecard.overall };
}

/** Selects a finding's cell (and so its sheet). */
export function selectCellIn(ss: PlanSpreadsheet, sheetName: string, cell: string): void {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new Error(`There is no sheet named "${sheetName}" in this spreadsheet any more.`);
  if (!parseA1(cell)) throw new Error(`"${cell}" is not a cell address.`);
  // Range.activate shows the range's own sheet; Spreadsheet.setActiveRange would act on the active one.
  sheet.getRange(cell).activate();
}

/** The client copy's sheets, filtered by the core; the sidebar saves them as a new file. */
export function clientCopyIn(ss: PlanSpreadsheet, language: Language): ClientCopy {
  return clientCopy(readWorkbook(ss).input, { outputLanguage: language });
}

/** Approve: the commitments on the selected rows get their three approval cells, today in the spreadsheet's time zone; no other cell changes. */
export function approveIn(ss: PlanSpreadsheet, language: Language, by: string, asOf?: Day): ApprovalOutcome {
  const selection = selectedRows(ss);
  const workbook = readWorkbook(ss);
  const on = asOf ?? today(workbook);
  const { plan } = readPlan(workbook.input, language);
  const result = approvalCellsForSelection(plan, selection, { by, on }, language);
  const name = plan.sheets.commitments?.name ?? '';
  if (result.ok) writeApprovalBlocks(workbook.sheets.get(name)!, approvalBlocks(result.cells));
  return approvalOutcome(result, { by, on }, name);
}

/** The server functions of ServerFunctions, bound to one spreadsheet. */
export function serverFunctionsFor(app: PlanSpreadsheetApp, ss: () => PlanSpreadsheet): ServerFunctions {
  return {
    createPlan: (language) => createPlanIn(app, ss(), languageOf(language)),
    // What crosses google.script.run is a page of the view; the rest comes on demand, each time from a fresh check.
    checkPlan: (language) => firstPage(checkPlanIn(ss(), languageOf(language))),
    moreFindings: (language, phase, offset) => {
      const known = phaseOf(phase);
      if (!known) throw new Error(`"${String(phase)}" is not a phase of the plan.`);
      return findingsPage(checkPlanIn(ss(), languageOf(language)), known, Number(offset));
    },
    moreCommitments: (language, offset) => unsupportedPage(checkPlanIn(ss(), languageOf(language)), Number(offset)),
    writeReview: (language) => {
      const { sheet, findings } = writeReviewIn(ss(), languageOf(language));
      return { sheet, findings };
    },
    selectCell: (sheet, cell) => selectCellIn(ss(), String(sheet), String(cell)),
    prepareClientCopy: (language) => clientCopyIn(ss(), languageOf(language)),
    approveCommitments: (language, by) => approveIn(ss(), languageOf(language), typeof by === 'string' ? by : ''),
  };
}

/** Arguments arrive from the browser: anything but 'es' means English. */
function languageOf(language: unknown): Language {
  return language === 'es' ? 'es' : 'en';
}

function check(workbook: ReadWorkbook, language: Language, asOf: Day): CheckResult {
  return checkPlan(workbook.input, { asOf, language });
}

function today(workbook: ReadWorkbook): Day {
  return dayFromDate(todayIn(workbook.timeZone))!;
}

