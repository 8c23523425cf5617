import { defineMessages } from '../web/i18n/define-messages.ts';

export const replenishmentMessages = defineMessages(
  {
    'replenish.title': '',
  },
  {
    'replenish.title': '',
  },
);
