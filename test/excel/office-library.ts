// The real Excel JavaScript library (npm @microsoft/office-js 1.1.110,
// dist/excel-web-16.00.debug.js), loaded for tests: its OfficeExtension
// runtime, OfficeCore and Excel namespaces (the file's lines from the runtime's
// `__extends` helper to the end of the Excel namespace, plus its last line),
// run with only the few `Office`/`OSF` globals they read. Every request the
// library sends goes to the RichApiHost in use through
// `OSF.DDA.RichApi.executeRichApiRequestAsync`, as in a real task pane.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runInThisContext } from 'node:vm';
import type { RichApiHost } from './rich-api-host';

// Resolved from the project (npm runs tests and the bench there), so the bench bundle finds it too.
const fromProject = createRequire(path.join(process.cwd(), 'package.json'));
export const LIBRARY_FILE = path.join(path.dirname(fromProject.resolve('@microsoft/office-js/package.json')), 'dist', 'excel-web-16.00.debug.js');

let source: { code: string; firstLine: number } | undefined;

/** The library's Excel part as script text, and the line of the file it starts at (1-based). */
export function librarySource(): { code: string; firstLine: number } {
  if (source) return source;
  const lines = readFileSync(LIBRARY_FILE, 'utf8').split(/\r?\n/);
  const start = lines.findIndex((l, i) => i > 10000 && l.startsWith('var __extends = (this && this.__extends)'));
  const end = lines.findIndex((l) => l.startsWith('OSFAriaLogger.AriaLogger.EnableSendingTelemetryWithOTel'));
  const last = [...lines].reverse().find((l) => l.trim() !== '')?.trim();
  if (start < 0 || end < start || last !== 'OfficeExtension.Utility._doApiNotSupportedCheck = true;') {
    throw new Error(`${LIBRARY_FILE} is not laid out as the test host expects (see docs/excel.md)`);
  }
  source = { code: `${lines.slice(start, end).join('\n')}\n${last}\n`, firstLine: start + 1 };
  return source;
}

/** What a task pane's `Office.context` answers, from the host in use. */
export function officeGlobal(current: () => RichApiHost): unknown {
  return {
    context: {
      requirements: { isSetSupported: (name: string, version?: string) => current().isSetSupported(name, version) },
      // Only 'OfficeOnline' changes what the library does (Excel.createWorkbook's request).
      get platform() {
        return current().platform === 'web' ? 'OfficeOnline' : 'PC';
      },
    },
  };
}

export interface ExcelLibrary {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
  /** Sends the library's requests to this host from now on. */
  use(host: RichApiHost): void;
}

let loaded: ExcelLibrary | undefined;

/** The library, loaded once per test file (about 100 ms). */
export function excelLibrary(): ExcelLibrary {
  if (loaded) return loaded;
  let host: RichApiHost | undefined;
  const current = (): RichApiHost => {
    if (!host) throw new Error('no Excel test host in use');
    return host;
  };
  const { code, firstLine } = librarySource();
  const window = {
    navigator: { userAgent: 'Node.js (Excel test host)' },
    Office: officeGlobal(current),
    OSF: { DDA: { RichApi: { executeRichApiRequestAsync: (message: unknown[], callback: (r: unknown) => void) => current().execute(message, callback) } } },
  };
  // Wrapped in a function of the globals it reads, so its `var`s stay its own and its objects are this realm's.
  const factory = runInThisContext(`(function (window, Office, OSF, navigator) {${code}\nreturn { Excel: Excel, OfficeExtension: OfficeExtension };\n})`, {
    filename: LIBRARY_FILE,
    lineOffset: firstLine - 1,
  }) as (...globals: unknown[]) => Pick<ExcelLibrary, 'Excel' | 'OfficeExtension'>;
  const library = factory.call(globalThis, window, window.Office, window.OSF, window.navigator);
  loaded = { ...library, use: (h) => (host = h) };
  return loaded;
}
