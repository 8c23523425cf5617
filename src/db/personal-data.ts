import type { Database } from './schema.ts';

/**
 * Where personal data lives: EVERY table of the schema, marked in this one place. The export (GDPR Art. 15/20)
 * and the erasure (Art. 17) of src/customers/privacy are driven by this list, so a table cannot be forgotten:
 * TypeScript refuses a table of `Database` without an entry, and personal-data.test.ts refuses a table of the
 * real database (its catalogue) without one, and a personal table missing from the export.
 *
 * The rule for developers: when you add a table, add it here. Personal (it holds or points to a customer, or an
 * address, name or phone, or what a person did) → list its personal columns, how a customer's rows are found and
 * what erasure does with them. Not personal → say why in `why`.
 */

/** How one customer's rows of a table are found. `C` is a column of that table. */
export type Finder<C extends string> =
  /** The row is the customer (the `customers` table). */
  | { by: 'self' }
  /** `column` holds the customer's id. */
  | { by: 'customer'; column: C }
  /** `lower(column)` is the customer's (normalised) e-mail address. */
  | { by: 'email'; column: C }
  /** `column` holds the customer's id, or `emailColumn` the address (orders placed as a guest with it). */
  | { by: 'customer-or-email'; column: C; emailColumn: C }
  /** `column` holds the id of one of the customer's orders (see `by: 'customer-or-email'` on `orders`). */
  | { by: 'order'; column: C }
  /** `column` is the id of the customer's household (shared with its other members). */
  | { by: 'household'; column: C }
  /** `column` holds the `id` of one of the customer's rows of the personal table `parent` (found by its own finder). */
  | { by: 'via'; column: C; parent: keyof Database };

/**
 * What erasure does with the customer's rows: 'delete' them; 'anonymise' them (every personal column replaced by
 * its placeholder, the rest kept, e.g. for statistics); 'retain-fiscal': sales records, kept unchanged until their
 * purge date (NL: 7 years), then anonymised by the 'retention-purge' job.
 */
export type OnErase = 'delete' | 'anonymise' | 'retain-fiscal';

export type PersonalTable<T extends keyof Database> = {
  personal: true;
  /** What the table holds about the customer, in words, per language (the pages and the export show it). */
  what: { en: string; nl: string };
  /** The columns that hold personal data (or link to the person). */
  columns: readonly (keyof Database[T] & string)[];
  find: Finder<keyof Database[T] & string>;
  onErase: OnErase;
  /** Never exported: secrets (token hashes, key material) that would help nobody and could harm. */
  secret?: readonly (keyof Database[T] & string)[];
  /**
   * 'anonymise': the value each personal column gets at erasure (default ERASED). 'retain-fiscal': the columns
   * replaced when the purge date has passed (only these; the rest is the sales record).
   */
  placeholders?: Partial<Record<keyof Database[T] & string, string | null>>;
};

export type NotPersonal = {
  personal: false;
  /** Why this table holds no customer's personal data. */
  why: string;
  /** The table exists only on this database (e.g. SQLite's order counter; PostgreSQL uses a sequence). */
  onlyOn?: 'sqlite';
};

export type PersonalDataRegistry = { [T in keyof Database]: PersonalTable<T> | NotPersonal };

/** The default placeholder for an anonymised text column. */
export const ERASED = '[erased]';
/** The placeholder address of an anonymised record (RFC 2606: `.invalid` never receives mail). */
export const ERASED_EMAIL = 'erased@erased.invalid';

const catalogue = (what: string): NotPersonal => ({ personal: false, why: `Shop catalogue: ${what}.` });

export const personalData: PersonalDataRegistry = {
  // ── catalogue and appliance registry: the shop's own data
  categories: catalogue('product categories'),
  products: catalogue('products, prices and stock'),
  price_history: catalogue('past prices (Omnibus rule)'),
  product_images: catalogue('product images'),
  product_image_files: catalogue('image bytes'),
  brands: catalogue('brands and their type-plate guides'),
  appliances: catalogue('the appliance registry'),
  appliance_aliases: catalogue('other numbers of an appliance'),
  appliance_variants: catalogue('production series by serial range'),
  compatibility: catalogue('which product fits which appliance'),

  // ── staff: staff members' own accounts, never a customer's data
  staff: { personal: false, why: 'Staff accounts (personal data of staff, not of customers).' },
  staff_tokens: { personal: false, why: 'Staff invitations and setup links (hashes only).' },
  staff_sessions: { personal: false, why: 'Staff sessions.' },
  login_failures: { personal: false, why: 'Failed staff logins, as keyed hashes of the address typed.' },

  // ── work queues and bookkeeping
  import_runs: { personal: false, why: 'CSV imports of products and appliances by staff.' },
  jobs: {
    personal: false,
    why: 'Work queue; payloads hold ids and order numbers, never addresses or names (the erasure scan checks it).',
  },
  idempotency_keys: {
    personal: false,
    why: 'Stored API answers for 24 h: order number, status and totals only.',
  },
  order_counters: { personal: false, why: 'The order-number counter (SQLite).', onlyOn: 'sqlite' },
  stock_movements: { personal: false, why: 'Stock ledger: product, quantity, order id.' },
  carts: {
    personal: false,
    why: 'Anonymous carts behind a random cookie id; no account, name or address.',
  },
  cart_lines: { personal: false, why: 'Products in an anonymous cart.' },
  shipping_methods: { personal: false, why: 'The shop’s shipping methods: prices and calendars.' },
  shipping_settings: {
    personal: false,
    why: 'Shop-wide shipping settings; `updated_by` is a staff member, not a customer.',
  },
  shop_closing_days: { personal: false, why: 'Days the shop dispatches nothing.' },
  rate_events: {
    personal: false,
    why: 'Rate-limit counters keyed by a keyed hash (HMAC) of an address or IP; old rows are cleared at the next attempt.',
  },
  suppressed_addresses: {
    personal: false,
    why: 'Keyed hashes (HMAC) of addresses never to mail again; kept on erasure on purpose, cannot be read back.',
  },

  // ── the customer
  customers: {
    personal: true,
    what: {
      en: 'Your account: e-mail address, name, phone, language.',
      nl: 'Je account: e-mailadres, naam, telefoon, taal.',
    },
    columns: ['id', 'email', 'name', 'phone', 'email_verified_at', 'locale', 'household_id'],
    find: { by: 'self' },
    onErase: 'delete',
  },
  households: {
    personal: true,
    what: {
      en: 'Your household (shared with its members); removed when its last member leaves.',
      nl: 'Je huishouden (gedeeld met de leden); verdwijnt als het laatste lid vertrekt.',
    },
    columns: ['id', 'created_by'],
    find: { by: 'household', column: 'id' },
    // the customer's membership always ends; the household itself goes with its last member (erase-account.ts)
    onErase: 'delete',
  },
  customer_sessions: {
    personal: true,
    what: {
      en: 'Where you are signed in: when, how and with which browser.',
      nl: 'Waar je bent ingelogd: wanneer, hoe en met welke browser.',
    },
    columns: ['customer_id', 'user_agent', 'created_at', 'last_seen_at'],
    find: { by: 'customer', column: 'customer_id' },
    onErase: 'delete',
    secret: ['id_hash'],
  },
  customer_links: {
    personal: true,
    what: {
      en: 'Sign-in links and invitations sent to your address.',
      nl: 'Inloglinks en uitnodigingen naar je adres.',
    },
    columns: ['email', 'customer_id', 'data_json'],
    find: { by: 'customer-or-email', column: 'customer_id', emailColumn: 'email' },
    onErase: 'delete',
    secret: ['token_hash'],
  },
  auth_challenges: {
    personal: true,
    what: {
      en: 'Passkey ceremonies in progress (a few minutes).',
      nl: 'Lopende passkey-aanmeldingen (een paar minuten).',
    },
    columns: ['customer_id'],
    find: { by: 'customer', column: 'customer_id' },
    onErase: 'delete',
    secret: ['challenge'],
  },
  passkeys: {
    personal: true,
    what: {
      en: 'Your passkeys: their id and label (the public key is not shown).',
      nl: 'Je passkeys: hun id en naam (de publieke sleutel tonen we niet).',
    },
    columns: ['id', 'customer_id', 'label', 'transports', 'created_at', 'last_used_at'],
    find: { by: 'customer', column: 'customer_id' },
    onErase: 'delete',
    secret: ['public_key'],
  },
  customer_appliances: {
    personal: true,
    what: {
      en: 'Your saved appliances, with serial numbers and labels.',
      nl: 'Je bewaarde apparaten, met serienummers en namen.',
    },
    columns: ['customer_id', 'appliance_id', 'variant_id', 'serial', 'label'],
    find: { by: 'customer', column: 'customer_id' },
    onErase: 'delete',
  },
  customer_addresses: {
    personal: true,
    what: { en: 'Your saved delivery addresses.', nl: 'Je bewaarde afleveradressen.' },
    columns: ['customer_id', 'name', 'street', 'house_number', 'addition', 'postcode', 'city', 'country'],
    find: { by: 'customer', column: 'customer_id' },
    onErase: 'delete',
  },
  customer_preferences: {
    personal: true,
    what: {
      en: 'Your preferences: channels, topics, how often, quiet hours, language.',
      nl: 'Je voorkeuren: kanalen, onderwerpen, hoe vaak, stille uren, taal.',
    },
    columns: ['customer_id', 'doc_json'],
    find: { by: 'customer', column: 'customer_id' },
    onErase: 'delete',
  },
  consent_ledger: {
    personal: true,
    what: {
      en: 'Every change of your preferences and consents: what, when, through which page, the wording shown.',
      nl: 'Elke wijziging van je voorkeuren en toestemmingen: wat, wanneer, via welke pagina, de getoonde tekst.',
    },
    columns: ['customer_id', 'subject', 'old_value', 'new_value', 'source', 'channel', 'note'],
    find: { by: 'customer', column: 'customer_id' },
    onErase: 'delete',
  },

  // ── orders: sales records, kept for the fiscal retention period
  orders: {
    personal: true,
    what: {
      en: 'Your orders: delivery address, e-mail, amounts (sales records: kept 7 years, then anonymised).',
      nl: 'Je bestellingen: afleveradres, e-mail, bedragen (verkoopgegevens: 7 jaar bewaard, daarna geanonimiseerd).',
    },
    columns: [
      'customer_id',
      'email',
      'name',
      'street',
      'house_number',
      'addition',
      'postcode',
      'city',
      'tracking_code',
    ],
    find: { by: 'customer-or-email', column: 'customer_id', emailColumn: 'email' },
    onErase: 'retain-fiscal',
    secret: ['idempotency_key', 'request_hash'],
    placeholders: {
      customer_id: null,
      email: ERASED_EMAIL,
      name: ERASED,
      street: ERASED,
      house_number: '',
      addition: '',
      postcode: '',
      city: ERASED,
      tracking_code: null,
    },
  },
  order_lines: {
    personal: true,
    what: {
      en: 'What you bought in each order, and for which appliance.',
      nl: 'Wat je per bestelling kocht, en voor welk apparaat.',
    },
    columns: ['order_id', 'appliance_id'],
    find: { by: 'order', column: 'order_id' },
    onErase: 'retain-fiscal',
  },
  order_events: {
    personal: true,
    what: {
      en: 'The history of each order: placed, paid, shipped, cancelled…',
      nl: 'De geschiedenis van elke bestelling: geplaatst, betaald, verzonden, geannuleerd…',
    },
    columns: ['order_id', 'note'],
    find: { by: 'order', column: 'order_id' },
    onErase: 'retain-fiscal',
    // a note may say anything about the person ("called: leave it with the neighbours at 14"); the events stay
    placeholders: { note: null },
  },
  payments: {
    personal: true,
    what: {
      en: 'Payments of your orders (no card data: payments happen at the provider).',
      nl: 'Betalingen van je bestellingen (geen kaartgegevens: je betaalt bij de betaaldienst).',
    },
    columns: ['order_id', 'provider_payment_id', 'checkout_url'],
    find: { by: 'order', column: 'order_id' },
    onErase: 'retain-fiscal',
    placeholders: { checkout_url: null },
  },
  voucher_redemptions: {
    personal: true,
    what: {
      en: 'Vouchers and gift cards used in your orders, and the amounts.',
      nl: 'Kortingscodes en cadeaukaarten die je bij je bestellingen gebruikte, en de bedragen.',
    },
    columns: ['order_id', 'email_key'],
    find: { by: 'order', column: 'order_id' },
    onErase: 'retain-fiscal',
    placeholders: { email_key: null },
  },
  vouchers: {
    personal: false,
    why: 'Discount codes and gift cards as the shop issued them; who used one is in voucher_redemptions.',
  },

  // ── messages and requests
  outbox_messages: {
    personal: true,
    what: {
      en: 'Every message we sent you (or tried to): to which address, about what, and its text.',
      nl: 'Elk bericht dat we je stuurden (of probeerden): naar welk adres, waarover, en de tekst.',
    },
    columns: ['to_address', 'subject', 'text_body', 'html_body'],
    find: { by: 'email', column: 'to_address' },
    onErase: 'delete',
  },
  lookup_requests: {
    personal: true,
    what: {
      en: '"We\'ll find it for you" requests: the number you typed, your photo, our answer.',
      nl: '"Wij zoeken het voor je uit"-verzoeken: het nummer dat je typte, je foto, ons antwoord.',
    },
    columns: ['email', 'photo', 'photo_type'],
    find: { by: 'email', column: 'email' },
    onErase: 'anonymise',
    placeholders: { email: ERASED_EMAIL, photo: null, photo_type: null },
  },

  // ── the message gateway: every message request and every decision about it ("messages sent and why")
  gateway_messages: {
    personal: true,
    what: {
      en: 'Every message we were asked to send you: topic, channel, status and the reason for the decision.',
      nl: 'Elk bericht dat we je wilden sturen: onderwerp, kanaal, status en de reden van de beslissing.',
    },
    columns: ['customer_id', 'to_address', 'data_json', 'subject'],
    find: { by: 'customer-or-email', column: 'customer_id', emailColumn: 'to_address' },
    onErase: 'delete',
  },
  message_decisions: {
    personal: true,
    what: {
      en: 'Each decision about a message to you: sent, held, dropped, and why.',
      nl: 'Elke beslissing over een bericht aan jou: verstuurd, vastgehouden, vervallen, en waarom.',
    },
    columns: ['message_id', 'customer_id', 'topic', 'action', 'reason'],
    find: { by: 'via', column: 'message_id', parent: 'gateway_messages' },
    onErase: 'delete',
  },
  unsubscribe_tokens: {
    personal: true,
    what: {
      en: 'One-click unsubscribe links in messages to you.',
      nl: 'Afmeldlinks (één klik) in berichten aan jou.',
    },
    columns: ['customer_id', 'topic', 'message_id'],
    find: { by: 'customer', column: 'customer_id' },
    onErase: 'delete',
    secret: ['token_hash'],
  },

  // ── channels
  sms_attempts: {
    personal: true,
    what: {
      en: 'Text messages (SMS) we handed to our SMS provider for you, with the number.',
      nl: 'Sms-berichten die we voor jou aan onze sms-aanbieder gaven, met het nummer.',
    },
    columns: ['message_id', 'to_number'],
    find: { by: 'via', column: 'message_id', parent: 'gateway_messages' },
    onErase: 'delete',
  },
  push_subscriptions: {
    personal: true,
    what: {
      en: 'Browsers you subscribed to web push notifications.',
      nl: 'Browsers waarop je pushberichten aanzette.',
    },
    columns: ['customer_id', 'endpoint', 'user_agent', 'p256dh', 'auth'],
    find: { by: 'customer', column: 'customer_id' },
    onErase: 'delete',
    secret: ['p256dh', 'auth'],
  },

  // ── replenishment
  replenishment_plans: {
    personal: true,
    what: {
      en: 'Your replenishment plans: which consumable, for which appliance, how often, when it runs out.',
      nl: 'Je bijbestelplannen: welk verbruiksartikel, voor welk apparaat, hoe vaak, wanneer het op is.',
    },
    columns: [
      'customer_id',
      'appliance_id',
      'product_id',
      'quantity',
      'chosen_days',
      'last_ordered_on',
      'next_run_out',
      'auto_reorder_since',
    ],
    find: { by: 'customer', column: 'customer_id' },
    onErase: 'delete',
  },
  replenishment_reminders: {
    personal: true,
    what: {
      en: 'Replenishment reminders sent to you, with the price quoted.',
      nl: 'Bijbestelherinneringen aan jou, met de genoemde prijs.',
    },
    columns: ['plan_id', 'product_id', 'quoted_cents', 'run_out_on'],
    find: { by: 'via', column: 'plan_id', parent: 'replenishment_plans' },
    onErase: 'delete',
  },
  replenishment_auto_orders: {
    personal: true,
    what: {
      en: 'Orders placed for you by automatic reordering, when you turned it on for a plan, and why one was not.',
      nl: 'Bestellingen die automatisch bijbestellen voor je plaatste, als je dat voor een plan aanzette, en waarom een keer niet.',
    },
    columns: ['plan_id', 'cycle', 'order_number', 'outcome', 'reason', 'created_at'],
    find: { by: 'via', column: 'plan_id', parent: 'replenishment_plans' },
    onErase: 'delete',
  },
  price_locks: {
    personal: false,
    why: 'A price promised to an anonymous cart (by its random id) for 7 days; no account, name or address.',
  },
  broadcast_drops: {
    personal: true,
    what: {
      en: 'Staff messages to a group that we did not send you, and why (e.g. you did not want the topic).',
      nl: 'Berichten van ons aan een groep die we jou niet stuurden, en waarom (bijv. je wilde het onderwerp niet).',
    },
    columns: ['customer_id', 'broadcast_id', 'reason'],
    find: { by: 'customer', column: 'customer_id' },
    onErase: 'delete',
  },
  broadcasts: {
    personal: false,
    why: 'Staff messages to a group: the text and counts, not the recipients (only while one is being previewed or sent, the id of the last customer done, cleared when done).',
  },
};

/** The personal tables, in the registry's order. */
export function personalTables(): { table: keyof Database; entry: PersonalTable<keyof Database> }[] {
  return (Object.entries(personalData) as [keyof Database, PersonalTable<keyof Database> | NotPersonal][])
    .filter((e): e is [keyof Database, PersonalTable<keyof Database>] => e[1].personal)
    .map(([table, entry]) => ({ table, entry }));
}
