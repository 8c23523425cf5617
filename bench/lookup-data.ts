/**
 * Deterministic appliance catalogue and query set for the lookup benchmark. The model-number
 * patterns follow what real type plates of ~20 brands look like, so they can be reused for
 * demo data: `brandPatterns[i].make(rng)` returns one `{ model, aliases }`.
 */
import type { BrandWords, IndexedAppliance } from '../src/appliances/lookup-index.ts';
import { normaliseModel } from '../src/appliances/normalise-model.ts';

/** Small, fast, seedable PRNG (sfc32); `rng()` is uniform in [0, 1). */
export type Rng = () => number;
export function seededRng(seed: number): Rng {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXY';
const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, list: readonly T[]): T => list[int(r, list.length)]!;
const digits = (r: Rng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(48 + int(r, 10));
  return s;
};
const letters = (r: Rng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += LETTERS[int(r, LETTERS.length)];
  return s;
};

/** EAN-13 with a valid check digit after a GS1 company prefix. */
export function ean13(r: Rng, prefix: string): string {
  const body = prefix + digits(r, 12 - prefix.length);
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * (i % 2 === 0 ? 1 : 3), 0);
  return body + ((10 - (sum % 10)) % 10);
}

export type BrandPattern = { brand: string; words: string[]; weight: number; make: (r: Rng) => Plate };
export type Plate = { model: string; aliases: string[] };

const pnc = (r: Rng) => `9${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`;

export const brandPatterns: BrandPattern[] = [
  {
    brand: 'Philips',
    words: ['philips', 'senseo'],
    weight: 12,
    make: (r) => {
      const m = `${pick(r, ['FC', 'HD', 'EP', 'XD', 'XC', 'GC', 'HR', 'FC', 'HD'])}${digits(r, 4)}/${digits(r, 2)}`;
      return { model: m, aliases: [ean13(r, '8710103'), `8829${digits(r, 8)}`] };
    },
  },
  {
    brand: 'Bosch',
    words: ['bosch'],
    weight: 10,
    make: (r) => ({
      model: `${pick(r, ['BGL', 'BGS', 'BGB', 'BSG', 'BCH', 'BBH', 'TIS', 'TES', 'CTL', 'BGC'])}${int(r, 9) + 1}${letters(r, 1)}${digits(r, 3)}/${digits(r, 2)}`,
      aliases: [ean13(r, '4242002')],
    }),
  },
  {
    brand: 'Siemens',
    words: ['siemens'],
    weight: 8,
    make: (r) => ({
      model:
        r() < 0.6
          ? `VS${letters(r, 1)}${int(r, 9) + 1}${letters(r, 1)}${digits(r, 4)}/${digits(r, 2)}`
          : `${pick(r, ['TI', 'TE', 'TQ'])}${digits(r, 6)}`,
      aliases: [ean13(r, '4242003')],
    }),
  },
  {
    brand: 'Electrolux',
    words: ['electrolux'],
    weight: 7,
    make: (r) => ({
      model:
        r() < 0.5
          ? `${pick(r, ['PD', 'PF', 'ZB', 'EER'])}${digits(r, 2)}-${digits(r, 1)}${letters(r, 2)}`
          : `EW${int(r, 9) + 1}F${digits(r, 3)}${letters(r, 1)}`,
      aliases: [pnc(r), ean13(r, '7332543')],
    }),
  },
  {
    brand: 'AEG',
    words: ['aeg'],
    weight: 7,
    make: (r) => {
      const k = int(r, 3);
      const model =
        k === 0
          ? `VX${int(r, 9) + 1}-${int(r, 9) + 1}-${pick(r, ['ÖKO', 'IBM', 'EB', 'IW', 'DB', 'CR'])}${digits(r, 1)}`
          : k === 1
            ? `L${int(r, 9) + 1}FE${letters(r, 1)}${digits(r, 3)}`
            : `F${letters(r, 2)}${digits(r, 5)}${letters(r, 1)}`;
      return { model, aliases: [pnc(r), ean13(r, '7332543')] };
    },
  },
  {
    brand: 'Miele',
    words: ['miele'],
    weight: 6,
    make: (r) => {
      const k = int(r, 3);
      const model =
        k === 0
          ? `S${letters(r, 3)}${int(r, 9) + 1}`
          : k === 1
            ? `CM ${digits(r, 4)}`
            : `G ${digits(r, 4)} ${letters(r, 2)}`;
      return { model, aliases: [`1${digits(r, 7)}`, ean13(r, '4002516')] };
    },
  },
  {
    brand: 'Samsung',
    words: ['samsung'],
    weight: 7,
    make: (r) => ({
      model:
        r() < 0.6
          ? `VS${digits(r, 2)}${letters(r, 1)}${digits(r, 4)}${letters(r, 1)}${digits(r, 1)}/${letters(r, 2)}`
          : `WW${digits(r, 2)}${letters(r, 1)}${digits(r, 4)}${letters(r, 2)}/EG`,
      aliases: [ean13(r, '8806090')],
    }),
  },
  {
    brand: 'Rowenta',
    words: ['rowenta'],
    weight: 5,
    make: (r) => ({
      model: `${pick(r, ['RO', 'RH', 'RR', 'DW', 'DX', 'ZR', 'YY'])}${digits(r, 4)}${letters(r, 2)}`,
      aliases: [ean13(r, '3121040')],
    }),
  },
  {
    brand: 'Krups',
    words: ['krups'],
    weight: 4,
    make: (r) => ({
      model: `${pick(r, ['EA', 'XP', 'KP', 'YY', 'EA', 'XN'])}${digits(r, 4)}`,
      aliases: [ean13(r, '3016661')],
    }),
  },
  {
    brand: "De'Longhi",
    words: ['delonghi', 'de longhi'],
    weight: 5,
    make: (r) => ({
      model: `${pick(r, ['ECAM', 'ESAM', 'ETAM', 'EC', 'EN', 'EPAM'])}${digits(r, 2)}.${digits(r, 3)}.${pick(r, ['B', 'SB', 'W', 'BK', 'MB', 'S', 'GY'])}`,
      aliases: [ean13(r, '8004399')],
    }),
  },
  {
    brand: 'Jura',
    words: ['jura'],
    weight: 2,
    make: (r) => {
      const article = digits(r, 5);
      return {
        model: `${pick(r, ['E8', 'E6', 'ENA8', 'S8', 'Z10', 'GIGA5', 'J8', 'D6', 'X8', 'WE8'])} ${article}`,
        aliases: [ean13(r, '7610917')],
      };
    },
  },
  {
    brand: 'Nespresso',
    words: ['nespresso'],
    weight: 2,
    make: (r) => ({
      model: `${pick(r, ['XN', 'EN', 'C', 'D', 'F', 'M'])}${digits(r, 3)}${pick(r, ['', '.B', '.W', '.S', '.R', '.BAE'])}`,
      aliases: [ean13(r, '7630039')],
    }),
  },
  {
    brand: 'Kärcher',
    words: ['karcher', 'kaercher'],
    weight: 5,
    make: (r) => ({
      model: `1.${digits(r, 3)}-${digits(r, 3)}.${digits(r, 1)}`,
      aliases: [ean13(r, '4054278')],
    }),
  },
  {
    brand: 'Nilfisk',
    words: ['nilfisk'],
    weight: 3,
    make: (r) => ({
      model: `${pick(r, ['AERO', 'ATTIX', 'MULTI II', 'VP', 'GD', 'SELECT'])} ${digits(r, 2)}-${digits(r, 2)} ${pick(r, ['PC', 'INOX', 'T', 'H', 'XC'])}`,
      aliases: [`12${digits(r, 7)}`],
    }),
  },
  {
    brand: 'Vorwerk',
    words: ['vorwerk', 'kobold'],
    weight: 0.6,
    make: (r) => ({
      model: `${pick(r, ['VK', 'SP', 'FP', 'TM', 'ET', 'EB'])}${digits(r, 3)}${pick(r, ['', 'S', 'X', ' Plus'])}`,
      aliases: [],
    }),
  },
  {
    brand: 'Hoover',
    words: ['hoover'],
    weight: 5,
    make: (r) => ({
      model: `${pick(r, ['HF', 'HP', 'TX', 'BR', 'SE', 'HF'])}${digits(r, 3)}${letters(r, 3)}`,
      aliases: [`39${digits(r, 6)}`, ean13(r, '8016361')],
    }),
  },
  {
    brand: 'Candy',
    words: ['candy'],
    weight: 4,
    make: (r) => ({
      model: `CS ${digits(r, 4)}${letters(r, 1)}${digits(r, 1)}/${digits(r, 1)}-S`,
      aliases: [`31${digits(r, 6)}`, ean13(r, '8016361')],
    }),
  },
  {
    brand: 'Kenwood',
    words: ['kenwood'],
    weight: 3,
    make: (r) => ({
      model: `${pick(r, ['KVL', 'KVC', 'KMX', 'KWL', 'PRG', 'FDP', 'HDP'])}${digits(r, 4)}${letters(r, 1)}`,
      aliases: [`0W${digits(r, 8)}`, ean13(r, '5011423')],
    }),
  },
  {
    brand: 'Sage',
    words: ['sage'],
    weight: 2,
    make: (r) => ({
      model: `${pick(r, ['SES', 'BES', 'BJE', 'BOV', 'BTA', 'BKE', 'SJE', 'SPR'])}${digits(r, 3)}${letters(r, 3)}${digits(r, 1)}${letters(r, 1)}EU${digits(r, 1)}`,
      aliases: [ean13(r, '9312432')],
    }),
  },
  {
    brand: 'Melitta',
    words: ['melitta'],
    weight: 2,
    make: (r) => ({
      model: `${pick(r, ['E', 'F'])}${digits(r, 3)}-${digits(r, 3)}`,
      aliases: [ean13(r, '4006508')],
    }),
  },
  {
    brand: 'Dyson',
    words: ['dyson'],
    weight: 1,
    make: (r) => ({
      model: `${pick(r, ['SV', 'DC', 'HH'])}${digits(r, 2)} ${pick(r, ['V7', 'V8', 'V10', 'V11', 'V15', 'Gen5', 'Cyclone', 'Omni'])} ${pick(r, ['Animal', 'Absolute', 'Motorhead', 'Detect', 'Extra', 'Total Clean', 'Slim', 'Origin'])}`,
      aliases: [`${digits(r, 6)}-${digits(r, 2)}`],
    }),
  },
];

/** Brand words for {@link LookupIndex.build}. */
export const benchBrands: BrandWords = brandPatterns.map(({ brand, words }) => ({ brand, words }));

/**
 * `n` appliances with unique normalised model numbers and aliases, the same for the same seed.
 * A generator, so a million of them can be indexed without holding the input in memory.
 */
function pickWeighted(w: number): BrandPattern {
  let rest = w;
  for (const b of brandPatterns) {
    rest -= b.weight;
    if (rest < 0) return b;
  }
  return brandPatterns[0]!;
}

export function* generateAppliances(n: number, seed = 1): Generator<IndexedAppliance> {
  const r = seededRng(seed);
  const total = brandPatterns.reduce((s, b) => s + b.weight, 0);
  const seen = new Set<string>();
  for (let i = 0; i < n; ) {
    const pattern = pickWeighted(r() * total);
    const plate = pattern.make(r);
    const keys = [plate.model, ...plate.aliases].map(normaliseModel);
    if (keys.some((k) => seen.has(k))) continue;
    for (const k of keys) seen.add(k);
    const orderCount = r() < 0.3 ? 0 : Math.floor(Math.exp(r() * 8));
    yield { id: `app-${i}`, brand: pattern.brand, ...plate, orderCount };
    i++;
  }
  // Let go of three million keys even while a caller still holds the finished generator.
  seen.clear();
}

export const QUERY_KINDS = [
  'exact',
  'lower-separators',
  'prefix',
  'brand-before',
  'brand-after',
  'alias',
  'production-code',
  'substitution',
  'insertion',
  'deletion',
  'transposition',
  'misreading',
  'two-typos',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];
/** `expected`: the ids a good answer lists first (one id, or every model with the prefix). */
export type BenchQuery = { text: string; kind: QueryKind; expected: string[] };

const MISREAD: Record<string, string> = {
  0: 'O',
  O: '0',
  1: 'I',
  I: '1',
  L: '1',
  8: 'B',
  B: '8',
  5: 'S',
  S: '5',
  2: 'Z',
  Z: '2',
  6: 'G',
  G: '6',
};
const SIMILAR = (r: Rng, ch: string) => (/[0-9]/.test(ch) ? String(int(r, 10)) : pick(r, [...LETTERS]));

/** One typo of the given kind, or null when the key is too short or has nothing to misread. */
function typo(r: Rng, key: string, kind: QueryKind): string | null {
  const i = int(r, key.length);
  const ch = key[i]!;
  switch (kind) {
    case 'substitution': {
      const s = SIMILAR(r, ch);
      return s === ch || MISREAD[ch] === s ? null : key.slice(0, i) + s + key.slice(i + 1);
    }
    case 'insertion':
      return key.slice(0, i) + SIMILAR(r, ch) + key.slice(i);
    case 'deletion':
      return key.length < 5 ? null : key.slice(0, i) + key.slice(i + 1);
    case 'transposition':
      return i + 1 >= key.length || key[i + 1] === ch
        ? null
        : key.slice(0, i) + key[i + 1] + ch + key.slice(i + 2);
    case 'misreading': {
      const at = [...key].findIndex((c, j) => j >= i && MISREAD[c] !== undefined);
      return at < 0 ? null : key.slice(0, at) + MISREAD[key[at]!] + key.slice(at + 1);
    }
    default:
      return null;
  }
}

const TYPO_KINDS: QueryKind[] = ['substitution', 'insertion', 'deletion', 'transposition', 'misreading'];

/** `n` queries with ground truth, cycling through every {@link QueryKind}. */
export function makeQueries(models: readonly IndexedAppliance[], n: number, seed = 2): BenchQuery[] {
  const r = seededRng(seed);
  const keys = models.map((m) => normaliseModel(m.model));
  const known = new Set(keys);
  const order = Uint32Array.from(keys.keys()).sort((a, b) =>
    keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0,
  );
  const withPrefix = (p: string): string[] => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[order[mid]!]! < p) lo = mid + 1;
      else hi = mid;
    }
    const ids: string[] = [];
    for (let i = lo; i < order.length && keys[order[i]!]!.startsWith(p); i++) ids.push(models[order[i]!]!.id);
    return ids;
  };
  const queries: BenchQuery[] = [];
  for (let attempt = 0; queries.length < n && attempt < n * 20; attempt++) {
    const kind = QUERY_KINDS[queries.length % QUERY_KINDS.length]!;
    const at = int(r, models.length);
    const m = models[at]!;
    const key = keys[at]!;
    const word = brandPatterns.find((b) => b.brand === m.brand)?.words[0] ?? m.brand;
    const one = (text: string) => queries.push({ text, kind, expected: [m.id] });
    if (kind === 'exact') one(m.model);
    else if (kind === 'lower-separators')
      one(m.model.toLowerCase().replace(/[/.\s-]/g, () => pick(r, ['', ' ', '-', '.', '/'])));
    else if (kind === 'brand-before') one(`${word} ${m.model}`);
    else if (kind === 'brand-after') one(`${m.model} ${m.brand.toUpperCase()}`);
    else if (kind === 'alias' && m.aliases.length > 0) one(pick(r, m.aliases));
    else if (kind === 'production-code' && (m.brand === 'Bosch' || m.brand === 'Siemens'))
      one(`${m.model} FD ${digits(r, 4)}`);
    else if (kind === 'prefix') {
      const cut = Math.max(4, normaliseModel(m.model.replace(/[/.\s-][^/.\s-]*$/, '')).length);
      if (cut < key.length)
        queries.push({ text: key.slice(0, cut), kind, expected: withPrefix(key.slice(0, cut)) });
    } else if (TYPO_KINDS.includes(kind) || kind === 'two-typos') {
      let t =
        kind === 'two-typos'
          ? key.length >= 9
            ? typo(r, key, pick(r, TYPO_KINDS))
            : null
          : typo(r, key, kind);
      if (t !== null && kind === 'two-typos') t = typo(r, t, pick(r, TYPO_KINDS));
      if (t !== null && t.length >= 4 && !known.has(t) && (kind !== 'two-typos' || t.length >= 7))
        one(r() < 0.5 ? t.toLowerCase() : t);
    }
  }
  return queries;
}
