import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** The shortest and longest password we accept; long enough for a passphrase, short enough to bound hashing work. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

// argon2id with the OWASP minimum: 19 MiB, two passes, one lane (RELIABILITY item 19).
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

let dummy: Promise<string> | undefined;

/** An argon2id hash of a staff password, in PHC text form (salt and parameters included). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/**
 * True when the password matches. Without a stored hash (unknown e-mail, pending invitation) it still verifies
 * against a dummy hash, so a caller cannot tell known from unknown addresses by the time an answer takes.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX) return false;
  if (!stored) {
    dummy ??= hashPassword('not a password anyone types');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
