import { normaliseModel } from './normalise-model.ts';

/** Words a customer may type for each brand, e.g. `{ brand: "De'Longhi", words: ['delonghi', 'de longhi'] }`. */
export type BrandWords = { brand: string; words: string[] }[];

/** A query split into the brand it names (if exactly one) and the normalised model text. */
export type ParsedQuery = { brand: string | null; model: string };

/** Plate labels customers copy along with the number; dropped like brand words. */
const LABEL_WORDS = ['e nr', 'enr', 'type', 'typ', 'model', 'modell', 'pnc', 'ref'];

type Phrase = { tokens: string[]; brand: string | null };

function tokens(text: string): string[] {
  let lower = text.toLowerCase();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range check
  if (/[^\x00-\x7f]/.test(lower)) lower = lower.normalize('NFKD').replace(/\p{M}/gu, '');
  return lower.split(/[^a-z0-9]+/).filter((t) => t !== '');
}

/**
 * Builds a parser that finds brand words anywhere in a query (whole words, case- and
 * accent-insensitive, multi-word brands included), removes them and normalises the rest.
 * When the words name two different brands (`Krups Nespresso XN910`) nothing is narrowed.
 */
export function queryParser(brands: BrandWords): (query: string) => ParsedQuery {
  const phrases = new Map<string, Phrase[]>();
  const add = (words: string, brand: string | null) => {
    const t = tokens(words);
    const first = t[0];
    if (first === undefined) return;
    const list = phrases.get(first) ?? [];
    list.push({ tokens: t, brand });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    phrases.set(first, list);
  };
  for (const { brand, words } of brands) {
    add(brand, brand);
    for (const w of words) add(w, brand);
  }
  for (const w of LABEL_WORDS) add(w, null);

  return (query) => {
    const t = tokens(query);
    const found = new Set<string>();
    let model = '';
    for (let i = 0; i < t.length; ) {
      const phrase = phrases.get(t[i]!)?.find((p) => p.tokens.every((tok, k) => t[i + k] === tok));
      if (phrase) {
        if (phrase.brand !== null) found.add(phrase.brand);
        i += phrase.tokens.length;
      } else {
        model += t[i];
        i++;
      }
    }
    const brand = found.size === 1 ? [...found][0]! : null;
    return { brand, model: normaliseModel(model) };
  };
}
