// The typed account plan that every rule reads: one record per sheet row,
// each field remembering the cell it came from.

import { Language, PlanFieldKey, SheetKey } from './contract';
import { Day } from './values';

/** Where a record lives: the workbook's sheet name, its 1-based row, and the A1 cell of each field. */
export interface RowOrigin {
  sheet: string;
  row: number;
  /** A1 address of each contract column on this row, by column key. */
  cells: Record<string, string>;
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
