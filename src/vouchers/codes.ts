import { randomInt } from 'node:crypto';

/** No O/0, I/1 (and no L): nothing to misread on a printed card or over the phone. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const PREFIX = 'TB';
const GROUPS = 2;
const GROUP_LENGTH = 4;

/** A new random code, normalised ('TBABCD2345'): 8 characters of 31, about 40 bits. */
export function newCode(): string {
  let body = '';
  for (let i = 0; i < GROUPS * GROUP_LENGTH; i++) body += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${PREFIX}${body}`;
}

/**
 * A code as typed: upper case, without spaces or dashes; the 'TB' prefix may be left off. Null when it cannot be
 * a code of ours (so nothing is looked up for it).
 */
export function normaliseCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s\-–—._]/g, '');
  const full = compact.length === GROUPS * GROUP_LENGTH ? `${PREFIX}${compact}` : compact;
  if (full.length !== PREFIX.length + GROUPS * GROUP_LENGTH || !full.startsWith(PREFIX)) return null;
  const body = full.slice(PREFIX.length);
  for (const ch of body) if (!CODE_ALPHABET.includes(ch)) return null;
  return full;
}

/** A normalised code as shown: TB-ABCD-2345. */
export function formatCode(code: string): string {
  const body = code.slice(PREFIX.length);
  const groups: string[] = [];
  for (let i = 0; i < body.length; i += GROUP_LENGTH) groups.push(body.slice(i, i + GROUP_LENGTH));
  return [PREFIX, ...groups].join('-');
}
