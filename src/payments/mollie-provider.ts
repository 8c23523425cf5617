import type { PaymentProvider } from './payment-provider.ts';
import type { ProviderStatus } from './payment-states.ts';

/**
 * The subset of Mollie's v2 API the shop uses (https://docs.mollie.com/reference/):
 * `POST /v2/payments`, `GET /v2/payments/{id}`, `POST /v2/payments/{id}/refunds`. Written with `fetch`
 * rather than `@mollie/api-client`: that client always sends through an `https.Agent` pinned to its own
 * CA bundle, so it cannot reach the plain-HTTP local stand-in the tests use (MOLLIE_API_URL).
 */
type MolliePayment = {
  id: string;
  status: string;
  amount?: { currency: string; value: string };
  _links?: { checkout?: { href: string } };
};

/** How long one call to Mollie may take before the shop gives up (and the customer may retry). */
const TIMEOUT_MS = 10_000;

/** Mollie's statuses in ours: 'pending' and 'authorized' are still waiting for the money. */
const STATUS: Record<string, ProviderStatus> = {
  open: 'open',
  pending: 'open',
  authorized: 'open',
  paid: 'paid',
  failed: 'failed',
  expired: 'expired',
  canceled: 'canceled',
};

export class MollieError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** Mollie as a `PaymentProvider`: hosted checkout, so the shop never sees card data (PCI DSS SAQ A). */
export function mollieProvider(options: { apiKey: string; apiUrl: string }): PaymentProvider {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, key?: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, options.apiUrl), {
        method,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          accept: 'application/hal+json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(key ? { 'idempotency-key': key } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new MollieError(`Mollie unreachable: ${(err as Error).message}`, null);
    }
    const text = await response.text();
    if (!response.ok) {
      // Mollie's error body has a `detail`; it never contains card data (the shop never sends any)
      let detail = text.slice(0, 200);
      try {
        detail = (JSON.parse(text) as { detail?: string }).detail ?? detail;
      } catch {}
      throw new MollieError(
        `Mollie ${method} ${path} answered ${response.status}: ${detail}`,
        response.status,
      );
    }
    return JSON.parse(text) as T;
  }

  return {
    name: 'mollie',
    async createPayment(request) {
      const payment = await call<MolliePayment>(
        'POST',
        'payments',
        {
          amount: { currency: request.currency, value: amountValue(request.amountCents) },
          description: request.description,
          redirectUrl: request.redirectUrl,
          webhookUrl: request.webhookUrl,
          method: request.method,
          metadata: { orderNumber: request.orderNumber },
        },
        request.paymentId,
      );
      return { providerPaymentId: payment.id, redirectUrl: payment._links?.checkout?.href ?? null };
    },
    async fetchStatus(providerPaymentId) {
      const payment = await call<MolliePayment>('GET', `payments/${encodeURIComponent(providerPaymentId)}`);
      const status = STATUS[payment.status];
      if (!status) throw new MollieError(`unknown Mollie status "${payment.status}"`, null);
      const cents = payment.amount ? centsOf(payment.amount.value) : null;
      return {
        status,
        amount: cents === null ? null : { cents, currency: payment.amount!.currency },
      };
    },
    async refund(providerPaymentId, amount, idempotencyKey) {
      const refund = await call<{ id: string }>(
        'POST',
        `payments/${encodeURIComponent(providerPaymentId)}/refunds`,
        { amount: { currency: amount.currency, value: amountValue(amount.cents) } },
        idempotencyKey,
      );
      return { kind: 'refunded', refundId: refund.id };
    },
  };
}

/** Mollie wants amounts as a string with two decimals: 1295 → "12.95". */
export function amountValue(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** Mollie's "12.95" → 1295; null for anything that is not an amount with two decimals. */
export function centsOf(value: string): number | null {
  const m = /^(\d+)\.(\d{2})$/.exec(value);
  return m ? Number(m[1]) * 100 + Number(m[2]) : null;
}
