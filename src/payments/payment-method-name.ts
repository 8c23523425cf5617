import type { Translate } from '../web/i18n/messages.ts';
import { isOnlineMethod } from './payment-provider.ts';

/**
 * A payment method in words, the same at checkout, on the customer's order page and in the admin
 * ("Bankoverschrijving", "iDEAL"); a method without words (recorded by a newer or older version) as it is recorded.
 */
export function paymentMethodName(t: Translate, method: string): string {
  return method === 'bank-transfer' || isOnlineMethod(method) ? t(`payment.method.${method}`) : method;
}
