import { defineMessages } from '../../web/i18n/define-messages.ts';

/** Texts of /admin/shipping: the owner's shipping settings. */
export const shippingAdminMessages = defineMessages(
  {
    'shippingAdmin.title': 'Verzending',
    'shippingAdmin.home':
      'Verzendmethoden, prijzen, verzend- en bezorgdagen, feestdagen en eigen sluitingsdagen.',
    'shippingAdmin.intro':
      'Wat klanten voor verzending betalen en wanneer hun bestelling aankomt. De winkelmand, de kassa, productpagina’s en zoekresultaten gebruiken deze instellingen zodra je ze opslaat.',
    'shippingAdmin.saved': 'Verzendinstellingen opgeslagen.',
    'shippingAdmin.fix': 'Niet alles is goed ingevuld; er is niets opgeslagen.',
    'shippingAdmin.examplesTitle': 'Wat klanten nu beloofd wordt',
    'shippingAdmin.example': '{method}: een bestelling die nu geplaatst wordt, wordt bezorgd op {date}.',
    'shippingAdmin.exampleOff': '{method}: staat uit.',
    'shippingAdmin.enabled': 'Aanbieden aan klanten',
    'shippingAdmin.price': 'Prijs (euro, incl. btw)',
    'shippingAdmin.maxWeight': 'Maximaal gewicht (gram)',
    'shippingAdmin.maxWeightHint':
      'Alleen als alle producten door de brievenbus passen en samen niet zwaarder zijn dan dit.',
    'shippingAdmin.cutoff': 'Uiterste besteltijd (UU:MM)',
    'shippingAdmin.cutoffHint':
      'Wat vóór deze tijd op een verzenddag besteld wordt, gaat dezelfde dag de deur uit. Tijdzone: {zone}.',
    'shippingAdmin.dispatch': 'Verzenddagen',
    'shippingAdmin.delivery': 'Bezorgdagen van de vervoerder',
    'shippingAdmin.transit': 'Bezorgdagen onderweg (1–10)',
    'shippingAdmin.transitHint': '1: de eerste bezorgdag na verzending.',
    'shippingAdmin.shopTitle': 'Voor alle verzendmethoden',
    'shippingAdmin.freeFrom': 'Gratis verzending vanaf (euro)',
    'shippingAdmin.freeFromHint': 'Het bedrag aan artikelen. Leeg: nooit gratis.',
    'shippingAdmin.holidayCountry': 'Feestdagen van',
    'shippingAdmin.holidayCountryHint':
      'Op de officiële feestdagen van dit land wordt niet verzonden en niet bezorgd.',
    'shippingAdmin.closingDays': 'Eigen sluitingsdagen',
    'shippingAdmin.closingDaysHint':
      'Eén per regel: een datum als JJJJ-MM-DD, eventueel gevolgd door een notitie. Op die dagen wordt niets verzonden; de vervoerder bezorgt wel.',
    'shippingAdmin.save': 'Opslaan',
    'shippingAdmin.bad.price': 'Vul een bedrag in euro in van 0 tot en met 1000, bijvoorbeeld 3,95.',
    'shippingAdmin.bad.weight': 'Vul een heel aantal gram in van 1 tot en met 30000.',
    'shippingAdmin.bad.cutoff': 'Vul een tijd in als UU:MM, bijvoorbeeld 22:00.',
    'shippingAdmin.bad.weekdays': 'Kies minstens één dag.',
    'shippingAdmin.bad.transit': 'Vul een heel aantal dagen in van 1 tot en met 10.',
    'shippingAdmin.bad.threshold':
      'Vul een bedrag in euro in, bijvoorbeeld 50, of laat het leeg voor geen gratis verzending.',
    'shippingAdmin.bad.country': 'Kies een land uit de lijst.',
    'shippingAdmin.bad.all-off': 'Laat minstens één verzendmethode aan staan.',
    'shippingAdmin.bad.never-dispatches':
      'Met deze dagen, feestdagen en sluitingsdagen wordt er binnen een jaar niets verzonden of bezorgd.',
    'shippingAdmin.bad.too-many-days': 'Geef hoogstens 366 sluitingsdagen op.',
    'shippingAdmin.bad.closing-date':
      'Regel {line}: begin met een datum als JJJJ-MM-DD, bijvoorbeeld 2026-12-24.',
    'shippingAdmin.bad.closing-twice': 'Regel {line}: {date} staat er twee keer in.',
    'shippingAdmin.bad.closing-note': 'Regel {line}: houd de notitie op hoogstens 100 tekens.',
  },
  {
    'shippingAdmin.title': 'Shipping',
    'shippingAdmin.home':
      'Shipping methods, prices, dispatch and delivery days, public holidays and closing days.',
    'shippingAdmin.intro':
      'What customers pay for shipping and when their order arrives. The cart, the checkout, product pages and lookup results use these settings as soon as you save them.',
    'shippingAdmin.saved': 'Shipping settings saved.',
    'shippingAdmin.fix': 'Not everything is filled in correctly; nothing has been saved.',
    'shippingAdmin.examplesTitle': 'What customers are promised now',
    'shippingAdmin.example': '{method}: an order placed now is delivered on {date}.',
    'shippingAdmin.exampleOff': '{method}: switched off.',
    'shippingAdmin.enabled': 'Offer to customers',
    'shippingAdmin.price': 'Price (euros, incl. VAT)',
    'shippingAdmin.maxWeight': 'Maximum weight (grams)',
    'shippingAdmin.maxWeightHint':
      'Only when every product fits through the mailbox and together they weigh no more than this.',
    'shippingAdmin.cutoff': 'Cut-off time (HH:MM)',
    'shippingAdmin.cutoffHint':
      'Orders placed before this time on a dispatch day leave the same day. Time zone: {zone}.',
    'shippingAdmin.dispatch': 'Dispatch days',
    'shippingAdmin.delivery': 'Carrier delivery days',
    'shippingAdmin.transit': 'Transit days (1–10)',
    'shippingAdmin.transitHint': '1: the first delivery day after dispatch.',
    'shippingAdmin.shopTitle': 'For every shipping method',
    'shippingAdmin.freeFrom': 'Free shipping from (euros)',
    'shippingAdmin.freeFromHint': 'The amount of goods. Empty: never free.',
    'shippingAdmin.holidayCountry': 'Public holidays of',
    'shippingAdmin.holidayCountryHint':
      'Nothing is dispatched or delivered on this country’s public holidays.',
    'shippingAdmin.closingDays': 'The shop’s own closing days',
    'shippingAdmin.closingDaysHint':
      'One per line: a date as YYYY-MM-DD, optionally followed by a note. Nothing is dispatched on these days; the carrier still delivers.',
    'shippingAdmin.save': 'Save',
    'shippingAdmin.bad.price': 'Enter an amount in euros from 0 to 1000, for example 3.95.',
    'shippingAdmin.bad.weight': 'Enter a whole number of grams from 1 to 30000.',
    'shippingAdmin.bad.cutoff': 'Enter a time as HH:MM, for example 22:00.',
    'shippingAdmin.bad.weekdays': 'Choose at least one day.',
    'shippingAdmin.bad.transit': 'Enter a whole number of days from 1 to 10.',
    'shippingAdmin.bad.threshold':
      'Enter an amount in euros, for example 50, or leave it empty for no free shipping.',
    'shippingAdmin.bad.country': 'Choose a country from the list.',
    'shippingAdmin.bad.all-off': 'Keep at least one shipping method switched on.',
    'shippingAdmin.bad.never-dispatches':
      'With these days, holidays and closing days nothing would be dispatched or delivered within a year.',
    'shippingAdmin.bad.too-many-days': 'List at most 366 closing days.',
    'shippingAdmin.bad.closing-date': 'Line {line}: start with a date as YYYY-MM-DD, for example 2026-12-24.',
    'shippingAdmin.bad.closing-twice': 'Line {line}: {date} is listed twice.',
    'shippingAdmin.bad.closing-note': 'Line {line}: keep the note to 100 characters at most.',
  },
);
