import { defineMessages } from '../../web/i18n/define-messages.ts';

export const channelMessages = defineMessages(
  {
    'channels.title': '',
  },
  {
    'channels.title': '',
  },
);
