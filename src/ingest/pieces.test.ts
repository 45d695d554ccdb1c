/** The pieces of the validator, each alone: a value, a citation and provenance, an entry, a link. */
import { describe, expect, it } from 'vitest';
import { MODEL } from '../model/model.js';
import { readEntry } from './entries.js';
import { readLink } from './links.js';
import { readCitation, readProvenance } from './provenance.js';
import type { NodeRecord } from './validate.js';
import { readValue } from './values.js';

const collect = () => {
  const problems: string[] = [];
  return { problems, report: (field: string, message: string) => problems.push(`${field}: ${message}`) };
};
const label = (name: string) => MODEL.labels.find((l) => l.label === name)!;

describe('readValue', () => {
  it('reads dates as precise as the source, and refuses impossible ones', () => {
    const date = { type: { kind: 'date' as const }, description: '' };
    expect(readValue(date, 2008)).toEqual({ value: '2008' });
    expect(readValue(date, '2008-07')).toEqual({ value: '2008-07' });
    expect(readValue(date, '2011-02-30')).toEqual({ error: 'is not a real date: 2011-02-30' });
    expect(readValue(date, '2011-13')).toEqual({ error: 'has no month 13' });
  });

  it('checks integers against their range, enums against their values, lists against their size', () => {
    expect(readValue({ type: { kind: 'integer', min: 1, max: 20 }, description: '' }, 21)).toEqual({ error: 'must be between 1 and 20, got 21' });
    expect(readValue({ type: { kind: 'enum', values: ['a', 'b'] }, description: '' }, 'c')).toEqual({ error: 'must be one of a, b, got "c"' });
    expect(readValue({ type: { kind: 'stringList', max: 2 }, description: '' }, ['x', 'y', 'z'])).toEqual({ error: 'holds at most 2 names, got 3' });
    expect(readValue({ type: { kind: 'string' }, description: '' }, '  padded ')).toEqual({ value: 'padded' });
  });
});

describe('readProvenance and readCitation', () => {
  it('refuses unconfirmed citations and unknown fields, keeps quotes', () => {
    const { problems, report } = collect();
    expect(readCitation({ doc: 'stc38-report', at: 6, tag: 'U', page: 2 }, report)).toEqual({ doc: 'stc38-report', at: '6', tag: 'V' });
    expect(problems).toEqual(['.page: unknown field (expected doc, at, tag, quote)', '.tag: unconfirmed facts ([U]) must not be loaded']);
    expect(readCitation({ doc: 'stc38-report', quote: ' la  CMS ' }, () => undefined)).toEqual({
      doc: 'stc38-report',
      at: undefined,
      tag: 'V',
      quote: 'la CMS',
    });
  });

  it('asks a rationale of curated facts only, and a source of sourced ones', () => {
    const { problems, report } = collect();
    readProvenance({ basis: 'curated' }, report);
    readProvenance({ rationale: 'because' }, report);
    expect(problems).toEqual([
      'rationale: a curated link needs a one-line rationale',
      'rationale: only curated facts carry a rationale; sourced facts cite their source',
      'sources: missing: every fact names its source (document and paragraph)',
    ]);
  });
});

describe('readEntry', () => {
  it('reads an entry of a label: its properties typed, required ones present, periods in order, its links kept for later', () => {
    const { problems, report } = collect();
    const entry = readEntry(
      MODEL,
      label('WorkProgramme'),
      {
        id: 'jwp-test',
        name: 'A programme',
        status: 'adopted',
        startYear: 2012,
        endYear: 2010,
        colour: 'blue',
        sources: [{ doc: 'stc38-report', at: '9' }],
        links: [{ type: 'BETWEEN', to: 'cms' }, 'not a link'],
      },
      report,
    );
    expect(entry?.id).toBe('jwp-test');
    expect(entry?.links).toEqual([{ field: 'links[0]', raw: { type: 'BETWEEN', to: 'cms' } }]);
    expect(entry?.documents).toEqual([{ field: 'sources[0].doc', doc: 'stc38-report' }]);
    expect(problems).toEqual([
      expect.stringMatching(/^colour: unknown field for WorkProgramme/),
      'endYear: endYear (2010) is before startYear (2012)',
      'links[1]: must be a mapping {type, to, sources}',
    ]);
  });
});

describe('readLink', () => {
  const node = (id: string, labelName: string): NodeRecord => ({ id, label: labelName, file: 'x.yaml', props: {}, citations: [], basis: 'sourced' });
  const nodes = new Map([
    ['jwp-test', node('jwp-test', 'WorkProgramme')],
    ['cms', node('cms', 'Convention')],
    ['gorilla', node('gorilla', 'Taxon')],
  ]);

  it('builds the link id from its ends and type, with typed properties', () => {
    const { problems, report } = collect();
    const link = readLink(MODEL, nodes.get('jwp-test')!, { type: 'BETWEEN', to: 'cms', sources: [{ doc: 'stc38-report', at: '2' }] }, nodes, report);
    expect(problems).toEqual([]);
    expect(link).toMatchObject({ id: 'jwp-test--BETWEEN--cms', type: 'BETWEEN', to: 'cms', props: {} });
  });

  it('refuses a type that cannot join these labels, naming the pairs it can', () => {
    const { problems, report } = collect();
    expect(readLink(MODEL, nodes.get('jwp-test')!, { type: 'BETWEEN', to: 'gorilla' }, nodes, report)).toBeUndefined();
    expect(problems).toEqual([
      expect.stringMatching(/^\.type: BETWEEN cannot join WorkProgramme to Taxon \(allowed: Instrument->Convention, WorkProgramme->Convention\)$/),
    ]);
  });
});
