/**
 * The carriers staff can choose when shipping, each with the shape of its tracking codes and its public
 * tracking page. 'other' takes any plausible code and has no page: the customer gets the code only.
 */
export const CARRIERS = {
  postnl: {
    label: 'PostNL',
    /** 3S-codes for parcels and mailbox parcels, or a UPU code (RR123456789NL) for international mail. */
    code: /^(3S[A-Z0-9]{8,20}|[A-Z]{2}\d{9}[A-Z]{2})$/,
    url: (code: string, to: Destination) =>
      `https://jouw.postnl.nl/track-and-trace/${code}-${to.country}-${to.postcode.replace(/\s+/g, '')}`,
  },
  dhl: {
    label: 'DHL',
    code: /^[A-Z0-9]{10,39}$/,
    url: (code: string) =>
      `https://www.dhl.com/nl-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=${code}`,
  },
  dpd: {
    label: 'DPD',
    /** DPD parcel numbers have 14 digits. */
    code: /^\d{14}$/,
    url: (code: string) => `https://tracking.dpd.de/status/nl_NL/parcel/${code}`,
  },
  other: { label: null, code: /^[A-Z0-9-]{4,40}$/, url: null },
} as const;

export type Carrier = keyof typeof CARRIERS;
export const CARRIER_IDS = Object.keys(CARRIERS) as Carrier[];

type Destination = { country: string; postcode: string };

export function isCarrier(value: unknown): value is Carrier {
  return typeof value === 'string' && Object.hasOwn(CARRIERS, value);
}

/** A tracking code as staff type or paste it, normalised: spaces gone, upper case. */
export function normaliseTrackingCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** Whether `code` (normalised) looks like one of this carrier's codes. */
export function isTrackingCode(carrier: Carrier, code: string): boolean {
  return CARRIERS[carrier].code.test(code);
}

/** The carrier's public tracking page for this parcel, or null when the carrier has none we know. */
export function trackingUrl(carrier: Carrier, code: string, to: Destination): string | null {
  const { url } = CARRIERS[carrier];
  return url ? url(encodeURIComponent(code), to) : null;
}
