// The built add-on (dist/sheets-addon/Code.js) loaded in a Node vm context with
// the spreadsheet double as its Apps Script globals, as Apps Script loads it:
// one script, no modules. Arguments and results cross as google.script.run
// carries them: refused when Google says it refuses them, copied otherwise.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { WorkbookInput } from '../../core/read';
import { overScriptRun } from './html-service';
import { DoubleHtmlService, DoubleOptions, DoubleSpreadsheet, DoubleSpreadsheetApp } from './spreadsheet-double';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist', 'sheets-addon');
export const CODE_FILE = path.join(DIST, 'Code.js');

/** Builds the add-on once per test file (the build is the thing under test). */
export function buildAddon(): string {
  execFileSync(process.execPath, [path.join(ROOT, 'build', 'build.mjs'), 'sheets'], { cwd: ROOT, stdio: 'pipe' });
  return readFileSync(CODE_FILE, 'utf8');
}

export interface LoadedAddon {
  context: vm.Context;
  book: DoubleSpreadsheet;
  app: DoubleSpreadsheetApp;
  html: DoubleHtmlService;
  /** Calls a top-level function of Code.js as google.script.run does: arguments and result must be legal there, and cross as copies. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
}

export interface LoadOptions extends DoubleOptions {
  /** Freezes the context's clock (new Date() and Date.now()) at this instant. */
  now?: Date;
}

/** Loads Code.js over a spreadsheet holding `grids` (or an empty "Sheet1"). */
export function loadAddon(code: string, grids: WorkbookInput = { sheets: [{ name: 'Sheet1', values: [] }] }, options: LoadOptions = {}): LoadedAddon {
  const context = vm.createContext({});
  if (options.now) {
    const fixed = options.now.getTime();
    vm.runInContext(
      `Date = class extends Date { constructor(...a) { if (a.length === 0) super(${fixed}); else super(...a); } static now() { return ${fixed}; } };`,
      context,
    );
  }
  const DateClass = vm.runInContext('Date', context) as DateConstructor;
  const book = DoubleSpreadsheet.fromGrids(grids, { ...options, DateClass });
  const app = new DoubleSpreadsheetApp(book);
  const html = new DoubleHtmlService(book.calls, (name) => {
    const file = path.join(DIST, `${name}.html`);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  });
  context.SpreadsheetApp = app;
  context.HtmlService = html;
  new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
  book.calls.reset();
  const call = <T>(name: string, ...args: unknown[]): T => {
    const fn = context[name] as unknown;
    if (typeof fn !== 'function') throw new Error(`Code.js has no top-level function ${name}`);
    const result = (fn as (...a: unknown[]) => unknown)(...overScriptRun(args, `${name} arguments`));
    return overScriptRun(result, `${name} result`) as T;
  };
  return { context, book, app, html, call };
}
