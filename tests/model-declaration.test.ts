/**
 * One declaration: a property and a relationship field added to a fixture copy of the model appear in the
 * SDL, in the validation of data/ and in the API's answers, with no other edit anywhere.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createContext } from '../src/graphql/context.js';
import { loadGraph } from '../src/ingest/load.js';
import { readGraph, ValidationError } from '../src/ingest/validate.js';
import { MODEL, type Model } from '../src/model/model.js';
import { createServer, type ApiServer } from '../src/server.js';
import { typeDefsFor } from '../src/schema.js';
import { testConfig } from './support/db.js';
import { startScratchNeo4j, type ScratchNeo4j } from './support/scratch.js';

/** The declared model plus Activity.budget (a property) and Activity.agreedAt (a relationship field). */
const fixture: Model = {
  ...MODEL,
  labels: MODEL.labels.map((label) =>
    label.label !== 'Activity'
      ? label
      : {
          ...label,
          properties: {
            ...label.properties,
            budget: { type: { kind: 'integer', min: 0, max: 10_000_000 }, description: 'Budget in US dollars, where known.' },
          },
          api: {
            ...label.api,
            fields: {
              ...label.api.fields,
              agreedAt: { direction: 'OUT', types: ['AGREED_AT'], target: 'Meeting', description: 'Meetings that agreed it.', max: 2 },
            },
          },
        },
  ),
};

const ACTIVITY = 'accra-cms-mike-meeting';

/** A copy of data/ where one activity states a budget. */
function dataWithBudget(budget: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccg-fixture-data-'));
  fs.cpSync(loadConfig().dataDir, dir, { recursive: true });
  const file = path.join(dir, 'activities.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const anchor = `  - id: ${ACTIVITY}\n`;
  expect(text).toContain(anchor);
  fs.writeFileSync(file, text.replace(anchor, `${anchor}    budget: ${JSON.stringify(budget)}\n`));
  return dir;
}

describe('a property and a relationship field added to the declaration', () => {
  it('appear in the SDL, typed, with the field sized by its declared maximum', () => {
    const activity = buildSchema(typeDefsFor(fixture)).getType('Activity') as GraphQLObjectType;
    expect(String(activity.getFields().budget?.type)).toBe('Int');
    expect(String(activity.getFields().agreedAt?.type)).toBe('[MeetingLink!]!');
    expect(typeDefsFor(fixture)).toMatch(/agreedAt: \[MeetingLink!\]! @listSize\(assumedSize: 2\)/);
    // The declared model knows neither.
    const declared = buildSchema(typeDefsFor(MODEL)).getType('Activity') as GraphQLObjectType;
    expect(declared.getFields().budget).toBeUndefined();
  });

  it('are validated: the declared model refuses the new property, the fixture checks its type and range', () => {
    const dir = dataWithBudget(125_000);
    try {
      expect(() => readGraph(dir)).toThrow(/activities\.yaml › accra-cms-mike-meeting › budget: unknown field for Activity/);
      const graph = readGraph(dir, fixture);
      expect(graph.nodes.find((n) => n.id === ACTIVITY)?.props.budget).toBe(125_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const bad = dataWithBudget(-5);
    try {
      let error: unknown;
      try {
        readGraph(bad, fixture);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems).toEqual([
        { file: 'activities.yaml', entry: ACTIVITY, field: 'budget', message: 'must be between 0 and 10000000, got -5' },
      ]);
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
    }
  });

  it('the declared maximum of the new field is enforced on the data', () => {
    const tight: Model = {
      ...fixture,
      labels: fixture.labels.map((l) =>
        l.label !== 'Activity' ? l : { ...l, api: { ...l.api, fields: { ...l.api.fields, taxa: { ...l.api.fields.taxa!, max: 0 } } } },
      ),
    };
    expect(() => readGraph(loadConfig().dataDir, tight)).toThrow(/Activity\.taxa shows at most 0 \(CONCERNS\), this entry has \d/);
  });

  describe('and are answered by the API', () => {
    let scratch: ScratchNeo4j;
    let server: ApiServer;
    let dir: string;
    beforeAll(async () => {
      scratch = await startScratchNeo4j();
      dir = dataWithBudget(125_000);
      await loadGraph(scratch.db, readGraph(dir, fixture), { force: true });
      server = await createServer(testConfig({ PORT: '0' }), scratch.db, { model: fixture });
    }, 240_000);
    afterAll(async () => {
      await server?.stop();
      await scratch?.dispose();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('with the property and the links of the new field', async () => {
      const response = await server.apollo.executeOperation(
        { query: `{ activity(key: "${ACTIVITY}") { budget agreedAt { node { key } relationship { type } } } }` },
        { contextValue: createContext(scratch.db, testConfig()) },
      );
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      expect(response.body.singleResult.errors).toBeUndefined();
      expect(response.body.singleResult.data).toEqual({
        activity: { budget: 125_000, agreedAt: [{ node: { key: 'accra-joint-meeting-2009' }, relationship: { type: 'AGREED_AT' } }] },
      });
    });
  });
});
