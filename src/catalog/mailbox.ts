/** A Dutch mailbox parcel (brievenbuspakje): at most 38 × 26.5 × 3.2 cm. */
export const MAILBOX_LIMITS = { lengthMm: 380, widthMm: 265, heightMm: 32 } as const;
