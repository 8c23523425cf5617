import { defineMessages } from '../web/i18n/define-messages.ts';

export const preferenceMessages = defineMessages(
  {
    'prefs.title': '',
  },
  {
    'prefs.title': '',
  },
);
