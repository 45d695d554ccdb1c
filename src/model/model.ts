/**
 * The graph model, declared once: every label with its properties and the fields the API shows for it
 * (relationship fields with their direction, order and size; list filters), and every relationship type
 * with the labels it may join. The validator, the loader, the SDL, the resolvers, the cost of every list
 * and docs/model.md are all derived from this one description (docs/architecture.md).
 */

export type PropertyType =
  | { kind: 'string' }
  | { kind: 'text' } // long free text, included in full-text search
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'date' } // ISO 8601, year precision allowed: 2008, 2008-07, 2008-07-15
  | { kind: 'url' }
  | { kind: 'enum'; values: readonly string[]; graphqlName?: string; meanings?: Readonly<Record<string, string>> }
  | { kind: 'stringList'; max?: number };

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
  /** How the API shows this label. */
  api: EntityApiSpec;
}

/** The API of one label: its list and lookup, its filters and its relationship fields. */
export interface EntityApiSpec {
  /** Name of its list query field ("activities"). */
  list: string;
  /** Name of its lookup query field ("activity"). */
  lookup: string;
  /** Readable names, for generated descriptions ("activity", "activities"). */
  one: string;
  many: string;
  /** List filters it takes (names of FILTERS). */
  filters: readonly FilterName[];
  /** Relationship fields, in the order the SDL shows them. */
  fields: Record<string, RelationshipFieldSpec>;
  /** Properties the API does not show as such (a view field shows them instead). */
  hidden?: readonly string[];
}

/**
 * A field that lists the entities at the other end of some relationships. Either it declares a fixed
 * maximum (the validator refuses data with more, so the answer is never cut) or it takes `first`.
 */
export interface RelationshipFieldSpec {
  description: string;
  direction: 'OUT' | 'IN';
  types: readonly string[];
  /** Label at the other end; null for any. */
  target: string | null;
  /** Property of the other end the list is ordered by (then key); default: key. */
  orderBy?: string;
  /** A fixed maximum, checked when data is loaded; the field takes no argument. */
  max?: number;
  /** Default of its `first` argument (at most MAX_PAGE_SIZE), when it has no fixed maximum. */
  first?: number;
  /** The item type when it is not "<Target>Link" (a typed view of the link, e.g. Listing). */
  view?: 'Listing' | 'Funding';
}

/** The list filters every label may take; each is applied by the same Cypher fragment. */
export const FILTERS = {
  status: 'With this status.',
  theme: 'Of this theme.',
  body: 'Of this body.',
  rank: 'Of this rank.',
  instrumentType: 'Of this legal form.',
  documentType: 'Of this kind.',
  initiativeType: 'Of this type.',
  convention: 'Involving this convention.',
  year: 'Covering this year.',
  species: 'Concerning this taxon (key), or a taxon within it.',
  target: 'Serving this Aichi Target (key), directly or through an objective, programme or initiative.',
  programme: 'In this work programme (key).',
  plan: 'Of this plan (key).',
  document: 'Of this document (key).',
  goal: 'Under this strategic goal: its code (A to E) or key.',
  // Companions (FILTER_COMPANIONS): a label taking the filter on the left takes these too.
  statusIn: 'With any of these statuses.',
  themeIn: 'Of any of these themes.',
  bodyIn: 'Of any of these bodies.',
  rankIn: 'Of any of these ranks.',
  instrumentTypeIn: 'Of any of these legal forms.',
  documentTypeIn: 'Of any of these kinds.',
  initiativeTypeIn: 'Of any of these types.',
  yearFrom: 'Covering some year from this one on (its period ends in or after it).',
  yearTo: 'Covering some year up to this one (its period starts in or before it).',
  // Every label (EVERY_LABEL_FILTERS).
  keyIn: 'Only these, by readable key (at most MAX_PAGE_SIZE keys).',
  nameContains: 'Whose name, in English or French, contains this text (ignoring case).',
  changedSince: 'Changed after this instant (its changedAt is later): what a mirror fetches to follow the graph.',
  changedBefore: 'Changed at or before this instant (with changedSince: a window of changes).',
} as const;
export type FilterName = keyof typeof FILTERS;
/** Filters that come with another: an enum filter's "any of" list, a year's range. */
export const FILTER_COMPANIONS: Partial<Record<FilterName, readonly FilterName[]>> = {
  status: ['statusIn'],
  theme: ['themeIn'],
  body: ['bodyIn'],
  rank: ['rankIn'],
  instrumentType: ['instrumentTypeIn'],
  documentType: ['documentTypeIn'],
  initiativeType: ['initiativeTypeIn'],
  year: ['yearFrom', 'yearTo'],
};
/** The enum filter an "any of" filter lists values of (statusIn → status). */
export const anyOfFilter = (filter: FilterName): FilterName | undefined =>
  (Object.keys(FILTER_COMPANIONS) as FilterName[]).find((f) => f !== 'year' && FILTER_COMPANIONS[f]!.includes(filter));
/** Filters every label takes besides its own. */
export const EVERY_LABEL_FILTERS: readonly FilterName[] = ['keyIn', 'nameContains', 'changedSince', 'changedBefore'];
export const filtersOf = (api: EntityApiSpec): FilterName[] => [
  ...api.filters.flatMap((f) => [f, ...(FILTER_COMPANIONS[f] ?? [])]),
  ...EVERY_LABEL_FILTERS,
];

const out = (target: string | null, types: string[], description: string, size: Partial<RelationshipFieldSpec> = {}): RelationshipFieldSpec => ({
  direction: 'OUT',
  types,
  target,
  description,
  ...size,
});
const into = (target: string | null, types: string[], description: string, size: Partial<RelationshipFieldSpec> = {}): RelationshipFieldSpec => ({
  direction: 'IN',
  types,
  target,
  description,
  ...size,
});

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
/**
 * An enum property: its values, each with what it means when the API shows it as a GraphQL enum (the
 * meaning becomes the enum value's description). Its GraphQL enum is <Label><Property> (ActivityStatus)
 * unless graphqlName says otherwise ('String': shown as text).
 */
const oneOf = (
  values: readonly string[] | Readonly<Record<string, string>>,
  description: string,
  required = false,
  graphqlName?: string,
): PropertySpec => ({
  type: {
    kind: 'enum',
    ...(Array.isArray(values) ? { values } : { values: Object.keys(values), meanings: values as Record<string, string> }),
    ...(graphqlName ? { graphqlName } : {}),
  },
  required,
  description,
});

const CONVENTIONS = {
  cms: 'The Convention on the Conservation of Migratory Species of Wild Animals (CMS, Bonn, 1979).',
  cites: 'The Convention on International Trade in Endangered Species of Wild Fauna and Flora (CITES, Washington, 1973).',
  cbd: 'The Convention on Biological Diversity (CBD, Rio de Janeiro, 1992), whose Strategic Plan 2011-2020 holds the Aichi Targets.',
} as const;
export const CONVENTION_IDS = Object.keys(CONVENTIONS) as (keyof typeof CONVENTIONS)[];
const convention = (description: string, required = false) => oneOf(CONVENTIONS, description, required, 'ConventionCode');
const year = (description: string, required = false) => int(description, 1900, 2100, required);

/** Properties every entry has besides its own (id, name, description; provenance is separate). */
export const COMMON_PROPERTIES: Record<string, PropertySpec> = {
  name: str('Human-readable name, in English.', true),
  description: text('What the thing is, in a sentence or two.'),
  nameFr: str('The name used by the French source text, where it names the thing ("…" marks words of the source left out).'),
  nameFrIsTranslation: {
    type: { kind: 'boolean' },
    description: "True when nameFr is the curators' French rendering, not a wording a source gives.",
  },
};

export const LABELS: readonly LabelSpec[] = [
  {
    label: 'Convention',
    file: 'conventions.yaml',
    api: {
      list: 'conventions',
      lookup: 'convention',
      one: 'convention',
      many: 'conventions',
      filters: [],
      fields: {
        instruments: into('Instrument', ['UNDER', 'BETWEEN'], 'Instruments under it or binding it.'),
        strategicPlans: into('StrategicPlan', ['UNDER'], 'Its strategic plans.'),
        meetings: into('Meeting', ['HELD_BY'], 'Meetings of its bodies.', { orderBy: 'startDate' }),
        listings: into('Taxon', ['LISTED_IN'], 'Taxa listed in its appendices, with appendix, dates and source.', { view: 'Listing' }),
      },
    },
    description: 'A biodiversity convention (CMS, CITES, CBD); its secretariat acts in its name.',
    properties: {
      acronym: str('Usual acronym.', true),
      concludedOn: date('Date the convention text was concluded.'),
    },
  },
  {
    label: 'Instrument',
    file: 'instruments.yaml',
    api: {
      list: 'instruments',
      lookup: 'instrument',
      one: 'instrument',
      many: 'instruments',
      filters: ['convention', 'instrumentType', 'species'],
      fields: {
        conventions: out('Convention', ['BETWEEN', 'UNDER'], 'Conventions it belongs to or binds.', { max: 3 }),
        taxa: out('Taxon', ['CONCERNS'], 'Taxa it covers.'),
      },
    },
    description: 'A cooperation instrument: the 2002 Memorandum of Cooperation, a CMS Agreement or MOU.',
    properties: {
      instrumentType: oneOf(
        {
          'memorandum-of-cooperation':
            'A memorandum of cooperation between conventions or their secretariats, such as the 2002 CMS-CITES Memorandum.',
          agreement: 'An Agreement concluded under CMS (Article IV), binding its Parties.',
          'memorandum-of-understanding': 'A Memorandum of Understanding concluded under CMS, a non-binding instrument among its signatories.',
        },
        'Legal form.',
        true,
        'InstrumentType',
      ),
      concludedOn: date('Date concluded or signed.'),
      inForceFrom: date('Date it took effect.'),
    },
  },
  {
    label: 'Decision',
    file: 'decisions.yaml',
    api: {
      list: 'decisions',
      lookup: 'decision',
      one: 'decision',
      many: 'decisions',
      filters: ['convention', 'year'],
      fields: {
        adoptedAt: out('Meeting', ['ADOPTED_AT'], 'Meeting that adopted it.', { max: 2 }),
        strategicPlans: out('StrategicPlan', ['ADOPTS', 'ESTABLISHES'], 'Plans it adopts or establishes.'),
      },
    },
    description: 'A resolution or decision of a Conference of the Parties.',
    properties: {
      symbol: str('Official symbol, e.g. "Res. Conf. 14.2", "Resolution 8.2", "X/2".', true),
      decisionType: oneOf(
        {
          resolution: 'A resolution of a Conference of the Parties: lasting guidance.',
          decision: 'A decision of a Conference of the Parties or its committees: an instruction for a given period.',
        },
        'Resolution or decision.',
        true,
        'DecisionType',
      ),
      convention: convention('The convention whose Parties adopted it.', true),
      year: year('Year adopted.'),
    },
  },
  {
    label: 'StrategicPlan',
    file: 'strategic-plans.yaml',
    api: {
      list: 'strategicPlans',
      lookup: 'strategicPlan',
      one: 'strategic plan',
      many: 'strategic plans',
      filters: ['convention', 'status', 'year'],
      fields: {
        objectives: into('Objective', ['PART_OF'], 'Its objectives or goals.', { orderBy: 'code', first: 50 }),
        adoptedBy: into('Decision', ['ADOPTS'], 'Decisions that adopt it.'),
        extends: out('StrategicPlan', ['EXTENDS'], 'Plans it extends.', { max: 3 }),
        gbfTargets: into('GbfTarget', ['PART_OF'], 'Its GBF targets, for the GBF.', { orderBy: 'number', first: 50 }),
      },
    },
    description: 'A strategic plan or vision with a period (CMS Strategic Plan, CITES Strategic Vision, CBD plans).',
    properties: {
      status: oneOf(
        {
          adopted: 'Adopted by the body that owns it, as a source tells.',
          proposed: 'Proposed for adoption; no source tells that it was adopted.',
          draft: 'A draft under discussion.',
          extended: 'Adopted, then extended beyond its original period.',
        },
        'Where the plan stands, as the source tells.',
        true,
        'PlanStatus',
      ),
      startYear: year('First year covered.', true),
      endYear: year('Last year covered.', true),
      convention: convention('Whose plan it is.', true),
    },
  },
  {
    label: 'Objective',
    file: 'objectives.yaml',
    api: {
      list: 'objectives',
      lookup: 'objective',
      one: 'objective',
      many: 'objectives',
      filters: ['plan'],
      fields: {
        plan: out('StrategicPlan', ['PART_OF'], 'The plan it belongs to.', { max: 1 }),
        aichiTargets: into('AichiTarget', ['PART_OF'], 'For an Aichi strategic goal, its targets.', { orderBy: 'number' }),
        serves: out('AichiTarget', ['SERVES'], 'Aichi Targets it contributes to, mostly curated.', { orderBy: 'number' }),
      },
    },
    description: 'An objective or goal of a strategic plan (CMS objectives, CITES goals, Aichi strategic goals).',
    properties: {
      code: str('Its number or letter in the plan: "1", "a", "A".', true),
      level: oneOf(
        {
          objective: 'The plan calls it an objective.',
          goal: 'The plan calls it a goal.',
          'strategic-goal': 'The plan calls it a strategic goal (the Strategic Plan for Biodiversity: goals A to E).',
          target: 'The plan calls it a target.',
        },
        'What the plan calls it.',
        true,
        'ObjectiveLevel',
      ),
      text: text('Its wording.', true),
      dartTermId: str('Identifier of its term in DaRT (dart.informea.org/taxonomy/term/N), where a source gives it.'),
    },
  },
  {
    label: 'AichiTarget',
    file: 'aichi-targets.yaml',
    api: {
      list: 'aichiTargets',
      lookup: 'aichiTarget',
      one: 'Aichi Target',
      many: 'Aichi Targets',
      filters: ['goal'],
      fields: {
        goal: out('Objective', ['PART_OF'], 'Its strategic goal, A to E.', { max: 1 }),
        gbfTargets: out('GbfTarget', ['CORRESPONDS_TO'], 'GBF targets it corresponds to (curated: no official table exists).', { orderBy: 'number' }),
      },
    },
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
    api: {
      list: 'gbfTargets',
      lookup: 'gbfTarget',
      one: 'GBF target',
      many: 'GBF targets',
      filters: [],
      fields: {
        aichiTargets: into('AichiTarget', ['CORRESPONDS_TO'], 'Aichi Targets that correspond to it (curated).', { orderBy: 'number' }),
      },
    },
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
    api: {
      list: 'taxa',
      lookup: 'taxon',
      one: 'taxon',
      many: 'taxa',
      filters: ['convention', 'rank'],
      fields: {
        listings: out('Convention', ['LISTED_IN'], 'Its listings in the CITES and CMS appendices, with appendix, dates and source.', {
          max: 3,
          view: 'Listing',
        }),
        parents: out('Taxon', ['PART_OF'], 'Higher taxa it belongs to.', { max: 5 }),
        children: into('Taxon', ['PART_OF'], 'Taxa within it.'),
        instruments: into('Instrument', ['CONCERNS'], 'Instruments that cover it.'),
        activities: into('Activity', ['CONCERNS'], 'Joint activities that concern it.'),
        initiatives: into('Initiative', ['CONCERNS'], 'Action plans and monitoring systems that concern it.'),
      },
    },
    description: 'A species or higher taxon that Parties asked about or that an instrument covers.',
    properties: {
      scientificName: str('Scientific name as listed in the CITES Appendices of 2012.', true),
      rank: oneOf(
        {
          species: 'A species.',
          subspecies: 'A subspecies or population.',
          genus: 'A genus.',
          family: 'A family.',
          order: 'An order.',
          group: 'An informal set of taxa, such as marine turtles.',
        },
        'Taxonomic rank; group for informal sets such as marine turtles.',
        true,
        'TaxonRank',
      ),
      commonNames: { type: { kind: 'stringList' }, description: 'English common names.' },
      synonyms: { type: { kind: 'stringList' }, description: 'Other scientific names in use.' },
      speciesPlusTaxonConceptId: str('Species+ taxon concept id (CITES taxonomy), where a source gives it.'),
    },
  },
  {
    label: 'Initiative',
    file: 'initiatives.yaml',
    api: {
      list: 'initiatives',
      lookup: 'initiative',
      one: 'initiative',
      many: 'initiatives',
      filters: ['species', 'initiativeType'],
      fields: {
        taxa: out('Taxon', ['CONCERNS'], 'Taxa it concerns.'),
      },
    },
    description: 'An action plan, monitoring system or fund (African Elephant Action Plan, MIKE, ETIS, African Elephant Fund).',
    properties: {
      initiativeType: oneOf(
        {
          'action-plan': 'An action plan, such as the African Elephant Action Plan.',
          'monitoring-system': 'A monitoring system, such as MIKE (Monitoring the Illegal Killing of Elephants).',
          fund: 'A fund that finances actions, such as the African Elephant Fund.',
        },
        'What it is.',
        true,
        'InitiativeType',
      ),
      acronym: str('Usual acronym.'),
      startYear: year('Year it started or was adopted.'),
    },
  },
  {
    label: 'WorkProgramme',
    file: 'work-programmes.yaml',
    api: {
      list: 'workProgrammes',
      lookup: 'workProgramme',
      one: 'work programme',
      many: 'work programmes',
      filters: ['status', 'year'],
      fields: {
        activities: into('Activity', ['PART_OF'], 'Its activities.', { first: 50 }),
        approvedBy: out('Meeting', ['APPROVED_BY'], 'Meetings that approved it or its extension, with date.', { orderBy: 'startDate', max: 10 }),
        consideredAt: out('Meeting', ['CONSIDERED_AT', 'TO_BE_CONSIDERED_AT'], 'Meetings that examined it without approving it, or are invited to.', {
          orderBy: 'startDate',
          max: 10,
        }),
        conventions: out('Convention', ['BETWEEN'], 'The conventions it joins.', { max: 3 }),
        plans: out('StrategicPlan', ['TAKES_INTO_ACCOUNT', 'INTEGRATED_INTO'], 'Plans it takes into account or is integrated into.'),
      },
    },
    description: 'A joint CITES/CMS work programme (action plan) with its period and status.',
    properties: {
      status: oneOf(
        {
          adopted: 'Adopted by the body that approves it, as a source tells.',
          extended: 'Adopted, then extended beyond its original end year.',
          draft: 'A draft under discussion.',
          proposed: 'Proposed for approval; no source tells that it was approved.',
          'in-effect': 'A later source cites it as in force; its adoption record was not found.',
        },
        'Where it stands, as the source tells (in-effect: a later source cites it as in force; its adoption record was not found).',
        true,
        'ProgrammeStatus',
      ),
      startYear: year('First year covered.', true),
      endYear: year('Last year covered (after any extension).', true),
      originalEndYear: year('Last year before an extension.'),
    },
  },
  {
    label: 'Activity',
    file: 'activities.yaml',
    api: {
      list: 'activities',
      lookup: 'activity',
      one: 'activity',
      many: 'activities',
      filters: ['status', 'theme', 'programme', 'species', 'target', 'year', 'convention'],
      fields: {
        programme: out('WorkProgramme', ['PART_OF'], 'The work programme it belongs to.', { max: 3 }),
        taxa: out('Taxon', ['CONCERNS'], 'Taxa it concerns.'),
        fundedBy: into('Party', ['FUNDED'], 'Parties or donors that funded it.'),
      },
    },
    description: 'A joint activity, a theme agreed by the secretariats or a request by Parties.',
    properties: {
      status: oneOf(
        {
          completed: 'Reported as completed.',
          ongoing: 'Reported as under way.',
          planned: 'Planned, not yet started.',
          agreed: 'Agreed by the secretariats or a meeting, not yet reported under way.',
          requested: 'Requested by Parties or a committee.',
          proposed: 'Proposed, not (yet) agreed.',
          undertaken: 'Reported as undertaken, without saying whether it is finished.',
        },
        'Where it stands, as the source tells (undertaken: reported as undertaken, without saying whether it is finished).',
        true,
      ),
      theme: oneOf(
        {
          species: 'Conservation of particular species.',
          'listing-and-nomenclature': 'Listings in the appendices and the taxonomy they use.',
          governance: 'How the conventions and their secretariats work together.',
          capacity: 'Training and building the capacity of Parties.',
          'information-and-reporting': 'Sharing information, data and reports.',
          finance: 'Funding and fund raising.',
          strategy: 'Strategic plans and their alignment.',
        },
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
    api: {
      list: 'meetings',
      lookup: 'meeting',
      one: 'meeting',
      many: 'meetings',
      filters: ['convention', 'body', 'year'],
      fields: {
        approved: into('WorkProgramme', ['APPROVED_BY'], 'Programmes it approved.'),
        adopted: into('Decision', ['ADOPTED_AT'], 'Decisions adopted there.'),
      },
    },
    description: 'A meeting of a governing body or of the secretariats.',
    properties: {
      body: oneOf(
        {
          'standing-committee': "A meeting of a convention's Standing Committee.",
          'conference-of-the-parties': "A meeting of a convention's Conference of the Parties.",
          secretariats: 'A meeting of the CMS and CITES secretariats.',
          signatories: "A meeting of an instrument's signatories.",
        },
        'Which body met.',
        true,
        'MeetingBody',
      ),
      convention: convention('Convention of the body (secretariat meetings: the host).'),
      number: int('Ordinal of the meeting (57 for SC57).', 1, 1000),
      startDate: date('First day.'),
      endDate: date('Last day.'),
      location: str('City, country.'),
    },
  },
  {
    label: 'Document',
    file: 'documents.yaml',
    api: {
      list: 'documents',
      lookup: 'document',
      one: 'document',
      many: 'documents',
      filters: ['documentType'],
      fields: {
        paragraphs: into('Paragraph', ['PART_OF'], 'Its paragraphs in reading order, where the graph holds its text.', {
          orderBy: 'order',
          first: 50,
        }),
        annexes: into('Document', ['PART_OF'], 'Its annexes.'),
      },
    },
    description: 'A document or public page that facts cite, or that the report names.',
    properties: {
      documentType: oneOf(
        {
          report: 'A report, such as the 2011 Standing Committee report.',
          annex: 'An annex of another document.',
          'meeting-document': 'A document prepared for a meeting.',
          'decision-text': 'The text of a resolution or decision.',
          notification: 'A notification to the Parties.',
          'web-page': 'A public web page.',
          publication: 'A published book, study or article.',
        },
        'What kind of document.',
        true,
        'DocumentType',
      ),
      symbol: str('Official symbol where known, e.g. UNEP/CMS/StC34/3.'),
      url: { type: { kind: 'url' }, description: 'Where a public copy was read.' },
      language: oneOf(['en', 'fr', 'es'], 'Language of the copy we hold or cite.', false, 'String'),
      available: { type: { kind: 'boolean' }, description: 'False when the document is known to exist but no copy was found.' },
      publishedOn: date('Date of the document.'),
    },
  },
  {
    label: 'Paragraph',
    file: 'paragraphs.yaml',
    api: {
      list: 'paragraphs',
      lookup: 'paragraph',
      one: 'paragraph',
      many: 'paragraphs',
      filters: ['document'],
      fields: {},
      // Shown as the field document: Document! (schema/documents.graphql).
      hidden: ['document'],
    },
    description: 'A numbered paragraph (or footnote) of a source document, with its text, so the report can be read back.',
    properties: {
      document: str('Id of the Document it belongs to.', true),
      locator: str('Its number in the document: "1".."12", "fn1", "action".', true),
      order: int('Reading order within the document.', 0, 10000, true),
      text: text("The paragraph as printed, in the document's language.", true),
    },
  },
  {
    label: 'Party',
    file: 'parties.yaml',
    api: {
      list: 'parties',
      lookup: 'party',
      one: 'party',
      many: 'parties',
      filters: [],
      fields: {
        funded: out(null, ['FUNDED'], 'What it funded, with year and purpose.', { view: 'Funding' }),
      },
    },
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
    description:
      'Containment: an objective in a plan, a target under a goal, an activity in a programme, a taxon in a higher taxon, an annex in a document, a paragraph in a document.',
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
    properties: { action: oneOf(['approve', 'examine', 'brief'], 'What the meeting is invited to do.', true, 'String') },
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
      appendix: oneOf(['I', 'II', 'III', 'I/II'], 'Appendix.', true, 'String'),
      since: date('Date of entry in the appendix, where known.'),
      asOf: date('Date of the appendices read (the listing was valid then), where known.'),
      populations: str('Populations concerned, where the listing is split.'),
      annotation: str('Annotation or exception as printed.'),
    },
  },
  {
    type: 'SUPPORTS',
    description: 'An activity, programme or initiative contributes to an objective, goal or plan.',
    endpoints: [S('Activity', 'Objective'), S('WorkProgramme', 'Objective'), S('Activity', 'StrategicPlan'), S('Initiative', 'Objective')],
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
    endpoints: [
      S('Decision', 'Decision'),
      S('Decision', 'Instrument'),
      S('Document', 'Decision'),
      S('Document', 'Instrument'),
      S('Decision', 'StrategicPlan'),
    ],
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

/** The whole declaration; the validator, the SDL generator and the resolvers take one (tests pass fixtures). */
export interface Model {
  labels: readonly LabelSpec[];
  relationships: readonly RelationshipSpec[];
  /** Properties every label has besides its own. */
  common: Record<string, PropertySpec>;
}

export const MODEL: Model = { labels: LABELS, relationships: RELATIONSHIPS, common: COMMON_PROPERTIES };

/** Most items a list-of-strings property may hold when it declares no maximum. */
export const STRING_LIST_MAX = 20;

export const LABEL_NAMES = LABELS.map((l) => l.label);
