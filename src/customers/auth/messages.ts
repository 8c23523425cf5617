import { defineMessages } from '../../web/i18n/define-messages.ts';

export const customerAuthMessages = defineMessages(
  {
    'account.title': '',
  },
  {
    'account.title': '',
  },
);
