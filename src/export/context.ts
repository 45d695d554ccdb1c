/**
 * The JSON-LD context of the export, published at /context.jsonld: the API's names mapped to schema.org
 * and Dublin Core terms where they mean the same thing, and to the project's vocabulary (<origin>/vocab#)
 * otherwise. Entities are identified by their explorer page (<origin>/entity/<key>).
 */
export function jsonLdContext(origin: string) {
  return {
    '@context': {
      '@version': 1.1,
      '@vocab': `${origin}/vocab#`,
      schema: 'https://schema.org/',
      dcterms: 'http://purl.org/dc/terms/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      key: 'dcterms:identifier',
      name: 'schema:name',
      nameFr: { '@id': 'schema:alternateName', '@language': 'fr' },
      description: 'schema:description',
      url: { '@id': 'schema:url', '@type': '@id' },
      startDate: 'schema:startDate',
      endDate: 'schema:endDate',
      firstLoadedAt: { '@id': 'dcterms:created', '@type': 'xsd:dateTime' },
      changedAt: { '@id': 'dcterms:modified', '@type': 'xsd:dateTime' },
      loadedAt: { '@type': 'xsd:dateTime' },
      deletedAt: { '@type': 'xsd:dateTime' },
      citations: { '@id': 'dcterms:source', '@container': '@list' },
      document: { '@type': '@id' },
      from: { '@type': '@id' },
      to: { '@type': '@id' },
      // The kinds that are what schema.org names; the others are the project's own classes.
      DOCUMENT: 'schema:CreativeWork',
      MEETING: 'schema:Event',
      TAXON: 'schema:Taxon',
    },
  };
}

/** Where an entity's page is: its JSON-LD @id. */
export const entityIri = (origin: string, key: string) => `${origin}/entity/${key}`;
