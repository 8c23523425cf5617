import { defineMessages } from '../../web/i18n/define-messages.ts';

export const customerAdminMessages = defineMessages(
  {
    'customerAdmin.title': '',
  },
  {
    'customerAdmin.title': '',
  },
);
