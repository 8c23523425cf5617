import { defineMessages } from '../../web/i18n/define-messages.ts';

/** Staff messages to groups of customers (/admin/messages): writing, the reach in words, sending and its progress. */
export const broadcastMessages = defineMessages(
  {
    'broadcast.title': 'Berichten aan klanten',
    'broadcast.intro':
      'Schrijf een bericht aan een groep. Vóór het versturen zie je hoeveel klanten het bereikt en waarom de anderen niet: dezelfde regels als bij elk bericht, met hun eigen voorkeuren.',
    'broadcast.audience': 'Aan wie?',
    'broadcast.audience.offers': 'Iedereen die aanbiedingen wil ontvangen',
    'broadcast.audience.appliance': 'Eigenaars van een apparaat',
    'broadcast.audience.recall': 'Eigenaars van een apparaat: veiligheidsterugroepactie',
    'broadcast.appliance': 'Apparaat (id of typenummer)',
    'broadcast.subjectNl': 'Onderwerp (Nederlands)',
    'broadcast.subjectEn': 'Onderwerp (Engels)',
    'broadcast.bodyNl': 'Tekst (Nederlands)',
    'broadcast.bodyEn': 'Tekst (Engels)',
    'broadcast.preview': 'Bekijk bereik',
    'broadcast.send': 'Nu versturen aan {count} klanten',
    'broadcast.reach': '{reach} van {total} klanten krijgen dit bericht.',
    'broadcast.now': '{count} direct',
    'broadcast.held': '{count} later, als hun stille uren of hun limiet het toelaten (vanaf {when})',
    'broadcast.excluded': 'Niet bereikt',
    'broadcast.reason.no-consent': '{count} willen dit onderwerp niet ontvangen',
    'broadcast.reason.frequency-cap': '{count} hebben hun limiet voor deze periode bereikt',
    'broadcast.reason.quiet-hours': '{count} in stille uren: die krijgen het vanaf {when}',
    'broadcast.reason.quiet-day': '{count} op een stille dag: die krijgen het vanaf {when}',
    'broadcast.reason.suppressed': '{count} adressen staan op de blokkeerlijst (bounce, klacht of gewist)',
    'broadcast.reason.no-channel': '{count} hebben geen kanaal aan waarlangs dit kan',
    'broadcast.reason.deadline-passed': '{count} te laat',
    'broadcast.reason.digest':
      '{count} hebben hun limiet voor deze periode bereikt: zij vinden het in hun berichtenoverzicht, niet in hun inbox',
    'broadcast.reason.other': '{count} om een andere reden ({reason})',
    'broadcast.sent': 'Verstuurd: {count} ontvangers vastgelegd ({now} direct, {held} later).',
    'broadcast.topicNote.offers': 'Onderwerp: aanbiedingen (alleen wie dat aan heeft staan).',
    'broadcast.topicNote.appliance':
      'Onderwerp: nieuw voor mijn apparaten (wie dat aan heeft, of soft opt-in na een aankoop).',
    'broadcast.topicNote.recall':
      'Een veiligheidsterugroepactie is een dienstbericht: iedereen met dit apparaat krijgt het, op een kanaal dat zij toestaan, ook boven hun limiet; het wacht wel hun stille uren af.',
    'broadcast.history': 'Eerder verstuurd',
    'broadcast.unknownAppliance': 'Dit apparaat kennen we niet.',
    'broadcast.required': 'Vul onderwerp en tekst in beide talen in.',
    'broadcast.status.draft': 'concept',
    'broadcast.status.queued': 'wacht op verzending',
    'broadcast.status.sending': 'wordt verstuurd',
    'broadcast.status.sent': 'verstuurd',
    'broadcast.progress.title': 'Voortgang',
    'broadcast.counting.title': 'Bereik tellen',
    'broadcast.counting.text':
      '{counted} van {total} klanten geteld; de rest wordt nu geteld. Versturen kan zodra alles geteld is.',
    'broadcast.progress.queued': 'Het versturen begint zo: het wacht op zijn beurt.',
    'broadcast.progress.sending': '{decided} van {total} klanten beslist, {enqueued} vastgelegd.',
    'broadcast.progress.note':
      'Vernieuw de voortgang om te zien hoe ver het is. Je kunt deze pagina ook sluiten: het versturen gaat door.',
    'broadcast.progress.refresh': 'Voortgang vernieuwen',
    'broadcast.progress.retrying':
      'Het versturen werd onderbroken; het gaat vanzelf verder waar het bleef, vanaf {when}.',
    'broadcast.progress.failed':
      'Het versturen is na herhaalde fouten gestopt. De berichten die al zijn aangemaakt gaan gewoon uit. Probeer het opnieuw (het gaat verder waar het bleef), of vraag de beheerder in het logboek te kijken.',
    'broadcast.progress.tryAgain': 'Opnieuw proberen',
  },
  {
    'broadcast.title': 'Messages to customers',
    'broadcast.intro':
      "Write a message to a group. Before sending you see how many customers it reaches and why the others are not: the same rules as for every message, with each customer's own preferences.",
    'broadcast.audience': 'To whom?',
    'broadcast.audience.offers': 'Everyone who wants offers',
    'broadcast.audience.appliance': 'Owners of an appliance',
    'broadcast.audience.recall': 'Owners of an appliance: safety recall',
    'broadcast.appliance': 'Appliance (id or model number)',
    'broadcast.subjectNl': 'Subject (Dutch)',
    'broadcast.subjectEn': 'Subject (English)',
    'broadcast.bodyNl': 'Text (Dutch)',
    'broadcast.bodyEn': 'Text (English)',
    'broadcast.preview': 'Show reach',
    'broadcast.send': 'Send now to {count} customers',
    'broadcast.reach': '{reach} of {total} customers will get this message.',
    'broadcast.now': '{count} at once',
    'broadcast.held': '{count} later, when their quiet hours or limit allow (from {when})',
    'broadcast.excluded': 'Not reached',
    'broadcast.reason.no-consent': '{count} do not want this topic',
    'broadcast.reason.frequency-cap': '{count} reached their limit for this period',
    'broadcast.reason.quiet-hours': '{count} in quiet hours: these get it from {when}',
    'broadcast.reason.quiet-day': '{count} on a quiet day: these get it from {when}',
    'broadcast.reason.suppressed': '{count} addresses are suppressed (bounce, complaint or erased)',
    'broadcast.reason.no-channel': '{count} have no channel on that can carry it',
    'broadcast.reason.deadline-passed': '{count} too late',
    'broadcast.reason.digest':
      '{count} reached their limit for this period: they find it in their message list, not in their inbox',
    'broadcast.reason.other': '{count} for another reason ({reason})',
    'broadcast.sent': 'Sent: {count} recipients recorded ({now} at once, {held} later).',
    'broadcast.topicNote.offers': 'Topic: offers (only those who turned it on).',
    'broadcast.topicNote.appliance':
      'Topic: new for my appliances (those who turned it on, or soft opt-in after a purchase).',
    'broadcast.topicNote.recall':
      'A safety recall is a service message: everyone with this appliance gets it, on a channel they allow, also above their limit; it does wait for their quiet hours.',
    'broadcast.history': 'Sent before',
    'broadcast.unknownAppliance': 'We do not know this appliance.',
    'broadcast.required': 'Fill in subject and text in both languages.',
    'broadcast.status.draft': 'draft',
    'broadcast.status.queued': 'waiting to be sent',
    'broadcast.status.sending': 'sending',
    'broadcast.status.sent': 'sent',
    'broadcast.progress.title': 'Progress',
    'broadcast.counting.title': 'Counting the reach',
    'broadcast.counting.text':
      '{counted} of {total} customers counted; the rest are being counted now. It can be sent once all are counted.',
    'broadcast.progress.queued': 'Sending starts in a moment: it is waiting for its turn.',
    'broadcast.progress.sending': '{decided} of {total} customers decided, {enqueued} recorded.',
    'broadcast.progress.note':
      'Refresh the progress to see how far it got. You can also close this page: sending goes on.',
    'broadcast.progress.refresh': 'Refresh progress',
    'broadcast.progress.retrying':
      'Sending was interrupted; it goes on by itself where it stopped, from {when}.',
    'broadcast.progress.failed':
      'Sending stopped after repeated errors. The messages created so far still go out. Try again (it goes on where it stopped), or ask the administrator to look at the log.',
    'broadcast.progress.tryAgain': 'Try again',
  },
);
