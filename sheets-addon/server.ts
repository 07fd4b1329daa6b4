// The add-on's entry points, and nothing else: every export here becomes a
// top-level function in Code.js (build/sheets.mjs writes one stub per export),
// so this file lists exactly what the menu and google.script.run may call.

import { localeLanguage } from './sheets-adapter';
import { createPlanIn, serverFunctionsFor, writeReviewIn } from './plan-actions';
import { NOT_GOOGLE_SHEETS, ServerFunctions } from './server-api';

const TITLE = 'Key Account Planner';

/**
 * The open spreadsheet. Apps Script has none for an .xlsx opened in Drive's
 * Office editing mode: the user is told what to do instead of a null error.
 */
function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error(`${NOT_GOOGLE_SHEETS}: This file is not a Google Sheets spreadsheet. Use File › Save as Google Sheets, then open Key Account Planner in the new copy.`);
  return ss;
}

/** Bound on each call: nothing touches SpreadsheetApp while Code.js loads. */
const server = (): ServerFunctions => serverFunctionsFor(SpreadsheetApp, activeSpreadsheet);

/**
 * Builds the add-on menu and nothing more: it may run before the user has
 * authorised the add-on (AuthMode.NONE), when the spreadsheet cannot be read.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Create plan', 'createPlanFromMenu')
    .addItem('Check plan', 'checkPlanFromMenu')
    .addItem('Open panel', 'showSidebar')
    .addToUi();
}

/** Installing from the Marketplace does not fire onOpen for the open spreadsheet, so the menu is built here too. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(TITLE));
}

/** Menu: Create plan, in the spreadsheet's language (a plan that exists keeps its own). */
export function createPlanFromMenu(): void {
  const ss = activeSpreadsheet();
  const es = localeLanguage(ss.getSpreadsheetLocale()) === 'es';
  const { added } = createPlanIn(SpreadsheetApp, ss, es ? 'es' : 'en');
  const message =
    added.length === 0
      ? es
        ? 'El plan ya tiene todas sus hojas y columnas: no se cambió nada.'
        : 'The plan already has every sheet and column: nothing was changed.'
      : `${es ? 'Añadido' : 'Added'}: ${added.join(', ')}`;
  ss.toast(message, TITLE);
}

/** Menu: Check plan writes the Review sheet, shows it, and says the overall readiness. */
export function checkPlanFromMenu(): void {
  const ss = activeSpreadsheet();
  const es = localeLanguage(ss.getSpreadsheetLocale()) === 'es';
  const { sheet, findings, overall } = writeReviewIn(ss, es ? 'es' : 'en');
  ss.toast(
    es
      ? `Preparación general ${overall}/100, ${findings} hallazgos: vea la hoja ${sheet}.`
      : `Overall readiness ${overall}/100, ${findings} findings: see the ${sheet} sheet.`,
    TITLE,
  );
}

export const createPlan: ServerFunctions['createPlan'] = (language) => server().createPlan(language);
export const checkPlan: ServerFunctions['checkPlan'] = (language) => server().checkPlan(language);
export const moreFindings: ServerFunctions['moreFindings'] = (language, phase, offset) => server().moreFindings(language, phase, offset);
export const moreCommitments: ServerFunctions['moreCommitments'] = (language, offset) => server().moreCommitments(language, offset);
export const writeReview: ServerFunctions['writeReview'] = (language) => server().writeReview(language);
export const selectCell: ServerFunctions['selectCell'] = (sheet, cell) => server().selectCell(sheet, cell);
export const prepareClientCopy: ServerFunctions['prepareClientCopy'] = (language) => server().prepareClientCopy(language);
export const approveCommitments: ServerFunctions['approveCommitments'] = (language, by) => server().approveCommitments(language, by);
