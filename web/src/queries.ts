/** Every GraphQL operation the explorer sends, declared once; the views show them as they are. */

/**
 * Fields of each kind shown on the entity page, besides those every entity has. Where two kinds give a
 * field different types (Int and Int!, two status enums), the second is aliased `alias:field`: GraphQL
 * refuses one response name with two types, and the API allows 15 aliases per operation.
 */
export const KIND_FIELDS: Record<string, string[]> = {
  Convention: ['acronym', 'concludedOn'],
  Instrument: ['instrumentType', 'concludedOn', 'inForceFrom'],
  Decision: ['symbol', 'decisionType', 'convention', 'year'],
  Meeting: ['body', 'meetingConvention:convention', 'meetingNumber:number', 'startDate', 'endDate', 'location'],
  Party: ['iso2'],
  WorkProgramme: ['programmeStatus:status', 'startYear', 'endYear', 'originalEndYear'],
  Activity: ['activityStatus:status', 'theme', 'activityStartYear:startYear', 'activityEndYear:endYear'],
  Document: ['documentType', 'documentSymbol:symbol', 'url', 'language', 'available', 'publishedOn'],
  Paragraph: ['locator', 'text'],
  StrategicPlan: ['planStatus:status', 'startYear', 'endYear', 'convention'],
  Objective: ['code', 'level', 'text'],
  Taxon: ['scientificName', 'rank', 'commonNames', 'synonyms'],
  Initiative: ['initiativeType', 'initiativeAcronym:acronym', 'activityStartYear:startYear'],
  AichiTarget: ['number', 'shortTitle', 'text', 'cbdIdentifier'],
  GbfTarget: ['number', 'shortTitle', 'gbfText:text', 'cbdIdentifier'],
};

/** [response name, schema field] of a KIND_FIELDS entry. */
export function kindField(entry: string): [string, string] {
  const [alias, field] = entry.includes(':') ? entry.split(':') : [entry, entry];
  return [alias!, field!];
}

const kindFields = Object.entries(KIND_FIELDS)
  .map(([type, fields]) => `    ... on ${type} { ${fields.join(' ').replace(/:/g, ': ')} }`)
  .join('\n');

/** What the graph views need to colour a node by convention. */
const CONVENTION_OF_NODE =
  '... on Convention { acronym } ... on Decision { convention } ... on StrategicPlan { convention } ... on Meeting { meetingConvention: convention }';

const PROVENANCE = `fragment Provenance on Provenance {
  basis
  rationale
  citations { documentKey locator url confidence document { key name } paragraph { id key locator } }
}`;

export const SEARCH = `query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) {
    score
    node { kind key name nameFr description }
  }
}`;

export const ENTITY = `query Entity($key: String!) {
  entity(key: $key) {
    __typename id kind key name nameFr description
${kindFields}
    provenance { ...Provenance }
    links(first: 100) {
      direction
      node { kind key name }
      relationship {
        key type fromKey toKey
        properties { date appendix since asOf populations annotation year purpose what action toYear }
        provenance { ...Provenance }
      }
    }
  }
}
${PROVENANCE}`;

export const PARAGRAPH_TEXT = `query ParagraphText($key: String!) {
  paragraph(key: $key) { key locator text document { key name } }
}`;

export const PARAGRAPHS_BY_ID = `query ParagraphsById($ids: [ID!]!) {
  nodes(ids: $ids) { ... on Paragraph { key locator order text document { key name } } }
}`;

export const ENTITY_ID = `query EntityId($key: String!) {
  entity(key: $key) { id kind key name }
}`;

export const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $depth: Int, $types: [RelationshipType!], $limit: Int) {
  neighbourhood(id: $id, depth: $depth, types: $types, limit: $limit) {
    truncated
    nodes { kind key name ${CONVENTION_OF_NODE} }
    relationships { key type fromKey toKey provenance { basis rationale } }
  }
}`;

export const CONNECTIONS = `query Connections($from: ID!, $to: ID!, $maxHops: Int) {
  connections(from: $from, to: $to, maxHops: $maxHops) {
    length
    nodes { kind key name ${CONVENTION_OF_NODE} }
    relationships { key type fromKey toKey provenance { basis rationale citations { documentKey locator } } }
  }
}`;

export const TARGETS = `query Targets {
  aichiTargets(first: 20) { nodes { key number shortTitle } }
  gbfTargets(first: 23) { nodes { key number shortTitle } }
}`;

const CONTRIBUTION = `fragment Contribution on TargetContribution {
  route
  basis
  foundation
  rationale
  activity { key name status }
  programme { key name }
  objective { key code }
  plan { key name }
  initiative { key name }
  species { key scientificName }
  steps { type fromKey toKey provenance { basis rationale citations { documentKey locator } } }
}`;

export const AICHI_CONTRIBUTIONS = `query AichiContributions($key: String!) {
  aichiTarget(key: $key) {
    key number shortTitle text
    contributions { ...Contribution }
  }
}
${CONTRIBUTION}`;

export const GBF_CONTRIBUTIONS = `query GbfContributions($key: String!) {
  gbfTarget(key: $key) {
    key number shortTitle text
    contributions {
      aichiTarget { key number }
      bridge { provenance { basis rationale } }
      contribution { ...Contribution }
    }
  }
}
${CONTRIBUTION}`;

export const TARGET_SYNERGIES = `query TargetSynergies($first: Int) {
  targetSynergies(first: $first) {
    target { key number shortTitle }
    coverage
    cmsCount
    citesCount
    cms { node { kind key name } relationship { type } }
    cites { node { kind key name } relationship { type } }
  }
}`;

export const SPECIES_SYNERGIES = `query SpeciesSynergies($first: Int) {
  speciesSynergies(first: $first) {
    taxon { key name scientificName }
    coverage
    cmsCount
    citesCount
    cms { node { kind key name } relationship { type } }
    cites { node { kind key name } relationship { type } }
  }
}`;

export const REPORT = `query Report($key: String!) {
  document(key: $key) {
    key name symbol publishedOn url language
    # The report has 15 paragraphs; each may be stated by up to 200 facts, so the page stays within the cost limit.
    paragraphs(first: 20) {
      node {
        key locator text
        statements {
          entities { kind key name }
          relationships { from { key name } relationship { type provenance { basis } } to { key name } }
        }
      }
    }
  }
}`;

/** The enums as the schema declares them, so the filters never repeat them. */
export const ENUMS = `query Enums {
  relationshipTypes: __type(name: "RelationshipType") { enumValues { name } }
  entityKinds: __type(name: "EntityKind") { enumValues { name } }
}`;
