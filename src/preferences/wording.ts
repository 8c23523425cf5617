/**
 * Versions of the texts a customer reads before giving or withdrawing consent. Each ledger row records the
 * version that was on screen, so the shop can later show exactly what the customer agreed to (GDPR Art. 7(1)).
 * Change a text in messages.ts that asks for consent → bump its version here (never reuse a version).
 */
export const WORDING = {
  /** The preference centre page and the API's documentation of the same choices. */
  preferenceCentre: 'prefs-v1',
  /** The one-click unsubscribe confirmation and the List-Unsubscribe link in messages. */
  unsubscribe: 'unsubscribe-v1',
  /** The checkout's soft opt-in notice ("we may tell you about new products for this appliance; say no here"). */
  softOptIn: 'soft-opt-in-v1',
  /** The customer-terms upload page and sign-up's "bring your terms". */
  customerTerms: 'terms-v1',
} as const;

export type WordingVersion = (typeof WORDING)[keyof typeof WORDING];

/** The wording version shown by each way of changing preferences, when the caller does not name one. */
export function defaultWording(source: string): string {
  switch (source) {
    case 'unsubscribe-link':
      return WORDING.unsubscribe;
    case 'soft-opt-in':
    case 'checkout':
      return WORDING.softOptIn;
    case 'terms-upload':
    case 'signup':
      return WORDING.customerTerms;
    default:
      return WORDING.preferenceCentre;
  }
}
