/**
 * A bundled list of common passwords (B1). Compared case-insensitively; also refuses a password made
 * of one repeated character or a plain run of the keyboard.
 */
const COMMON = new Set(
  [
    '123456789012',
    '1234567890123',
    '12345678901234',
    'password1234',
    'password12345',
    'passwordpassword',
    'qwertyuiopas',
    'qwertyuiop123',
    'qwerty123456',
    'iloveyou1234',
    'administrator',
    'administrador',
    'contraseña123',
    'contrasena123',
    'contraseña1234',
    'contrasena1234',
    'mexico123456',
    'mexico2022!!',
    'welcome12345',
    'letmein12345',
    'abc123456789',
    'abcdefghijkl',
    'abcdefghijklm',
    '111111111111',
    '000000000000',
    'aaaaaaaaaaaa',
    'zaq12wsxcde3',
    '1q2w3e4r5t6y',
    '1qaz2wsx3edc',
    'qazwsxedcrfv',
    'passw0rd1234',
    'p@ssw0rd1234',
    'p@ssword1234',
    'football1234',
    'baseball1234',
    'superman1234',
    'trustno11234',
    'sunshine1234',
    'princess1234',
    'dragon123456',
    'monkey123456',
    'shadow123456',
    'master123456',
    'changeme1234',
    'changeme12345',
    'default12345',
    'secret123456',
    'nap1325nap1325',
    'nap13251325',
  ].map((p) => p.toLowerCase()),
);

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];

export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON.has(p)) return true;
  if (/^(.)\1+$/.test(p)) return true;
  const run = (s: string) =>
    KEYBOARD_ROWS.some((row) => (row + row).includes(s) || (row + row).split('').reverse().join('').includes(s));
  return run(p);
}
