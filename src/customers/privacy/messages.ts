import { defineMessages } from '../../web/i18n/define-messages.ts';

export const privacyMessages = defineMessages(
  {
    'privacy.title': '',
  },
  {
    'privacy.title': '',
  },
);
