import type { Config, Locale } from '../config.ts';
import { BANK_TRANSFER } from '../orders/bank-transfer.ts';
import type { RenderedMessage } from './rendered-message.ts';
import { type OrderConfirmationData, orderConfirmation } from './templates/order-confirmation.tsx';
import { type OrderDelayedData, orderDelayed } from './templates/order-delayed.tsx';
import { type OrderShippedData, orderShipped } from './templates/order-shipped.tsx';

/** Every template, by name, with the data it needs. Add a template here and in `renderTemplate`. */
export type TemplateData = {
  'order-confirmation': OrderConfirmationData;
  'order-shipped': OrderShippedData;
  'order-delayed': OrderDelayedData;
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
    default:
      throw new Error(`unknown template ${String(template)}`);
  }
}
