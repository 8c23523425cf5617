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

export type ChannelTables = {
  push_subscriptions: PushSubscriptionTable;
};
