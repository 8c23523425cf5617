/**
 * Where customers transfer their money to. The demo shop uses the well-known example IBAN; a real shop
 * sets its own here. Bank transfer has no outside side effect at checkout (the order simply waits for
 * the money), so there is nothing to undo when an order is cancelled before payment.
 */
export const BANK_TRANSFER = {
  iban: 'NL91 ABNA 0417 1643 00',
  bic: 'ABNANL2A',
} as const;
