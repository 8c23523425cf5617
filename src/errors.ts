import type { Locale } from './config.ts';

type Message = Record<Locale, string>;
type Entry = { status: number; message: Message };

/**
 * The one error catalogue: a stable machine id, the HTTP status and the message a person reads, per language.
 * Messages may hold `{name}` placeholders filled from the error's params.
 */
export const errorCatalogue = {
  'not-found': {
    status: 404,
    message: { nl: 'Deze pagina bestaat niet (meer).', en: 'This page does not exist (any more).' },
  },
  'invalid-input': {
    status: 400,
    message: {
      nl: 'Er klopt iets niet in wat je stuurde: {reason}',
      en: 'Something in your request is not right: {reason}',
    },
  },
  'validation-failed': {
    status: 422,
    message: { nl: 'Niet alle velden zijn goed ingevuld.', en: 'Not every field is filled in correctly.' },
  },
  'csrf-failed': {
    status: 403,
    message: {
      nl: 'Dit formulier is verlopen of kwam niet van deze winkel. Laad de pagina opnieuw en probeer het nog eens.',
      en: 'This form has expired or did not come from this shop. Reload the page and try again.',
    },
  },
  'login-required': { status: 401, message: { nl: 'Log eerst in.', en: 'Please log in first.' } },
  'customer-login-required': {
    status: 401,
    message: { nl: 'Log eerst in op je account.', en: 'Please sign in to your account first.' },
  },
  forbidden: {
    status: 403,
    message: { nl: 'Dit mag alleen de eigenaar.', en: 'Only the owner may do this.' },
  },
  'login-failed': {
    status: 401,
    message: { nl: 'E-mailadres of wachtwoord klopt niet.', en: 'E-mail address or password is not right.' },
  },
  'too-many-requests': {
    status: 429,
    message: {
      nl: 'Te veel pogingen. Wacht even en probeer het opnieuw.',
      en: 'Too many attempts. Wait a while and try again.',
    },
  },
  'link-invalid': {
    status: 410,
    message: {
      nl: 'Deze link is al gebruikt of verlopen. Vraag een nieuwe aan.',
      en: 'This link has been used or has expired. Ask for a new one.',
    },
  },
  'mail-not-sent': {
    status: 503,
    message: {
      nl: 'We konden de e-mail nu niet versturen. Probeer het over een paar minuten opnieuw.',
      en: 'We could not send the e-mail just now. Please try again in a few minutes.',
    },
  },
  'passkey-failed': {
    status: 401,
    message: {
      nl: 'Inloggen met deze passkey lukte niet. Probeer het opnieuw of vraag een inloglink.',
      en: 'Signing in with this passkey did not work. Try again or ask for a sign-in link.',
    },
  },
  'passkey-not-added': {
    status: 422,
    message: {
      nl: 'De passkey is niet toegevoegd ({reason}). Probeer het opnieuw.',
      en: 'The passkey was not added ({reason}). Please try again.',
    },
  },
  'payload-too-large': {
    status: 413,
    message: { nl: 'Het bestand is te groot.', en: 'The file is too large.' },
  },
  'unsupported-media': {
    status: 415,
    message: { nl: 'Dit soort bestand kunnen we niet lezen.', en: 'We cannot read this kind of file.' },
  },
  'out-of-stock': {
    status: 409,
    message: {
      nl: 'Sorry, niet alles is nog op voorraad: {skus}. Er is niets besteld; pas je winkelmand aan en probeer het opnieuw.',
      en: 'Sorry, not everything is in stock any more: {skus}. Nothing was ordered; change your cart and try again.',
    },
  },
  'idempotency-mismatch': {
    status: 422,
    message: {
      nl: 'Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel.',
      en: 'This Idempotency-Key was already used for a different request. Use a new key.',
    },
  },
  'request-in-progress': {
    status: 409,
    message: {
      nl: 'Je bestelling wordt nog verwerkt. Wacht een paar seconden en kijk dan opnieuw.',
      en: 'Your order is still being processed. Wait a few seconds and look again.',
    },
  },
  'cart-empty': {
    status: 422,
    message: { nl: 'Je winkelmand is leeg.', en: 'Your cart is empty.' },
  },
  'try-again': {
    status: 503,
    message: {
      nl: 'Het is nu erg druk. Er is niets besteld; probeer het over een paar seconden opnieuw.',
      en: 'We are very busy right now. Nothing was ordered; please try again in a few seconds.',
    },
  },
  conflict: { status: 409, message: { nl: 'Dit bestaat al: {reason}', en: 'This already exists: {reason}' } },
  'preferences-stale': {
    status: 409,
    message: {
      nl: 'Je voorkeuren zijn intussen ergens anders gewijzigd. Bekijk ze opnieuw en sla dan op.',
      en: 'Your preferences were changed elsewhere in the meantime. Look at them again, then save.',
    },
  },
  'staff-change-unsigned': {
    status: 403,
    message: {
      nl: 'Een medewerker kan voorkeuren alleen wijzigen onder eigen naam.',
      en: 'Staff can change preferences only under their own name.',
    },
  },
  'household-invite-other-address': {
    status: 403,
    message: {
      nl: 'Deze uitnodiging is naar een ander e-mailadres gestuurd. Log in met dat adres om haar aan te nemen.',
      en: 'This invitation was sent to another e-mail address. Sign in with that address to accept it.',
    },
  },
  'household-other': {
    status: 409,
    message: {
      nl: 'Je hoort al bij een ander huishouden. Verlaat dat eerst; je kunt bij één huishouden tegelijk horen.',
      en: 'You already belong to another household. Leave it first; you can belong to one household at a time.',
    },
  },
  'household-creator-only': {
    status: 403,
    message: {
      nl: 'Alleen wie het huishouden begon, kan iemand eruit halen.',
      en: 'Only the person who started the household can remove someone.',
    },
  },
  'reminder-link-invalid': {
    status: 403,
    message: {
      nl: 'Deze link klopt niet: hij is veranderd of afgebroken. Gebruik de link uit de e-mail zoals hij is, of bekijk je herinneringen op je account.',
      en: 'This link is not valid: it was changed or cut short. Use the link from the e-mail as it is, or look at your reminders in your account.',
    },
  },
  internal: {
    status: 500,
    message: {
      nl: 'Sorry, hier ging bij ons iets mis. Probeer het zo nog eens; blijft het misgaan, noem dan code {requestId}.',
      en: 'Sorry, something went wrong on our side. Please try again; if it keeps happening, mention code {requestId}.',
    },
  },
} satisfies Record<string, Entry>;

export type ErrorId = keyof typeof errorCatalogue;

/** An expected failure that ends a request: mapped to HTTP in one place (web/error-handler.ts). */
export class AppError extends Error {
  readonly id: ErrorId;
  readonly status: number;
  readonly params: Record<string, string>;
  /** Per-field reasons for forms and the API, already in words. */
  readonly fields: Record<string, string> | undefined;
  /** Machine-readable details added to the API error body, e.g. `{ skus: [...] }` for out-of-stock. */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    id: ErrorId,
    params: Record<string, string> = {},
    fields?: Record<string, string>,
    details?: Record<string, unknown>,
  ) {
    super(`${id}${params.reason ? `: ${params.reason}` : ''}`);
    this.id = id;
    this.status = errorCatalogue[id].status;
    this.params = params;
    this.fields = fields;
    this.details = details;
  }
}

export function errorMessage(id: ErrorId, locale: Locale, params: Record<string, string> = {}): string {
  return errorCatalogue[id].message[locale].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}
