/** The preference centre's document (see preferences.ts), one per customer, with a revision for updates. */
export type CustomerPreferencesTable = {
  customer_id: string;
  /** Bumped on every change; a PUT with a stale revision is refused (409). */
  revision: number;
  /** A `Preferences` document as JSON. */
  doc_json: string;
  updated_at: string;
};

/**
 * Append-only: every change of a preference or consent, with its evidence. Never updated, never deleted
 * (except with the customer's account at erasure).
 */
export type ConsentLedgerTable = {
  id: string;
  customer_id: string;
  at: string;
  /** What changed, as a path in the preferences document: 'topics.offers', 'quiet.hours', 'terms', … */
  subject: string;
  /** JSON of the old and new value; null where there was none. */
  old_value: string | null;
  new_value: string | null;
  /** Through what: 'preference-centre' | 'api' | 'unsubscribe-link' | 'checkout' | 'terms-upload' | 'staff' | 'soft-opt-in' | 'signup'. */
  source: string;
  /** The version of the wording the customer was shown (see preferences/wording.ts). */
  wording_version: string;
  channel: string | null;
  actor: 'customer' | 'staff' | 'system';
  staff_id: string | null;
  staff_name: string | null;
  note: string | null;
};

export type PreferenceTables = {
  customer_preferences: CustomerPreferencesTable;
  consent_ledger: ConsentLedgerTable;
};
