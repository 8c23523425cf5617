import sharp from 'sharp';
import { isoNow } from '../clock.ts';
import type { Locale } from '../config.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../db/ids.ts';
import { normaliseEmail } from '../staff/account-fields.ts';
import { CONTROL_CHARACTERS } from './control-characters.ts';
import { MAX_LOOKUP_LENGTH } from './lookup-input.ts';

/** Largest type-plate photo accepted, in bytes. */
export const MAX_REQUEST_PHOTO_BYTES = 8 * 1024 * 1024;
/** Longest edge of the stored photo, in pixels: enough to read a plate, small enough to keep. */
export const REQUEST_PHOTO_EDGE = 1600;

export type RequestField = 'query' | 'serial' | 'email' | 'photo';
/**
 * Why a field was refused; each has a message `appliances.request.problem.{code}` in both languages.
 * `photo-heic`: a HEIC photo this server cannot decode (only AVIF-coded HEIF can be read).
 */
export type RequestProblem =
  | 'required'
  | 'too-long'
  | 'control-characters'
  | 'email'
  | 'photo-too-large'
  | 'photo-type'
  | 'photo-unreadable'
  | 'photo-heic';

export type RequestInput = {
  query: string;
  serial: string;
  email: string;
  locale: Locale;
  photo?: { bytes: Buffer; type: string };
};

export type RequestResult =
  | { ok: true; id: string }
  | { ok: false; fields: Partial<Record<RequestField, RequestProblem>> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHOTO_TYPES = new Set([
  'image/jpeg',
  'image/jpg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
]);
const HEIC_TYPES = new Set(['image/heic', 'image/heif']);
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif']);

/**
 * "We'll find it for you": stores a customer's number that the lookup did not find, for staff to answer.
 * Every field problem comes back as a code (nothing is stored then). A photo is re-encoded as WebP of at most
 * 1600 px, turned upright, so its metadata (location, camera) never reaches the database; bytes that are not a
 * JPEG, PNG, WebP or HEIC photo are refused, never thrown.
 */
export async function requestIdentification(ctx: Ctx, input: RequestInput): Promise<RequestResult> {
  const fields: Partial<Record<RequestField, RequestProblem>> = {};
  const query = input.query.trim();
  const serial = input.serial.trim();
  const email = normaliseEmail(input.email);

  const queryProblem = textProblem(query);
  if (query === '') fields.query = 'required';
  else if (queryProblem) fields.query = queryProblem;
  const serialProblem = textProblem(serial);
  if (serialProblem) fields.serial = serialProblem;
  if (email === '') fields.email = 'required';
  else if (email.length > 254 || !EMAIL.test(email)) fields.email = 'email';

  let photo: Buffer | null = null;
  if (input.photo && input.photo.bytes.length > 0) {
    const converted = await convertPhoto(input.photo);
    if (converted.ok) photo = converted.bytes;
    else fields.photo = converted.problem;
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };

  const id = newId(ctx.clock.now().epochMilliseconds);
  await ctx.db
    .insertInto('lookup_requests')
    .values({
      id,
      query,
      serial,
      email,
      locale: input.locale,
      photo,
      photo_type: photo ? 'image/webp' : null,
      status: 'open',
      created_at: isoNow(ctx.clock),
    })
    .execute();
  return { ok: true, id };
}

function textProblem(value: string): RequestProblem | null {
  if ([...value].length > MAX_LOOKUP_LENGTH) return 'too-long';
  if (CONTROL_CHARACTERS.test(value)) return 'control-characters';
  return null;
}

async function convertPhoto(photo: {
  bytes: Buffer;
  type: string;
}): Promise<{ ok: true; bytes: Buffer } | { ok: false; problem: RequestProblem }> {
  if (photo.bytes.length > MAX_REQUEST_PHOTO_BYTES) return { ok: false, problem: 'photo-too-large' };
  const type = photo.type.toLowerCase().split(';')[0]!.trim();
  if (!PHOTO_TYPES.has(type)) return { ok: false, problem: 'photo-type' };
  const unreadable = HEIC_TYPES.has(type) ? 'photo-heic' : 'photo-unreadable';
  try {
    const meta = await sharp(photo.bytes, { limitInputPixels: 50_000_000 }).metadata();
    if (!meta.format || !PHOTO_FORMATS.has(meta.format)) return { ok: false, problem: unreadable };
    const bytes = await sharp(photo.bytes, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize(REQUEST_PHOTO_EDGE, REQUEST_PHOTO_EDGE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer();
    return { ok: true, bytes };
  } catch {
    return { ok: false, problem: unreadable };
  }
}
