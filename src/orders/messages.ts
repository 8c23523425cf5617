import { defineMessages } from '../web/i18n/define-messages.ts';

/** Order wording; `deliveryText` puts the delivery promise together from these parts. */
export const orderMessages = defineMessages(
  {
    'delivery.promise': '{order}, {delivery}',
    'delivery.orderBefore': 'Vóór {time} besteld',
    'delivery.orderBeforeTomorrow': 'Vóór morgen {time} besteld',
    'delivery.orderBeforeDay': 'Vóór {day} {time} besteld',
    'delivery.orderWithin': 'Binnen {duration} besteld',
    'delivery.hoursMinutes': '{hours} u {minutes} min',
    'delivery.hours': '{hours} u',
    'delivery.minutes': '{minutes} min',
    'delivery.mailbox': '{date} in je brievenbus',
    'delivery.mailboxTomorrow': 'morgen in je brievenbus',
    'delivery.door': '{date} bij je bezorgd',
    'delivery.doorTomorrow': 'morgen bij je bezorgd',
  },
  {
    'delivery.promise': '{order}, {delivery}',
    'delivery.orderBefore': 'Order before {time}',
    'delivery.orderBeforeTomorrow': 'Order before {time} tomorrow',
    'delivery.orderBeforeDay': 'Order before {time} on {day}',
    'delivery.orderWithin': 'Order within {duration}',
    'delivery.hoursMinutes': '{hours} h {minutes} min',
    'delivery.hours': '{hours} h',
    'delivery.minutes': '{minutes} min',
    'delivery.mailbox': 'in your mailbox {date}',
    'delivery.mailboxTomorrow': 'in your mailbox tomorrow',
    'delivery.door': 'delivered {date}',
    'delivery.doorTomorrow': 'delivered tomorrow',
  },
);

export type OrderMessageKey = keyof typeof orderMessages.nl;
