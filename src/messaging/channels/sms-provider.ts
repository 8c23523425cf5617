/** One SMS to send: `to` in E.164 (see normalisePhone), `id` the shop's own id for it (kept as the provider's reference). */
export type OutgoingSms = { id: string; to: string; text: string };

/** Where SMS goes: one small interface; MessageBird is the one implementation. */
export type SmsProvider = {
  /** Resolves with the provider's id for the message once it accepted it; rejects with an SmsError otherwise. */
  send(sms: OutgoingSms): Promise<{ providerMessageId: string }>;
  /**
   * Whether the provider holds an SMS with our `reference` (our message id) to `to`, sent at or after `since`:
   * asked before sending again after an unknown outcome. 'found' with its id; 'none' when the provider's answer
   * shows there is none; rejects with an SmsError when it cannot tell.
   */
  findByReference(query: {
    reference: string;
    to: string;
    since: string;
  }): Promise<{ found: true; providerMessageId: string } | { found: false }>;
};

/**
 * The provider refused or could not be reached. `permanent`: trying again will not help (4xx: a bad key, a bad
 * number, no balance); otherwise (5xx, 408, 429, a timeout or network error) the job should retry.
 */
export class SmsError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}
