/** A customer account. Never required to buy; created from a verified e-mail address. */
export type CustomerTable = {
  id: string;
  /** Lower-cased and trimmed (see normaliseEmail); unique. */
  email: string;
  email_verified_at: string | null;
  name: string | null;
  phone: string | null;
  locale: string;
  household_id: string | null;
  created_at: string;
  updated_at: string;
};

export type HouseholdTable = {
  id: string;
  created_by: string;
  created_at: string;
};

/** Server-side sessions; the cookie holds the id, the table only its hash. */
export type CustomerSessionTable = {
  id_hash: string;
  customer_id: string;
  /** How the session began: 'magic-link' | 'passkey'. */
  method: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  user_agent: string;
};

export type CustomerLinkPurpose = 'sign-in' | 'household-invite' | 'keep-appliance';

/** Single-use links sent by e-mail; only a hash of the token is stored. */
export type CustomerLinkTable = {
  token_hash: string;
  purpose: CustomerLinkPurpose;
  email: string;
  customer_id: string | null;
  /** Purpose-specific data, e.g. {"householdId": …} or {"orderId": …, "applianceId": …}. */
  data_json: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
};

/** A WebAuthn ceremony in flight: the challenge, bound to the browser by a cookie holding `id`. */
export type AuthChallengeTable = {
  id: string;
  challenge: string;
  purpose: 'register' | 'authenticate';
  customer_id: string | null;
  expires_at: string;
  created_at: string;
};

export type PasskeyTable = {
  /** The credential id, base64url. */
  id: string;
  customer_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  counter: number;
  /** JSON array of AuthenticatorTransport. */
  transports: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
};

/** One row per attempt of a rate-limited action (e.g. 'sign-in-link'), keyed by a hash of address or IP. */
export type RateEventTable = {
  id: string;
  kind: string;
  key_hash: string;
  at: string;
};

/** "My appliances": saved from a lookup, from an order or by hand; shared with the household. */
export type CustomerApplianceTable = {
  id: string;
  customer_id: string;
  appliance_id: string;
  /** Fixed by the serial, when one was given and the appliance has variants. */
  variant_id: string | null;
  serial: string | null;
  label: string | null;
  source: 'lookup' | 'order' | 'manual';
  created_at: string;
};

export type CustomerAddressTable = {
  id: string;
  customer_id: string;
  name: string;
  street: string;
  house_number: string;
  addition: string;
  postcode: string;
  city: string;
  country: string;
  created_at: string;
  last_used_at: string;
};

/** Addresses never to mail again, as an HMAC of the normalised address: 'erased' | 'hard-bounce' | 'complaint'. */
export type SuppressedAddressTable = {
  address_hash: string;
  reason: string;
  created_at: string;
};

export type CustomerTables = {
  customers: CustomerTable;
  households: HouseholdTable;
  customer_sessions: CustomerSessionTable;
  customer_links: CustomerLinkTable;
  auth_challenges: AuthChallengeTable;
  passkeys: PasskeyTable;
  rate_events: RateEventTable;
  customer_appliances: CustomerApplianceTable;
  customer_addresses: CustomerAddressTable;
  suppressed_addresses: SuppressedAddressTable;
};
