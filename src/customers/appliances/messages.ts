import { defineMessages } from '../../web/i18n/define-messages.ts';

export const myApplianceMessages = defineMessages(
  {
    'myAppliances.title': '',
  },
  {
    'myAppliances.title': '',
  },
);
