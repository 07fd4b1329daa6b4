// The Excel task pane's entry point: waits for Office, applies the Office
// theme's colours, and mounts the shared pane on the Excel adapter. Nothing
// else lives here, so everything it wires is testable on its own.

import { excelPaneHost } from './excel-host';
import { mountPane } from '../ui/pane';

Office.onReady((info) => {
  const root = document.getElementById('app');
  if (!root || info.host !== Office.HostType.Excel) return;
  const theme = Office.context.officeTheme;
  if (theme) {
    const style = document.documentElement.style;
    style.setProperty('--kap-bg', theme.bodyBackgroundColor);
    style.setProperty('--kap-fg', theme.bodyForegroundColor);
  }
  const language = Office.context.displayLanguage?.toLowerCase().startsWith('es') ? 'es' : 'en';
  const features = { mergedAreas: Office.context.requirements.isSetSupported('ExcelApi', '1.13'), selectedRanges: Office.context.requirements.isSetSupported('ExcelApi', '1.9'), pageLayout: Office.context.requirements.isSetSupported('ExcelApi', '1.9') };
  mountPane(root, excelPaneHost(Excel, undefined, features), { hostName: 'excel', language });
});
