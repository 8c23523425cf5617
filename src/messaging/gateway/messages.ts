import { defineMessages } from '../../web/i18n/define-messages.ts';

export const gatewayMessages = defineMessages(
  {
    'gateway.title': '',
  },
  {
    'gateway.title': '',
  },
);
