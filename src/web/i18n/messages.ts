import { applianceAdminMessages } from '../../appliances/admin/messages.ts';
import { applianceMessages } from '../../appliances/messages.ts';
import { lookupPageMessages } from '../../appliances/pages/messages.ts';
import { catalogAdminMessages } from '../../catalog/admin/messages.ts';
import { catalogMessages } from '../../catalog/messages.ts';
import type { Locale } from '../../config.ts';
import { customerAdminMessages } from '../../customers/admin/messages.ts';
import { myApplianceMessages } from '../../customers/appliances/messages.ts';
import { customerAuthMessages } from '../../customers/auth/messages.ts';
import { householdMessages } from '../../customers/households/messages.ts';
import { privacyMessages } from '../../customers/privacy/messages.ts';
import { broadcastMessages } from '../../messaging/broadcast/messages.ts';
import { channelMessages } from '../../messaging/channels/messages.ts';
import { gatewayMessages } from '../../messaging/gateway/messages.ts';
import { messagingMessages } from '../../messaging/messages.ts';
import { orderAdminMessages } from '../../orders/admin/messages.ts';
import { shippingAdminMessages } from '../../orders/admin/shipping-messages.ts';
import { cartMessages } from '../../orders/cart-messages.ts';
import { checkoutMessages } from '../../orders/checkout-messages.ts';
import { orderMessages } from '../../orders/messages.ts';
import { orderPageMessages } from '../../orders/order-page-messages.ts';
import { paymentMessages } from '../../payments/messages.ts';
import { preferenceMessages } from '../../preferences/messages.ts';
import { replenishmentMessages } from '../../replenishment/messages.ts';
import { staffMessages } from '../../staff/messages.ts';
import { voucherMessages } from '../../vouchers/messages.ts';
import { webMessages } from '../messages.ts';

// Each domain keeps its own catalogue; they are merged here. Add a domain's catalogue to this list.
const catalogues = [
  webMessages,
  catalogMessages,
  staffMessages,
  catalogAdminMessages,
  cartMessages,
  applianceMessages,
  applianceAdminMessages,
  lookupPageMessages,
  orderMessages,
  checkoutMessages,
  orderPageMessages,
  paymentMessages,
  messagingMessages,
  orderAdminMessages,
  customerAuthMessages,
  preferenceMessages,
  privacyMessages,
  customerAdminMessages,
  householdMessages,
  myApplianceMessages,
  gatewayMessages,
  channelMessages,
  replenishmentMessages,
  broadcastMessages,
  voucherMessages,
  shippingAdminMessages,
] as const;

type Union<T> = T extends readonly (infer C)[] ? C : never;
type Keys<C> = C extends { nl: infer N } ? keyof N : never;
export type MessageKey = Keys<Union<typeof catalogues>>;

const merged: Record<Locale, Record<string, string>> = { nl: {}, en: {} };
for (const catalogue of catalogues) {
  Object.assign(merged.nl, catalogue.nl);
  Object.assign(merged.en, catalogue.en);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one language; `{name}` placeholders are filled from params. */
export function translator(locale: Locale): Translate {
  const table = merged[locale];
  return (key, params) => {
    const text = table[key as string] ?? (key as string);
    return params ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? '')) : text;
  };
}
