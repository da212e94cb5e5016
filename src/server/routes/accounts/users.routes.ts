import { z } from 'zod';
import { ROLES } from '../../../core/model/access.js';
import { codeSchema } from '../../../core/schemas/common.schema.js';
import { PASSWORD_MAX } from '../../../services/accounts/auth.service.js';
import { createAccount, listUsers, updateAccount } from '../../../services/accounts/user.service.js';
import type { App, ServerOptions } from '../../server-context.js';
import { errorSchema } from '../../errors.js';
import { rejectInvalid, requireActor } from '../../guards.js';
import { userSchema, withPassword } from './users.schemas.js';

const langQuery = z.strictObject({ lang: z.enum(['es', 'en']).optional() });
const password = z
  .string()
  .min(1)
  .max(PASSWORD_MAX * 4);
const createBody = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  institution: codeSchema.nullable().default(null),
  password: password.optional(),
});
const patchBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  institution: codeSchema.nullable().optional(),
  active: z.boolean().optional(),
  password: password.optional(),
  resetPassword: z.boolean().optional(),
});
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
        body: createBody,
        response: { 201: withPassword, ...errors },
      },
    },
    async (req, reply) => {
      rejectInvalid(req, { querystring: langQuery, body: createBody });
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
        body: patchBody,
        response: { 200: withPassword, ...errors },
      },
    },
    async (req) => {
      rejectInvalid(req, { params: idParams, querystring: langQuery, body: patchBody });
      return updateAccount(database, requireActor(req), req.params.id, req.body);
    },
  );
}
