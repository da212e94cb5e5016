/** Checks of the new-account form before it is sent (the server checks again, with the common-password list). Pure. */
import type { Role } from '../../../core/model/access.js';

export interface AccountDraft {
  email: string;
  name: string;
  role: Role | '';
  institution: string;
  /** Empty: the server generates one and shows it once. */
  password: string;
}

type Msg = { es: string; en: string };

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export function accountProblems(d: AccountDraft): Record<string, Msg> {
  const out: Record<string, Msg> = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim()))
    out.email = {
      es: 'escriba un correo válido, p. ej. nombre@semar.gob.mx',
      en: 'enter a valid e-mail, e.g. name@semar.gob.mx',
    };
  if (d.name.trim() === '') out.name = { es: 'escriba el nombre', en: 'enter the name' };
  if (d.role === '') out.role = { es: 'elija un rol', en: 'choose a role' };
  if ((d.role === 'editor' || d.role === 'viewer') && d.institution === '')
    out.institution = {
      es: 'las cuentas de institución necesitan una institución',
      en: 'institution accounts need an institution',
    };
  const length = [...d.password].length;
  if (d.password !== '' && length < PASSWORD_MIN)
    out.password = {
      es: `al menos ${PASSWORD_MIN} caracteres (o déjela vacía para generar una)`,
      en: `at least ${PASSWORD_MIN} characters (or leave it empty to generate one)`,
    };
  if (length > PASSWORD_MAX)
    out.password = { es: `como máximo ${PASSWORD_MAX} caracteres`, en: `at most ${PASSWORD_MAX} characters` };
  return out;
}
