import { defineMessages } from '../../web/i18n/define-messages.ts';

export const householdMessages = defineMessages(
  {
    'household.title': '',
  },
  {
    'household.title': '',
  },
);
