/* Generated from src/model/model.ts by `npm run codegen` (src/model/rows.ts). Do not edit. */
import type { LoadTimes, ProvenanceRow } from '../entities/rows.js';

/** What every entity row holds: its key (id), its label (kind), the common properties and its provenance. */
export interface EntityRow extends ProvenanceRow, LoadTimes {
  id: string;
  kind: string;
  name: string;
  description?: string;
  nameFr?: string;
  nameFrIsTranslation?: boolean;
}

/** What a relationship row holds: its key (id), its provenance and the properties its type may carry. */
export interface RelationshipPropertiesRow extends ProvenanceRow, LoadTimes {
  id: string;
  date?: string;
  toYear?: number;
  what?: string;
  action?: string;
  appendix?: string;
  since?: string;
  asOf?: string;
  populations?: string;
  annotation?: string;
  year?: number;
  purpose?: string;
  for?: string;
}

export interface ConventionRow extends EntityRow {
  acronym: string;
  concludedOn?: string;
}

export interface InstrumentRow extends EntityRow {
  instrumentType: string;
  concludedOn?: string;
  inForceFrom?: string;
}

export interface DecisionRow extends EntityRow {
  symbol: string;
  decisionType: string;
  convention: string;
  year?: number;
}

export interface StrategicPlanRow extends EntityRow {
  status: string;
  startYear: number;
  endYear: number;
  convention: string;
}

export interface ObjectiveRow extends EntityRow {
  code: string;
  level: string;
  text: string;
  dartTermId?: string;
}

export interface AichiTargetRow extends EntityRow {
  number: number;
  shortTitle: string;
  text: string;
  cbdIdentifier: string;
}

export interface GbfTargetRow extends EntityRow {
  number: number;
  shortTitle: string;
  text?: string;
  cbdIdentifier: string;
}

export interface TaxonRow extends EntityRow {
  scientificName: string;
  rank: string;
  commonNames?: string[];
  synonyms?: string[];
  speciesPlusTaxonConceptId?: string;
}

export interface InitiativeRow extends EntityRow {
  initiativeType: string;
  acronym?: string;
  startYear?: number;
}

export interface WorkProgrammeRow extends EntityRow {
  status: string;
  startYear: number;
  endYear: number;
  originalEndYear?: number;
}

export interface ActivityRow extends EntityRow {
  status: string;
  theme: string;
  startYear?: number;
  endYear?: number;
  deadline?: string;
}

export interface MeetingRow extends EntityRow {
  body: string;
  convention?: string;
  number?: number;
  startDate?: string;
  endDate?: string;
  location?: string;
}

export interface DocumentRow extends EntityRow {
  documentType: string;
  symbol?: string;
  url?: string;
  language?: string;
  available?: boolean;
  publishedOn?: string;
}

export interface ParagraphRow extends EntityRow {
  document: string;
  locator: string;
  order: number;
  text: string;
}

export interface PartyRow extends EntityRow {
  iso2?: string;
}

/** The row of each label. */
export interface RowsByLabel {
  Convention: ConventionRow;
  Instrument: InstrumentRow;
  Decision: DecisionRow;
  StrategicPlan: StrategicPlanRow;
  Objective: ObjectiveRow;
  AichiTarget: AichiTargetRow;
  GbfTarget: GbfTargetRow;
  Taxon: TaxonRow;
  Initiative: InitiativeRow;
  WorkProgramme: WorkProgrammeRow;
  Activity: ActivityRow;
  Meeting: MeetingRow;
  Document: DocumentRow;
  Paragraph: ParagraphRow;
  Party: PartyRow;
}
