import type { Config } from '../config.ts';
import { bankTransferProvider } from './bank-transfer-provider.ts';
import { mollieProvider } from './mollie-provider.ts';
import type { ProviderStatus } from './payment-states.ts';
import type { ProviderName } from './tables.ts';

/** What a provider needs to know to take a payment for an order. */
export type PaymentRequest = {
  /** Our payment row's id: the idempotency key of the creation, so a repeat never makes a second payment. */
  paymentId: string;
  orderNumber: string;
  method: string;
  amountCents: number;
  currency: string;
  /** Where the customer comes back to after paying (the signed confirmation page). */
  redirectUrl: string;
  /** Where the provider reports changes. */
  webhookUrl: string;
  description: string;
};

export type CreatedPayment = { providerPaymentId: string; redirectUrl: string | null };

export type RefundOutcome =
  /** The provider accepted the refund; the money goes back by itself. */
  | { kind: 'refunded'; refundId: string }
  /** The provider cannot send money back (bank transfer): staff must do it by hand. */
  | { kind: 'manual' };

export type ProviderPaymentState = {
  status: ProviderStatus;
  amount: { cents: number; currency: string } | null;
};

/**
 * A payment provider (STYLE "Small strategy interfaces with one default": bank transfer is built in).
 * `createPayment` is the step with an outside side effect; its undo is `refund` once paid (the 'refund'
 * job), and nothing while unpaid: an open payment at the provider expires by itself.
 */
export interface PaymentProvider {
  readonly name: ProviderName;
  createPayment(request: PaymentRequest): Promise<CreatedPayment>;
  /**
   * The provider's current status and the amount it holds: the only truth a webhook acts on. `amount` is null
   * for providers that do not know it (bank transfer: staff see the money arrive).
   */
  fetchStatus(providerPaymentId: string): Promise<ProviderPaymentState>;
  /** Sends `amountCents` back; repeats with the same `idempotencyKey` refund once. */
  refund(
    providerPaymentId: string,
    amount: { cents: number; currency: string },
    idempotencyKey: string,
  ): Promise<RefundOutcome>;
}

/** The online methods Mollie's hosted checkout offers here. */
export const ONLINE_METHODS = ['ideal', 'creditcard', 'bancontact'] as const;
export type OnlineMethod = (typeof ONLINE_METHODS)[number];

export function isOnlineMethod(method: string): method is OnlineMethod {
  return (ONLINE_METHODS as readonly string[]).includes(method);
}

/** Which provider takes a payment method: online methods go to Mollie, the rest is bank transfer. */
export function providerNameFor(method: string): ProviderName {
  return isOnlineMethod(method) ? 'mollie' : 'bank-transfer';
}

/** The payment methods this shop offers: bank transfer always, Mollie's only with MOLLIE_API_KEY. */
export function offeredPaymentMethods(config: Config): string[] {
  return config.mollieApiKey ? ['bank-transfer', ...ONLINE_METHODS] : ['bank-transfer'];
}

/** The provider by name, as configured. Throws for Mollie without MOLLIE_API_KEY (it is never offered then). */
export function paymentProvider(config: Config, name: ProviderName): PaymentProvider {
  if (name === 'bank-transfer') return bankTransferProvider;
  if (!config.mollieApiKey) throw new Error('Mollie is not configured (MOLLIE_API_KEY)');
  return mollieProvider({ apiKey: config.mollieApiKey, apiUrl: config.mollieApiUrl });
}
