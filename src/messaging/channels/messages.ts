import { defineMessages } from '../../web/i18n/define-messages.ts';

/** The web push page (/account/notifications). */
export const channelMessages = defineMessages(
  {
    'push.title': 'Meldingen en sms',
    'push.intro':
      'Met pushmeldingen hoor je het meteen op je telefoon of computer, zonder e-mail of sms. Welke berichten je krijgt en wanneer, kies je bij je voorkeuren.',
    'push.preferencesLink': 'Naar je voorkeuren',
    'push.offNotOffered': 'Deze winkel biedt (nog) geen pushmeldingen aan.',
    'push.thisBrowser': 'Deze browser',
    'push.subscribe': 'Meldingen aanzetten in deze browser',
    'push.needsJs':
      'Hiervoor is JavaScript nodig, en een browser die pushmeldingen kent. Op een iPhone of iPad moet de winkel eerst op je beginscherm staan.',
    'push.working': 'Even geduld: je browser vraagt misschien om toestemming…',
    'push.denied':
      'Je browser staat meldingen van deze winkel niet toe. Je kunt dat veranderen in de instellingen van je browser.',
    'push.failed': 'Het aanzetten is niet gelukt. Probeer het nog eens.',
    'push.devices': 'Je apparaten met meldingen',
    'push.noDevices': 'Nog geen enkel apparaat.',
    'push.unknownDevice': 'Onbekende browser',
    'push.added': 'aangezet op {date}',
    'push.lastSent': 'laatste melding {date}',
    'push.neverSent': 'nog geen melding gehad',
    'push.remove': 'Meldingen uitzetten voor {device}',
    'push.subscribed': 'Meldingen staan aan in deze browser.',
    'push.removed': 'Dat apparaat krijgt geen meldingen meer.',
    'push.privacy':
      'We bewaren per apparaat alleen het adres van de pushdienst van je browser, de sleutels om berichten te versleutelen en de naam van je browser. De pushdienst kan de inhoud niet lezen.',
    'push.reason.invalidEndpoint': 'dit is geen adres van een pushdienst',
    'push.reason.invalidKeys': 'de sleutels van dit abonnement kloppen niet',
    'push.reason.notOffered': 'deze winkel biedt geen pushmeldingen aan',
    'sms.title': 'Sms',
    'sms.off': 'Deze winkel verstuurt geen sms’jes.',
    'sms.intro':
      'Wil je berichten per sms krijgen, vul dan je mobiele nummer in en zet sms aan bij je voorkeuren. Laat het veld leeg om je nummer te verwijderen.',
    'sms.number': 'Mobiel nummer',
    'sms.numberHint': 'Bijvoorbeeld 06 1234 5678 of +32 470 12 34 56.',
    'sms.save': 'Nummer opslaan',
    'sms.saved': 'Je nummer is opgeslagen.',
    'sms.removed': 'Je nummer is verwijderd; we sturen je geen sms meer.',
    'sms.error.invalid':
      'Dit is geen telefoonnummer. Gebruik alleen cijfers, spaties en eventueel een + vooraan.',
    'sms.error.wrongLength': 'Dit nummer heeft te veel of te weinig cijfers.',
  },
  {
    'push.title': 'Notifications and text messages',
    'push.intro':
      'With push notifications you hear about it at once on your phone or computer, without e-mail or SMS. Which messages you get, and when, you choose in your preferences.',
    'push.preferencesLink': 'Go to your preferences',
    'push.offNotOffered': 'This shop does not offer push notifications (yet).',
    'push.thisBrowser': 'This browser',
    'push.subscribe': 'Turn on notifications in this browser',
    'push.needsJs':
      'This needs JavaScript and a browser that supports push notifications. On an iPhone or iPad, add the shop to your home screen first.',
    'push.working': 'One moment: your browser may ask for permission…',
    'push.denied':
      'Your browser does not allow notifications from this shop. You can change that in your browser’s settings.',
    'push.failed': 'Turning notifications on did not work. Please try again.',
    'push.devices': 'Your devices with notifications',
    'push.noDevices': 'No devices yet.',
    'push.unknownDevice': 'Unknown browser',
    'push.added': 'turned on {date}',
    'push.lastSent': 'last notification {date}',
    'push.neverSent': 'no notification yet',
    'push.remove': 'Turn off notifications for {device}',
    'push.subscribed': 'Notifications are on in this browser.',
    'push.removed': 'That device will get no more notifications.',
    'push.privacy':
      'For each device we keep only the address of your browser’s push service, the keys to encrypt messages and your browser’s name. The push service cannot read what we send.',
    'push.reason.invalidEndpoint': 'this is not the address of a push service',
    'push.reason.invalidKeys': 'the keys of this subscription are not right',
    'push.reason.notOffered': 'this shop does not offer push notifications',
    'sms.title': 'Text messages',
    'sms.off': 'This shop does not send text messages.',
    'sms.intro':
      'To get messages by text, enter your mobile number and turn text messages on in your preferences. Leave the field empty to remove your number.',
    'sms.number': 'Mobile number',
    'sms.numberHint': 'For example 06 1234 5678 or +32 470 12 34 56.',
    'sms.save': 'Save number',
    'sms.saved': 'Your number has been saved.',
    'sms.removed': 'Your number has been removed; we will send you no more text messages.',
    'sms.error.invalid': 'This is not a phone number. Use only digits, spaces and perhaps a + in front.',
    'sms.error.wrongLength': 'This number has too many or too few digits.',
  },
);
