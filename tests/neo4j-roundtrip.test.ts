import { afterAll, describe, expect, it } from 'vitest';
import { QueryStats } from '../src/db/database.js';
import { sharedDatabase } from './support/db.js';

describe('the test Neo4j', () => {
  const db = sharedDatabase();
  afterAll(() => db.close());

  it('answers a Cypher round trip with parameters through the driver', async () => {
    const session = db.driver.session({ database: 'neo4j' });
    try {
      const result = await session.executeRead((tx) => tx.run('RETURN $word + "!" AS said, 6 * 7 AS answer', { word: 'bolt' }));
      expect(result.records[0]?.get('said')).toBe('bolt!');
      expect(result.records[0]?.get('answer')).toBe(42);
    } finally {
      await session.close();
    }
  });

  it('runs named statements from cypher/ and counts round trips', async () => {
    const stats = new QueryStats();
    expect(await db.read('health/ping', {}, stats)).toEqual([{ ok: 1 }]);
    expect(stats.roundTrips).toBe(1);
    expect(stats.statements).toEqual(['health/ping']);
    expect(await db.ping(1000)).toBe(true);
  });

  it('is a real Neo4j 5.26', async () => {
    const info = await db.driver.getServerInfo({ database: 'neo4j' });
    expect(info.agent).toMatch(/^Neo4j\/5\.26\./);
  });
});
