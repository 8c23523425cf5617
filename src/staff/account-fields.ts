import { PASSWORD_MAX, PASSWORD_MIN } from './passwords.ts';

export type AccountField = 'name' | 'email' | 'password' | 'repeat';
export type AccountProblem =
  | 'required'
  | 'too-long'
  | 'email'
  | 'password-short'
  | 'password-long'
  | 'repeat';
export type AccountInput = { name: string; email: string; password: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The e-mail address as it is stored and compared: trimmed, lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks the fields a person fills in to get or claim an account. Only the fields named in `fields` are checked,
 * so the same rules serve the setup form, the invitation form and the invite dialog.
 */
export function checkAccountFields(
  raw: Partial<Record<AccountField, string>>,
  fields: readonly AccountField[],
): { ok: true; value: AccountInput } | { ok: false; errors: Partial<Record<AccountField, AccountProblem>> } {
  const errors: Partial<Record<AccountField, AccountProblem>> = {};
  const name = (raw.name ?? '').trim();
  const email = normaliseEmail(raw.email ?? '');
  const password = raw.password ?? '';
  if (fields.includes('name')) {
    if (name === '') errors.name = 'required';
    else if (name.length > 200) errors.name = 'too-long';
  }
  if (fields.includes('email')) {
    if (email === '') errors.email = 'required';
    else if (email.length > 254 || !EMAIL.test(email)) errors.email = 'email';
  }
  if (fields.includes('password')) {
    if (password.length < PASSWORD_MIN) errors.password = 'password-short';
    else if (password.length > PASSWORD_MAX) errors.password = 'password-long';
  }
  if (fields.includes('repeat') && !errors.password && raw.repeat !== password) errors.repeat = 'repeat';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { name, email, password } };
}
