/** A message as it goes out: what the outbox stores and the channel sends. */
export type RenderedMessage = { subject: string; text: string; html: string };
