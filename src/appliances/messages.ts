import { defineMessages } from '../web/i18n/define-messages.ts';

export const applianceMessages = defineMessages(
  {
    'appliances.import.code.column-count': 'verkeerd aantal kolommen ({value})',
    'appliances.import.code.required': '{column} is leeg maar verplicht',
    'appliances.import.code.too-long': '{column} is te lang (hoogstens {value} tekens)',
    'appliances.import.code.control-characters': '{column} bevat onzichtbare stuurtekens',
    'appliances.import.code.unknown-category': '{column} “{value}” bestaat niet (vacuum of coffee)',
    'appliances.import.code.category-conflict':
      '{column} “{value}” verschilt van een eerdere regel van hetzelfde apparaat (regel tussen haakjes)',
    'appliances.import.code.unknown-sku': '{column}: deze artikelnummers kennen we niet: {value}',
    'appliances.import.code.duplicate-row': '{value} staat eerder in het bestand (regel tussen haakjes)',
    'appliances.import.code.range-reversed': 'serienummerreeks {value}: het begin ligt na het eind',
    'appliances.import.code.range-mixed': 'serienummerreeks {value}: het ene is een getal, het andere niet',
    'appliances.import.code.range-without-variant':
      'serienummerreeks {value} zonder variant; vul ook variant in',
    'appliances.import.unusable.not-utf8': 'Het bestand is geen UTF-8. Sla het op als “CSV UTF-8”.',
    'appliances.import.unusable.empty': 'Het bestand is leeg.',
    'appliances.import.unusable.not-csv': 'Het bestand is geen geldige CSV (regel {line}): {detail}',
    'appliances.import.unusable.missing-columns': 'Deze kolommen ontbreken: {detail}',
    'appliances.import.unusable.unknown-columns': 'Deze kolommen kennen we niet: {detail}',
    'appliances.import.unusable.duplicate-columns': 'Een kolom staat twee keer in de kopregel.',
    'appliances.import.summary':
      '{total} regels: {created} apparaten nieuw, {updated} bijgewerkt, {skipped} regels overgeslagen.',
    'appliances.lookup.empty': 'typ een typenummer',
    'appliances.lookup.too-long': '{field} is langer dan {max} tekens',
    'appliances.lookup.control-characters': '{field} bevat onzichtbare stuurtekens',
    'mail.lookupAnswer.subject': 'Je typenummer {query}: we hebben gezocht',
    'mail.lookupAnswer.greeting': 'Hallo,',
    'mail.lookupAnswer.intro': 'Je vroeg ons te zoeken wat past bij “{query}”. Dit is ons antwoord:',
    'mail.lookupAnswer.link': 'Bekijk wat past',
    'mail.lookupAnswer.signoff': 'Groet, {name} van {shop}. Je kunt gewoon op deze e-mail antwoorden.',
  },
  {
    'appliances.import.code.column-count': 'wrong number of columns ({value})',
    'appliances.import.code.required': '{column} is empty but required',
    'appliances.import.code.too-long': '{column} is too long (at most {value} characters)',
    'appliances.import.code.control-characters': '{column} holds invisible control characters',
    'appliances.import.code.unknown-category': '{column} “{value}” does not exist (vacuum or coffee)',
    'appliances.import.code.category-conflict':
      '{column} “{value}” differs from an earlier line of the same appliance (line in brackets)',
    'appliances.import.code.unknown-sku': '{column}: we do not know these item numbers: {value}',
    'appliances.import.code.duplicate-row': '{value} appears earlier in the file (line in brackets)',
    'appliances.import.code.range-reversed': 'serial range {value}: the start lies after the end',
    'appliances.import.code.range-mixed': 'serial range {value}: one is a number, the other is not',
    'appliances.import.code.range-without-variant':
      'serial range {value} without a variant; fill in variant too',
    'appliances.import.unusable.not-utf8': 'The file is not UTF-8. Save it as “CSV UTF-8”.',
    'appliances.import.unusable.empty': 'The file is empty.',
    'appliances.import.unusable.not-csv': 'The file is not valid CSV (line {line}): {detail}',
    'appliances.import.unusable.missing-columns': 'These columns are missing: {detail}',
    'appliances.import.unusable.unknown-columns': 'We do not know these columns: {detail}',
    'appliances.import.unusable.duplicate-columns': 'A column appears twice in the header row.',
    'appliances.import.summary':
      '{total} lines: {created} appliances new, {updated} updated, {skipped} lines skipped.',
    'appliances.lookup.empty': 'type a model number',
    'appliances.lookup.too-long': '{field} is longer than {max} characters',
    'appliances.lookup.control-characters': '{field} holds invisible control characters',
    'mail.lookupAnswer.subject': 'Your type number {query}: we looked it up',
    'mail.lookupAnswer.greeting': 'Hello,',
    'mail.lookupAnswer.intro': 'You asked us to find what fits “{query}”. Here is our answer:',
    'mail.lookupAnswer.link': 'See what fits',
    'mail.lookupAnswer.signoff':
      'Regards, {name} of {shop}. Just reply to this e-mail if anything is unclear.',
  },
);
