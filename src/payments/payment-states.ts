/**
 * The payment lifecycle as data (STYLE "Lifecycles as data"). Failed, expired and canceled are final at the
 * provider: the customer retries with a new payment. A status never moves back, so an older event that
 * arrives late (an 'open' after 'paid') changes nothing.
 */
export const paymentTransitions = {
  open: ['paid', 'failed', 'expired', 'canceled'],
  paid: ['refund_pending', 'refunded', 'partially_refunded'],
  failed: [],
  expired: [],
  canceled: [],
  /** Staff must send the money back by hand (bank transfer). */
  refund_pending: ['refunded'],
  partially_refunded: ['refunded'],
  refunded: [],
} as const satisfies Record<string, readonly string[]>;

export type PaymentStatus = keyof typeof paymentTransitions;

/** The statuses a provider reports (ours are a superset: the refund states are the shop's own). */
export type ProviderStatus = 'open' | 'paid' | 'failed' | 'expired' | 'canceled';

export function isPaymentStatus(value: string): value is PaymentStatus {
  return Object.hasOwn(paymentTransitions, value);
}

/** The one check every payment status change goes through. */
export function canPaymentTransition(from: string, to: string): boolean {
  if (!isPaymentStatus(from) || !isPaymentStatus(to)) return false;
  return (paymentTransitions[from] as readonly string[]).includes(to);
}
