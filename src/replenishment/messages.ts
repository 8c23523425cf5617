import { defineMessages } from '../web/i18n/define-messages.ts';

export const replenishmentMessages = defineMessages(
  {
    'replenish.title': 'Herinneringen om bij te bestellen',
    'replenish.intro':
      'We rekenen uit wanneer je {product} ongeveer op is, uit je eigen bestellingen. Klopt het niet? Pas het aan. We sturen alleen een herinnering als je die onderwerp aan hebt staan in je voorkeuren.',
    'replenish.empty':
      'Nog niets om aan te herinneren: zodra je iets voor een apparaat bestelt, zie je het hier.',
    'replenish.consentOff':
      'Herinneringen om bij te bestellen staan uit in je voorkeuren: je krijgt ze pas als je ze aanzet.',
    'replenish.preferencesLink': 'Naar mijn voorkeuren',
    'replenish.forAppliance': 'voor {appliance}',
    'replenish.predicted': 'Voorspeld: elke {days} dagen (uit {orders} bestellingen)',
    'replenish.chosen': 'Door jou ingesteld: elke {days} dagen',
    'replenish.unknown': 'Nog geen voorspelling: je bestelde dit één keer. Stel zelf in hoe vaak.',
    'replenish.nextRunOut': 'Waarschijnlijk op rond {date}',
    'replenish.stopped': 'Gestopt: je krijgt hiervoor geen herinneringen.',
    'replenish.intervalLabel': 'Elke hoeveel dagen?',
    'replenish.save': 'Bewaren',
    'replenish.stop': 'Geen herinneringen meer',
    'replenish.resume': 'Weer herinneren',
    'replenish.saved': 'Bewaard.',
    'replenish.badInterval': 'Kies een aantal dagen tussen {min} en {max}.',
    'replenish.noAutoReorder':
      'We bestellen nooit vanzelf en rekenen nooit iets af zonder dat jij op "Bestellen" drukt, behalve waar je hieronder zelf automatisch bijbestellen aanzet.',
    'replenish.auto.heading': 'Automatisch bijbestellen',
    'replenish.auto.off': 'Staat uit.',
    'replenish.auto.explain':
      '{days} dagen voordat het op is, plaatsen we de bestelling voor je ({quantity} stuks, naar het adres van je laatste bestelling). Er wordt niets afgeschreven: je betaalt per overschrijving, je krijgt de bevestiging per e-mail en je annuleert kosteloos tot we verzenden.',
    'replenish.auto.on': 'Staat aan, sinds {date}.',
    'replenish.auto.start': 'Automatisch bijbestellen aanzetten',
    'replenish.auto.stop': 'Automatisch bijbestellen uitzetten',
    'replenish.auto.noAddress':
      'Automatisch bijbestellen kan pas als je een keer iets hebt laten bezorgen: we sturen het naar het adres van je laatste bestelling.',
    'replenish.auto.placed': 'Laatst automatisch besteld: bestelling {number}.',
    'replenish.auto.notPlaced':
      'De laatste keer konden we niet automatisch bestellen: {reason} We stuurden je een herinnering.',
    'replenish.auto.reason.no-address': 'we hebben geen adres van je om naar te bezorgen.',
    'replenish.auto.reason.unavailable': 'het artikel is niet meer te koop.',
    'replenish.auto.reason.out-of-stock': 'het artikel was niet op voorraad.',
    'replenish.auto.reason.no-shipping-method': 'er was geen verzendmethode beschikbaar.',
    // the one-tap links
    'replenish.link.reorder.title': 'Opnieuw bestellen',
    'replenish.link.reorder.explain':
      '{quantity} × {product} in je winkelwagen leggen en naar de kassa gaan. Je betaalt {price} (de prijs uit je herinnering, geldig tot en met {date}) of minder als de prijs intussen lager is.',
    'replenish.link.reorder.explainExpired':
      '{quantity} × {product} in je winkelwagen leggen en naar de kassa gaan, tegen de prijs van vandaag. (De prijs uit de herinnering gold tot en met {date}.)',
    'replenish.link.reorder.button': 'In winkelwagen en naar de kassa',
    'replenish.link.skip.title': 'Deze keer overslaan',
    'replenish.link.skip.explain':
      'We slaan deze keer over; dan is het naar verwachting rond {date} op. Een paar dagen daarvoor herinneren we je.',
    'replenish.link.skip.button': 'Deze keer overslaan',
    'replenish.link.snooze.title': 'Een week later herinneren',
    'replenish.link.snooze.explain': 'We herinneren je over een week opnieuw, rond {date}.',
    'replenish.link.snooze.button': 'Een week later',
    'replenish.link.interval.title': 'Hoe vaak heb je {product} nodig?',
    'replenish.link.interval.button': 'Bewaren',
    'replenish.link.stop.title': 'Geen herinneringen meer voor {product}',
    'replenish.link.stop.explain':
      'Je krijgt geen herinneringen meer voor {product}. Je kunt ze op je account altijd weer aanzetten.',
    'replenish.link.stop.button': 'Stoppen',
    'replenish.done.skip':
      'Overgeslagen. Naar verwachting is het nu rond {date} op; een paar dagen daarvoor herinneren we je.',
    'replenish.done.snooze': 'We herinneren je rond {date} opnieuw.',
    'replenish.done.interval': 'Bewaard: elke {days} dagen. Volgende keer rond {date}.',
    'replenish.done.stop': 'Gestopt. Je krijgt geen herinneringen meer voor {product}.',
    'replenish.outdated':
      'Deze herinnering is niet meer actueel: er is intussen een nieuwere. Kijk op je account wat er gepland staat.',
    'replenish.linkInvalid.title': 'Deze link klopt niet',
    'replenish.accountLink': 'Mijn herinneringen',
    // the reminder e-mail
    'mail.replenish.subject': 'Bijna op: {product}',
    'mail.replenish.greeting': 'Hallo {name},',
    'mail.replenish.greetingAnon': 'Hallo,',
    'mail.replenish.intro':
      'Je {product} {appliance}is waarschijnlijk rond {date} op (je bestelt het ongeveer elke {days} dagen).',
    'mail.replenish.price':
      'Bestel je nu, dan betaal je {price} voor {quantity} stuks; die prijs houden we tot en met {until} voor je vast.',
    'mail.replenish.reorder': 'Opnieuw bestellen',
    'mail.replenish.skip': 'Deze keer overslaan',
    'mail.replenish.snooze': 'Een week later herinneren',
    'mail.replenish.interval': 'Hoe vaak aanpassen',
    'mail.replenish.stop': 'Geen herinneringen meer hiervoor',
    'mail.replenish.never': 'We bestellen nooit vanzelf: er gebeurt pas iets als jij dat kiest.',
    'mail.replenish.autoFailed':
      'Je koos automatisch bijbestellen, maar dit keer lukte dat niet: {reason} Wil je het toch, bestel het dan hieronder zelf.',
    'mail.replenish.preferences': 'Wat we je sturen en wanneer, bepaal je zelf',
    'mail.replenish.signoff': 'Groet, {shop}',
  },
  {
    'replenish.title': 'Reorder reminders',
    'replenish.intro':
      'We work out when your {product} will roughly run out, from your own orders. Not right? Change it. We only send a reminder if you have turned that topic on in your preferences.',
    'replenish.empty':
      'Nothing to remind you of yet: as soon as you order something for an appliance, it shows here.',
    'replenish.consentOff':
      'Reorder reminders are off in your preferences: you only get them once you turn them on.',
    'replenish.preferencesLink': 'To my preferences',
    'replenish.forAppliance': 'for {appliance}',
    'replenish.predicted': 'Predicted: every {days} days (from {orders} orders)',
    'replenish.chosen': 'Set by you: every {days} days',
    'replenish.unknown': 'No prediction yet: you ordered this once. Set how often yourself.',
    'replenish.nextRunOut': 'Likely to run out around {date}',
    'replenish.stopped': 'Stopped: you get no reminders for this.',
    'replenish.intervalLabel': 'Every how many days?',
    'replenish.save': 'Save',
    'replenish.stop': 'No more reminders',
    'replenish.resume': 'Remind me again',
    'replenish.saved': 'Saved.',
    'replenish.badInterval': 'Choose a number of days between {min} and {max}.',
    'replenish.noAutoReorder':
      'We never order by ourselves and never charge anything unless you press "Order", except where you turn on automatic reordering below yourself.',
    'replenish.auto.heading': 'Automatic reordering',
    'replenish.auto.off': 'Off.',
    'replenish.auto.explain':
      '{days} days before you run out, we place the order for you ({quantity} pieces, to the address of your last order). Nothing is charged: you pay by bank transfer, you get the confirmation by e-mail, and you cancel free of charge until we ship.',
    'replenish.auto.on': 'On since {date}.',
    'replenish.auto.start': 'Turn on automatic reordering',
    'replenish.auto.stop': 'Turn off automatic reordering',
    'replenish.auto.noAddress':
      'Automatic reordering needs an address: once you have had something delivered, we send it to the address of your last order.',
    'replenish.auto.placed': 'Last ordered automatically: order {number}.',
    'replenish.auto.notPlaced':
      'Last time we could not order automatically: {reason} We sent you a reminder instead.',
    'replenish.auto.reason.no-address': 'we have no address of yours to deliver to.',
    'replenish.auto.reason.unavailable': 'the item is no longer for sale.',
    'replenish.auto.reason.out-of-stock': 'the item was out of stock.',
    'replenish.auto.reason.no-shipping-method': 'no shipping method was available.',
    'replenish.link.reorder.title': 'Order again',
    'replenish.link.reorder.explain':
      'Put {quantity} × {product} in your cart and go to the checkout. You pay {price} (the price from your reminder, valid up to and including {date}) or less if the price has dropped since.',
    'replenish.link.reorder.explainExpired':
      "Put {quantity} × {product} in your cart and go to the checkout, at today's price. (The reminder's price was valid up to and including {date}.)",
    'replenish.link.reorder.button': 'Add to cart and go to checkout',
    'replenish.link.skip.title': 'Skip this time',
    'replenish.link.skip.explain':
      'We skip this time and then expect it to run out around {date}; we remind you a few days before.',
    'replenish.link.skip.button': 'Skip this time',
    'replenish.link.snooze.title': 'Remind me in a week',
    'replenish.link.snooze.explain': 'We remind you again in a week, around {date}.',
    'replenish.link.snooze.button': 'In a week',
    'replenish.link.interval.title': 'How often do you need {product}?',
    'replenish.link.interval.button': 'Save',
    'replenish.link.stop.title': 'No more reminders for {product}',
    'replenish.link.stop.explain':
      'You will get no more reminders for {product}. You can always turn them on again in your account.',
    'replenish.link.stop.button': 'Stop',
    'replenish.done.skip':
      'Skipped. We now expect it to run out around {date}; we remind you a few days before.',
    'replenish.done.snooze': 'We will remind you again around {date}.',
    'replenish.done.interval': 'Saved: every {days} days. Next time around {date}.',
    'replenish.done.stop': 'Stopped. You will get no more reminders for {product}.',
    'replenish.outdated':
      'This reminder is out of date: a newer one has replaced it. See your account for what is planned.',
    'replenish.linkInvalid.title': 'This link is not right',
    'replenish.accountLink': 'My reminders',
    'mail.replenish.subject': 'Running out soon: {product}',
    'mail.replenish.greeting': 'Hello {name},',
    'mail.replenish.greetingAnon': 'Hello,',
    'mail.replenish.intro':
      'Your {product} {appliance}will probably run out around {date} (you order it about every {days} days).',
    'mail.replenish.price':
      'Order now and you pay {price} for {quantity}; we hold that price for you up to and including {until}.',
    'mail.replenish.reorder': 'Order again',
    'mail.replenish.skip': 'Skip this time',
    'mail.replenish.snooze': 'Remind me in a week',
    'mail.replenish.interval': 'Change how often',
    'mail.replenish.stop': 'No more reminders for this',
    'mail.replenish.never': 'We never order by ourselves: nothing happens unless you choose it.',
    'mail.replenish.autoFailed':
      'You chose automatic reordering, but this time it did not work: {reason} If you still want it, order it yourself below.',
    'mail.replenish.preferences': 'You decide what we send you and when',
    'mail.replenish.signoff': 'Regards, {shop}',
  },
);
