// The Sheets sidebar: the shared pane (ui/pane.ts) mounted over google.script.run.
// The client copy arrives from the server already filtered and is saved here,
// as a new .xlsx file on the user's computer (docs/sheets.md says why).

import { ClientCopy } from '../core/client-copy';
import { Language } from '../core/contract';
import { xlsxFile } from '../excel-addin/client-copy-file';
import { mountPane } from '../ui/pane';
import { ScriptRun, sheetsPaneHost } from './server-api';

declare const google: { script: { run: ScriptRun } };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves the client copy as a download: the browser asks where, or puts it in Downloads. */
async function downloadClientCopy(copy: ClientCopy, language: Language): Promise<{ message: string }> {
  const bytes = xlsxFile(copy.sheets);
  const name = fileName(copy, language);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    // The sidebar's <base target="_top"> must not send the link elsewhere: this is a download.
    link.target = '_self';
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
  return {
    message:
      language === 'es'
        ? `Se descargó "${name}": un libro nuevo con solo lo que el cliente debe ver. Esta hoja de cálculo no cambió.`
        : `Downloaded "${name}": a new workbook holding only what the client should see. This spreadsheet is unchanged.`,
  };
}

/** "Client copy - <account>.xlsx", the account taken from the copy's Plan sheet. */
function fileName(copy: ClientCopy, language: Language): string {
  const base = language === 'es' ? 'Copia para el cliente' : 'Client copy';
  const account = copy.sheets.find((s) => s.key === 'plan')?.values[1]?.[1];
  const safe = typeof account === 'string' ? account.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 80) : '';
  return safe ? `${base} - ${safe}.xlsx` : `${base}.xlsx`;
}

mountPane(document.getElementById('app')!, sheetsPaneHost(google.script.run, downloadClientCopy), { hostName: 'sheets' });
