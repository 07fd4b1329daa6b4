// What the shared pane asks of its host. Excel implements it with Excel.run,
// Google Sheets with google.script.run; the pane never knows which it talks to.

import type { ApprovalOutcome } from '../core/approval';
import type { Language } from '../core/contract';
import type { Phase } from '../core/finding';
import type { ListPage, PaneCheckPage } from '../core/pane-page';
import type { PaneCheckView, PaneCommitment, PaneFinding } from '../core/pane-view';

export interface PaneHost {
  /** Names of the sheets and columns added ([] when nothing was missing). */
  createPlan(language: Language): Promise<{ added: string[] }>;
  /** The whole view, or its first page (core/pane-page.ts) from a host that pages. */
  checkPlan(language: Language): Promise<PaneCheckView | PaneCheckPage>;
  /** A host that pages brings the rest of a list on demand. */
  moreFindings?(language: Language, phase: Phase, offset: number): Promise<ListPage<PaneFinding>>;
  moreCommitments?(language: Language, offset: number): Promise<ListPage<PaneCommitment>>;
  writeReview(language: Language): Promise<{ sheet: string; findings: number }>;
  selectCell(sheet: string, cell: string): Promise<void>;
  prepareClientCopy(language: Language): Promise<{ message: string }>;
  /**
   * Approves the commitments on the rows selected in the Commitments sheet as
   * `by`, today: writes their Approved by, Approval date and Approved terms and
   * nothing else (the core decides the cells), or refuses, writing nothing.
   */
  approveCommitments(language: Language, by: string): Promise<ApprovalOutcome>;
}
