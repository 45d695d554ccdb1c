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

  it("reads without the driver's call-site stack, yet a Neo4j error keeps its code and message, and our own errors their stack", async () => {
    const limit = Error.stackTraceLimit;
    await db.read('health/ping', {});
    expect(Error.stackTraceLimit).toBe(limit);
    // A parameter of the wrong type: Neo4j refuses the statement itself.
    const refused = await db.read('entities/byIds', { ids: 42 }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: expect.stringMatching(/^Neo\.ClientError\./), message: expect.stringMatching(/\S/) });
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('ours').stack).toMatch(/neo4j-roundtrip\.test\.ts/);
  });

  it('is a real Neo4j 5.26', async () => {
    const info = await db.driver.getServerInfo({ database: 'neo4j' });
    expect(info.agent).toMatch(/^Neo4j\/5\.26\./);
  });
});
