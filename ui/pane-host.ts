// What the shared pane asks of its host. Excel implements it with Excel.run,
// Google Sheets with google.script.run; the pane never knows which it talks to.

import type { Language } from '../core/contract';
import type { PaneCheckView } from '../core/pane-view';

export interface PaneHost {
  /** Names of the sheets and columns added ([] when nothing was missing). */
  createPlan(language: Language): Promise<{ added: string[] }>;
  checkPlan(language: Language): Promise<PaneCheckView>;
  writeReview(language: Language): Promise<{ sheet: string; findings: number }>;
  selectCell(sheet: string, cell: string): Promise<void>;
  prepareClientCopy(language: Language): Promise<{ message: string }>;
}
