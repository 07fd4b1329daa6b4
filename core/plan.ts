// The typed account plan that every rule reads: one record per sheet row,
// each field remembering the cell it came from.

import { Language, PlanFieldKey, SheetKey } from './contract';
import { Day } from './values';

/** Where a record lives: the workbook's sheet name, its 1-based row, and where each field is. */
export interface RowOrigin {
  sheet: string;
  row: number;
  /**
   * Column letter of each contract column found on the sheet, by column key.
   * Shared by every row of the sheet, so ten thousand rows cost one object.
   */
  letters: Readonly<Record<string, string>>;
  /**
   * Column keys whose cell held a value the reader could not read (a finding
   * says why). Such a field is undefined like a blank one, but it is not blank:
   * nothing may be judged as if it were. Absent on the many rows that read cleanly.
   */
  unread?: readonly string[];
}

/** True when the row's field held a value that could not be read. */
export function isUnread(origin: RowOrigin, key: string): boolean {
  return origin.unread !== undefined && origin.unread.includes(key);
}

/** The A1 address of a record's field, when its column exists. */
export function cellOf(origin: RowOrigin, key: string): string | undefined {
  const letter = origin.letters[key];
  return letter === undefined ? undefined : letter + origin.row;
}

/** The record's first cell (its leftmost contract column), for findings about the whole row. */
export function firstCellOf(origin: RowOrigin): string {
  let best: string | undefined;
  for (const letter of Object.values(origin.letters)) {
    if (best === undefined || letter.length < best.length || (letter.length === best.length && letter < best)) best = letter;
  }
  return `${best ?? 'A'}${origin.row}`;
}

export interface KnowledgeItem extends RowOrigin {
  id: string;
  category?: string;
  finding: string;
  source: string;
  impact?: string;
  confirmed?: boolean;
  lastVerified?: Day;
}

export interface LearningActivity extends RowOrigin {
  id: string;
  activity: string;
  owner: string;
  due?: Day;
  status?: string;
  knowledgeGained: string[];
}

export interface Stakeholder extends RowOrigin {
  id: string;
  name: string;
  title: string;
  businessUnit: string;
  role?: string;
  attitude?: string;
  influence?: string;
  relationshipOwner: string;
  lastContact?: Day;
}

export interface Opportunity extends RowOrigin {
  id: string;
  opportunity: string;
  addresses: string[];
  solution: string;
  clientBenefit: string;
  clientValue?: number;
  ourRevenue?: number;
  probability?: number;
  validation?: string;
  validatedWith: string;
}

export interface Commitment extends RowOrigin {
  id: string;
  commitment: string;
  supports: string[];
  side?: string;
  owner: string;
  clientCounterpart: string;
  due?: Day;
  team: string;
  effortHours?: number;
  cost?: number;
  needsApproval?: boolean;
  approvedBy: string;
  clientAgreed?: boolean;
  status?: string;
  /** When Approved by approved it (optional column). */
  approvalDate?: Day;
  /** The terms approved, as Approve wrote them (core/approval.ts); '' when none are recorded. */
  approvedTerms: string;
}

export interface CapacityRow extends RowOrigin {
  team: string;
  start?: Day;
  end?: Day;
  availableHours?: number;
  budget?: number;
}

export interface PlanSummary {
  account: string;
  kam: string;
  periodStart?: Day;
  periodEnd?: Day;
  currency: string;
  revenueTarget?: number;
  internalSponsor: string;
  clientSponsor: string;
  signOffBy: string;
  signOffDate?: Day;
  /** A1 address of each field's value cell, where the field's row exists. */
  cells: Partial<Record<PlanFieldKey, string>>;
  /** Fields whose value could not be read (a finding says why); absent when every field read cleanly. */
  unread?: PlanFieldKey[];
}

/** A table sheet as found in the workbook: its name, header row and where each column is. */
export interface SheetLayoutFound {
  name: string;
  headerRow: number;
  /** 1-based column of each contract column found, by column key. */
  columns: Record<string, number>;
}

export interface Plan {
  /** The workbook's language, told by its sheet names and headers. */
  language: Language;
  summary: PlanSummary;
  knowledge: KnowledgeItem[];
  learning: LearningActivity[];
  stakeholders: Stakeholder[];
  vision: Opportunity[];
  commitments: Commitment[];
  capacity: CapacityRow[];
  /** The workbook's name for each contract sheet it has. */
  sheets: Partial<Record<SheetKey, SheetLayoutFound>>;
}
