import { randomBytes } from 'node:crypto';
import { Option, type Command } from 'commander';
import { ROLES, type Role } from '../../core/model/access.js';
import type { Lang } from '../../core/model/kinds.js';
import { withDatabase, type GlobalOptions } from '../context.js';
import { t, type Io } from '../output.js';

/** A random password of 20 characters (≈ 119 bits), printed once. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

export function registerUser(program: Command, lang: Lang, io: Io): void {
  const user = program.command('user').description(t(lang, 'cuentas de usuario', 'user accounts'));
  user
    .command('create')
    .description(
      t(
        lang,
        'crea una cuenta; sin --password genera una contraseña y la muestra una sola vez',
        'create an account; without --password a password is generated and shown once',
      ),
    )
    .requiredOption('--email <email>', t(lang, 'correo', 'e-mail'))
    .requiredOption('--name <name>', t(lang, 'nombre', 'name'))
    .addOption(new Option('--role <role>', t(lang, 'rol', 'role')).choices([...ROLES]).makeOptionMandatory())
    .option(
      '--institution <code>',
      t(lang, 'institución (para editor y lector)', 'institution (for editor and viewer)'),
    )
    .option('--password <password>', t(lang, 'contraseña (12 a 128 caracteres)', 'password (12 to 128 characters)'))
    .action(
      async (o: { email: string; name: string; role: Role; institution?: string; password?: string }, cmd: Command) => {
        const { createUser } = await import('../../services/accounts/auth.service.js');
        const opts = cmd.optsWithGlobals<GlobalOptions>();
        const password = o.password ?? generatePassword();
        const r = await withDatabase(opts, (db) =>
          createUser(db, 'system', {
            email: o.email,
            name: o.name,
            role: o.role,
            institution: o.institution ?? null,
            password,
          }),
        );
        if (opts.json) io.out(JSON.stringify({ id: r.id, email: o.email, ...(o.password ? {} : { password }) }));
        else {
          io.out(t(lang, `Cuenta creada: ${o.email} (${o.role})`, `Account created: ${o.email} (${o.role})`));
          if (!o.password)
            io.out(
              t(lang, `Contraseña (se muestra una sola vez): ${password}`, `Password (shown only once): ${password}`),
            );
        }
      },
    );
}
