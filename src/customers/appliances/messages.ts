import { defineMessages } from '../../web/i18n/define-messages.ts';

export const myApplianceMessages = defineMessages(
  {
    'myAppliances.title': 'Mijn apparaten',
    'myAppliances.intro':
      'Je apparaten, met wat erin past en wat je ervoor kocht. Je huishouden ziet ze ook. Met één tik bestel je hetzelfde opnieuw.',
    'myAppliances.empty':
      'Je hebt nog geen apparaten bewaard. Zoek er hieronder een op, of bewaar er een vanaf een zoekresultaat.',
    'myAppliances.lastBought': 'Laatst gekocht op {date}: {items}',
    'myAppliances.nothingBought': 'Nog niets voor gekocht.',
    'myAppliances.reorder': 'Bestel opnieuw',
    'myAppliances.reorderHint':
      'Zet hetzelfde als de vorige keer in je winkelmand en ga meteen naar afrekenen.',
    'myAppliances.details': 'Bekijk {name}',
    'myAppliances.variant': 'Versie: {variant}',
    'myAppliances.serial': 'Serienummer: {serial}',
    'myAppliances.needsSerial': 'Vul het serienummer in om te zien wat er precies in past.',
    'myAppliances.add': 'Een apparaat toevoegen',
    'myAppliances.addModel': 'Typenummer',
    'myAppliances.addSerial': 'Serienummer (mag leeg)',
    'myAppliances.addSerialHint':
      'Sommige apparaten hebben versies; het serienummer legt vast welke je hebt.',
    'myAppliances.search': 'Zoek',
    'myAppliances.results': 'Gevonden voor "{query}"',
    'myAppliances.noResults':
      'We vonden geen apparaat bij "{query}". Controleer het typenummer op het typeplaatje.',
    'myAppliances.save': 'Bewaar in mijn apparaten',
    'myAppliances.saved': 'Staat in mijn apparaten',
    'myAppliances.signInToSave': 'Log in om dit apparaat te bewaren',
    'myAppliances.fits': 'Wat erin past',
    'myAppliances.noFits': 'We hebben op dit moment niets dat erin past.',
    'myAppliances.history': 'Wat je ervoor kocht',
    'myAppliances.historyOrder': 'Bestelling',
    'myAppliances.historyDate': 'Datum',
    'myAppliances.historyItem': 'Product',
    'myAppliances.historyQuantity': 'Aantal',
    'myAppliances.edit': 'Naam en serienummer',
    'myAppliances.label': 'Eigen naam (bijvoorbeeld "stofzuiger boven")',
    'myAppliances.editButton': 'Opslaan',
    'myAppliances.remove': 'Verwijder uit mijn apparaten',
    'myAppliances.removeHint': 'Je bestellingen blijven gewoon bestaan.',
    'myAppliances.back': 'Terug naar mijn apparaten',
    'myAppliances.household': 'Deel je apparaten met je huishouden',
    'myAppliances.done.saved': 'Bewaard in je apparaten.',
    'myAppliances.done.edited': 'Opgeslagen.',
    'myAppliances.done.removed': 'Verwijderd uit je apparaten.',
    'myAppliances.done.nothing-bought':
      'Je hebt hiervoor nog niets bij ons gekocht. Hieronder staat wat erin past: kies wat je nodig hebt.',
    'myAppliances.done.none-in-stock':
      'Wat je de vorige keer kocht, is nu niet op voorraad: {names}. Er is niets aan je winkelmand toegevoegd.',
    'myAppliances.error.serial-unknown':
      'Dit serienummer hoort bij geen enkele bekende versie. Controleer het op het typeplaatje, of laat het leeg.',
    'myAppliances.error.serial-too-long': 'Een serienummer is hooguit 100 tekens.',
    'myAppliances.error.label-too-long': 'Een naam is hooguit 60 tekens.',
    'myAppliances.error.unknown-appliance': 'Dit apparaat kennen we niet (meer). Zoek het opnieuw op.',
  },
  {
    'myAppliances.title': 'My appliances',
    'myAppliances.intro':
      'Your appliances, with what fits them and what you bought for them. Your household sees them too. Order the same again in one tap.',
    'myAppliances.empty':
      'You have not saved any appliances yet. Look one up below, or save one from a lookup result.',
    'myAppliances.lastBought': 'Last bought on {date}: {items}',
    'myAppliances.nothingBought': 'Nothing bought for it yet.',
    'myAppliances.reorder': 'Order again',
    'myAppliances.reorderHint': 'Puts the same as last time in your cart and goes straight to checkout.',
    'myAppliances.details': 'View {name}',
    'myAppliances.variant': 'Version: {variant}',
    'myAppliances.serial': 'Serial number: {serial}',
    'myAppliances.needsSerial': 'Enter the serial number to see exactly what fits.',
    'myAppliances.add': 'Add an appliance',
    'myAppliances.addModel': 'Model number',
    'myAppliances.addSerial': 'Serial number (optional)',
    'myAppliances.addSerialHint':
      'Some appliances come in versions; the serial number settles which one you have.',
    'myAppliances.search': 'Search',
    'myAppliances.results': 'Found for "{query}"',
    'myAppliances.noResults':
      'We found no appliance for "{query}". Check the model number on the type plate.',
    'myAppliances.save': 'Save to my appliances',
    'myAppliances.saved': 'In my appliances',
    'myAppliances.signInToSave': 'Sign in to save this appliance',
    'myAppliances.fits': 'What fits',
    'myAppliances.noFits': 'We have nothing that fits it at the moment.',
    'myAppliances.history': 'What you bought for it',
    'myAppliances.historyOrder': 'Order',
    'myAppliances.historyDate': 'Date',
    'myAppliances.historyItem': 'Product',
    'myAppliances.historyQuantity': 'Quantity',
    'myAppliances.edit': 'Name and serial number',
    'myAppliances.label': 'Your own name for it (e.g. "upstairs vacuum")',
    'myAppliances.editButton': 'Save',
    'myAppliances.remove': 'Remove from my appliances',
    'myAppliances.removeHint': 'Your orders stay as they are.',
    'myAppliances.back': 'Back to my appliances',
    'myAppliances.household': 'Share your appliances with your household',
    'myAppliances.done.saved': 'Saved to your appliances.',
    'myAppliances.done.edited': 'Saved.',
    'myAppliances.done.removed': 'Removed from your appliances.',
    'myAppliances.done.nothing-bought':
      'You have not bought anything for this from us yet. Below is what fits: choose what you need.',
    'myAppliances.done.none-in-stock':
      'What you bought last time is not in stock right now: {names}. Nothing was added to your cart.',
    'myAppliances.error.serial-unknown':
      'This serial number belongs to no known version. Check it on the type plate, or leave it empty.',
    'myAppliances.error.serial-too-long': 'A serial number has at most 100 characters.',
    'myAppliances.error.label-too-long': 'A name has at most 60 characters.',
    'myAppliances.error.unknown-appliance':
      'We do not know this appliance (any more). Please look it up again.',
  },
);
