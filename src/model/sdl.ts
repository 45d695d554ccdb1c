/**
 * The SDL every entity type shares, written from the model: the Entity interface, each label's type with
 * its properties and relationship fields, its Connection / Edge / Link / Filter types, its list and lookup,
 * the enums (kinds, relationship types, property values) and RelationshipProperties. Capabilities
 * (schema/*.graphql) extend these types; nothing in them repeats what is written here.
 */
import type { EntityApiSpec, LabelSpec, Model, PropertySpec, RelationshipFieldSpec } from './model.js';
import { anyOfFilter, FILTERS, STRING_LIST_MAX, filtersOf, type FilterName } from './model.js';

/** Label → EntityKind value (WorkProgramme → WORK_PROGRAMME). */
export const kindOf = (label: string) => label.replace(/(?<!^)(?=[A-Z])/g, '_').toUpperCase();
/** kebab-case data value → GraphQL enum value (memorandum-of-understanding → MEMORANDUM_OF_UNDERSTANDING). */
export const enumValueOf = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1);
const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);
const quote = (text: string) => JSON.stringify(text);

/** Default `first` of a relationship field that declares no maximum. */
export const RELATIONSHIP_FIELD_FIRST = 20;
/** Default page size of a list query (first or last). */
export const LIST_PAGE = 20;
/** Default `first` of the generic links field. */
export const LINKS_FIRST = 50;

/** The GraphQL enum of an enum property, or 'String' where the model shows the value as text. */
export function enumName(label: string, property: string, spec: PropertySpec): string | undefined {
  if (spec.type.kind !== 'enum') return undefined;
  return spec.type.graphqlName ?? `${label}${pascal(property)}`;
}

function scalarOf(label: string, property: string, spec: PropertySpec): string {
  const t = spec.type;
  switch (t.kind) {
    case 'string':
    case 'text':
    case 'url':
      return 'String';
    case 'integer':
      return 'Int';
    case 'boolean':
      return 'Boolean';
    case 'date':
      return 'Date';
    case 'enum':
      return enumName(label, property, spec)!;
    case 'stringList':
      return '[String!]';
  }
}

/** Size of a list-of-strings property, as the validator enforces it. */
export const stringListMax = (spec: PropertySpec) => (spec.type.kind === 'stringList' ? (spec.type.max ?? STRING_LIST_MAX) : undefined);

function propertyField(label: string, name: string, spec: PropertySpec): string {
  const type = scalarOf(label, name, spec);
  if (spec.type.kind === 'stringList') {
    return `  ${quote(spec.description)}\n  ${name}: ${type}! @listSize(assumedSize: ${stringListMax(spec)})`;
  }
  return `  ${quote(spec.description)}\n  ${name}: ${type}${spec.required ? '!' : ''}`;
}

/** The item type of a relationship field. */
export const itemTypeOf = (field: RelationshipFieldSpec) => field.view ?? (field.target ? `${field.target}Link` : 'EntityLink');

/** A relationship field can grow (and so is paged) unless it declares a fixed maximum. */
export const isPaged = (field: RelationshipFieldSpec) => field.max === undefined;
/** Name of the paged twin of a list field (paragraphs → paragraphsConnection). */
export const connectionFieldOf = (name: string) => `${name}Connection`;

/** The arguments of a position-paged connection (src/graphql/positionPages.ts), both ways. */
function pageArguments(many: string, size: number): string[] {
  return [
    `    ${quote(`At most this many ${many} (1 to MAX_PAGE_SIZE, default ${size}).`)}`,
    `    first: Int`,
    `    "Cursor of the last item of the previous page."`,
    `    after: String`,
    `    ${quote(`Backwards: at most this many ${many}, the ones just before \`before\` (or the last ones).`)}`,
    `    last: Int`,
    `    "Backwards: cursor of the first item of the page that follows."`,
    `    before: String`,
  ];
}

function relationshipField(name: string, field: RelationshipFieldSpec): string {
  const how = `${field.types.join(', ')}${field.direction === 'IN' ? ', reversed' : ''}`;
  const description = quote(`${field.description.replace(/\.$/, '')} (${how}).`);
  const item = itemTypeOf(field);
  if (!isPaged(field)) return `  ${description}\n  ${name}: [${item}!]! @listSize(assumedSize: ${field.max})`;
  const size = field.first ?? RELATIONSHIP_FIELD_FIRST;
  return [
    `  ${description}`,
    `  ${name}(`,
    `    "At most this many (1 to MAX_PAGE_SIZE)."`,
    `    first: Int = ${size}`,
    `  ): [${item}!]! @listSize(slicingArguments: ["first"])`,
    `  ${quote(`The same, a page at a time, in the same order: ${field.description.replace(/\.$/, '')}.`)}`,
    `  ${connectionFieldOf(name)}(`,
    ...pageArguments('links', size),
    `  ): ${item}Connection! @listSize(assumedSize: ${size}, slicingArguments: ["first", "last"])`,
  ].join('\n');
}

/** The connection and edge types of an item type of paged relationship fields (AichiTargetLink, Listing). */
export function itemConnection(item: string): string {
  return `${quote(`A page of ${item} items (Relay connection); cursors hold a position, checked when used (STALE_CURSOR after a reload moved it).`)}
type ${item}Connection {
  "The items of this page with their cursors."
  edges: [${item}Edge!]! @listSize(assumedSize: 1)
  "The items of this page."
  nodes: [${item}!]! @listSize(assumedSize: 1)
  "Where this page stands."
  pageInfo: PageInfo!
  "How many items the whole list holds (computed only when asked)."
  totalCount: Int!
}

${quote(`One ${item} in a page, with its cursor.`)}
type ${item}Edge {
  "Opaque cursor: pass it as after (or before) to get the next (or previous) page."
  cursor: String!
  "The item."
  node: ${item}!
}`;
}

/** Item types that some paged list shows: the generic links and every paged relationship field's. */
function pagedItemTypes(model: Model): string[] {
  const items = new Set<string>(['EntityLink']);
  for (const label of model.labels) for (const field of Object.values(label.api.fields)) if (isPaged(field)) items.add(itemTypeOf(field));
  return [...items].sort();
}

/** The fields every entity has; written once here for the interface and every type. */
function commonFields(model: Model, one = 'entity'): string {
  const own = Object.entries(model.common).map(([name, spec]) => propertyField('Entity', name, spec));
  return [
    `  "Opaque global id (Relay), stable across loads."`,
    `  id: ID!`,
    `  ${quote(`Readable key of this ${one} in the curated data: lowercase words joined by hyphens, stable across loads.`)}`,
    `  key: String!`,
    `  "What kind of entity this is."`,
    `  kind: EntityKind!`,
    ...own,
    `  "Where this entity comes from: its citations and their basis."`,
    `  provenance: Provenance!`,
    `  "When the loader first stored it; null on a graph stored before load times were kept."`,
    `  firstLoadedAt: DateTime`,
    `  "When its content (properties, provenance) last changed, as of a load; filter lists with changedSince to follow changes."`,
    `  changedAt: DateTime`,
    `  "Every relationship of this entity, with the entity at the other end and the relationship's provenance."`,
    `  links(`,
    `    "Only these relationship types (all when omitted)."`,
    `    types: [RelationshipType!]`,
    `    "Outgoing, incoming or both."`,
    `    direction: Direction = BOTH`,
    `    "At most this many links (1 to MAX_PAGE_SIZE)."`,
    `    first: Int = ${LINKS_FIRST}`,
    `  ): [EntityLink!]! @listSize(slicingArguments: ["first"])`,
    `  "Every relationship of this entity, a page at a time (by relationship type, then key)."`,
    `  linksConnection(`,
    `    "Only these relationship types (all when omitted)."`,
    `    types: [RelationshipType!]`,
    `    "Outgoing, incoming or both."`,
    `    direction: Direction = BOTH`,
    ...pageArguments('links', LINKS_FIRST),
    `  ): EntityLinkConnection! @listSize(assumedSize: ${LINKS_FIRST}, slicingArguments: ["first", "last"])`,
  ].join('\n');
}

/** GraphQL type of each filter, for one label (enum filters take the label's enum of that property). */
function filterType(model: Model, spec: LabelSpec, filter: FilterName): string {
  const anyOf = anyOfFilter(filter);
  if (anyOf) return `[${filterType(model, spec, anyOf)}!]`;
  switch (filter) {
    case 'year':
    case 'yearFrom':
    case 'yearTo':
      return 'Int';
    case 'changedSince':
    case 'changedBefore':
      return 'DateTime';
    case 'keyIn':
      return '[String!]';
    case 'nameContains':
      return 'String';
    case 'convention':
      return 'ConventionCode';
    case 'species':
    case 'target':
    case 'programme':
    case 'plan':
    case 'document':
    case 'goal':
      return 'String';
    default: {
      const property = { ...model.common, ...spec.properties }[filter];
      const name = property && enumName(spec.label, filter, property);
      if (!name) throw new Error(`${spec.label}: filter ${filter} needs an enum property of that name`);
      return name;
    }
  }
}

/**
 * What a list of a label can be counted by (countBy): each property shown as a GraphQL enum, and the
 * convention when the label takes that filter (counted as the filter selects: an entity of two
 * conventions counts in both). `values` bounds the groups (one more for items without a value).
 */
export function groupingsOf(model: Model, spec: LabelSpec): { name: string; property: string; values: number }[] {
  const groupings = Object.entries({ ...model.common, ...spec.properties })
    .filter(([property, p]) => property !== 'convention' && p.type.kind === 'enum' && enumName(spec.label, property, p) !== 'String')
    .map(([property, p]) => ({
      name: enumValueOf(property.replace(/(?<!^)(?=[A-Z])/g, '-')),
      property,
      values: p.type.kind === 'enum' ? p.type.values.length : 0,
    }));
  if (spec.api.filters.includes('convention')) groupings.push({ name: 'CONVENTION', property: 'convention', values: 3 });
  return groupings;
}

function countBy(model: Model, spec: LabelSpec): string {
  const groupings = groupingsOf(model, spec);
  if (groupings.length === 0) return '';
  const most = Math.max(...groupings.map((g) => g.values)) + 1;
  return `
  ${quote(`How many ${spec.api.many} matching the filter have each value of a property (computed only when asked; values with none left out).`)}
  countBy(
    "The property."
    property: ${spec.label}Grouping!
  ): [GroupCount!]! @listSize(assumedSize: ${most})`;
}

function entityType(model: Model, spec: LabelSpec): string {
  const api: EntityApiSpec = spec.api;
  const hidden = new Set(api.hidden ?? []);
  const properties = Object.entries(spec.properties)
    .filter(([name]) => !hidden.has(name))
    .map(([name, p]) => propertyField(spec.label, name, p));
  const fields = Object.entries(api.fields).map(([name, f]) => relationshipField(name, f));
  const { label } = spec;
  const { one, many } = api;
  const parts = [
    `${quote(spec.description)}\ntype ${label} implements Node & Entity {\n${[commonFields(model, one), ...properties, ...fields].join('\n')}\n}`,
    `${quote(`A page of ${many} (Relay connection).`)}
type ${label}Connection {
  ${quote(`The ${many} of this page with their cursors.`)}
  edges: [${label}Edge!]! @listSize(assumedSize: 1)
  ${quote(`The ${many} of this page.`)}
  nodes: [${label}!]! @listSize(assumedSize: 1)
  "Where this page stands."
  pageInfo: PageInfo!
  ${quote(`How many ${many} match the filter (computed only when asked).`)}
  totalCount: Int!${countBy(model, spec)}
}`,
    `${quote(`One ${one} in a page, with its cursor.`)}
type ${label}Edge {
  "Opaque keyset cursor: pass it as after to get the next page."
  cursor: String!
  ${quote(`The ${one}.`)}
  node: ${label}!
}`,
    `${quote(`${capital(one)} at the other end of a relationship, with the relationship and its provenance.`)}
type ${label}Link {
  ${quote(`The ${one}.`)}
  node: ${label}!
  "The relationship that joins it, with its source."
  relationship: Relationship!
}`,
  ];
  const groupings = groupingsOf(model, spec);
  if (groupings.length > 0) {
    parts.push(
      enumType(
        `${label}Grouping`,
        `What ${many} can be counted by.`,
        groupings.map(
          (g) =>
            [g.name, g.name === 'CONVENTION' ? 'The convention (CMS, CITES, CBD), as the convention filter selects.' : `Its ${g.property}.`] as const,
        ),
      ),
    );
  }
  if (filtersOf(api).length > 0) {
    const filters = filtersOf(api)
      .map((f) => `  ${quote(FILTERS[f])}\n  ${f}: ${filterType(model, spec, f)}`)
      .join('\n');
    parts.push(`${quote(`Criteria for ${many}.`)}\ninput ${label}Filter {\n${filters}\n}`);
  }
  return parts.join('\n\n');
}

function queryFields(spec: LabelSpec): string {
  const { label } = spec;
  const { list, lookup, one, many } = spec.api;
  const filters = filtersOf(spec.api);
  return [
    `  ${quote(`${capital(many)}, a page at a time.`)}`,
    `  ${list}(`,
    `    ${quote(`At most this many ${many} (1 to MAX_PAGE_SIZE, default ${LIST_PAGE}).`)}`,
    `    first: Int`,
    `    "Cursor of the last item of the previous page."`,
    `    after: String`,
    `    ${quote(`Backwards: at most this many ${many}, the ones just before \`before\` (or the last ones) (1 to MAX_PAGE_SIZE).`)}`,
    `    last: Int`,
    `    "Backwards: cursor of the first item of the page that follows."`,
    `    before: String`,
    ...(filters.length > 0 ? [`    ${quote(`Only ${many} matching all the given criteria.`)}`, `    filter: ${label}Filter`] : []),
    `    "Sort order: by key (default) or by name; ties broken by key."`,
    `    orderBy: EntityOrder = KEY`,
    `    "Ascending (default) or descending; cursors work either way."`,
    `    direction: SortDirection = ASC`,
    `  ): ${label}Connection! @listSize(assumedSize: ${LIST_PAGE}, slicingArguments: ["first", "last"])`,
    `  ${quote(`One ${one} by its global id or its readable key (exactly one of them).`)}`,
    `  ${lookup}(`,
    `    "Global id, as returned in id."`,
    `    id: ID`,
    `    "Readable key, e.g. as in the curated data."`,
    `    key: String`,
    `  ): ${label}`,
  ].join('\n');
}

/** An enum; each value with its description (what it means). */
function enumType(name: string, description: string, values: ReadonlyArray<readonly [value: string, meaning: string]>): string {
  return `${quote(description)}\nenum ${name} {\n${values.map(([v, meaning]) => `  ${quote(meaning)}\n  ${v}`).join('\n')}\n}`;
}

/** Every enum of the model's properties, once each; two properties sharing a name must share the values. */
function propertyEnums(model: Model): string[] {
  const enums = new Map<string, { values: Array<readonly [string, string]>; description: string }>();
  const add = (label: string, property: string, spec: PropertySpec) => {
    const name = enumName(label, property, spec);
    if (!name || name === 'String' || spec.type.kind !== 'enum') return;
    const { meanings } = spec.type;
    const values = spec.type.values.map((v) => {
      const meaning = meanings?.[v];
      if (!meaning) throw new Error(`${label}.${property}: the value ${v} of enum ${name} needs a meaning (oneOf with a record)`);
      return [enumValueOf(v), meaning] as const;
    });
    const seen = enums.get(name);
    if (seen && seen.values.join() !== values.join()) throw new Error(`enum ${name} is declared twice with different values`);
    if (!seen) enums.set(name, { values, description: spec.description });
  };
  for (const label of model.labels) for (const [name, spec] of Object.entries(label.properties)) add(label.label, name, spec);
  for (const rel of model.relationships) for (const [name, spec] of Object.entries(rel.properties)) add(rel.type, name, spec);
  return [...enums].sort(([a], [b]) => a.localeCompare(b)).map(([name, e]) => enumType(name, e.description, e.values));
}

function relationshipProperties(model: Model): string {
  const fields = new Map<string, { spec: PropertySpec; types: string[]; owner: string }>();
  for (const rel of model.relationships) {
    for (const [name, spec] of Object.entries(rel.properties)) {
      const seen = fields.get(name);
      if (seen) seen.types.push(rel.type);
      else fields.set(name, { spec, types: [rel.type], owner: rel.type });
    }
  }
  const lines = [...fields].map(([name, { spec, types, owner }]) => {
    const type = scalarOf(owner, name, spec);
    return `  ${quote(`${spec.description.replace(/\.$/, '')} (${types.join(', ')}).`)}\n  ${name}: ${type}`;
  });
  return `"Properties a relationship may carry, by type; null where its type has none."\ntype RelationshipProperties {\n${lines.join('\n')}\n}`;
}

/** The generated SDL of a model. */
export function modelSdl(model: Model): string {
  const sections = [
    '# Generated from src/model/model.ts (src/model/sdl.ts). Do not edit: change the model.',
    `"An entity of the graph: every kind shares these fields."\ninterface Entity implements Node {\n${commonFields(model)}\n}`,
    enumType(
      'EntityKind',
      "The kinds of entities (the graph's labels).",
      model.labels.map((l) => [kindOf(l.label), l.description] as const),
    ),
    enumType(
      'RelationshipType',
      'Relationship types of the graph (see docs/model.md).',
      model.relationships.map((r) => [r.type, r.description] as const),
    ),
    ...propertyEnums(model),
    relationshipProperties(model),
    ...model.labels.map((spec) => entityType(model, spec)),
    ...pagedItemTypes(model).map(itemConnection),
    `extend type Query {\n${model.labels.map(queryFields).join('\n')}\n}`,
  ];
  return `${sections.join('\n\n')}\n`;
}
