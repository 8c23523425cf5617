import {
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import type { SessionCustomer } from '../sessions.ts';
import { relyingParty, storeChallenge, takeChallenge } from './auth-challenges.ts';

export const MAX_LABEL = 60;

/**
 * Step one of adding a passkey: the options for `navigator.credentials.create`, asking for a discoverable
 * credential (so signing in needs no e-mail address) and user verification, and excluding the customer's
 * passkeys already registered. Returns the challenge's cookie handle too.
 */
export async function passkeyRegistrationOptions(
  ctx: Ctx,
  customer: SessionCustomer,
): Promise<{ options: PublicKeyCredentialCreationOptionsJSON; handle: string }> {
  const rp = relyingParty(ctx.config);
  const existing = await ctx.db
    .selectFrom('passkeys')
    .select(['id', 'transports'])
    .where('customer_id', '=', customer.id)
    .execute();
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: customer.email,
    userDisplayName: customer.name ?? customer.email,
    userID: new TextEncoder().encode(customer.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: JSON.parse(p.transports) as string[] })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  const handle = await storeChallenge(ctx, 'register', customer.id, options.challenge);
  return { options, handle };
}

export type AddPasskeyResult =
  | { ok: true; id: string }
  | { ok: false; reason: 'challenge' | 'label' | 'not-verified' | 'already-added' };

/**
 * Step two: checks the authenticator's answer against the challenge of step one (bound to this browser and
 * this customer, used once, for this origin and RP ID) and keeps the credential's public key under its label.
 */
export async function addPasskey(
  ctx: Ctx,
  input: { customerId: string; handle: string | undefined; label: string; response: unknown },
): Promise<AddPasskeyResult> {
  const label = input.label.trim();
  if (label === '' || label.length > MAX_LABEL) return { ok: false, reason: 'label' };
  const challenge = await takeChallenge(ctx, input.handle, 'register', input.customerId);
  if (!challenge) return { ok: false, reason: 'challenge' };
  const rp = relyingParty(ctx.config);
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
    });
  } catch {
    return { ok: false, reason: 'not-verified' };
  }
  if (!verified.verified) return { ok: false, reason: 'not-verified' };
  const { credential } = verified.registrationInfo;
  const inserted = await ctx.db
    .insertInto('passkeys')
    .values({
      id: credential.id,
      customer_id: input.customerId,
      public_key: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: JSON.stringify(credential.transports ?? []),
      label,
      created_at: isoNow(ctx.clock),
      last_used_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) return { ok: false, reason: 'already-added' };
  return { ok: true, id: credential.id };
}
