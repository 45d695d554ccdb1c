/**
 * The graph model: every label, its properties and every relationship type with the labels it may join.
 * The validator, the loader and docs/model.md all follow this one description.
 */

export type PropertyType =
  | { kind: 'string' }
  | { kind: 'text' } // long free text, included in full-text search
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'date' } // ISO 8601, year precision allowed: 2008, 2008-07, 2008-07-15
  | { kind: 'url' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'stringList' };

export interface PropertySpec {
  type: PropertyType;
  required?: boolean;
  description: string;
}

export interface LabelSpec {
  label: string;
  description: string;
  /** The data file that holds this label's entries. */
  file: string;
  properties: Record<string, PropertySpec>;
}

export interface RelationshipSpec {
  type: string;
  description: string;
  /** Allowed [from label, to label] pairs. */
  endpoints: ReadonlyArray<readonly [string, string]>;
  properties: Record<string, PropertySpec>;
}

const str = (description: string, required = false): PropertySpec => ({ type: { kind: 'string' }, required, description });
const text = (description: string, required = false): PropertySpec => ({ type: { kind: 'text' }, required, description });
const date = (description: string, required = false): PropertySpec => ({ type: { kind: 'date' }, required, description });
const int = (description: string, min?: number, max?: number, required = false): PropertySpec => ({
  type: { kind: 'integer', min, max },
  required,
  description,
});
const oneOf = (values: readonly string[], description: string, required = false): PropertySpec => ({
  type: { kind: 'enum', values },
  required,
  description,
});

export const CONVENTION_IDS = ['cms', 'cites', 'cbd'] as const;
const year = (description: string, required = false) => int(description, 1900, 2100, required);

/** Properties every entry has besides its own (id, name, description; provenance is separate). */
export const COMMON_PROPERTIES: Record<string, PropertySpec> = {
  name: str('Human-readable name, in English.', true),
  description: text('What the thing is, in a sentence or two.'),
  nameFr: str('The name used by the French source text, where it names the thing ("…" marks words of the source left out).'),
  nameFrIsTranslation: { type: { kind: 'boolean' }, description: 'True when nameFr is the curators\' French rendering, not a wording a source gives.' },
};

export const LABELS: readonly LabelSpec[] = [
  {
    label: 'Convention',
    file: 'conventions.yaml',
    description: 'A biodiversity convention (CMS, CITES, CBD); its secretariat acts in its name.',
    properties: {
      acronym: str('Usual acronym.', true),
      concludedOn: date('Date the convention text was concluded.'),
    },
  },
  {
    label: 'Instrument',
    file: 'instruments.yaml',
    description: 'A cooperation instrument: the 2002 Memorandum of Cooperation, a CMS Agreement or MOU.',
    properties: {
      instrumentType: oneOf(['memorandum-of-cooperation', 'agreement', 'memorandum-of-understanding'], 'Legal form.', true),
      concludedOn: date('Date concluded or signed.'),
      inForceFrom: date('Date it took effect.'),
    },
  },
  {
    label: 'Decision',
    file: 'decisions.yaml',
    description: 'A resolution or decision of a Conference of the Parties.',
    properties: {
      symbol: str('Official symbol, e.g. "Res. Conf. 14.2", "Resolution 8.2", "X/2".', true),
      decisionType: oneOf(['resolution', 'decision'], 'Resolution or decision.', true),
      convention: oneOf(CONVENTION_IDS, 'The convention whose Parties adopted it.', true),
      year: year('Year adopted.'),
    },
  },
  {
    label: 'StrategicPlan',
    file: 'strategic-plans.yaml',
    description: 'A strategic plan or vision with a period (CMS Strategic Plan, CITES Strategic Vision, CBD plans).',
    properties: {
      status: oneOf(['adopted', 'proposed', 'draft', 'extended'], 'Where the plan stands, as the source tells.', true),
      startYear: year('First year covered.', true),
      endYear: year('Last year covered.', true),
      convention: oneOf(CONVENTION_IDS, 'Whose plan it is.', true),
    },
  },
  {
    label: 'Objective',
    file: 'objectives.yaml',
    description: 'An objective or goal of a strategic plan (CMS objectives, CITES goals, Aichi strategic goals).',
    properties: {
      code: str('Its number or letter in the plan: "1", "a", "A".', true),
      level: oneOf(['objective', 'goal', 'strategic-goal', 'target'], 'What the plan calls it.', true),
      text: text('Its wording.', true),
      dartTermId: str('Identifier of its term in DaRT (dart.informea.org/taxonomy/term/N), where a source gives it.'),
    },
  },
  {
    label: 'AichiTarget',
    file: 'aichi-targets.yaml',
    description: 'One of the 20 Aichi Biodiversity Targets (CBD decision X/2).',
    properties: {
      number: int('1 to 20.', 1, 20, true),
      shortTitle: str('The usual short title.', true),
      text: text('Official wording (abridged where marked with an ellipsis).', true),
      cbdIdentifier: str('CBD thesaurus identifier, AICHI-TARGET-NN.', true),
    },
  },
  {
    label: 'GbfTarget',
    file: 'gbf-targets.yaml',
    description: 'A target of the Kunming-Montreal Global Biodiversity Framework (CBD decision 15/4), loaded only where its wording is verified.',
    properties: {
      number: int('1 to 23.', 1, 23, true),
      shortTitle: str('Short title as on the CBD site.', true),
      text: text('Full wording, where verified.'),
      cbdIdentifier: str('CBD thesaurus identifier, GBF-TARGET-NN.', true),
    },
  },
  {
    label: 'Taxon',
    file: 'taxa.yaml',
    description: 'A species or higher taxon that Parties asked about or that an instrument covers.',
    properties: {
      scientificName: str('Scientific name as listed in the CITES Appendices of 2012.', true),
      rank: oneOf(['species', 'subspecies', 'genus', 'family', 'order', 'group'], 'Taxonomic rank; group for informal sets such as marine turtles.', true),
      commonNames: { type: { kind: 'stringList' }, description: 'English common names.' },
      synonyms: { type: { kind: 'stringList' }, description: 'Other scientific names in use.' },
      speciesPlusTaxonConceptId: str('Species+ taxon concept id (CITES taxonomy), where a source gives it.'),
    },
  },
  {
    label: 'Initiative',
    file: 'initiatives.yaml',
    description: 'An action plan, monitoring system or fund (African Elephant Action Plan, MIKE, ETIS, African Elephant Fund).',
    properties: {
      initiativeType: oneOf(['action-plan', 'monitoring-system', 'fund'], 'What it is.', true),
      acronym: str('Usual acronym.'),
      startYear: year('Year it started or was adopted.'),
    },
  },
  {
    label: 'WorkProgramme',
    file: 'work-programmes.yaml',
    description: 'A joint CITES/CMS work programme (action plan) with its period and status.',
    properties: {
      status: oneOf(
        ['adopted', 'extended', 'draft', 'proposed', 'in-effect'],
        'Where it stands, as the source tells (in-effect: a later source cites it as in force; its adoption record was not found).',
        true,
      ),
      startYear: year('First year covered.', true),
      endYear: year('Last year covered (after any extension).', true),
      originalEndYear: year('Last year before an extension.'),
    },
  },
  {
    label: 'Activity',
    file: 'activities.yaml',
    description: 'A joint activity, a theme agreed by the secretariats or a request by Parties.',
    properties: {
      status: oneOf(
        ['completed', 'ongoing', 'planned', 'agreed', 'requested', 'proposed', 'undertaken'],
        'Where it stands, as the source tells (undertaken: reported as undertaken, without saying whether it is finished).',
        true,
      ),
      theme: oneOf(
        ['species', 'listing-and-nomenclature', 'governance', 'capacity', 'information-and-reporting', 'finance', 'strategy'],
        'Broad theme, for filtering.',
        true,
      ),
      startYear: year('Year it started or was agreed.'),
      endYear: year('Year it ended or is due.'),
      deadline: date('Date by which it was to be done, as the source gives it.'),
    },
  },
  {
    label: 'Meeting',
    file: 'meetings.yaml',
    description: 'A meeting of a governing body or of the secretariats.',
    properties: {
      body: oneOf(
        ['standing-committee', 'conference-of-the-parties', 'secretariats', 'signatories'],
        'Which body met.',
        true,
      ),
      convention: oneOf(CONVENTION_IDS, 'Convention of the body (secretariat meetings: the host).'),
      number: int('Ordinal of the meeting (57 for SC57).', 1, 1000),
      startDate: date('First day.'),
      endDate: date('Last day.'),
      location: str('City, country.'),
    },
  },
  {
    label: 'Document',
    file: 'documents.yaml',
    description: 'A document or public page that facts cite, or that the report names.',
    properties: {
      documentType: oneOf(
        ['report', 'annex', 'meeting-document', 'decision-text', 'notification', 'web-page', 'publication'],
        'What kind of document.',
        true,
      ),
      symbol: str('Official symbol where known, e.g. UNEP/CMS/StC34/3.'),
      url: { type: { kind: 'url' }, description: 'Where a public copy was read.' },
      language: oneOf(['en', 'fr', 'es'], 'Language of the copy we hold or cite.'),
      available: { type: { kind: 'boolean' }, description: 'False when the document is known to exist but no copy was found.' },
      publishedOn: date('Date of the document.'),
    },
  },
  {
    label: 'Paragraph',
    file: 'paragraphs.yaml',
    description: 'A numbered paragraph (or footnote) of a source document, with its text, so the report can be read back.',
    properties: {
      document: str('Id of the Document it belongs to.', true),
      locator: str('Its number in the document: "1".."12", "fn1", "action".', true),
      order: int('Reading order within the document.', 0, 10000, true),
      text: text('The paragraph as printed, in the document\'s language.', true),
    },
  },
  {
    label: 'Party',
    file: 'parties.yaml',
    description: 'A State Party or donor.',
    properties: {
      iso2: str('ISO 3166-1 alpha-2 code, where the donor is a State.'),
    },
  },
];

const S = (from: string, to: string) => [from, to] as const;

export const RELATIONSHIPS: readonly RelationshipSpec[] = [
  {
    type: 'BETWEEN',
    description: 'An instrument or joint work programme binds or involves a convention (its secretariat).',
    endpoints: [S('Instrument', 'Convention'), S('WorkProgramme', 'Convention')],
    properties: {},
  },
  {
    type: 'UNDER',
    description: 'An instrument, decision, plan, meeting or initiative belongs to a convention.',
    endpoints: [
      S('Instrument', 'Convention'),
      S('StrategicPlan', 'Convention'),
      S('Meeting', 'Convention'),
      S('Initiative', 'Convention'),
      S('Decision', 'Convention'),
    ],
    properties: {},
  },
  {
    type: 'PART_OF',
    description: 'Containment: an objective in a plan, a target under a goal, an activity in a programme, a taxon in a higher taxon, an annex in a document, a paragraph in a document.',
    endpoints: [
      S('Objective', 'StrategicPlan'),
      S('AichiTarget', 'Objective'),
      S('GbfTarget', 'StrategicPlan'),
      S('Activity', 'WorkProgramme'),
      S('Activity', 'Activity'),
      S('Taxon', 'Taxon'),
      S('Document', 'Document'),
      S('Paragraph', 'Document'),
    ],
    properties: {},
  },
  {
    type: 'ADOPTED_AT',
    description: 'A decision, plan or initiative was adopted at a meeting.',
    endpoints: [S('Decision', 'Meeting'), S('StrategicPlan', 'Meeting'), S('Initiative', 'Meeting')],
    properties: { date: date('Date of adoption.') },
  },
  {
    type: 'ADOPTS',
    description: 'A decision adopts a plan or an initiative.',
    endpoints: [S('Decision', 'StrategicPlan'), S('Decision', 'Initiative')],
    properties: {},
  },
  {
    type: 'ENDORSES',
    description: 'A decision endorses a plan or an initiative that another body adopted.',
    endpoints: [S('Decision', 'Initiative'), S('Decision', 'StrategicPlan')],
    properties: {},
  },
  {
    type: 'ESTABLISHES',
    description: 'A decision establishes a process or a plan.',
    endpoints: [S('Decision', 'Initiative'), S('Decision', 'StrategicPlan')],
    properties: {},
  },
  {
    type: 'EXTENDS',
    description: 'A plan or programme extends (or proposes to extend) another in time.',
    endpoints: [S('StrategicPlan', 'StrategicPlan'), S('WorkProgramme', 'WorkProgramme')],
    properties: { toYear: year('Year the extension reaches.') },
  },
  {
    type: 'SUCCEEDS',
    description: 'A programme follows another.',
    endpoints: [S('WorkProgramme', 'WorkProgramme'), S('StrategicPlan', 'StrategicPlan')],
    properties: {},
  },
  {
    type: 'APPROVED_BY',
    description: 'A governing body approved a programme, an extension or a document at a meeting.',
    endpoints: [S('WorkProgramme', 'Meeting'), S('Document', 'Meeting')],
    properties: {
      date: date('When it was approved.'),
      what: str('What exactly was approved, when not the whole thing (e.g. "extension to end 2011").'),
    },
  },
  {
    type: 'CONSIDERED_AT',
    description: 'A meeting examined a draft or a document, without approving it (yet).',
    endpoints: [S('WorkProgramme', 'Meeting'), S('Document', 'Meeting'), S('Activity', 'Meeting')],
    properties: { date: date('When.') },
  },
  {
    type: 'TO_BE_CONSIDERED_AT',
    description: 'A meeting is invited to consider or approve something later.',
    endpoints: [S('WorkProgramme', 'Meeting'), S('Document', 'Meeting')],
    properties: { action: oneOf(['approve', 'examine', 'brief'], 'What the meeting is invited to do.', true) },
  },
  {
    type: 'TAKES_INTO_ACCOUNT',
    description: 'A programme takes a plan into account.',
    endpoints: [S('WorkProgramme', 'StrategicPlan')],
    properties: {},
  },
  {
    type: 'INTEGRATED_INTO',
    description: 'A programme is integrated into a wider framework.',
    endpoints: [S('WorkProgramme', 'StrategicPlan'), S('WorkProgramme', 'AichiTarget')],
    properties: {},
  },
  {
    type: 'DESCRIBED_IN',
    description: 'A programme or its activities are set out in a document.',
    endpoints: [S('WorkProgramme', 'Document'), S('Activity', 'Document'), S('Instrument', 'Document'), S('Decision', 'Document')],
    properties: {},
  },
  {
    type: 'CONCERNS',
    description: 'An activity, decision, instrument or initiative concerns a taxon, an initiative, an instrument or a (draft) programme.',
    endpoints: [
      S('Activity', 'Taxon'),
      S('Activity', 'WorkProgramme'),
      S('Activity', 'Initiative'),
      S('Activity', 'Instrument'),
      S('Decision', 'Taxon'),
      S('Decision', 'Instrument'),
      S('Initiative', 'Taxon'),
      S('Instrument', 'Taxon'),
    ],
    properties: {},
  },
  {
    type: 'LISTED_IN',
    description: 'A taxon is listed in an appendix of CITES or CMS.',
    endpoints: [S('Taxon', 'Convention')],
    properties: {
      appendix: oneOf(['I', 'II', 'III', 'I/II'], 'Appendix.', true),
      since: date('Date of entry in the appendix, where known.'),
      asOf: date('Date of the appendices read (the listing was valid then), where known.'),
      populations: str('Populations concerned, where the listing is split.'),
      annotation: str('Annotation or exception as printed.'),
    },
  },
  {
    type: 'SUPPORTS',
    description: 'An activity, programme or initiative contributes to an objective, goal or plan.',
    endpoints: [
      S('Activity', 'Objective'),
      S('WorkProgramme', 'Objective'),
      S('Activity', 'StrategicPlan'),
      S('Initiative', 'Objective'),
    ],
    properties: {},
  },
  {
    type: 'SERVES',
    description: 'An activity, objective or programme contributes to an Aichi Target (mostly curated: no source maps them).',
    endpoints: [S('Activity', 'AichiTarget'), S('Objective', 'AichiTarget'), S('WorkProgramme', 'AichiTarget'), S('Initiative', 'AichiTarget')],
    properties: {},
  },
  {
    type: 'CORRESPONDS_TO',
    description: 'An Aichi Target corresponds to a GBF target (the Aichi bridge; curated: no official table exists).',
    endpoints: [S('AichiTarget', 'GbfTarget')],
    properties: {},
  },
  {
    type: 'FUNDED',
    description: 'A Party or donor funded an activity or contributed to a convention.',
    endpoints: [S('Party', 'Activity'), S('Party', 'Convention'), S('Party', 'WorkProgramme'), S('Party', 'Initiative')],
    properties: {
      year: year('Year of the contribution.'),
      purpose: str('What the money was for, as the source says.'),
    },
  },
  {
    type: 'THANKED_BY',
    description: 'A convention (its secretariat) thanks a Party or donor for its support, without saying what the support went to.',
    endpoints: [S('Party', 'Convention')],
    properties: { for: str('What the thanks are for, as the source says.') },
  },
  {
    type: 'HELD_BY',
    description: 'A meeting was held by a convention body or the secretariats.',
    endpoints: [S('Meeting', 'Convention')],
    properties: {},
  },
  {
    type: 'AGREED_AT',
    description: 'An activity or theme was agreed or requested at a meeting.',
    endpoints: [S('Activity', 'Meeting')],
    properties: { date: date('When.') },
  },
  {
    type: 'REPORTS_TO',
    description: 'An activity reports to a governing body meeting or a convention.',
    endpoints: [S('Activity', 'Convention'), S('Activity', 'Meeting')],
    properties: {},
  },
  {
    type: 'PREPARED_FOR',
    description: 'A document was prepared for a meeting.',
    endpoints: [S('Document', 'Meeting')],
    properties: {},
  },
  {
    type: 'PREPARED_BY',
    description: 'A document was prepared by a convention secretariat.',
    endpoints: [S('Document', 'Convention')],
    properties: {},
  },
  {
    type: 'RECALLS',
    description: 'A decision or document recalls or refers to another decision, instrument or plan.',
    endpoints: [S('Decision', 'Decision'), S('Decision', 'Instrument'), S('Document', 'Decision'), S('Document', 'Instrument'), S('Decision', 'StrategicPlan')],
    properties: {},
  },
  {
    type: 'IMPLEMENTS',
    description: 'A programme, activity or initiative implements an instrument, a decision or a plan.',
    endpoints: [
      S('WorkProgramme', 'Instrument'),
      S('WorkProgramme', 'Decision'),
      S('Activity', 'Instrument'),
      S('Activity', 'Decision'),
      S('Initiative', 'Decision'),
      S('Initiative', 'Initiative'),
    ],
    properties: {},
  },
];

export const LABEL_NAMES = LABELS.map((l) => l.label);
export const RELATIONSHIP_TYPES = RELATIONSHIPS.map((r) => r.type);
export const labelSpec = (label: string) => LABELS.find((l) => l.label === label);
export const relationshipSpec = (type: string) => RELATIONSHIPS.find((r) => r.type === type);
