/** Countries whose national numbers (with the trunk 0) the shop understands without a +country prefix. */
export type PhoneCountry = 'NL' | 'BE';

export type PhoneResult =
  | { ok: true; e164: string }
  | { ok: false; reason: 'empty' | 'invalid' | 'wrong-length' };

const COUNTRY_CODE: Record<PhoneCountry, string> = { NL: '31', BE: '32' };
/** Digits after the country code, by country code; others: E.164's 8–15 digits in all. */
const NATIONAL_LENGTHS: Record<string, number[]> = { '31': [9], '32': [8, 9] };

/**
 * A phone number as typed ("06 1234 5678", "+31 (0)6-12345678", "0031612345678") in E.164 ("+31612345678"),
 * the form SMS providers take and the shop stores. A number without "+" or "00" is read as national in
 * `country` (default NL). Dutch and Belgian numbers are checked for their length; others only for E.164's.
 * This does not prove the number exists or takes SMS; the provider's answer does.
 */
export function normalisePhone(input: string, country: PhoneCountry = 'NL'): PhoneResult {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (!/^\+?[0-9 ()./-]+$/.test(text)) return { ok: false, reason: 'invalid' };
  const compact = text.replace(/\(0\)/g, '').replace(/[ ()./-]/g, '');
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else if (compact.startsWith('0')) digits = COUNTRY_CODE[country] + compact.slice(1);
  else return { ok: false, reason: 'invalid' };
  if (!/^[1-9][0-9]*$/.test(digits)) return { ok: false, reason: 'invalid' };
  const lengths = Object.entries(NATIONAL_LENGTHS).find(([code]) => digits.startsWith(code));
  if (lengths) {
    const national = digits.slice(lengths[0].length);
    if (national.startsWith('0') || !lengths[1].includes(national.length))
      return { ok: false, reason: 'wrong-length' };
  } else if (digits.length < 8 || digits.length > 15) return { ok: false, reason: 'wrong-length' };
  return { ok: true, e164: `+${digits}` };
}
