/**
 * GET /export: the whole graph as one JSON document, streamed record by record: every entity and every
 * relationship with its properties and provenance. Portals mirror the graph with it.
 */
import type { Request, Response } from 'express';
import type { GraphReader } from '../db/database.js';
import type { EntityRow, RelationshipRow } from '../entities/rows.js';

const PROVENANCE = new Set(['citations', 'tags', 'quotes', 'basis', 'rationale', 'stamp']);

function provenanceOf(row: { citations: string[]; tags: string[]; quotes?: string[]; basis: string; rationale?: string }) {
  return {
    basis: row.basis,
    ...(row.rationale ? { rationale: row.rationale } : {}),
    citations: row.citations.map((c, i) => {
      const hash = c.indexOf('#');
      const quote = row.quotes?.[i];
      return { document: hash < 0 ? c : c.slice(0, hash), locator: hash < 0 ? null : c.slice(hash + 1), confidence: row.tags[i] === 'P' ? 'partial' : 'verified', ...(quote ? { quote } : {}) };
    }),
  };
}

const ownProperties = (props: object, omit: string[]) =>
  Object.fromEntries(Object.entries(props).filter(([k]) => !PROVENANCE.has(k) && !omit.includes(k)));

/** Writes a chunk, waiting for the socket to drain when its buffer is full; fails once the client is gone. */
function write(res: Response, chunk: string): Promise<void> | void {
  if (res.destroyed) throw new Error('client went away');
  if (!res.write(chunk)) {
    return new Promise((resolve, reject) => {
      const onDrain = () => (res.off('close', onClose), resolve());
      const onClose = () => (res.off('drain', onDrain), reject(new Error('client went away')));
      res.once('drain', onDrain);
      res.once('close', onClose);
    });
  }
}

export function exportRoute(db: GraphReader) {
  return async (_req: Request, res: Response) => {
    res.status(200);
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="convention-cooperation-graph.json"');
    let started = false;
    try {
      const [meta] = await db.read<{ dataHash: string | null }>('about/dataVersion');
      started = true;
      await write(res, `{"dataVersion":${JSON.stringify(meta?.dataHash ?? null)},"nodes":[`);
      let first = true;
      await db.readStream<{ node: EntityRow }>('export/nodes', {}, ({ node }) => {
        const item = { key: node.id, kind: node.kind, properties: ownProperties(node, ['id', 'kind', 'searchAliases']), provenance: provenanceOf(node) };
        const chunk = `${first ? '' : ','}\n${JSON.stringify(item)}`;
        first = false;
        return write(res, chunk);
      });
      await write(res, '\n],"relationships":[');
      first = true;
      await db.readStream<{ type: string; from: string; to: string; rel: RelationshipRow['rel'] }>('export/relationships', {}, (r) => {
        const item = { key: r.rel.id, type: r.type, from: r.from, to: r.to, properties: ownProperties(r.rel, ['id']), provenance: provenanceOf(r.rel) };
        const chunk = `${first ? '' : ','}\n${JSON.stringify(item)}`;
        first = false;
        return write(res, chunk);
      });
      res.end('\n]}\n');
    } catch (error) {
      console.error('[export] failed', error);
      // Before the first byte the client gets a proper error; after it, a cut stream it cannot mistake for a whole one.
      if (!started) res.status(503).json({ errors: [{ message: 'The graph database is unavailable; retry shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      else res.destroy();
    }
  };
}
