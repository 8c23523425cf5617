/**
 * A price typed by a person in euros → integer cents: "12,95", "12.95", "€ 12,95", "12", "12,5" (→ 1250).
 * One decimal separator (comma or dot), at most two decimals, no sign, no thousands separators ("1.234" is
 * refused rather than guessed). Null when the text is not such an amount.
 */
export function parseEuros(text: string): number | null {
  const match = /^(?:€\s*)?(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const euros = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return euros * 100 + cents;
}

/** Cents → the text the form shows, in the admin's language: 1295 → "12,95" (nl) / "12.95" (en). */
export function formatEuros(cents: number, locale: 'nl' | 'en'): string {
  const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return locale === 'nl' ? text.replace('.', ',') : text;
}
