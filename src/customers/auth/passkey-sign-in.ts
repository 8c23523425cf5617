import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  generateAuthenticationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
  verifyAuthenticationResponse,
} from '@simplewebauthn/server';
import { isoNow } from '../../clock.ts';
import type { Ctx } from '../../context.ts';
import { createCustomerSession } from '../sessions.ts';
import { relyingParty, storeChallenge, takeChallenge } from './auth-challenges.ts';

/** Step one of signing in with a passkey: options without a list of credentials (the passkey says who it is). */
export async function passkeySignInOptions(
  ctx: Ctx,
): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; handle: string }> {
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(ctx.config).rpID,
    userVerification: 'required',
  });
  const handle = await storeChallenge(ctx, 'authenticate', null, options.challenge);
  return { options, handle };
}

export type PasskeySignInResult =
  | { ok: true; customerId: string; sessionToken: string }
  | { ok: false; reason: 'passkey-failed' };

/**
 * Step two: finds the passkey the answer names, checks its signature over this browser's challenge (once, this
 * origin and RP ID, user verified), moves its counter on and starts a fresh session. Every failure gives the
 * same answer.
 */
export async function signInWithPasskey(
  ctx: Ctx,
  input: { handle: string | undefined; response: unknown; userAgent: string },
): Promise<PasskeySignInResult> {
  const failed = { ok: false, reason: 'passkey-failed' } as const;
  const challenge = await takeChallenge(ctx, input.handle, 'authenticate', null);
  if (!challenge) return failed;
  const response = input.response as AuthenticationResponseJSON;
  if (typeof response?.id !== 'string') return failed;
  const passkey = await ctx.db
    .selectFrom('passkeys')
    .selectAll()
    .where('id', '=', response.id)
    .executeTakeFirst();
  if (!passkey) return failed;
  const rp = relyingParty(ctx.config);
  let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(Buffer.from(passkey.public_key, 'base64url')),
        counter: passkey.counter,
        transports: JSON.parse(passkey.transports) as AuthenticatorTransport[],
      },
    });
  } catch {
    return failed;
  }
  if (!verified.verified) return failed;
  return ctx.db.transaction().execute(async (trx) => {
    // the counter only moves on: a second use of one signature (or a cloned key) loses this race
    const moved = await trx
      .updateTable('passkeys')
      .set({ counter: verified.authenticationInfo.newCounter, last_used_at: isoNow(ctx.clock) })
      .where('id', '=', passkey.id)
      .where('counter', '=', passkey.counter)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return failed;
    const sessionToken = await createCustomerSession(
      { ...ctx, db: trx },
      passkey.customer_id,
      'passkey',
      input.userAgent,
    );
    return { ok: true, customerId: passkey.customer_id, sessionToken } as const;
  });
}
