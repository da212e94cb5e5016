import { z } from 'zod';
import {
  previewNarrative,
  readNarrativeOutline,
  saveNarrativeBlock,
} from '../../../services/report/narrative.service.js';
import { reorderNarrativeBlocks } from '../../../services/report/narrative-order.service.js';
import { errorSchema } from '../../errors.js';
import { expectedVersion, rejectInvalid, requireRole } from '../../guards.js';
import type { App, ServerOptions } from '../../server-context.js';
import {
  narrativeBlockParams,
  narrativeOrderBody,
  narrativeOrderSchema,
  narrativeOutlineSchema,
  narrativePeriodParams,
  narrativePreviewBody,
  narrativePreviewSchema,
  narrativeSaveBody,
  storedBlockSchema,
} from './narrative.schemas.js';

const COORDINATOR = ['coordinator'] as const;
const noQuery = z.strictObject({});
const ifMatch = z.object({ 'if-match': z.string().max(100).optional() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** The coordinator's narrative editor: outline and blocks, preview with figures computed in the database, versioned saves. */
export function registerNarrativeRoutes(app: App, options: ServerOptions): void {
  const { database } = options;
  app.get(
    '/api/reports/:period/narrative',
    {
      config: { access: COORDINATOR },
      attachValidation: true,
      schema: {
        tags: ['reports'],
        summary: 'The report’s outline (pillar → goal → course of action) with its narrative blocks and their versions',
        params: narrativePeriodParams,
        querystring: noQuery,
        response: { 200: narrativeOutlineSchema, ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { params: narrativePeriodParams, querystring: noQuery });
      return readNarrativeOutline(database, requireRole(req, COORDINATOR), req.params.period);
    },
  );
  app.post(
    '/api/reports/:period/narrative/preview',
    {
      config: { access: COORDINATOR },
      attachValidation: true,
      schema: {
        tags: ['reports'],
        summary:
          'Preview a block: its figures computed from the records, typed numbers and missing translations flagged',
        params: narrativePeriodParams,
        querystring: noQuery,
        body: narrativePreviewBody,
        response: { 200: narrativePreviewSchema, ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { params: narrativePeriodParams, querystring: noQuery, body: narrativePreviewBody });
      return previewNarrative(database, requireRole(req, COORDINATOR), req.params.period, req.body);
    },
  );
  app.post(
    '/api/reports/:period/narrative/order',
    {
      config: { access: COORDINATOR },
      attachValidation: true,
      schema: {
        tags: ['reports'],
        summary:
          'Reorder a section’s narrative blocks: every block of the section in the new order with the version read (412 when one changed since)',
        params: narrativePeriodParams,
        querystring: noQuery,
        body: narrativeOrderBody,
        response: { 200: narrativeOrderSchema, 412: errorSchema, ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { params: narrativePeriodParams, querystring: noQuery, body: narrativeOrderBody });
      const blocks = await reorderNarrativeBlocks(
        database,
        requireRole(req, COORDINATOR),
        req.params.period,
        req.body.section,
        req.body.blocks,
      );
      return { blocks };
    },
  );
  app.put(
    '/api/reports/:period/narrative/:id',
    {
      config: { access: COORDINATOR },
      attachValidation: true,
      schema: {
        tags: ['reports'],
        summary:
          'Create (version 0) or replace a narrative block; send the version you read (If-Match or `version`): 412 when someone changed it since',
        params: narrativeBlockParams,
        headers: ifMatch,
        querystring: noQuery,
        body: narrativeSaveBody,
        response: { 200: storedBlockSchema, 412: errorSchema, ...errors },
      },
    },
    async (req, reply) => {
      rejectInvalid(req, {
        params: narrativeBlockParams,
        querystring: noQuery,
        body: narrativeSaveBody,
        headers: ifMatch,
      });
      const version = expectedVersion(req, req.body.version);
      const { version: _v, ...input } = req.body;
      const saved = await saveNarrativeBlock(
        database,
        requireRole(req, COORDINATOR),
        req.params.period,
        req.params.id,
        input,
        version,
      );
      void reply.header('etag', `"${saved.version}"`);
      return saved;
    },
  );
}
