import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  downloadAllXlsx,
  downloadDataPackage,
  downloadDataset,
  downloadPivot,
  downloadPublishedPeriod,
  downloadPublishedReport,
  listOpenData,
  listPublishedReports,
  type DatasetName,
  type Download,
  type OpenFormat,
} from '../../../services/portal/downloads.service.js';
import {
  listPublicIndicators,
  readPivot,
  readPivotDimensions,
  readPublicIndicator,
  readPublicMap,
  readPublicOverview,
  readPublicRecord,
  readReportingStatus,
  readStatesGeoJson,
  type PivotQuery,
} from '../../../services/portal/portal.service.js';
import { publishedDataKey } from '../../../services/portal/published-data.js';
import { listPublicRecords } from '../../../services/portal/record.service.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import {
  codeParams,
  dimensionsSchema,
  explorerQuery,
  fileParams,
  idParams,
  indicatorDetailSchema,
  indicatorListSchema,
  langQuery,
  mapQuery,
  mapSchema,
  openDataSchema,
  overviewSchema,
  periodQuery,
  pivotSchema,
  recordListSchema,
  recordSchema,
  recordsQuery,
  reportingStatusSchema,
  reportListSchema,
  yearParams,
} from './public.schemas.js';

const TAG = 'public';
const fileResponse = (what: string) => ({
  200: z.string().describe(what),
  400: errorSchema,
  404: errorSchema,
});

function sendDownload(reply: FastifyReply, d: Download, disposition: 'attachment' | 'inline' = 'attachment') {
  return reply
    .header('content-type', d.contentType)
    .header('content-disposition', `${disposition}; filename="${d.fileName}"`)
    .header('x-content-type-options', 'nosniff')
    .send(d.body);
}

function pivotQueryOf(q: z.infer<typeof explorerQuery>): PivotQuery {
  const { rows, columns, measure, lang: _lang, period, ...rest } = q;
  const filters: PivotQuery['filters'] = {};
  for (const [k, v] of Object.entries(rest)) if (typeof v === 'string') filters[k as keyof typeof filters] = v;
  if (period !== undefined) filters.period = String(period);
  return { rows, columns, measure, filters };
}

/** Whether an If-None-Match header names this entity tag (weak comparison, RFC 9110 §13.1.2). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

/** JSON answers kept per entity tag: at most this many, each at most `CACHE_ENTRY_BYTES` long. */
const CACHE_ENTRIES = 512;
const CACHE_ENTRY_BYTES = 4 * 1024 * 1024;

/**
 * Conditional GET for the reads of the published data: a weak ETag made from the published data's key
 * (which every approval, publication and import changes) and the URL, and `Cache-Control: no-cache`
 * (a cache may keep the answer but asks again each time). A matching If-None-Match gets 304 before the
 * handler reads anything; answers other than 200 lose both headers. JSON answers are also kept in
 * memory under their tag, so a repeated read costs one small query (the key): a new key is a new tag,
 * and the answers of older keys age out of the bounded map; concurrent requests for an answer being
 * computed wait for it.
 */
function conditional(options: ServerOptions) {
  const answers = new Map<string, string>();
  // Requests for an answer being computed wait for it rather than computing it again.
  const computing = new Map<string, { done: Promise<void>; resolve: () => void }>();
  const tagOf = new WeakMap<FastifyRequest, string>();
  return {
    preHandler: async (req: FastifyRequest, reply: FastifyReply) => {
      const key = await publishedDataKey(options.database);
      const hash = createHash('sha256').update(key).update('\0').update(req.url).digest('base64url');
      const etag = `W/"${hash.slice(0, 32)}"`;
      void reply.header('etag', etag).header('cache-control', 'public, no-cache');
      if (matchesEtag(req.headers['if-none-match'], etag)) return reply.code(304).send();
      const other = computing.get(etag);
      if (other) await other.done;
      const kept = answers.get(etag);
      if (kept !== undefined) return reply.header('content-type', 'application/json; charset=utf-8').send(kept);
      if (!other) {
        let resolve = () => {};
        const done = new Promise<void>((r) => (resolve = r));
        computing.set(etag, { done, resolve });
        tagOf.set(req, etag);
      }
    },
    onResponse: (req: FastifyRequest, _reply: FastifyReply, next: () => void) => {
      const etag = tagOf.get(req);
      if (etag !== undefined) {
        computing.get(etag)?.resolve();
        computing.delete(etag);
      }
      next();
    },
    onSend: async (_req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (reply.statusCode !== 200 && reply.statusCode !== 304) {
        reply.removeHeader('etag');
        reply.removeHeader('cache-control');
        return payload;
      }
      const etag = reply.getHeader('etag');
      const type = reply.getHeader('content-type');
      if (
        reply.statusCode === 200 &&
        typeof etag === 'string' &&
        typeof payload === 'string' &&
        typeof type === 'string' &&
        type.startsWith('application/json') &&
        payload.length <= CACHE_ENTRY_BYTES &&
        !answers.has(etag)
      ) {
        if (answers.size >= CACHE_ENTRIES) answers.delete(answers.keys().next().value!);
        answers.set(etag, payload);
      }
      return payload;
    },
  };
}

/**
 * The public portal's API: published data only (records of published periods whose ministry's
 * submission is approved), aggregated, without personal data. Every route is open to everyone.
 */
export function registerPublicRoutes(app: App, options: ServerOptions): void {
  const { database } = options;
  const config = { access: 'public' as const };
  const cached = conditional(options);

  app.get(
    '/api/public/overview',
    {
      config,
      ...cached,
      schema: {
        tags: [TAG],
        summary:
          'The plan (pillars → goals → courses of action) with every indicator’s status, and key figures per published period',
        querystring: langQuery,
        response: { 200: overviewSchema, 404: errorSchema },
      },
    },
    async () => readPublicOverview(database),
  );

  app.get(
    '/api/public/indicators',
    {
      config,
      ...cached,
      schema: {
        tags: [TAG],
        summary: 'Every indicator of the plan (also those without data) with value and status per published period',
        querystring: langQuery,
        response: { 200: indicatorListSchema, 404: errorSchema },
      },
    },
    async () => listPublicIndicators(database),
  );

  app.get(
    '/api/public/indicators/:code',
    {
      config,
      ...cached,
      schema: {
        tags: [TAG],
        summary: 'One indicator: definition, calculation with its inputs and records, history, UN parity comparison',
        params: codeParams,
        querystring: langQuery,
        response: { 200: indicatorDetailSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (req) => readPublicIndicator(database, req.params.code),
  );

  app.get(
    '/api/public/records',
    {
      config,
      ...cached,
      schema: {
        tags: [TAG],
        summary:
          'The published records, one page at a time (limit ≤ 200, offset), in document order, with the number the filters select',
        querystring: recordsQuery,
        response: { 200: recordListSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const { lang: _lang, ...q } = req.query;
      return listPublicRecords(database, q);
    },
  );

  app.get(
    '/api/public/records/:id',
    {
      config,
      ...cached,
      schema: {
        tags: [TAG],
        summary: 'One published record with its parent and sub-activities (404 when not published)',
        params: idParams,
        querystring: langQuery,
        response: { 200: recordSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (req) => readPublicRecord(database, req.params.id),
  );

  app.get(
    '/api/public/explorer',
    {
      config,
      ...cached,
      schema: {
        tags: [TAG],
        summary:
          'Pivot of the published records: rows × columns from period, ministry, institution, kind, pillar, goal, course of action, federal entity, sex',
        querystring: explorerQuery,
        response: { 200: pivotSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (req) => readPivot(database, pivotQueryOf(req.query)),
  );

  app.get(
    '/api/public/explorer/dimensions',
    {
      config,
      ...cached,
      schema: {
        tags: [TAG],
        summary: 'The values of every explorer dimension, with labels in Spanish and English',
        querystring: langQuery,
        response: { 200: dimensionsSchema, 404: errorSchema },
      },
    },
    async () => readPivotDimensions(database),
  );

  for (const format of ['csv', 'xlsx'] as const)
    app.get(
      `/api/public/explorer.${format}`,
      {
        config,
        ...cached,
        schema: {
          tags: [TAG],
          summary: `The same pivot as /api/public/explorer (same query) as ${format.toUpperCase()}`,
          querystring: explorerQuery,
          response: fileResponse(`${format.toUpperCase()} file`),
        },
      },
      async (req, reply) =>
        sendDownload(reply, await downloadPivot(database, pivotQueryOf(req.query), format, req.lang)),
    );

  app.get(
    '/api/public/map',
    {
      config,
      ...cached,
      schema: {
        tags: [TAG],
        summary: 'A metric per federal entity for a published period: count and rate per 100,000 women (INEGI 2020)',
        querystring: mapQuery,
        response: { 200: mapSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (req) => readPublicMap(database, req.query.period ?? null, req.query.metric),
  );

  app.get(
    '/api/public/geo/states',
    {
      config,
      schema: {
        tags: [TAG],
        summary:
          'Boundaries of Mexico’s federal entities (GeoJSON; Natural Earth, public domain), keyed by INEGI cve_ent',
        response: { 200: z.string().describe('GeoJSON FeatureCollection') },
      },
    },
    async (_req, reply) => {
      geoJson ??= JSON.stringify(readStatesGeoJson());
      return reply
        .header('content-type', 'application/geo+json; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .send(geoJson);
    },
  );

  app.get(
    '/api/public/status',
    {
      config,
      ...cached,
      schema: {
        tags: [TAG],
        summary: 'Reporting status: which courses of action and indicators have published data, per period',
        querystring: langQuery,
        response: { 200: reportingStatusSchema, 404: errorSchema },
      },
    },
    async () => readReportingStatus(database),
  );

  app.get(
    '/api/public/reports',
    {
      config,
      schema: {
        tags: [TAG],
        summary: 'Published report versions (newest first)',
        querystring: langQuery,
        response: { 200: reportListSchema },
      },
    },
    async () => listPublishedReports(database),
  );

  app.get(
    '/api/public/reports/:id',
    {
      config,
      schema: {
        tags: [TAG],
        summary: 'Download a published report version (PDF, DOCX or HTML) as it was published',
        params: idParams,
        querystring: langQuery,
        response: fileResponse('The report file'),
      },
    },
    async (req, reply) => {
      const d = await downloadPublishedReport(database, req.params.id);
      // A stored HTML report never runs in the portal's origin.
      if (d.contentType.startsWith('text/html')) reply.header('content-security-policy', 'sandbox');
      return sendDownload(reply, d);
    },
  );

  app.get(
    '/api/public/data',
    {
      config,
      ...cached,
      schema: {
        tags: [TAG],
        summary: 'Catalogue of the open data: datasets, their fields and the published periods',
        querystring: langQuery,
        response: { 200: openDataSchema, 404: errorSchema },
      },
    },
    async () => listOpenData(database),
  );

  app.get(
    '/api/public/data/:file',
    {
      config,
      ...cached,
      schema: {
        tags: [TAG],
        summary:
          'Open data file: DATASET.csv | DATASET.xlsx | DATASET.json (records, indicators, states, deployments), all.xlsx, or datapackage.json (Frictionless Data Package describing the CSV files); ?period= restricts to one published period',
        params: fileParams,
        querystring: periodQuery,
        response: fileResponse('CSV (UTF-8, formulas neutralised), XLSX (values only) or JSON'),
      },
    },
    async (req, reply) => {
      const { file } = req.params;
      const period = req.query.period ?? null;
      if (file === 'datapackage.json') return sendDownload(reply, await downloadDataPackage(database), 'inline');
      if (file === 'all.xlsx') return sendDownload(reply, await downloadAllXlsx(database, period));
      const [name, format] = file.split('.') as [DatasetName, OpenFormat];
      return sendDownload(reply, await downloadDataset(database, name, format, period));
    },
  );

  app.get(
    '/api/public/data/periods/:year',
    {
      config,
      ...cached,
      schema: {
        tags: [TAG],
        summary:
          'A published period in the nap1325 data format (JSON), holding only its published records; importable with `nap1325 import`',
        params: yearParams,
        querystring: langQuery,
        response: fileResponse('Period file (nap1325/period@1)'),
      },
    },
    async (req, reply) => sendDownload(reply, await downloadPublishedPeriod(database, req.params.year)),
  );
}

let geoJson: string | undefined;
