// The one type of the server functions the sidebar may call through
// google.script.run, shared by server.ts (which implements it) and sidebar.ts
// (which calls it), so both sides are type-checked against the same names,
// arguments and results. Everything that crosses is JSON-safe: no Date objects.

import type { ApprovalOutcome } from '../core/approval';
import type { ClientCopy } from '../core/client-copy';
import type { Language } from '../core/contract';
import type { ListPage, PaneCheckPage } from '../core/pane-page';
import type { PaneCommitment, PaneFinding } from '../core/pane-view';
import type { PaneHost } from '../ui/pane-host';

export interface ServerFunctions {
  /** Adds the plan sheets and columns that are missing; the names of what was added. */
  createPlan(language: Language): { added: string[] };
  /** Checks the plan as of today in the spreadsheet's time zone: the first page of the view (core/pane-page.ts), well under 1 MB at 10,000 rows. */
  checkPlan(language: Language): PaneCheckPage;
  /** Checks again and returns the next findings of one phase, from `offset` on. */
  moreFindings(language: Language, phase: string, offset: number): ListPage<PaneFinding>;
  /** Checks again and returns the next unsupported commitments, from `offset` on. */
  moreCommitments(language: Language, offset: number): ListPage<PaneCommitment>;
  /** Checks the plan and writes the Review sheet. */
  writeReview(language: Language): { sheet: string; findings: number };
  /** Selects a finding's cell. */
  selectCell(sheet: string, cell: string): void;
  /**
   * The client copy's sheets, for the sidebar to save as a new .xlsx file on
   * the user's computer: with the current-spreadsheet-only scope the add-on may
   * not create a second spreadsheet, and a copy inside this one would keep the
   * internal data in the same file (docs/sheets.md).
   */
  prepareClientCopy(language: Language): ClientCopy;
  /** Approves the commitments on the selected rows of the Commitments sheet as `by`, today in the spreadsheet's time zone. */
  approveCommitments(language: Language, by: string): ApprovalOutcome;
}

export type ServerFunctionName = keyof ServerFunctions;

/** The names google.script.run may call: exactly the keys of ServerFunctions (the build's footer is checked against it). */
export const SERVER_FUNCTION_NAMES = [
  'createPlan',
  'checkPlan',
  'moreFindings',
  'moreCommitments',
  'writeReview',
  'selectCell',
  'prepareClientCopy',
  'approveCommitments',
] as const satisfies readonly ServerFunctionName[];

/** Every ServerFunctions key is listed above (compile error otherwise). */
export type AllServerFunctionsListed = Exclude<ServerFunctionName, (typeof SERVER_FUNCTION_NAMES)[number]> extends never ? true : never;
export const ALL_SERVER_FUNCTIONS_LISTED: AllServerFunctionsListed = true;

/**
 * google.script.run as the sidebar sees it: handlers are set per call, then
 * the server function is called by name. Typed by ServerFunctions, so a call
 * with a wrong name or wrong arguments does not compile.
 */
export type ScriptRun = {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
} & { [K in ServerFunctionName]: (...args: Parameters<ServerFunctions[K]>) => void };

/** The first word of the error the server throws when the file is not a Google Sheets spreadsheet (an .xlsx in Drive). */
export const NOT_GOOGLE_SHEETS = 'NotGoogleSheets';

/** The pane's failure code for a server error: it explains failures by code, never by raw text. */
export function failureCode(message: string): string | undefined {
  if (message.startsWith(NOT_GOOGLE_SHEETS)) return NOT_GOOGLE_SHEETS;
  // Apps Script's words when the user may only view or comment, or the range is protected.
  if (/do not have permission|don't have permission|protected cell or object|access denied/i.test(message)) return 'AccessDenied';
  return undefined;
}

/** One server function as a promise of its (JSON-copied) result. */
export function callServer<K extends ServerFunctionName>(
  run: ScriptRun,
  name: K,
  ...args: Parameters<ServerFunctions[K]>
): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerFunctions[K]>))
      .withFailureHandler((error) => reject(Object.assign(error, { code: failureCode(String(error?.message ?? '')) })));
    // Called as a method of the runner, the one form Google documents (google.script.run.myFunction(...)).
    (runner as unknown as Record<K, (...a: Parameters<ServerFunctions[K]>) => void>)[name](...args);
  });
}

/**
 * The shared pane's host in the Sheets sidebar: every action is a server call,
 * except that the client copy, filtered on the server, is saved as a file by
 * the sidebar (`saveClientCopy`), since the add-on may not create a spreadsheet.
 */
export function sheetsPaneHost(run: ScriptRun, saveClientCopy: (copy: ClientCopy, language: Language) => Promise<{ message: string }>): PaneHost {
  return {
    createPlan: (language) => callServer(run, 'createPlan', language),
    checkPlan: (language) => callServer(run, 'checkPlan', language),
    moreFindings: (language, phase, offset) => callServer(run, 'moreFindings', language, phase, offset),
    moreCommitments: (language, offset) => callServer(run, 'moreCommitments', language, offset),
    writeReview: (language) => callServer(run, 'writeReview', language),
    selectCell: async (sheet, cell) => {
      await callServer(run, 'selectCell', sheet, cell);
    },
    prepareClientCopy: async (language) => saveClientCopy(await callServer(run, 'prepareClientCopy', language), language),
    approveCommitments: (language, by) => callServer(run, 'approveCommitments', language, by),
  };
}
