import { z } from 'zod';
import { createAccount, listUsers, updateAccount } from '../../../services/accounts/user.service.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { rejectInvalid, requireActor } from '../../guards.js';
import { accountPatchBody, newAccountBody, userSchema, withPassword } from './users.schemas.js';

const langQuery = z.strictObject({ lang: z.enum(['es', 'en']).optional() });
const idParams = z.strictObject({ id: z.uuid() });

export function registerUserRoutes(app: App, options: ServerOptions): void {
  const { database } = options;
  const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

  app.get(
    '/api/users',
    {
      config: { access: ['admin'] },
      attachValidation: true,
      schema: {
        tags: ['users'],
        summary: 'Accounts (admin)',
        querystring: langQuery,
        response: { 200: z.array(userSchema), ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { querystring: langQuery });
      return listUsers(database, requireActor(req));
    },
  );

  app.post(
    '/api/users',
    {
      config: { access: ['admin'] },
      attachValidation: true,
      schema: {
        tags: ['users'],
        summary: 'Create an account (admin); without a password one is generated and returned once',
        querystring: langQuery,
        body: newAccountBody,
        response: { 201: withPassword, ...errors },
      },
    },
    async (req, reply) => {
      rejectInvalid(req, { querystring: langQuery, body: newAccountBody });
      const r = await createAccount(database, requireActor(req), req.body);
      void reply.status(201);
      return r;
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: ['admin'] },
      attachValidation: true,
      schema: {
        tags: ['users'],
        summary:
          'Change role, institution, name or active flag, or reset the password (admin; ends the sessions of the account)',
        params: idParams,
        querystring: langQuery,
        body: accountPatchBody,
        response: { 200: withPassword, ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { params: idParams, querystring: langQuery, body: accountPatchBody });
      return updateAccount(database, requireActor(req), req.params.id, req.body);
    },
  );
}
