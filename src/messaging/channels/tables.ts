/**
 * A browser a customer subscribed to web push (RFC 8030). Personal data: it belongs to the customer and goes
 * with the account (cascade). A push service answering 404 or 410 for the endpoint deletes the row.
 */
export type PushSubscriptionTable = {
  id: string;
  customer_id: string;
  /** The push service's URL for this browser (https); unique. */
  endpoint: string;
  /** The browser's P-256 public key (65 bytes, base64url) and auth secret (16 bytes, base64url), RFC 8291. */
  p256dh: string;
  auth: string;
  /** As the browser reported it when subscribing, shortened; only to tell devices apart on the page. */
  user_agent: string;
  created_at: string;
  /** When the push service last accepted a message for it. */
  last_sent_at: string | null;
};

/**
 * One SMS's send, recorded BEFORE the provider is called (our message id is the provider's `reference`): a retry
 * after an unknown outcome asks the provider whether it has that reference instead of sending again.
 */
export type SmsAttemptTable = {
  /** The gateway message (primary key: one SMS per message). */
  message_id: string;
  /** E.164. */
  to_number: string;
  /** 'sending': called, outcome not known; 'accepted': the provider has it; 'unknown': could not be told, not resent. */
  status: 'sending' | 'accepted' | 'unknown';
  provider_message_id: string | null;
  /** How many times the provider was asked to send it (more than one only after it said it had none). */
  tries: number;
  /** Why the outcome is unknown (for staff). */
  reason: string | null;
  created_at: string;
  updated_at: string;
};

export type ChannelTables = {
  push_subscriptions: PushSubscriptionTable;
  sms_attempts: SmsAttemptTable;
};
