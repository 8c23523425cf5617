/**
 * Reduces what is printed on a type plate to the characters that identify the model:
 * A–Z and 0–9, upper case, diacritics folded (`Ö` → `O`, `ß` → `SS`), everything else dropped.
 * `fc 8520-09`, `FC852009` and `FC8520/09` all become `FC852009`, so callers can compare
 * and index model numbers and aliases without caring how they were typed.
 */
export function normaliseModel(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return normaliseUnicode(text);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) out += text[i];
    else if (c >= 97 && c <= 122) out += String.fromCharCode(c - 32);
  }
  return out;
}

function normaliseUnicode(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}
