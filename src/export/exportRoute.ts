/**
 * The bulk export, streamed record by record and compressed when asked, in the API's vocabulary:
 * - GET /export: every entity and relationship with its properties, provenance and when it was first
 *   loaded and last changed, as JSON (default), NDJSON or JSON-LD (`format=` or Accept). Portals mirror the
 *   graph with it; `?changedSince=<date-time>` gives only what changed after that instant, with the
 *   deletions (tombstones) since then, so a mirror follows exactly: apply the entities and relationships,
 *   remove the deletions, and ask next time from the `loadedAt` this answer gives.
 * - GET /export/<table>.csv: the tabular views (activities, contributions, listings).
 * - GET /context.jsonld: the JSON-LD context.
 */
import type { Writable } from 'node:stream';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';
import type { RecordShape } from 'neo4j-driver';
import type { GraphReader } from '../db/database.js';
import { checkDateTime } from '../graphql/args.js';
import { stringify } from 'csv-stringify/sync';
import type { EntityRow } from '../entities/rows.js';
import { RETRY_AFTER_SECONDS } from '../graphql/errors.js';
import { etagOf } from '../graphql/httpCache.js';
import { MODEL, type Model } from '../model/model.js';
import { componentLogger } from '../observability/logger.js';
import { jsonLdContext } from './context.js';
import { documentWriter, type ExportItem, FORMATS, type Format, type Section } from './formats.js';
import { type DeletionRow, exportVocabulary, type RelationshipExportRow } from './records.js';
import { TABLES } from './tables.js';

const log = componentLogger('export');

/** Mirrors may reuse an export for five minutes, and a stale one for an hour while they fetch again. */
const EXPORT_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';
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

/** The format asked: `format=` first, then the Accept header; JSON when neither says. */
function formatOf(req: Request): Format {
  const given = req.query.format;
  if (given !== undefined) {
    if (typeof given === 'string' && given in FORMATS) return given as Format;
    throw new BadExportArgument('format', `must be one of ${Object.keys(FORMATS).join(', ')}, got ${JSON.stringify(given)}`);
  }
  const accepted = req.accepts(Object.values(FORMATS));
  return (Object.keys(FORMATS) as Format[]).find((f) => FORMATS[f] === accepted) ?? 'json';
}

class BadExportArgument extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(`${argument}: ${message}`);
  }
}

function changedSinceOf(req: Request): string | null {
  const given = req.query.changedSince;
  if (given === undefined) return null;
  try {
    return checkDateTime('changedSince', typeof given === 'string' ? given : JSON.stringify(given));
  } catch (error) {
    throw new BadExportArgument('changedSince', (error instanceof Error ? error.message : String(error)).replace(/^changedSince: /, ''));
  }
}

function refuse(res: Response, error: BadExportArgument) {
  res.status(400).json({
    errors: [{ message: error.message, extensions: { code: 'BAD_USER_INPUT', argument: error.argument, requestId: res.locals.requestId } }],
  });
}

/** The API's own address as the client reached it (behind a trusted proxy, as the proxy says). */
const originOf = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

/**
 * Answers 304 when the client holds this version of this resource, else sets the caching headers and
 * says to go on. The export changes only with the data: its ETag is the data version and the resource.
 */
async function fresh(db: GraphReader, req: Request, res: Response, resource: string) {
  const [meta] = await db.read<{ dataHash: string | null; loadedAt: string | null }>('about/dataVersion');
  const etag = etagOf(meta?.dataHash ?? null, resource);
  res.setHeader('etag', etag);
  res.setHeader('cache-control', EXPORT_CACHE_CONTROL);
  if ((req.get('if-none-match') ?? '').split(',').some((tag) => tag.trim() === etag)) {
    res.status(304).end();
    return undefined;
  }
  return { dataVersion: meta?.dataHash ?? null, loadedAt: meta?.loadedAt ?? null };
}

/** Before the first byte a client gets a proper error; after it, a cut stream it cannot take for a whole one. */
function failed(res: Response, started: boolean, error: unknown, what: string) {
  log.error({ requestId: res.locals.requestId, err: error }, `${what} failed`);
  if (!started)
    res
      .status(503)
      .set('retry-after', RETRY_AFTER_SECONDS)
      .json({
        errors: [
          {
            message: 'The graph database is unavailable; retry shortly',
            extensions: { code: 'SERVICE_UNAVAILABLE', requestId: res.locals.requestId },
          },
        ],
      });
  else res.destroy();
}

/** GET /export: the whole graph, or what changed since a date, as JSON, NDJSON or JSON-LD. */
export function exportRoute(db: GraphReader, model: Model = MODEL) {
  const vocabulary = exportVocabulary(model);
  return async (req: Request, res: Response) => {
    let format: Format;
    let changedSince: string | null;
    try {
      format = formatOf(req);
      changedSince = changedSinceOf(req);
    } catch (error) {
      if (error instanceof BadExportArgument) return refuse(res, error);
      throw error;
    }
    res.setHeader('vary', 'accept, accept-encoding');
    let started = false;
    try {
      const meta = await fresh(db, req, res, `/export?format=${format}&changedSince=${changedSince ?? ''}`);
      if (!meta) return;
      started = true;
      res.status(200);
      res.setHeader('content-type', `${FORMATS[format]}; charset=utf-8`);
      res.setHeader('content-disposition', `attachment; filename="convention-cooperation-graph.${format}"`);
      const out = output(req, res);
      const writer = documentWriter(format, originOf(req));
      const counts = { nodes: 0, relationships: 0, deletions: 0 };
      await write(out, writer.head({ ...meta, changedSince }));
      const section = async <S extends Section, R extends RecordShape>(name: S, statement: string, toItem: (row: R) => ExportItem[S]) => {
        await write(out, writer.open(name));
        await db.readStream<R>(statement, { changedSince }, (row) => {
          const chunk = writer.item(name, toItem(row), counts[name] === 0);
          counts[name] += 1;
          return write(out, chunk);
        });
        await write(out, writer.close(name));
      };
      await section('nodes', 'export/nodes', (r: { node: EntityRow }) => vocabulary.entity(r.node));
      await section('relationships', 'export/relationships', (r: RelationshipExportRow) => vocabulary.relationship(r));
      if (changedSince !== null) await section('deletions', 'export/deletions', (d: DeletionRow) => vocabulary.deletion(d));
      out.stream.end(writer.end(counts));
    } catch (error) {
      failed(res, started, error, 'export');
    }
  };
}

/** GET /export/<table>.csv: a tabular view (activities, contributions, listings) as CSV. */
export function tableRoute(db: GraphReader) {
  return async (req: Request, res: Response) => {
    const name = String(req.params.table);
    const table = TABLES[name];
    if (!table) {
      res.status(404).json({
        errors: [
          {
            message: `No table ${name}: the tables are ${Object.keys(TABLES).join(', ')}`,
            extensions: { code: 'NOT_FOUND', requestId: res.locals.requestId },
          },
        ],
      });
      return;
    }
    res.setHeader('vary', 'accept-encoding');
    let started = false;
    try {
      if (!(await fresh(db, req, res, `/export/${name}.csv`))) return;
      started = true;
      res.status(200);
      res.setHeader('content-type', 'text/csv; charset=utf-8; header=present');
      res.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
      const out = output(req, res);
      const line = (cells: unknown[]) =>
        stringify([cells.map((c) => (c === null || c === undefined ? '' : c))], { eof: true, record_delimiter: 'windows' });
      await write(out, line([...table.columns]));
      await db.readStream(table.statement, {}, (row) => write(out, line(table.cells(row))));
      out.stream.end();
    } catch (error) {
      failed(res, started, error, `export of ${name}.csv`);
    }
  };
}

/** GET /context.jsonld: the JSON-LD context the export's JSON-LD refers to. */
export function contextRoute(req: Request, res: Response) {
  res.setHeader('cache-control', 'public, max-age=86400');
  res.type('application/ld+json').send(JSON.stringify(jsonLdContext(originOf(req)), null, 2));
}
