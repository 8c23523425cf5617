/**
 * queued → (held →)* sending → sent; or digest / dropped (final); bounced: the SMTP server refused the address
 * for good (it is suppressed). digest → digest-sent when the digest e-mail (`digest_id`) carried it; unknown: an
 * SMS whose fate the provider could not tell us (not resent: see send-sms-once.ts).
 */
export type GatewayStatus =
  | 'queued'
  | 'held'
  | 'sending'
  | 'sent'
  | 'digest'
  | 'digest-sent'
  | 'dropped'
  | 'bounced'
  | 'unknown';

/** Every message request, with its latest state: what "messages we sent you, and why" lists. */
export type GatewayMessageTable = {
  id: string;
  /** Unique: a repeat with the same key finds this row. */
  idempotency_key: string;
  /** Null for a guest. */
  customer_id: string | null;
  to_address: string;
  topic: string;
  template: string;
  data_json: string;
  locale: string;
  /** Rendered when requested, in `locale`, for the message lists. */
  subject: string;
  urgency: string;
  deadline: string | null;
  /** 1 when the recipient asked for it (a sign-in link). */
  on_request: number;
  status: GatewayStatus;
  /** The channel it went (or will go) by. */
  channel: string | null;
  /** The reason code of the latest decision. */
  reason: string;
  hold_until: string | null;
  /** How many decisions were made about it. */
  decisions: number;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  /** A message kept for the digest: the digest message (topic 'digest') that delivered it. */
  digest_id: string | null;
};

/** Every decision the gateway made, with its reason: when queued ('queued'), at send time ('send-time'), and what the delivery found ('delivery': a hard bounce). */
export type MessageDecisionTable = {
  id: string;
  message_id: string;
  customer_id: string | null;
  topic: string;
  phase: 'queued' | 'send-time' | 'delivery';
  action: 'send' | 'hold' | 'digest' | 'drop' | 'bounced' | 'unknown';
  channel: string | null;
  reason: string;
  hold_until: string | null;
  decided_at: string;
};

/** One-click unsubscribe links (RFC 8058): only the SHA-256 of the 256-bit token is stored. */
export type UnsubscribeTokenTable = {
  token_hash: string;
  customer_id: string;
  topic: string;
  message_id: string | null;
  created_at: string;
  used_at: string | null;
};

export type GatewayTables = {
  gateway_messages: GatewayMessageTable;
  message_decisions: MessageDecisionTable;
  unsubscribe_tokens: UnsubscribeTokenTable;
};
