/** Every Cypher statement of cypher/ is planned by the real Neo4j: a typo or a bad reference fails here. */
import { afterAll, describe, expect, it } from 'vitest';
import { allCypher } from '../src/db/cypher.js';
import { sharedDatabase } from './support/db.js';

const db = sharedDatabase();
afterAll(() => db.close());

const statements = [...allCypher()];
// Schema commands cannot be EXPLAINed; the loading tests check they create what they promise.
const plannable = statements.filter(([name]) => !name.startsWith('schema/constraint') && !name.startsWith('schema/index'));

describe('cypher/', () => {
  it('holds the statements the program names', () => {
    expect(statements.length).toBeGreaterThan(30);
    for (const [name, text] of statements) {
      expect(text, `cypher/${name}.cypher is empty`).not.toBe('');
      expect(text, `cypher/${name}.cypher has an unexpanded fragment`).not.toMatch(/\{\{\w+\}\}/);
    }
  });

  it.each(plannable)('EXPLAIN %s', async (_name, text) => {
    const params = Object.fromEntries([...text.matchAll(/\$(\w+)/g)].map(([, p]) => [p!, null]));
    const session = db.driver.session({ database: 'neo4j' });
    try {
      const result = await session.run(`EXPLAIN ${text}`, params);
      expect(result.summary.plan).toBeTruthy();
      expect(result.records).toHaveLength(0);
    } finally {
      await session.close();
    }
  });
});
