/**
 * GET /export: the whole graph as one JSON document, streamed record by record: every entity and every
 * relationship with its properties, provenance and when it was first loaded and last changed. Portals
 * mirror the graph with it; `?changedSince=<date-time>` gives only what changed after that instant, with
 * the deletions (tombstones) since then, so a mirror follows exactly: apply the nodes and relationships,
 * remove the deletions, and ask next time from the `loadedAt` this answer gives.
 */
import type { Writable } from 'node:stream';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';
import type { GraphReader } from '../db/database.js';
import { checkDateTime } from '../graphql/args.js';
import { etagOf } from '../graphql/httpCache.js';
import { componentLogger } from '../observability/logger.js';

const log = componentLogger('export');

/** Mirrors may reuse an export for five minutes, and a stale one for an hour while they fetch again. */
const EXPORT_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';
import type { EntityRow, RelationshipRow } from '../entities/rows.js';

const PROVENANCE = new Set(['citations', 'tags', 'quotes', 'basis', 'rationale', 'stamp', 'contentHash', 'firstLoadedAt', 'changedAt']);

const times = (row: { firstLoadedAt?: string; changedAt?: string }) => ({
  firstLoadedAt: row.firstLoadedAt ?? null,
  changedAt: row.changedAt ?? null,
});

function provenanceOf(row: { citations: string[]; tags: string[]; quotes?: string[]; basis: string; rationale?: string }) {
  return {
    basis: row.basis,
    ...(row.rationale ? { rationale: row.rationale } : {}),
    citations: row.citations.map((c, i) => {
      const hash = c.indexOf('#');
      const quote = row.quotes?.[i];
      return {
        document: hash < 0 ? c : c.slice(0, hash),
        locator: hash < 0 ? null : c.slice(hash + 1),
        confidence: row.tags[i] === 'P' ? 'partial' : 'verified',
        ...(quote ? { quote } : {}),
      };
    }),
  };
}

const ownProperties = (props: object, omit: string[]) =>
  Object.fromEntries(Object.entries(props).filter(([k]) => !PROVENANCE.has(k) && !omit.includes(k)));

/** Where the export is written: the response, or a gzip / Brotli stream into it when the client accepts one. */
interface Output {
  stream: Writable;
  res: Response;
}

function output(req: Request, res: Response): Output {
  res.setHeader('vary', 'accept-encoding');
  const accepted = req.get('accept-encoding') ?? '';
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  if (encoding === null) return { stream: res, res };
  res.setHeader('content-encoding', encoding);
  // Brotli's default quality (11) is for static files; 4 compresses a stream about as well as gzip, faster.
  const stream = encoding === 'br' ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }) : zlib.createGzip();
  stream.pipe(res);
  return { stream, res };
}

/** Writes a chunk, waiting for the stream to drain when its buffer is full; fails once the client is gone. */
function write({ stream, res }: Output, chunk: string): Promise<void> | void {
  if (res.destroyed) throw new Error('client went away');
  if (!stream.write(chunk)) {
    return new Promise((resolve, reject) => {
      const onDrain = () => {
        res.off('close', onClose);
        resolve();
      };
      const onClose = () => {
        stream.off('drain', onDrain);
        reject(new Error('client went away'));
      };
      stream.once('drain', onDrain);
      res.once('close', onClose);
    });
  }
}

export function exportRoute(db: GraphReader) {
  return async (req: Request, res: Response) => {
    let changedSince: string | null = null;
    try {
      const given = req.query.changedSince;
      if (given !== undefined) changedSince = checkDateTime('changedSince', typeof given === 'string' ? given : JSON.stringify(given));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      res
        .status(400)
        .json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', argument: 'changedSince', requestId: res.locals.requestId } }] });
      return;
    }
    res.status(200);
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="convention-cooperation-graph.json"');
    let started = false;
    try {
      const [meta] = await db.read<{ dataHash: string | null; loadedAt: string | null }>('about/dataVersion');
      // The export changes only with the data: its ETag is the data version (and the changedSince asked).
      const etag = etagOf(meta?.dataHash ?? null, `/export?changedSince=${changedSince ?? ''}`);
      res.setHeader('etag', etag);
      res.setHeader('cache-control', EXPORT_CACHE_CONTROL);
      if ((req.get('if-none-match') ?? '').split(',').some((tag) => tag.trim() === etag)) {
        res.status(304).end();
        return;
      }
      started = true;
      const out = output(req, res);
      const head = { dataVersion: meta?.dataHash ?? null, loadedAt: meta?.loadedAt ?? null, changedSince };
      await write(out, `${JSON.stringify(head).slice(0, -1)},"nodes":[`);
      let first = true;
      await db.readStream<{ node: EntityRow }>('export/nodes', { changedSince }, ({ node }) => {
        const item = {
          key: node.id,
          kind: node.kind,
          properties: ownProperties(node, ['id', 'kind', 'searchAliases']),
          provenance: provenanceOf(node),
          ...times(node),
        };
        const chunk = `${first ? '' : ','}\n${JSON.stringify(item)}`;
        first = false;
        return write(out, chunk);
      });
      await write(out, '\n],"relationships":[');
      first = true;
      await db.readStream<{ type: string; from: string; to: string; rel: RelationshipRow['rel'] }>('export/relationships', { changedSince }, (r) => {
        const item = {
          key: r.rel.id,
          type: r.type,
          from: r.from,
          to: r.to,
          properties: ownProperties(r.rel, ['id']),
          provenance: provenanceOf(r.rel),
          ...times(r.rel),
        };
        const chunk = `${first ? '' : ','}\n${JSON.stringify(item)}`;
        first = false;
        return write(out, chunk);
      });
      if (changedSince !== null) {
        await write(out, '\n],"deletions":[');
        first = true;
        await db.readStream<{ key: string; kind: string; type: string | null; deletedAt: string }>('export/deletions', { changedSince }, (d) => {
          const chunk = `${first ? '' : ','}\n${JSON.stringify(d)}`;
          first = false;
          return write(out, chunk);
        });
      }
      out.stream.end('\n]}\n');
    } catch (error) {
      log.error({ requestId: res.locals.requestId, err: error }, 'export failed');
      // Before the first byte the client gets a proper error; after it, a cut stream it cannot mistake for a whole one.
      if (!started)
        res
          .status(503)
          .json({ errors: [{ message: 'The graph database is unavailable; retry shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      else res.destroy();
    }
  };
}
