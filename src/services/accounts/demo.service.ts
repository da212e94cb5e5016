import type { Role } from '../../core/model/access.js';
import type { Database } from '../../db/create-db.js';
import { createUser } from './auth.service.js';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  institution: string | null;
}

/** Demo accounts: one admin, one coordinator (SRE), editors for SEMAR and SEDENA, a viewer for SEMAR. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@demo.nap1325.example', name: 'Demo admin', role: 'admin', institution: null },
  {
    email: 'coordinacion@demo.nap1325.example',
    name: 'Coordinación SRE (demo)',
    role: 'coordinator',
    institution: 'SRE',
  },
  { email: 'semar@demo.nap1325.example', name: 'SEMAR (demo)', role: 'editor', institution: 'SEMAR' },
  { email: 'sedena@demo.nap1325.example', name: 'SEDENA (demo)', role: 'editor', institution: 'SEDENA' },
  { email: 'semar-lectura@demo.nap1325.example', name: 'SEMAR lectura (demo)', role: 'viewer', institution: 'SEMAR' },
];

/**
 * Creates the demo accounts that do not exist yet, with passwords from `generate` (shown once by the
 * caller). Accounts whose institution is not in the plan (an empty database) are skipped.
 */
export async function createDemoAccounts(
  database: Database,
  generate: () => string,
  now = new Date(),
): Promise<{
  created: (DemoAccount & { password: string })[];
  skipped: { email: string; reason: 'exists' | 'no-institution' }[];
}> {
  const created: (DemoAccount & { password: string })[] = [];
  const skipped: { email: string; reason: 'exists' | 'no-institution' }[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const exists = await database.db
      .selectFrom('app_user')
      .select('id')
      .where('email', '=', account.email)
      .executeTakeFirst();
    if (exists) {
      skipped.push({ email: account.email, reason: 'exists' });
      continue;
    }
    if (account.institution !== null) {
      const known = await database.db
        .selectFrom('institution')
        .select('code')
        .where('code', '=', account.institution)
        .executeTakeFirst();
      if (!known) {
        skipped.push({ email: account.email, reason: 'no-institution' });
        continue;
      }
    }
    const password = generate();
    await createUser(database, 'system', { ...account, password }, now);
    created.push({ ...account, password });
  }
  return { created, skipped };
}
