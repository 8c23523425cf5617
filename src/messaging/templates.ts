import { type LookupAnswerData, lookupAnswer } from '../appliances/answer-mail.tsx';
import type { Config, Locale } from '../config.ts';
import { type HouseholdInviteData, householdInvite } from '../customers/households/invite-mail.tsx';
import { BANK_TRANSFER } from '../orders/bank-transfer.ts';
import { type ReplenishmentReminderData, replenishmentReminder } from '../replenishment/reminder-mail.tsx';
import { type StaffMessageData, staffMessage } from './broadcast/staff-message-mail.tsx';
import type { RenderedMessage } from './rendered-message.ts';
import { type DigestData, digest } from './templates/digest.tsx';
import { type OrderConfirmationData, orderConfirmation } from './templates/order-confirmation.tsx';
import { type OrderDelayedData, orderDelayed } from './templates/order-delayed.tsx';
import { type OrderShippedData, orderShipped } from './templates/order-shipped.tsx';
import { type SignInLinkData, signInLink } from './templates/sign-in-link.tsx';

/** Every template, by name, with the data it needs. Add a template here and in `renderTemplate`. */
export type TemplateData = {
  'order-confirmation': OrderConfirmationData;
  'order-shipped': OrderShippedData;
  'order-delayed': OrderDelayedData;
  'replenishment-reminder': ReplenishmentReminderData;
  'staff-message': StaffMessageData;
  'household-invite': HouseholdInviteData;
  'sign-in-link': SignInLinkData;
  'lookup-answer': LookupAnswerData;
  digest: DigestData;
};

export type TemplateName = keyof TemplateData;

/** Renders a template's subject, text and HTML in one language. */
export function renderTemplate<T extends TemplateName>(
  template: T,
  data: TemplateData[T],
  locale: Locale,
  config: Config,
): RenderedMessage {
  switch (template) {
    case 'order-confirmation':
      return orderConfirmation(data as OrderConfirmationData, locale, config, BANK_TRANSFER);
    case 'order-shipped':
      return orderShipped(data as OrderShippedData, locale, config);
    case 'order-delayed':
      return orderDelayed(data as OrderDelayedData, locale, config);
    case 'replenishment-reminder':
      return replenishmentReminder(data as ReplenishmentReminderData, locale, config);
    case 'staff-message':
      return staffMessage(data as StaffMessageData, locale, config);
    case 'sign-in-link':
      return signInLink(data as SignInLinkData, locale, config);
    case 'household-invite':
      return householdInvite(data as HouseholdInviteData, locale, config);
    case 'lookup-answer':
      return lookupAnswer(data as LookupAnswerData, locale, config);
    case 'digest':
      return digest(data as DigestData, locale, config);
    default:
      throw new Error(`unknown template ${String(template)}`);
  }
}
