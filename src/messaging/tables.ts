/**
 * queued → sending → sent; a failed delivery is 'failed' until the job's next attempt; 'outbox' is the
 * development outbox (no SMTP configured): kept here for the admin to read, never sent; 'bounced': the SMTP
 * server refused the address for good (5xx), so it is suppressed and never tried again.
 */
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'outbox' | 'bounced';

/** Every message the shop has sent or tried to send, rendered as it went out. */
export type OutboxMessageTable = {
  id: string;
  /** Unique: a second request with the same key finds this row and sends nothing. */
  idempotency_key: string;
  to_address: string;
  locale: string;
  template: string;
  topic: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: OutboxStatus;
  /** The last delivery error, while 'failed'. */
  error: string | null;
  /** The RFC 8058 `List-Unsubscribe` value (`<https://…/u/TOKEN>`) of a non-transactional e-mail, else null. */
  list_unsubscribe: string | null;
  /** The Message-ID the SMTP server accepted. */
  provider_message_id: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
};

export type MessagingTables = {
  outbox_messages: OutboxMessageTable;
};
