import type { Config, Locale } from '../config.ts';
import { BANK_TRANSFER } from '../orders/bank-transfer.ts';
import type { RenderedMessage } from './rendered-message.ts';
import { type OrderConfirmationData, orderConfirmation } from './templates/order-confirmation.tsx';

/** Every template, by name, with the data it needs. Add a template here and in `renderTemplate`. */
export type TemplateData = {
  'order-confirmation': OrderConfirmationData;
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
      return orderConfirmation(data, locale, config, BANK_TRANSFER);
    default:
      throw new Error(`unknown template ${String(template)}`);
  }
}
