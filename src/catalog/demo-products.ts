import { intBetween, pick, seededRandom, seedFromString } from '../db/seed-random.ts';
import { MAILBOX_LIMITS } from './mailbox.ts';

export type DemoCategory = {
  slug: string;
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  position: number;
};

export type DemoProduct = {
  sku: string;
  nameNl: string;
  nameEn: string;
  categorySlug: string;
  priceCents: number;
  vatRate: 21 | 9 | 0;
  stock: number;
  mailboxFit: boolean;
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  descriptionNl: string;
  descriptionEn: string;
  /**
   * Earlier prices, oldest first: the product had priceCents `priceCents` from `daysAgo` days ago until
   * the next entry; the current price (the product's priceCents) starts after the last entry. Most
   * products have none; about 10% were reduced recently (a higher price within the last 30 days, so the
   * Omnibus "lowest price of 30 days" shows); a few had a lower price 40+ days ago.
   */
  priceHistory: { priceCents: number; daysAgo: number }[];
};

/** The letterbox parcel limits `mailboxFit` is computed against; defined once in mailbox.ts. */
export { MAILBOX_LIMITS };

const MAILBOX_MAX_GRAMS = 2000;

type CategorySpec = DemoCategory & { prefix: string; vatRate: 21 | 9; tips: [string, string][] };

const CATEGORIES: CategorySpec[] = [
  {
    slug: 'stofzuigerzakken',
    prefix: 'BAG',
    vatRate: 21,
    position: 1,
    nameNl: 'Stofzuigerzakken',
    nameEn: 'Vacuum bags',
    descriptionNl:
      'Zakken van microvezel en papier voor sledes, steelstofzuigers en alleszuigers. Zoek op het modelnummer van je stofzuiger en je ziet meteen welke zak past.',
    descriptionEn:
      'Microfibre and paper bags for canister, upright and wet-and-dry vacuums. Search by the model number of your vacuum and you see straight away which bag fits.',
    tips: [
      [
        'Vervang de zak als hij voor driekwart vol is; daarna neemt de zuigkracht snel af.',
        'Change the bag when it is three-quarters full; after that, suction drops quickly.',
      ],
      [
        'Knip het meegeleverde motorfilter op maat en leg het op de plek van het oude.',
        'Cut the included motor filter to size and put it where the old one was.',
      ],
      [
        'Heb je een hond of kat, reken dan op ongeveer een zak per maand.',
        'With a dog or cat in the house, count on roughly one bag a month.',
      ],
    ],
  },
  {
    slug: 'filters',
    prefix: 'FLT',
    vatRate: 21,
    position: 2,
    nameNl: 'Filters',
    nameEn: 'Filters',
    descriptionNl:
      'HEPA-filters, uitblaasfilters en motorbeschermfilters. Een schoon filter houdt fijn stof binnen en spaart de motor.',
    descriptionEn:
      'HEPA filters, exhaust filters and motor protection filters. A clean filter keeps fine dust inside and spares the motor.',
    tips: [
      [
        'Een HEPA-filter gaat een jaar mee bij normaal gebruik; met huisdieren eerder.',
        'A HEPA filter lasts about a year in normal use; sooner with pets.',
      ],
      [
        'Klop het filter buiten uit, niet boven de vuilnisbak in de keuken.',
        'Tap the filter clean outdoors, not over the kitchen bin.',
      ],
      [
        'Ruikt de stofzuiger muf als hij aanstaat, dan is het filter meestal aan vervanging toe.',
        'If the vacuum smells musty when it runs, the filter is usually due for replacement.',
      ],
    ],
  },
  {
    slug: 'borstels-mondstukken',
    prefix: 'BRS',
    vatRate: 21,
    position: 3,
    nameNl: 'Borstels & mondstukken',
    nameEn: 'Brushes & nozzles',
    descriptionNl:
      'Vloerzuigmonden, parketborstels, turboborstels, slangen en hulpstukken. Let op de buisdiameter: de meeste stofzuigers hebben 32 of 35 mm.',
    descriptionEn:
      'Floor nozzles, parquet brushes, turbo brushes, hoses and small tools. Mind the tube diameter: most vacuums use 32 or 35 mm.',
    tips: [
      [
        'Meet de binnenkant van je zuigbuis als je niet zeker weet of het 32 of 35 mm is.',
        'Measure the inside of your tube if you are not sure whether it is 32 or 35 mm.',
      ],
      [
        'Haar rond de borstelrol knip je het makkelijkst los met een schaar langs de groef.',
        'Hair wound round the brush roll is easiest to cut loose with scissors along the groove.',
      ],
    ],
  },
  {
    slug: 'accus-laders',
    prefix: 'BAT',
    vatRate: 21,
    position: 4,
    nameNl: "Accu's & laders",
    nameEn: 'Batteries & chargers',
    descriptionNl:
      "Vervangende accu's en laders voor snoerloze steelstofzuigers. Een nieuwe accu geeft een oude stofzuiger vaak nog jaren extra.",
    descriptionEn:
      'Replacement batteries and chargers for cordless stick vacuums. A new battery often gives an old vacuum years more life.',
    tips: [
      [
        'Laad een nieuwe accu de eerste keer helemaal vol voor je gaat zuigen.',
        'Charge a new battery fully the first time before you start vacuuming.',
      ],
      [
        'Bewaar de stofzuiger niet in een koude schuur; lithium-ion houdt niet van vorst.',
        'Do not keep the vacuum in a cold shed; lithium-ion does not like frost.',
      ],
      [
        'Een lege oude accu lever je in bij de inzamelbak voor batterijen in de supermarkt.',
        'Hand in the old battery at the battery collection box in the supermarket.',
      ],
    ],
  },
  {
    slug: 'ontkalken-reinigen',
    prefix: 'CLN',
    vatRate: 21,
    position: 5,
    nameNl: 'Ontkalker & reiniging',
    nameEn: 'Descaler & cleaning',
    descriptionNl:
      'Ontkalker, reinigingstabletten en melksysteemreiniger voor koffiemachines, en een paar middeltjes voor de stofzuiger.',
    descriptionEn:
      'Descaler, cleaning tablets and milk system cleaner for coffee machines, plus a few things for the vacuum.',
    tips: [
      [
        'In gebieden met hard water, zoals Zuid-Limburg, ontkalk je het best elke zes weken.',
        'Where the water is hard, descale about every six weeks.',
      ],
      [
        'Spoel na het ontkalken twee volle reservoirs door voor je weer koffie zet.',
        'After descaling, run two full tanks of water through before you make coffee again.',
      ],
      [
        'Azijn lijkt goedkoop, maar tast op den duur de rubbers in je machine aan.',
        'Vinegar looks cheap, but over time it attacks the seals in your machine.',
      ],
    ],
  },
  {
    slug: 'waterfilters',
    prefix: 'WTR',
    vatRate: 21,
    position: 6,
    nameNl: 'Waterfilters',
    nameEn: 'Water filters',
    descriptionNl:
      'Waterfilters voor volautomaten en koffiezetapparaten. Minder kalk in de machine en een zachtere smaak in het kopje.',
    descriptionEn:
      'Water filters for bean-to-cup machines and filter coffee makers. Less scale in the machine and a softer taste in the cup.',
    tips: [
      [
        'Laat een nieuw filter eerst een paar minuten in koud water staan, dan ontsnapt de lucht.',
        'Soak a new filter in cold water for a few minutes first so the air escapes.',
      ],
      [
        'Vervang het filter om de twee maanden, ook als de machine er niet om vraagt.',
        'Replace the filter every two months, even if the machine does not ask for it.',
      ],
      [
        'Zet de waterhardheid van je machine goed; dan klopt ook de melding voor een nieuw filter.',
        'Set the water hardness on your machine correctly; then the new-filter reminder is right as well.',
      ],
    ],
  },
  {
    slug: 'koffiemachine-onderdelen',
    prefix: 'PRT',
    vatRate: 21,
    position: 7,
    nameNl: 'Koffiemachine-onderdelen',
    nameEn: 'Coffee machine parts',
    descriptionNl:
      'Afdichtingen, zetgroepen, lekbakken, padhouders en andere onderdelen die je zelf vervangt. Met de juiste pakking is een lekkende machine vaak in tien minuten weer droog.',
    descriptionEn:
      'Seals, brew groups, drip trays, pad holders and other parts you can replace yourself. With the right gasket a leaking machine is often dry again in ten minutes.',
    tips: [
      [
        'Vet nieuwe O-ringen licht in met voedselveilig siliconenvet, dan glijden ze op hun plek.',
        'Give new O-rings a thin coat of food-safe silicone grease so they slide into place.',
      ],
      [
        'Maak een foto voor je iets losschroeft; dat scheelt puzzelen bij het terugzetten.',
        'Take a photo before you unscrew anything; it saves puzzling when you put it back.',
      ],
      [
        'Twijfel je welke uitvoering je hebt, stuur ons dan een foto van het typeplaatje.',
        'Not sure which version you have? Send us a photo of the type plate.',
      ],
    ],
  },
  {
    slug: 'koffiebonen',
    prefix: 'BNS',
    vatRate: 9,
    position: 8,
    nameNl: 'Koffiebonen',
    nameEn: 'Coffee beans',
    descriptionNl:
      'Vers gebrande bonen van een kleine branderij in Deventer, gemalen voor niemand: je volautomaat doet dat zelf.',
    descriptionEn:
      'Freshly roasted beans from a small roastery in Deventer, ground for nobody: your bean-to-cup machine does that itself.',
    tips: [
      [
        'Bewaar de bonen koel en donker in de zak met ventiel, niet in de koelkast.',
        'Keep the beans cool and dark in the valve bag, not in the fridge.',
      ],
      [
        'Branddatum staat op de zak; de bonen zijn op hun best tussen een en zes weken daarna.',
        'The roast date is on the bag; the beans are at their best between one and six weeks after it.',
      ],
    ],
  },
];

/** The demo shop's categories, in menu order. */
export function demoCategories(): DemoCategory[] {
  return CATEGORIES.map(({ slug, nameNl, nameEn, descriptionNl, descriptionEn, position }) => ({
    slug,
    nameNl,
    nameEn,
    descriptionNl,
    descriptionEn,
    position,
  }));
}

const FIT_SENTENCES: [(fit: string) => string, (fit: string) => string][] = [
  [(f) => `Geschikt voor ${f}.`, (f) => `Suitable for ${f}.`],
  [(f) => `Past bij ${f}.`, (f) => `Fits ${f}.`],
  [
    (f) => `Bedoeld voor ${f}; kijk bij twijfel even op het typeplaatje.`,
    (f) => `Made for ${f}; if in doubt, check the type plate.`,
  ],
  [(f) => `Werkt met ${f}.`, (f) => `Works with ${f}.`],
  [
    (f) => `Voor ${f}. Zoek je eigen model op via het modelnummer, dan weet je het zeker.`,
    (f) => `For ${f}. Look up your own model by its model number to be sure.`,
  ],
];

/**
 * About 300 demo products over the categories of `demoCategories()`, always the same. SKUs are
 * `<category prefix>-<4 digits>`; `mailboxFit` follows from the dimensions, the weight and
 * `MAILBOX_LIMITS`. Coffee beans are food and carry 9% VAT, everything else 21%.
 */
export function demoProducts(): DemoProduct[] {
  const linesBySlug: Record<string, Line[]> = {
    stofzuigerzakken: bagLines(),
    filters: FILTER_LINES,
    'borstels-mondstukken': ACCESSORY_LINES,
    'accus-laders': BATTERY_LINES,
    'ontkalken-reinigen': CLEANING_LINES,
    waterfilters: WATER_LINES,
    'koffiemachine-onderdelen': PART_LINES,
    koffiebonen: BEAN_LINES,
  };
  const products: DemoProduct[] = [];
  for (const category of CATEGORIES) {
    let number = 0;
    for (const line of linesBySlug[category.slug] ?? []) {
      for (const variant of expandPacks(line)) {
        number += 1;
        products.push(toProduct(category, `${category.prefix}-${String(number).padStart(4, '0')}`, variant));
      }
    }
  }
  return products;
}

function expandPacks(line: Line): Line[] {
  if (!line.packs) return [line];
  return line.packs.map((pack) => ({
    ...line,
    nl: `${line.nl} (${pack.nl})`,
    en: `${line.en} (${pack.en})`,
    price: pack.price,
    dims: pack.dims ?? line.dims,
    grams: pack.grams ?? line.grams,
    aboutNl: pack.aboutNl ?? line.aboutNl,
    aboutEn: pack.aboutEn ?? line.aboutEn,
    packs: undefined,
  }));
}

function toProduct(category: CategorySpec, sku: string, line: Line): DemoProduct {
  const random = seededRandom(seedFromString(sku));
  const [lengthMm, widthMm, heightMm] = [...line.dims].sort((a, b) => b - a) as [number, number, number];
  const mailboxFit =
    lengthMm <= MAILBOX_LIMITS.lengthMm &&
    widthMm <= MAILBOX_LIMITS.widthMm &&
    heightMm <= MAILBOX_LIMITS.heightMm &&
    line.grams <= MAILBOX_MAX_GRAMS;
  return {
    sku,
    nameNl: line.nl,
    nameEn: line.en,
    categorySlug: category.slug,
    priceCents: line.price,
    vatRate: category.vatRate,
    stock: demoStock(random),
    mailboxFit,
    weightGrams: line.grams,
    lengthMm,
    widthMm,
    heightMm,
    ...describe(random, category, line),
    priceHistory: demoPriceHistory(random, line.price),
  };
}

function describe(
  random: () => number,
  category: CategorySpec,
  line: Line,
): { descriptionNl: string; descriptionEn: string } {
  const nl: string[] = [line.aboutNl];
  const en: string[] = [line.aboutEn];
  if (line.fitNl) {
    const [fitNl, fitEn] = pick(random, FIT_SENTENCES);
    const fitFirst = random() < 0.5;
    nl[fitFirst ? 'unshift' : 'push'](fitNl(line.fitNl));
    en[fitFirst ? 'unshift' : 'push'](fitEn(line.fitEn));
  }
  if (random() < 0.4) {
    const [tipNl, tipEn] = pick(random, category.tips);
    nl.push(tipNl);
    en.push(tipEn);
  }
  return { descriptionNl: nl.join(' '), descriptionEn: en.join(' ') };
}

function demoStock(random: () => number): number {
  const roll = random();
  if (roll < 0.05) return 0;
  if (roll < 0.12) return intBetween(random, 1, 3);
  return intBetween(random, 4, 120);
}

function demoPriceHistory(random: () => number, priceCents: number): DemoProduct['priceHistory'] {
  const roll = random();
  if (roll < 0.1) {
    const higher = shopPrice(priceCents * (1.1 + random() * 0.25));
    return higher > priceCents ? [{ priceCents: higher, daysAgo: intBetween(random, 6, 27) }] : [];
  }
  if (roll < 0.12) {
    const lower = shopPrice(priceCents * (0.82 + random() * 0.1));
    return lower < priceCents ? [{ priceCents: lower, daysAgo: intBetween(random, 40, 160) }] : [];
  }
  return [];
}

/** Rounds to a shop price ending in 95 or 45 cents. */
export function shopPrice(cents: number): number {
  return Math.max(95, Math.round(cents / 50) * 50 - 5);
}

function bagLines(): Line[] {
  const lines: Line[] = [];
  const random = seededRandom(20);
  for (const bag of BAG_TYPES) {
    const [length, width] = bag.size;
    const base = {
      nl: `Stofzuigerzakken type ${bag.code} voor ${bag.brandsNl}`,
      en: `Vacuum bags type ${bag.code} for ${bag.brandsEn}`,
      fitNl: bag.fitNl,
      fitEn: bag.fitEn,
    };
    const micro = pick(random, MICRO_ABOUT);
    const paper = pick(random, PAPER_ABOUT);
    const microGrams = bag.large ? 45 : 22;
    const bagMm = bag.large ? 4 : 2.6;
    lines.push(
      {
        ...base,
        nl: `${base.nl}, microvezel (5 stuks + motorfilter)`,
        en: `${base.en}, microfibre (5 bags + motor filter)`,
        aboutNl: `${micro[0]} In het doosje zitten vijf zakken en een motorfilter dat je op maat knipt.`,
        aboutEn: `${micro[1]} The box holds five bags and a motor filter you cut to size.`,
        price: bag.price,
        dims: [length, width, Math.round(5 * bagMm + 6)],
        grams: 5 * microGrams + 40,
      },
      {
        ...base,
        nl: `${base.nl}, microvezel (10 stuks)`,
        en: `${base.en}, microfibre (10 bags)`,
        aboutNl: `${micro[0]} Tien zakken, genoeg voor ruim een jaar in een gemiddeld huishouden.`,
        aboutEn: `${micro[1]} Ten bags, enough for well over a year in an average household.`,
        price: shopPrice(bag.price * 1.75),
        dims: [length, width, Math.round(10 * bagMm + 6)],
        grams: 10 * microGrams + 50,
      },
      {
        ...base,
        nl: `${base.nl}, microvezel (20 stuks, voordeelpak)`,
        en: `${base.en}, microfibre (20 bags, value pack)`,
        aboutNl: `${micro[0]} Het voordeelpak is bedoeld voor grote gezinnen, kantoren en wie gewoon niet vaak wil bestellen.`,
        aboutEn: `${micro[1]} The value pack suits large families, offices and anyone who would rather not order often.`,
        price: shopPrice(bag.price * 3.05),
        dims: [length + 10, width + 10, Math.round(20 * bagMm + 8)],
        grams: 20 * microGrams + 90,
      },
      {
        ...base,
        nl: `${base.nl}, papier (10 stuks)`,
        en: `${base.en}, paper (10 bags)`,
        aboutNl: `${paper[0]} Tien stuks per pak.`,
        aboutEn: `${paper[1]} Ten to a pack.`,
        price: shopPrice(bag.price * 0.9) + 4,
        dims: [length, width, Math.round(10 * (bagMm - 0.9) + 6)],
        grams: 10 * (microGrams - 6) + 40,
      },
    );
  }
  return lines;
}

type Pack = {
  nl: string;
  en: string;
  price: number;
  dims?: [number, number, number];
  grams?: number;
  aboutNl?: string;
  aboutEn?: string;
};

/** One product, or one product in several pack sizes, as written by the shop. */
type Line = {
  nl: string;
  en: string;
  /** What it fits, in general terms; empty for products that fit nothing (coffee beans). */
  fitNl: string;
  fitEn: string;
  aboutNl: string;
  aboutEn: string;
  price: number;
  dims: [number, number, number];
  grams: number;
  packs?: Pack[] | undefined;
};

type BagType = {
  code: string;
  brandsNl: string;
  brandsEn: string;
  fitNl: string;
  fitEn: string;
  size: [number, number];
  price: number;
  large?: boolean;
};

const MICRO_ABOUT: [string, string][] = [
  [
    'Meerlaags microvezel houdt ook fijn stof vast en scheurt niet als je een scherp steentje opzuigt.',
    'Multi-layer microfibre holds on to fine dust too and does not tear when you pick up a sharp bit of grit.',
  ],
  [
    'Microvezel blijft lucht doorlaten tot de zak echt vol is, dus de zuigkracht zakt niet halverwege in.',
    'Microfibre keeps letting air through until the bag is really full, so suction does not fade halfway.',
  ],
  [
    'Synthetisch vlies is steviger dan papier en een goede keus bij huisdieren of een stofallergie.',
    'Synthetic fleece is sturdier than paper and a good choice with pets or a dust allergy.',
  ],
  [
    'Vlies met een sluitklepje, zodat je de volle zak dicht uit de stofzuiger haalt.',
    'Fleece with a closing flap, so the full bag comes out of the vacuum sealed.',
  ],
];

const PAPER_ABOUT: [string, string][] = [
  [
    'Klassieke tweelaagse papieren zakken, voordelig als je vooral harde vloeren zuigt.',
    'Classic two-ply paper bags, economical if you mostly vacuum hard floors.',
  ],
  [
    'Papier is de zuinige keus; wissel wat vaker, want de poriën raken sneller dicht dan bij vlies.',
    'Paper is the thrifty choice; change it a little more often, as the pores clog sooner than fleece.',
  ],
  [
    'Gewone papieren zakken met een kartonnen kraag, zoals de stofzuiger ze uit de fabriek meekreeg.',
    'Plain paper bags with a cardboard collar, like the ones the vacuum came with from the factory.',
  ],
];

const BAG_TYPES: BagType[] = [
  {
    code: 'S',
    brandsNl: 'Philips, Electrolux en AEG',
    brandsEn: 'Philips, Electrolux and AEG',
    fitNl: 'sledestofzuigers van Philips, Electrolux en AEG met de universele s-bag-houder',
    fitEn: 'Philips, Electrolux and AEG canister vacuums with the universal s-bag holder',
    size: [280, 180],
    price: 995,
  },
  {
    code: 'FJM',
    brandsNl: 'Miele',
    brandsEn: 'Miele',
    fitNl: 'Miele-sledes uit de S2- en S5-serie en de Complete C1',
    fitEn: 'Miele canister vacuums of the S2 and S5 series and the Complete C1',
    size: [250, 160],
    price: 1095,
  },
  {
    code: 'GN',
    brandsNl: 'Miele',
    brandsEn: 'Miele',
    fitNl: 'de grotere Miele-sledes: S8, Complete C2 en Complete C3',
    fitEn: 'the larger Miele canisters: S8, Complete C2 and Complete C3',
    size: [290, 190],
    price: 1195,
  },
  {
    code: 'KK',
    brandsNl: 'Miele',
    brandsEn: 'Miele',
    fitNl: 'compacte Miele-modellen zoals de Compact C1 en C2',
    fitEn: 'compact Miele models such as the Compact C1 and C2',
    size: [240, 150],
    price: 1095,
  },
  {
    code: 'U',
    brandsNl: 'Miele',
    brandsEn: 'Miele',
    fitNl: 'Miele-steelstofzuigers uit de S7-serie',
    fitEn: 'Miele upright vacuums of the S7 series',
    size: [300, 150],
    price: 1295,
  },
  {
    code: 'G ALL',
    brandsNl: 'Bosch en Siemens',
    brandsEn: 'Bosch and Siemens',
    fitNl: 'Bosch- en Siemens-sledes van na 2006 met zakcode G ALL',
    fitEn: 'Bosch and Siemens canisters made after 2006 with bag code G ALL',
    size: [290, 180],
    price: 995,
  },
  {
    code: 'K',
    brandsNl: 'Bosch en Siemens',
    brandsEn: 'Bosch and Siemens',
    fitNl: 'oudere Bosch- en Siemens-sledes met zakcode K',
    fitEn: 'older Bosch and Siemens canisters with bag code K',
    size: [260, 170],
    price: 895,
  },
  {
    code: 'P',
    brandsNl: 'Bosch en Siemens',
    brandsEn: 'Bosch and Siemens',
    fitNl: 'de kleinere Bosch- en Siemens-modellen met zakcode P',
    fitEn: 'the smaller Bosch and Siemens models with bag code P',
    size: [250, 160],
    price: 895,
  },
  {
    code: 'H30',
    brandsNl: 'Hoover',
    brandsEn: 'Hoover',
    fitNl: 'Hoover Telios, Sensory en Athos',
    fitEn: 'Hoover Telios, Sensory and Athos',
    size: [260, 170],
    price: 995,
  },
  {
    code: 'H63',
    brandsNl: 'Hoover en Candy',
    brandsEn: 'Hoover and Candy',
    fitNl: 'sledes van Hoover en Candy met zakcode H63',
    fitEn: 'Hoover and Candy canisters with bag code H63',
    size: [270, 175],
    price: 995,
  },
  {
    code: 'H64',
    brandsNl: 'Hoover en Candy',
    brandsEn: 'Hoover and Candy',
    fitNl: 'compacte Hoover- en Candy-sledes met zakcode H64',
    fitEn: 'compact Hoover and Candy canisters with bag code H64',
    size: [250, 165],
    price: 945,
  },
  {
    code: 'ZR20',
    brandsNl: 'Rowenta',
    brandsEn: 'Rowenta',
    fitNl: 'Rowenta Silence Force, Compacteo en X-Trem Power',
    fitEn: 'Rowenta Silence Force, Compacteo and X-Trem Power',
    size: [280, 180],
    price: 1095,
  },
  {
    code: 'VP-77',
    brandsNl: 'Samsung',
    brandsEn: 'Samsung',
    fitNl: 'Samsung-sledes uit de VC-serie met het VP-77-formaat',
    fitEn: 'Samsung canisters of the VC series that take the VP-77 size',
    size: [270, 170],
    price: 995,
  },
  {
    code: 'FP200',
    brandsNl: 'Vorwerk Kobold',
    brandsEn: 'Vorwerk Kobold',
    fitNl: 'de Vorwerk Kobold VK200 en VK220S',
    fitEn: 'the Vorwerk Kobold VK200 and VK220S',
    size: [310, 140],
    price: 1695,
  },
  {
    code: 'FP140',
    brandsNl: 'Vorwerk Kobold',
    brandsEn: 'Vorwerk Kobold',
    fitNl: 'de Vorwerk Kobold VK140 en VK150',
    fitEn: 'the Vorwerk Kobold VK140 and VK150',
    size: [300, 135],
    price: 1495,
  },
  {
    code: 'NVM-1CH',
    brandsNl: 'Numatic',
    brandsEn: 'Numatic',
    fitNl: 'Numatic Henry, Hetty en James, de modellen van 6 tot 9 liter',
    fitEn: 'Numatic Henry, Hetty and James, the 6 to 9 litre models',
    size: [330, 250],
    price: 1295,
    large: true,
  },
  {
    code: 'NVM-2BH',
    brandsNl: 'Numatic',
    brandsEn: 'Numatic',
    fitNl: 'Numatic George, Charles en Edward met een ketel van 15 liter',
    fitEn: 'Numatic George, Charles and Edward with a 15 litre drum',
    size: [360, 255],
    price: 1595,
    large: true,
  },
  {
    code: 'WD3',
    brandsNl: 'Kärcher',
    brandsEn: 'Kärcher',
    fitNl: 'Kärcher-alleszuigers WD 2, WD 3 en MV 3',
    fitEn: 'Kärcher wet-and-dry vacuums WD 2, WD 3 and MV 3',
    size: [350, 255],
    price: 1395,
    large: true,
  },
  {
    code: 'WD4',
    brandsNl: 'Kärcher',
    brandsEn: 'Kärcher',
    fitNl: 'Kärcher-alleszuigers WD 4, WD 5 en WD 6',
    fitEn: 'Kärcher wet-and-dry vacuums WD 4, WD 5 and WD 6',
    size: [370, 255],
    price: 1595,
    large: true,
  },
  {
    code: 'SEL',
    brandsNl: 'Nilfisk',
    brandsEn: 'Nilfisk',
    fitNl: 'Nilfisk Select, Power en Elite',
    fitEn: 'Nilfisk Select, Power and Elite',
    size: [280, 180],
    price: 1295,
  },
  {
    code: 'GM80',
    brandsNl: 'Nilfisk',
    brandsEn: 'Nilfisk',
    fitNl: 'Nilfisk-bedrijfsstofzuigers GM80 en GM90',
    fitEn: 'Nilfisk commercial vacuums GM80 and GM90',
    size: [350, 250],
    price: 1495,
    large: true,
  },
];

type Pair = [string, string];

function line(
  name: Pair,
  fit: Pair,
  about: Pair,
  price: number,
  dims: [number, number, number],
  grams: number,
  packs?: Pack[],
): Line {
  return {
    nl: name[0],
    en: name[1],
    fitNl: fit[0],
    fitEn: fit[1],
    aboutNl: about[0],
    aboutEn: about[1],
    price,
    dims,
    grams,
    packs,
  };
}

function pack(count: number, price: number, dims?: [number, number, number], grams?: number): Pack {
  return {
    nl: count === 1 ? '1 stuk' : `${count} stuks`,
    en: count === 1 ? 'single' : `pack of ${count}`,
    price,
    ...(dims ? { dims } : {}),
    ...(grams ? { grams } : {}),
  };
}

const ANY_TUBE: Pair = ['stofzuigers met een buis van 32 of 35 mm', 'vacuums with a 32 or 35 mm tube'];

const FILTER_LINES: Line[] = [
  line(
    [
      'HEPA 13-uitblaasfilter voor Philips Performer en Jewel',
      'HEPA 13 exhaust filter for Philips Performer and Jewel',
    ],
    ['Philips Performer-, Jewel- en Expression-sledes', 'Philips Performer, Jewel and Expression canisters'],
    [
      'Vangt 99,95% van het fijnstof dat de zak doorlaat; het filter klikt achter het rooster aan de achterkant.',
      'Catches 99.95% of the fine dust that gets past the bag; it clicks in behind the grille at the back.',
    ],
    1995,
    [160, 120, 45],
    95,
  ),
  line(
    ['Motorbeschermfilter voor Philips', 'Motor protection filter for Philips'],
    ['Philips-sledes met een stofzak', 'Philips canisters that use a bag'],
    [
      'Een vlak schuimfilter dat vóór de motor ligt en het laatste stof tegenhoudt.',
      'A flat foam filter that sits in front of the motor and stops the last of the dust.',
    ],
    595,
    [140, 110, 8],
    20,
    [pack(2, 595), pack(6, 1395, [140, 110, 24], 55)],
  ),
  line(
    ['Filterset voor Philips PowerPro', 'Filter set for Philips PowerPro'],
    ['zakloze Philips PowerPro-sledes', 'bagless Philips PowerPro canisters'],
    [
      'Het cycloonfilter en het uitblaasfilter samen; beide kun je onder de kraan uitspoelen.',
      'The cyclone filter and the exhaust filter together; you can rinse both under the tap.',
    ],
    2495,
    [180, 130, 70],
    140,
  ),
  line(
    ['Uitblaasfilter voor Philips PowerGo', 'Exhaust filter for Philips PowerGo'],
    ['Philips PowerGo en PowerLife', 'Philips PowerGo and PowerLife'],
    ['Wasbaar uitblaasfilter in een kunststof kader.', 'Washable exhaust filter in a plastic frame.'],
    1295,
    [140, 100, 30],
    35,
  ),
  line(
    ['Filter voor Philips SpeedPro', 'Filter for Philips SpeedPro'],
    ['Philips SpeedPro- en SpeedPro Max-steelstofzuigers', 'Philips SpeedPro and SpeedPro Max stick vacuums'],
    [
      'Het voorfilter met schuimlaag uit het stofreservoir. Uitspoelen mag, daarna een dag laten drogen.',
      'The foam pre-filter from the dust container. Rinsing is fine; let it dry for a day afterwards.',
    ],
    1495,
    [110, 80, 60],
    45,
    [pack(1, 1495), pack(2, 2595, [160, 110, 60], 90)],
  ),
  line(
    ['HEPA-filter type HA50 voor Miele', 'HEPA filter type HA50 for Miele'],
    [
      'Miele-sledes met een uitblaasfilter van het formaat HA50',
      'Miele canisters with an HA50-size exhaust filter',
    ],
    [
      'HEPA-klasse 13 in een stevige kunststof rand, zonder gereedschap geplaatst.',
      'HEPA class 13 in a sturdy plastic frame, fitted without tools.',
    ],
    2995,
    [190, 150, 40],
    120,
  ),
  line(
    ['Actief-koolfilter type AH50 voor Miele', 'Active carbon filter type AH50 for Miele'],
    [
      'Miele-sledes met een uitblaasfilter van het formaat HA50',
      'Miele canisters with an HA50-size exhaust filter',
    ],
    [
      'Koolstofkorrels nemen de lucht van huisdieren en kattenbakken op.',
      'Carbon granules absorb the smell of pets and litter trays.',
    ],
    3295,
    [190, 150, 40],
    160,
  ),
  line(
    ['Motorbeschermfilter voor Miele', 'Motor protection filter for Miele'],
    ['Miele-sledes met een stofzak', 'Miele canisters that use a bag'],
    ['Precies op maat gesneden, dus geen geknip.', 'Cut to the exact size, so no trimming.'],
    495,
    [130, 100, 6],
    15,
    [pack(2, 495), pack(4, 895, [130, 100, 12], 30)],
  ),
  line(
    ['Filter voor Miele Triflex HX1', 'Filter for Miele Triflex HX1'],
    ['de Miele Triflex HX1 en HX2', 'the Miele Triflex HX1 and HX2'],
    [
      'Lamellenfilter dat je regelmatig uitklopt en na ongeveer een jaar vervangt.',
      'A pleated filter you tap clean regularly and replace after about a year.',
    ],
    2495,
    [120, 90, 80],
    70,
  ),
  line(
    ['HEPA-filter voor Bosch en Siemens', 'HEPA filter for Bosch and Siemens'],
    [
      'Bosch- en Siemens-sledes met een PureAir- of HEPA-uitblaasfilter',
      'Bosch and Siemens canisters with a PureAir or HEPA exhaust filter',
    ],
    [
      'Geplooid filter in een kader dat pollen en huisstofmijt binnenhoudt.',
      'A pleated filter in a frame that keeps pollen and dust mites inside.',
    ],
    2195,
    [170, 130, 40],
    100,
  ),
  line(
    ['Motorbeschermfilter voor Bosch en Siemens', 'Motor protection filter for Bosch and Siemens'],
    ['Bosch- en Siemens-sledes met een stofzak', 'Bosch and Siemens canisters that use a bag'],
    [
      'Schuimfilter met een laag microvezel; het ligt onder de stofzak.',
      'Foam filter with a layer of microfibre; it sits under the bag.',
    ],
    595,
    [150, 120, 8],
    18,
    [pack(2, 595), pack(5, 1195, [150, 120, 18], 40)],
  ),
  line(
    ['Filter voor Bosch en Siemens steelstofzuigers', 'Filter for Bosch and Siemens stick vacuums'],
    [
      'snoerloze Bosch Unlimited- en Siemens iQ-steelstofzuigers',
      'cordless Bosch Unlimited and Siemens iQ stick vacuums',
    ],
    [
      'Twee-in-een: een voorfilter van vlies met een geplooid HEPA-deel erachter.',
      'Two in one: a fleece pre-filter with a pleated HEPA part behind it.',
    ],
    2495,
    [100, 90, 80],
    60,
  ),
  line(
    ['Allergy-filter type EFH12 voor Electrolux en AEG', 'Allergy filter type EFH12 for Electrolux and AEG'],
    [
      'Electrolux- en AEG-sledes die het EFH12-formaat gebruiken',
      'Electrolux and AEG canisters that take the EFH12 size',
    ],
    [
      'HEPA 12-filter met een rubberen rand die luchtdicht afsluit.',
      'HEPA 12 filter with a rubber edge that seals airtight.',
    ],
    1895,
    [175, 135, 40],
    95,
  ),
  line(
    [
      'Wasbaar HEPA-filter type EFS1W voor Electrolux en AEG',
      'Washable HEPA filter type EFS1W for Electrolux and AEG',
    ],
    ['Electrolux- en AEG-sledes met het EFS1W-formaat', 'Electrolux and AEG canisters with the EFS1W size'],
    [
      'Uitspoelen onder de kraan, een nacht laten drogen, en hij gaat weer maanden mee.',
      'Rinse under the tap, let it dry overnight, and it is good for months again.',
    ],
    2495,
    [175, 135, 45],
    110,
  ),
  line(
    ['Motorfilter voor Electrolux en AEG', 'Motor filter for Electrolux and AEG'],
    ['Electrolux- en AEG-sledes met een stofzak', 'Electrolux and AEG canisters that use a bag'],
    ['Vlak vlies in een dun kader, direct klaar voor gebruik.', 'Flat fleece in a thin frame, ready to use.'],
    695,
    [140, 110, 8],
    18,
    [pack(2, 695), pack(4, 1195, [140, 110, 16], 35)],
  ),
  line(
    ['Filter voor AEG FX9 en Electrolux Pure F9', 'Filter for AEG FX9 and Electrolux Pure F9'],
    ['de snoerloze AEG FX9 en Electrolux Pure F9', 'the cordless AEG FX9 and Electrolux Pure F9'],
    [
      'Rond filter voor de cycloonunit, met een stofdichte afdichting.',
      'Round filter for the cyclone unit, with a dust-tight seal.',
    ],
    1995,
    [110, 110, 70],
    55,
  ),
  line(
    ['Nafilter voor Dyson V7 en V8', 'Post-motor filter for Dyson V7 and V8'],
    ['Dyson V7- en V8-steelstofzuigers', 'Dyson V7 and V8 stick vacuums'],
    [
      'Het paarse filter achter op de motor, met een HEPA-laag.',
      'The purple filter on the back of the motor, with a HEPA layer.',
    ],
    1695,
    [90, 90, 70],
    45,
  ),
  line(
    ['Voorfilter voor Dyson V7 en V8', 'Pre-filter for Dyson V7 and V8'],
    ['Dyson V7- en V8-steelstofzuigers', 'Dyson V7 and V8 stick vacuums'],
    [
      'Het staafvormige filter in de cycloon; uitspoelen met koud water, zonder zeep.',
      'The stick-shaped filter inside the cyclone; rinse with cold water, no soap.',
    ],
    995,
    [130, 40, 40],
    20,
  ),
  line(
    ['Filter voor Dyson V10 en V11', 'Filter for Dyson V10 and V11'],
    ['Dyson V10 en V11', 'Dyson V10 and V11'],
    [
      'Het ronde filter achter op de cycloon, voor- en nafilter in één.',
      'The round filter at the back of the cyclone, pre- and post-filter in one.',
    ],
    1995,
    [90, 90, 110],
    60,
  ),
  line(
    ['Filter voor Dyson V12 en V15', 'Filter for Dyson V12 and V15'],
    ['Dyson V12 Detect Slim en V15 Detect', 'Dyson V12 Detect Slim and V15 Detect'],
    [
      'HEPA-filter voor de nieuwere Dyson-modellen, ook uitspoelbaar.',
      'HEPA filter for the newer Dyson models, rinsable too.',
    ],
    2295,
    [90, 90, 110],
    60,
  ),
  line(
    ['Filterset voor Dyson V6', 'Filter set for Dyson V6'],
    ['Dyson V6 en de DC58 tot en met DC62', 'Dyson V6 and the DC58 to DC62'],
    [
      'Voor- en nafilter samen, zodat je beide in één keer ververst.',
      'Pre- and post-filter together, so you refresh both in one go.',
    ],
    1495,
    [120, 90, 60],
    55,
  ),
  line(
    ['Filter voor Dyson DC-serie', 'Filter for the Dyson DC series'],
    [
      'oudere Dyson-sledes en -rechtopstaande modellen uit de DC-serie',
      'older Dyson canisters and uprights of the DC series',
    ],
    [
      'Wasbaar filter dat vóór de motor zit, onder meer voor de DC19, DC29 en DC33.',
      'Washable pre-motor filter, for the DC19, DC29 and DC33 among others.',
    ],
    1295,
    [140, 100, 30],
    35,
  ),
  line(
    ['HEPA-filter voor Samsung', 'HEPA filter for Samsung'],
    ['Samsung-sledes uit de VC- en SC-serie', 'Samsung canisters of the VC and SC series'],
    [
      'HEPA 13 met een kunststof kader dat achter het uitblaasrooster klikt.',
      'HEPA 13 in a plastic frame that clicks in behind the exhaust grille.',
    ],
    1695,
    [160, 110, 40],
    80,
  ),
  line(
    ['Filterset voor Samsung Jet', 'Filter set for Samsung Jet'],
    ['de Samsung Jet 70, 75 en 90', 'the Samsung Jet 70, 75 and 90'],
    [
      'Een schuimfilter en een HEPA-filter, allebei uitwasbaar.',
      'A foam filter and a HEPA filter, both washable.',
    ],
    2195,
    [110, 100, 70],
    60,
  ),
  line(
    ['HEPA-filter voor Rowenta Silence Force', 'HEPA filter for Rowenta Silence Force'],
    ['Rowenta Silence Force en Compacteo', 'Rowenta Silence Force and Compacteo'],
    [
      'Rond HEPA-filter met schuimring, zonder schroeven te plaatsen.',
      'Round HEPA filter with a foam ring, fitted without screws.',
    ],
    1995,
    [130, 130, 45],
    70,
  ),
  line(
    ['Filterkit voor Rowenta X-Force', 'Filter kit for Rowenta X-Force'],
    ['Rowenta X-Force- en Air Force-steelstofzuigers', 'Rowenta X-Force and Air Force stick vacuums'],
    [
      'Schuimfilter en lamellenfilter samen in één zakje.',
      'Foam filter and pleated filter together in one bag.',
    ],
    1495,
    [110, 90, 60],
    45,
  ),
  line(
    ['HEPA-filter type U66 voor Hoover en Candy', 'HEPA filter type U66 for Hoover and Candy'],
    ['Hoover- en Candy-sledes met filtercode U66', 'Hoover and Candy canisters with filter code U66'],
    ['Geplooid HEPA-filter voor de cycloonunit.', 'Pleated HEPA filter for the cyclone unit.'],
    1295,
    [120, 120, 60],
    55,
  ),
  line(
    ['Uitblaasfilter type T114 voor Hoover en Candy', 'Exhaust filter type T114 for Hoover and Candy'],
    ['Hoover- en Candy-modellen met uitblaasfilter T114', 'Hoover and Candy models with exhaust filter T114'],
    ['Vlak filter met kader dat achter het rooster zit.', 'Flat framed filter that sits behind the grille.'],
    1195,
    [150, 110, 20],
    30,
  ),
  line(
    ['Filter voor Hoover H-Free', 'Filter for Hoover H-Free'],
    ['Hoover H-Free-steelstofzuigers', 'Hoover H-Free stick vacuums'],
    ['Schuimfilter en HEPA-filter in één stuk.', 'Foam filter and HEPA filter in one piece.'],
    1395,
    [100, 80, 60],
    40,
  ),
  line(
    ['Patroonfilter voor Kärcher WD', 'Cartridge filter for Kärcher WD'],
    ['Kärcher WD 2 tot en met WD 6 en de MV-modellen', 'Kärcher WD 2 up to WD 6 and the MV models'],
    [
      'Werkt nat en droog; met de tuinslang spoel je hem weer schoon.',
      'Works wet and dry; rinse it clean again with the garden hose.',
    ],
    1795,
    [140, 140, 160],
    180,
  ),
  line(
    ['Vlakfilter voor Kärcher WD 4, WD 5 en WD 6', 'Flat filter for Kärcher WD 4, WD 5 and WD 6'],
    ['Kärcher WD 4, WD 5 en WD 6', 'Kärcher WD 4, WD 5 and WD 6'],
    [
      'Het vlakke filterelement uit de kop; met de reinigingsknop klop je het tussendoor schoon.',
      'The flat filter element in the head; the cleaning button shakes it clean in between.',
    ],
    2495,
    [200, 150, 40],
    140,
  ),
  line(
    ['Filter voor Kärcher VC 4 Cordless', 'Filter for Kärcher VC 4 Cordless'],
    ['de snoerloze Kärcher VC 4', 'the cordless Kärcher VC 4'],
    ['Vlak plisséfilter achter het stofreservoir.', 'Flat pleated filter behind the dust container.'],
    1295,
    [110, 90, 30],
    25,
  ),
  line(
    ['HEPA-filter voor Nilfisk Select en Power', 'HEPA filter for Nilfisk Select and Power'],
    ['Nilfisk Select, Power en Elite', 'Nilfisk Select, Power and Elite'],
    [
      'HEPA 14, de hoogste klasse die we verkopen; een aanrader bij een allergie.',
      'HEPA 14, the highest class we sell; recommended if you have an allergy.',
    ],
    2995,
    [170, 120, 40],
    110,
  ),
  line(
    ['Motorfilter voor Nilfisk', 'Motor filter for Nilfisk'],
    ['Nilfisk-sledes met een stofzak', 'Nilfisk canisters that use a bag'],
    [
      'Wit vlies, precies op maat voor de motorruimte.',
      'White fleece, cut exactly to the motor compartment.',
    ],
    795,
    [120, 100, 8],
    15,
    [pack(2, 795), pack(4, 1395, [120, 100, 16], 30)],
  ),
  line(
    ['Motorfilter voor Vorwerk Kobold VK200', 'Motor filter for Vorwerk Kobold VK200'],
    ['de Vorwerk Kobold VK200 en VK220S', 'the Vorwerk Kobold VK200 and VK220S'],
    [
      'Microfilter dat achter de filterzak in de kap zit.',
      'Micro filter that sits behind the filter bag in the cover.',
    ],
    895,
    [150, 100, 10],
    15,
    [pack(1, 895), pack(3, 2295, [150, 100, 24], 40)],
  ),
  line(
    ['HEPA-uitblaasfilter voor Numatic', 'HEPA exhaust filter for Numatic'],
    ['Numatic Henry, Hetty, James en George', 'Numatic Henry, Hetty, James and George'],
    [
      'Vervangt het standaard uitblaasfilter en houdt ook gipsstof en bouwstof tegen.',
      'Replaces the standard exhaust filter and also stops plaster and building dust.',
    ],
    2495,
    [190, 190, 50],
    130,
  ),
  line(
    ['Hoofdfilter voor Numatic, 305 mm', 'Main filter for Numatic, 305 mm'],
    ['Numatic-modellen met een ketel van 6 tot 15 liter', 'Numatic models with a 6 to 15 litre drum'],
    [
      'Het grote ronde stoffen filter bovenin de ketel, wasbaar op 30 graden.',
      'The large round cloth filter at the top of the drum, washable at 30 degrees.',
    ],
    1495,
    [305, 305, 30],
    90,
  ),
  line(
    ['Universeel motorbeschermfilter, op maat te knippen', 'Universal motor protection filter, cut to size'],
    ['bijna elke stofzuiger met een vlak motorfilter', 'almost any vacuum with a flat motor filter'],
    [
      'Schuimvlies van 25 × 15 cm; met een schaar maak je het passend.',
      'Foam fleece of 25 × 15 cm; a pair of scissors makes it fit.',
    ],
    395,
    [250, 150, 6],
    12,
    [pack(2, 395), pack(6, 995, [250, 150, 18], 35)],
  ),
  line(
    [
      'Universeel HEPA-filtervel, knipbaar (30 × 25 cm)',
      'Universal HEPA filter sheet, cut to size (30 × 25 cm)',
    ],
    ['stofzuigers met een vlak uitblaasfilter zonder kader', 'vacuums with a flat, unframed exhaust filter'],
    [
      'Elektrostatisch geladen vlies dat je zelf op maat knipt.',
      'Electrostatically charged fleece you cut to size yourself.',
    ],
    1195,
    [300, 250, 10],
    30,
  ),
  line(
    ['Universeel koolstof-geurfilter, knipbaar', 'Universal carbon odour filter, cut to size'],
    ['vrijwel elke stofzuiger met een vlak uitblaasfilter', 'nearly every vacuum with a flat exhaust filter'],
    [
      'Koolstofvlies tegen muffe luchtjes; je legt het gewoon op het bestaande filter.',
      'Carbon fleece against musty smells; simply lay it on top of the existing filter.',
    ],
    795,
    [250, 200, 8],
    25,
  ),
];

const ACCESSORY_LINES: Line[] = [
  line(
    ['Universele combi-vloerzuigmond, 32 mm', 'Universal combination floor nozzle, 32 mm'],
    ['stofzuigers met een zuigbuis van 32 mm', 'vacuums with a 32 mm tube'],
    [
      'Met het voetpedaal wissel je tussen borstel voor harde vloeren en de gladde zool voor tapijt.',
      'The foot pedal switches between brush for hard floors and the smooth sole for carpet.',
    ],
    1495,
    [280, 110, 70],
    350,
  ),
  line(
    ['Universele combi-vloerzuigmond, 35 mm', 'Universal combination floor nozzle, 35 mm'],
    ['stofzuigers met een zuigbuis van 35 mm', 'vacuums with a 35 mm tube'],
    [
      'Metalen zool en wieltjes aan de achterkant, zodat hij soepel over tapijt glijdt.',
      'Metal sole and wheels at the back, so it glides easily over carpet.',
    ],
    1595,
    [280, 110, 70],
    380,
  ),
  line(
    [
      'Universele parketborstel met natuurhaar, 32 mm',
      'Universal parquet brush with natural bristles, 32 mm',
    ],
    ['stofzuigers met een zuigbuis van 32 mm', 'vacuums with a 32 mm tube'],
    [
      'Zacht paardenhaar dat ook op geoliede vloeren geen krasjes geeft.',
      'Soft horsehair that leaves no scratches, even on oiled floors.',
    ],
    2495,
    [300, 90, 70],
    300,
  ),
  line(
    [
      'Universele parketborstel met natuurhaar, 35 mm',
      'Universal parquet brush with natural bristles, 35 mm',
    ],
    ['stofzuigers met een zuigbuis van 35 mm', 'vacuums with a 35 mm tube'],
    [
      'Een brede zuigmond van 30 cm met vilt en haar, voor hout, laminaat en tegels.',
      'A 30 cm wide nozzle with felt and bristles, for wood, laminate and tiles.',
    ],
    2495,
    [300, 90, 70],
    310,
  ),
  line(
    ['Universele turboborstel, 32 mm', 'Universal turbo brush, 32 mm'],
    ['stofzuigers met een zuigbuis van 32 mm', 'vacuums with a 32 mm tube'],
    [
      'Een borstelrol die door de luchtstroom draait haalt haren uit tapijt, zonder stekker.',
      'A brush roll driven by the airflow pulls hair out of carpet, no plug needed.',
    ],
    3495,
    [280, 120, 90],
    500,
  ),
  line(
    ['Universele turboborstel, 35 mm', 'Universal turbo brush, 35 mm'],
    ['stofzuigers met een zuigbuis van 35 mm', 'vacuums with a 35 mm tube'],
    [
      'Prima voor hondenhaar op vloerkleden; de rol haal je eruit om schoon te maken.',
      'Good for dog hair on rugs; the roll comes out for cleaning.',
    ],
    3495,
    [280, 120, 90],
    510,
  ),
  line(
    [
      'Universele mini-turboborstel voor trap en bekleding',
      'Universal mini turbo brush for stairs and upholstery',
    ],
    ANY_TUBE,
    [
      'Klein en wendbaar, met een verloopring voor beide buismaten.',
      'Small and nimble, with an adapter ring for both tube sizes.',
    ],
    1995,
    [160, 80, 80],
    200,
  ),
  line(
    ['Universele extra lange kierenzuiger, 60 cm', 'Universal extra long crevice tool, 60 cm'],
    ANY_TUBE,
    [
      'Met een buigzaam uiteinde kom je achter de radiator en onder de bank.',
      'Its flexible tip reaches behind the radiator and under the sofa.',
    ],
    995,
    [600, 40, 40],
    90,
  ),
  line(
    ['Universele meubelborstel met zachte haren', 'Universal dusting brush with soft bristles'],
    ANY_TUBE,
    ['Voor boekenplanken, lampenkappen en het toetsenbord.', 'For bookshelves, lampshades and the keyboard.'],
    795,
    [110, 60, 60],
    40,
  ),
  line(
    [
      'Universele accessoireset kieren, meubels en bekleding, 32 mm',
      'Universal accessory set crevice, dusting and upholstery, 32 mm',
    ],
    ['stofzuigers met een zuigbuis van 32 mm', 'vacuums with a 32 mm tube'],
    [
      'Drie hulpstukken die je op de buis of direct op de handgreep steekt.',
      'Three tools that go on the tube or straight on the handle.',
    ],
    1295,
    [250, 150, 60],
    180,
  ),
  line(
    ['Universele radiatorborstel, lang en plat', 'Universal radiator brush, long and flat'],
    ANY_TUBE,
    [
      'Een smalle borstel van 70 cm voor de ruimte tussen de lamellen.',
      'A narrow 70 cm brush for the gaps between the fins.',
    ],
    895,
    [700, 40, 30],
    80,
  ),
  line(
    ['Universele telescopische zuigbuis, 32 mm', 'Universal telescopic tube, 32 mm'],
    ['stofzuigers met een zuigbuis van 32 mm', 'vacuums with a 32 mm tube'],
    ['Roestvrij staal, uitschuifbaar van 60 tot 100 cm.', 'Stainless steel, extends from 60 to 100 cm.'],
    2295,
    [620, 40, 40],
    450,
  ),
  line(
    ['Universele telescopische zuigbuis, 35 mm', 'Universal telescopic tube, 35 mm'],
    ['stofzuigers met een zuigbuis van 35 mm', 'vacuums with a 35 mm tube'],
    [
      'Je stelt de lengte in met één knop; de buis klikt vast.',
      'One button sets the length; the tube clicks in place.',
    ],
    2295,
    [620, 40, 40],
    460,
  ),
  line(
    ['Zuigslang voor Miele', 'Hose for Miele'],
    ['Miele S5-, S8-, Complete C2- en C3-sledes', 'Miele S5, S8, Complete C2 and C3 canisters'],
    [
      'Slang van 1,8 meter met handgreep, zonder elektrische aansluiting.',
      'A 1.8 metre hose with handle, without electrical connection.',
    ],
    3995,
    [350, 300, 90],
    600,
  ),
  line(
    ['Parketborstel voor Miele', 'Parquet brush for Miele'],
    ['alle Miele-sledes met de ovale Miele-aansluiting', 'all Miele canisters with the oval Miele connector'],
    [
      'Draaibare zuigmond met zachte haren, gemaakt voor hout en plavuizen.',
      'Swivelling nozzle with soft bristles, made for wood and stone tiles.',
    ],
    4495,
    [300, 100, 80],
    400,
  ),
  line(
    ['Turboborstel voor Miele', 'Turbo brush for Miele'],
    ['Miele-sledes met de klikaansluiting', 'Miele canisters with the click connector'],
    ['Luchtgedreven borstelrol voor tapijt en vloerkleden.', 'Air-driven brush roll for carpet and rugs.'],
    5995,
    [300, 130, 90],
    550,
  ),
  line(
    ['Vloerzuigmond voor Bosch en Siemens', 'Floor nozzle for Bosch and Siemens'],
    ['Bosch- en Siemens-sledes met een ovale buis', 'Bosch and Siemens canisters with an oval tube'],
    ['Omschakelbare zuigmond op vier wieltjes.', 'Switchable nozzle on four small wheels.'],
    2995,
    [290, 110, 75],
    380,
  ),
  line(
    ['Zuigslang voor Bosch en Siemens', 'Hose for Bosch and Siemens'],
    ['Bosch- en Siemens-sledes van na 2006', 'Bosch and Siemens canisters made after 2006'],
    [
      'Slang van 1,9 meter met handgreep en draaibare aansluiting, zodat hij niet in de knoop raakt.',
      'A 1.9 metre hose with handle and swivel joint, so it does not get tangled.',
    ],
    3495,
    [350, 300, 90],
    600,
  ),
  line(
    ['Zachte rolborstel voor Dyson V7 en V8', 'Soft roller head for Dyson V7 and V8'],
    ['Dyson V7- en V8-steelstofzuigers', 'Dyson V7 and V8 stick vacuums'],
    [
      'Een rol met vilt en koolstofvezel voor harde vloeren; grote kruimels gaan ook mee.',
      'A roll of felt and carbon fibre for hard floors; large crumbs go in too.',
    ],
    4995,
    [260, 120, 100],
    650,
  ),
  line(
    ['Zachte rolborstel voor Dyson V10 en V11', 'Soft roller head for Dyson V10 and V11'],
    ['Dyson V10 en V11', 'Dyson V10 and V11'],
    [
      'Zelfde zachte rol als bij de V8, met de klikaansluiting van de nieuwere modellen.',
      'The same soft roll as the V8 one, with the click connector of the newer models.',
    ],
    5495,
    [260, 120, 100],
    660,
  ),
  line(
    ['Borstelrol voor Dyson V8 motorhead', 'Brush roll for Dyson V8 motorhead'],
    ['de motorhead van de Dyson V8', 'the Dyson V8 motorhead'],
    [
      'Alleen de rol, zonder kop: snel gewisseld als de haren versleten zijn.',
      'Just the roll, no head: quickly swapped when the bristles are worn.',
    ],
    2495,
    [230, 45, 45],
    120,
  ),
  line(
    ['Mini-motorborstel voor Dyson V7, V8, V10 en V11', 'Mini motorised tool for Dyson V7, V8, V10 and V11'],
    ['Dyson V7, V8, V10 en V11', 'Dyson V7, V8, V10 and V11'],
    [
      'Kleine elektrische borstel voor bank, trap en autostoel.',
      'Small powered brush for the sofa, the stairs and the car seats.',
    ],
    2995,
    [170, 90, 80],
    250,
  ),
  line(
    [
      'Verloopstuk voor Dyson V7, V8, V10 en V11 naar 32 mm',
      'Adapter for Dyson V7, V8, V10 and V11 to 32 mm',
    ],
    ['Dyson V7, V8, V10 en V11', 'Dyson V7, V8, V10 and V11'],
    [
      'Zet gewone hulpstukken van 32 mm op je Dyson; twee borsteltjes zitten erbij.',
      'Puts ordinary 32 mm tools on your Dyson; two small brushes are included.',
    ],
    1495,
    [120, 60, 50],
    70,
  ),
  line(
    ['Borstelrol voor Philips SpeedPro', 'Brush roll for Philips SpeedPro'],
    ['Philips SpeedPro en SpeedPro Max', 'Philips SpeedPro and SpeedPro Max'],
    ['Vervangende borstelrol, met de eindkapjes erbij.', 'Replacement brush roll, end caps included.'],
    1995,
    [260, 45, 45],
    110,
  ),
  line(
    ['Borstelrol voor Bosch en Siemens steelstofzuigers', 'Brush roll for Bosch and Siemens stick vacuums'],
    [
      "Bosch Unlimited, Bosch Readyy'y en Siemens iQ-steelstofzuigers",
      "Bosch Unlimited, Bosch Readyy'y and Siemens iQ stick vacuums",
    ],
    ['Let op: deze rol is 23 cm breed.', 'Note: this roll is 23 cm wide.'],
    2295,
    [240, 45, 45],
    115,
  ),
  line(
    ['Borstelrol voor AEG en Electrolux steelstofzuigers', 'Brush roll for AEG and Electrolux stick vacuums'],
    ['AEG FX9, AEG CX7 en Electrolux Pure F9', 'AEG FX9, AEG CX7 and Electrolux Pure F9'],
    [
      'Rol met kogellagers, zonder gereedschap te wisselen.',
      'Roll with ball bearings, swapped without tools.',
    ],
    2295,
    [260, 45, 45],
    120,
  ),
  line(
    ['Borstelrol voor Samsung Jet', 'Brush roll for Samsung Jet'],
    ['Samsung Jet 70, 75 en 90', 'Samsung Jet 70, 75 and 90'],
    [
      'Rol met stugge haren die diep in tapijt komt.',
      'Roll with stiff bristles that reaches deep into carpet.',
    ],
    2495,
    [260, 50, 50],
    130,
  ),
  line(
    ['Vloerzuigmond voor Philips', 'Floor nozzle for Philips'],
    ['Philips Performer-, Jewel- en PowerPro-sledes', 'Philips Performer, Jewel and PowerPro canisters'],
    [
      'Met zijborstels die ook het stof langs de plint meenemen.',
      'With side brushes that pick up the dust along the skirting board as well.',
    ],
    2995,
    [280, 110, 70],
    360,
  ),
  line(
    ['Zuigslang voor Philips, Electrolux en AEG', 'Hose for Philips, Electrolux and AEG'],
    [
      'sledes van Philips, Electrolux en AEG met klikaansluiting',
      'Philips, Electrolux and AEG canisters with click connector',
    ],
    [
      'Slang van 1,8 meter met een luchtschuif in de handgreep.',
      'A 1.8 metre hose with an air slide in the handle.',
    ],
    2995,
    [350, 300, 90],
    580,
  ),
  line(
    ['Vloerzuigmond voor Rowenta', 'Floor nozzle for Rowenta'],
    ['Rowenta Silence Force en Compacteo', 'Rowenta Silence Force and Compacteo'],
    ['Stille zuigmond met een zachte rubberen rand.', 'Quiet nozzle with a soft rubber edge.'],
    2995,
    [280, 110, 70],
    350,
  ),
  line(
    ['Zuigslang voor Numatic, 2,5 meter', 'Hose for Numatic, 2.5 metres'],
    ['Numatic Henry, Hetty, James en George', 'Numatic Henry, Hetty, James and George'],
    ['Een extra lange slang voor de trap en de zolder.', 'An extra long hose for stairs and the attic.'],
    2995,
    [380, 300, 110],
    700,
  ),
  line(
    ['Vloerzuigmond voor Numatic, 300 mm', 'Floor nozzle for Numatic, 300 mm'],
    ['Numatic-modellen met een buis van 32 mm', 'Numatic models with a 32 mm tube'],
    [
      'Robuuste combi-zuigmond zoals schoonmakers hem gebruiken.',
      'A sturdy combination nozzle of the kind cleaners use.',
    ],
    2495,
    [300, 110, 70],
    420,
  ),
  line(
    ['Borstelrol voor Vorwerk Kobold elektroborstel', 'Brush roll for Vorwerk Kobold power brush'],
    [
      'de Vorwerk Kobold-elektroborstels EB350, EB351 en EB360',
      'the Vorwerk Kobold power brushes EB350, EB351 and EB360',
    ],
    ['Vervangt een versleten rol, inclusief nieuwe lagers.', 'Replaces a worn roll, new bearings included.'],
    1995,
    [280, 45, 45],
    120,
  ),
  line(
    ['Vloermond nat en droog voor Kärcher WD', 'Wet and dry floor nozzle for Kärcher WD'],
    ['Kärcher WD-alleszuigers met een buis van 35 mm', 'Kärcher WD wet-and-dry vacuums with a 35 mm tube'],
    [
      'Met borstelstrips voor droog zuigen en rubberen strips voor water.',
      'With brush strips for dry vacuuming and rubber strips for water.',
    ],
    2495,
    [300, 100, 70],
    300,
  ),
  line(
    ['Zuigslang voor Kärcher WD, 3,5 meter', 'Hose for Kärcher WD, 3.5 metres'],
    ['Kärcher WD 3 tot en met WD 6', 'Kärcher WD 3 up to WD 6'],
    [
      'Slang met klikaansluiting, handig voor de auto of de kelder.',
      'Hose with click connector, handy for the car or the cellar.',
    ],
    3495,
    [380, 300, 110],
    750,
  ),
  line(
    ['Borstelstrips voor Kärcher-vloermond', 'Brush strips for Kärcher floor nozzle'],
    ['de vloermond van Kärcher WD-alleszuigers', 'the floor nozzle of Kärcher WD wet-and-dry vacuums'],
    [
      'Twee borstelstrips en twee rubberstrips in één set.',
      'Two brush strips and two rubber strips in one set.',
    ],
    795,
    [300, 30, 10],
    30,
  ),
  line(
    ['Borstelrol voor Hoover en Candy steelstofzuigers', 'Brush roll for Hoover and Candy stick vacuums'],
    ['Hoover H-Free en de steelstofzuigers van Candy', 'Hoover H-Free and Candy stick vacuums'],
    [
      'Nieuwe rol met stevige haren, klikt in de zuigmond.',
      'New roll with firm bristles that clicks into the nozzle.',
    ],
    1695,
    [250, 45, 45],
    110,
  ),
  line(
    ['Universele dierenhaarborstel van rubber', 'Universal rubber pet hair tool'],
    ANY_TUBE,
    [
      'Rubberen noppen trekken hondenhaar uit bekleding en autostoelen.',
      'Rubber nubs pull dog hair out of upholstery and car seats.',
    ],
    1495,
    [140, 70, 60],
    90,
  ),
  line(
    [
      'Universele autoreinigingsset met lange kierenzuiger',
      'Universal car cleaning kit with long crevice tool',
    ],
    ANY_TUBE,
    [
      'Vijf hulpstukken en een slangverlenging in een opbergzakje.',
      'Five tools and a hose extension in a storage pouch.',
    ],
    1795,
    [260, 180, 60],
    300,
  ),
  line(
    ['Universele verloopringen 32 en 35 mm (set van 3)', 'Universal adapter rings 32 and 35 mm (set of 3)'],
    ANY_TUBE,
    [
      'Rubberen ringen waarmee hulpstukken op vrijwel elke buis passen.',
      'Rubber rings that make tools fit almost any tube.',
    ],
    595,
    [80, 60, 40],
    40,
  ),
  line(
    ['Vloerzuigmond voor Nilfisk', 'Floor nozzle for Nilfisk'],
    ['Nilfisk Select, Power en Elite', 'Nilfisk Select, Power and Elite'],
    ['Brede zuigmond met parkethaar aan de voorkant.', 'Wide nozzle with parquet bristles at the front.'],
    2995,
    [300, 110, 70],
    380,
  ),
];

const BATTERY_LINES: Line[] = [
  line(
    ['Accu voor Dyson V6, 21,6 V 3000 mAh', 'Battery for Dyson V6, 21.6 V 3000 mAh'],
    ['de Dyson V6 en de DC58 tot en met DC62', 'the Dyson V6 and the DC58 to DC62'],
    [
      'Lithium-ion met een beveiligingsprint tegen overladen; vast met twee schroefjes.',
      'Lithium-ion with a protection board against overcharging; held by two small screws.',
    ],
    3995,
    [110, 70, 70],
    400,
  ),
  line(
    ['Accu voor Dyson V7, 21,6 V 3000 mAh', 'Battery for Dyson V7, 21.6 V 3000 mAh'],
    ['de Dyson V7 (SV11)', 'the Dyson V7 (SV11)'],
    [
      'Meer capaciteit dan het origineel, dus langer zuigen op één lading.',
      'More capacity than the original, so longer vacuuming per charge.',
    ],
    4495,
    [120, 70, 70],
    420,
  ),
  line(
    ['Accu voor Dyson V8, 21,6 V 3500 mAh', 'Battery for Dyson V8, 21.6 V 3500 mAh'],
    ['de Dyson V8 (SV10)', 'the Dyson V8 (SV10)'],
    [
      'Zes cellen van een bekend merk, met een jaar garantie.',
      'Six cells from a well-known maker, with a year of warranty.',
    ],
    4995,
    [120, 75, 70],
    450,
  ),
  line(
    ['Accu voor Dyson V10, 25,2 V 3000 mAh', 'Battery for Dyson V10, 25.2 V 3000 mAh'],
    ['de Dyson V10 (SV12)', 'the Dyson V10 (SV12)'],
    ['Inclusief de schroefjes en een klein schroevendraaiertje.', 'Screws and a small screwdriver included.'],
    6995,
    [150, 70, 70],
    550,
  ),
  line(
    ['Accu voor Dyson V11, 25,2 V klik-accu', 'Battery for Dyson V11, 25.2 V click-in battery'],
    [
      'de Dyson V11 met de losse klik-accu (SV14 en SV15)',
      'the Dyson V11 with the click-in battery (SV14 and SV15)',
    ],
    [
      'Wisselen zonder schroeven: uitklikken, inklikken, verder zuigen.',
      'Swapped without screws: click out, click in, carry on.',
    ],
    8995,
    [150, 75, 70],
    580,
  ),
  line(
    ['Oplader voor Dyson V6, V7 en V8', 'Charger for Dyson V6, V7 and V8'],
    ['Dyson V6, V7 en V8', 'Dyson V6, V7 and V8'],
    [
      'Adapter met een snoer van 1,5 meter en Europese stekker.',
      'Adapter with a 1.5 metre lead and European plug.',
    ],
    1995,
    [120, 70, 45],
    180,
  ),
  line(
    ['Oplader voor Dyson V10, V11 en V15', 'Charger for Dyson V10, V11 and V15'],
    ['Dyson V10, V11 en V15', 'Dyson V10, V11 and V15'],
    ['Laadt ook via het wandstation.', 'Also charges through the wall dock.'],
    2495,
    [120, 70, 45],
    190,
  ),
  line(
    ['Accu voor Philips SpeedPro, 25,2 V', 'Battery for Philips SpeedPro, 25.2 V'],
    ['Philips SpeedPro en SpeedPro Max', 'Philips SpeedPro and SpeedPro Max'],
    [
      'Vervangt de ingebouwde accu; een instructie met foto’s zit in de doos.',
      'Replaces the built-in battery; instructions with photos are in the box.',
    ],
    5995,
    [140, 70, 60],
    480,
  ),
  line(
    ['Oplader voor Philips SpeedPro', 'Charger for Philips SpeedPro'],
    ['Philips SpeedPro en SpeedPro Max', 'Philips SpeedPro and SpeedPro Max'],
    ['Losse adapter, handig als reserve voor op zolder.', 'A spare adapter, handy to keep upstairs.'],
    1995,
    [110, 70, 45],
    170,
  ),
  line(
    ['Accu voor Bosch en Siemens, 18 V 3000 mAh', 'Battery for Bosch and Siemens, 18 V 3000 mAh'],
    [
      'Bosch Unlimited- en Siemens iQ-steelstofzuigers met een wisselaccu',
      'Bosch Unlimited and Siemens iQ stick vacuums with a removable battery',
    ],
    ['Past ook in 18 V-gereedschap van hetzelfde systeem.', 'Also fits 18 V tools of the same system.'],
    6995,
    [130, 80, 70],
    600,
  ),
  line(
    ["Accu voor Bosch Readyy'y, 14,4 V", "Battery for Bosch Readyy'y, 14.4 V"],
    ["Bosch Readyy'y en Siemens Q 4.0", "Bosch Readyy'y and Siemens Q 4.0"],
    [
      'Een accupack met stekkertje, wissel je in vijf minuten.',
      'A battery pack with a small plug, swapped in five minutes.',
    ],
    3995,
    [130, 60, 50],
    350,
  ),
  line(
    ['Oplader voor Bosch en Siemens', 'Charger for Bosch and Siemens'],
    ["Bosch Unlimited, Bosch Readyy'y en Siemens iQ", "Bosch Unlimited, Bosch Readyy'y and Siemens iQ"],
    [
      'Snellader met een lampje dat groen wordt als de accu vol is.',
      'Fast charger with a light that turns green when the battery is full.',
    ],
    2495,
    [130, 90, 60],
    250,
  ),
  line(
    ['Accu voor Rowenta X-Force, 25,2 V', 'Battery for Rowenta X-Force, 25.2 V'],
    ['Rowenta X-Force en X-Pert', 'Rowenta X-Force and X-Pert'],
    ['Klikt in de handgreep, net als het origineel.', 'Clicks into the handle, just like the original.'],
    6495,
    [140, 70, 65],
    520,
  ),
  line(
    ['Oplader voor Rowenta X-Force', 'Charger for Rowenta X-Force'],
    ['Rowenta X-Force en X-Pert', 'Rowenta X-Force and X-Pert'],
    [
      'Adapter met lange kabel, past op het laadstation.',
      'Adapter with a long lead; fits the charging base.',
    ],
    2295,
    [120, 70, 45],
    180,
  ),
  line(
    ['Accu voor AEG en Electrolux, 25,2 V', 'Battery for AEG and Electrolux, 25.2 V'],
    ['AEG FX9, AEG CX7 en Electrolux Pure F9', 'AEG FX9, AEG CX7 and Electrolux Pure F9'],
    ['Lithium-ion, met een jaar garantie.', 'Lithium-ion, with one year of warranty.'],
    5995,
    [140, 70, 65],
    500,
  ),
  line(
    ['Accu voor Samsung Jet, 21,6 V', 'Battery for Samsung Jet, 21.6 V'],
    ['de Samsung Jet 70 en Jet 75', 'the Samsung Jet 70 and Jet 75'],
    [
      'Schuift in de handgreep en geeft tot veertig minuten zuigtijd.',
      'Slides into the handle and gives up to forty minutes of run time.',
    ],
    7995,
    [150, 70, 65],
    540,
  ),
  line(
    ['Accu voor Miele Triflex HX1', 'Battery for Miele Triflex HX1'],
    ['Miele Triflex HX1 en HX2', 'Miele Triflex HX1 and HX2'],
    [
      'Een tweede accu om door te zuigen terwijl de eerste laadt.',
      'A second battery to keep going while the first one charges.',
    ],
    8995,
    [150, 80, 70],
    600,
  ),
  line(
    ['Accu voor Hoover H-Free, 22 V', 'Battery for Hoover H-Free, 22 V'],
    ['Hoover H-Free-steelstofzuigers', 'Hoover H-Free stick vacuums'],
    ['Wisselaccu die je zonder gereedschap uitneemt.', 'Removable battery that comes out without tools.'],
    4995,
    [130, 70, 60],
    430,
  ),
  line(
    ['Accu voor Kärcher VC 4 Cordless', 'Battery for Kärcher VC 4 Cordless'],
    ['de snoerloze Kärcher VC 4', 'the cordless Kärcher VC 4'],
    ['Verwisselbare accu met een laadindicator.', 'Exchangeable battery with a charge indicator.'],
    4995,
    [130, 70, 60],
    420,
  ),
  line(
    ['Accu voor Vorwerk Kobold VB100', 'Battery for Vorwerk Kobold VB100'],
    ['Vorwerk Kobold VB100 en VK7', 'Vorwerk Kobold VB100 and VK7'],
    [
      'Dezelfde accu past in de zuigmond en in de handstofzuiger.',
      'The same battery fits the floor unit and the handheld.',
    ],
    7995,
    [150, 80, 70],
    560,
  ),
];

const ALL_COFFEE: Pair = [
  'alle volautomaten, pistonmachines, padmachines en koffiezetapparaten',
  'all bean-to-cup, espresso, pad and filter coffee machines',
];

const CLEANING_LINES: Line[] = [
  line(
    ['Universele ontkalker voor koffiemachines, vloeibaar', 'Universal descaler for coffee machines, liquid'],
    ALL_COFFEE,
    [
      'Op basis van melkzuur: krachtig tegen kalk en mild voor rubbers en slangen.',
      'Lactic acid based: strong against scale and gentle on seals and hoses.',
    ],
    895,
    [150, 60, 60],
    290,
    [
      { nl: '250 ml', en: '250 ml', price: 895 },
      { nl: '500 ml', en: '500 ml', price: 1395, dims: [200, 80, 70], grams: 560 },
      { nl: '1 liter', en: '1 litre', price: 2195, dims: [250, 90, 80], grams: 1090 },
    ],
  ),
  line(
    ['Universele ontkalkingstabletten', 'Universal descaling tablets'],
    ALL_COFFEE,
    [
      'Per beurt los je één tablet op in een halve liter lauw water.',
      'For each run, dissolve one tablet in half a litre of lukewarm water.',
    ],
    795,
    [120, 80, 15],
    70,
    [pack(6, 795), pack(30, 1995, [160, 110, 45], 330)],
  ),
  line(
    ['Universele citroenzuur-ontkalker, poeder', 'Universal citric acid descaler, powder'],
    ALL_COFFEE,
    [
      'Vier sachets van 40 gram; ook geschikt voor de waterkoker.',
      'Four sachets of 40 grams; fine for the kettle as well.',
    ],
    695,
    [160, 110, 20],
    180,
  ),
  line(
    ['Ontkalkingstabletten voor Jura', 'Descaling tablets for Jura'],
    ['alle Jura-volautomaten', 'all Jura bean-to-cup machines'],
    ['Negen tabletten, genoeg voor drie ontkalkbeurten.', 'Nine tablets, enough for three descaling runs.'],
    1495,
    [110, 70, 25],
    60,
  ),
  line(
    ['Reinigingstabletten voor Jura', 'Cleaning tablets for Jura'],
    [
      'alle Jura-volautomaten met reinigingsprogramma',
      'all Jura bean-to-cup machines with a cleaning programme',
    ],
    [
      'Verwijdert koffievet uit de zetgroep; de machine vraagt er zelf om.',
      'Removes coffee oils from the brew group; the machine asks for it itself.',
    ],
    1295,
    [110, 70, 25],
    40,
    [pack(6, 1295), pack(25, 3495, [130, 90, 50], 120)],
  ),
  line(
    ["Ontkalker voor De'Longhi", "Descaler for De'Longhi"],
    ["De'Longhi-volautomaten en -pistonmachines", "De'Longhi bean-to-cup and espresso machines"],
    [
      'Milieuvriendelijke ontkalker op basis van melkzuur.',
      'Environmentally friendly descaler based on lactic acid.',
    ],
    1295,
    [200, 80, 70],
    560,
    [
      { nl: '500 ml', en: '500 ml', price: 1295 },
      { nl: '2 × 100 ml', en: '2 × 100 ml', price: 995, dims: [130, 90, 45], grams: 240 },
    ],
  ),
  line(
    ['Ontkalker voor Philips en Saeco', 'Descaler for Philips and Saeco'],
    ['Philips- en Saeco-volautomaten', 'Philips and Saeco bean-to-cup machines'],
    ['Een fles van 250 ml is precies één ontkalkbeurt.', 'One 250 ml bottle is exactly one descaling run.'],
    995,
    [150, 60, 60],
    290,
    [pack(1, 995), pack(2, 1795, [150, 120, 60], 580)],
  ),
  line(
    ['Melksysteemreiniger voor Philips', 'Milk circuit cleaner for Philips'],
    ['Philips-volautomaten met LatteGo of melkkan', 'Philips bean-to-cup machines with LatteGo or milk jug'],
    [
      'Zes sachets om het melksysteem vetvrij te houden.',
      'Six sachets to keep the milk system free of grease.',
    ],
    995,
    [150, 100, 20],
    80,
  ),
  line(
    ['Ontkalker voor Senseo', 'Descaler for Senseo'],
    ['alle Senseo-padmachines', 'all Senseo pad machines'],
    [
      'Een Senseo die langzamer zet of minder koffie geeft, heeft meestal gewoon kalk.',
      'A Senseo that brews slowly or gives less coffee usually just has scale.',
    ],
    795,
    [150, 60, 60],
    290,
    [pack(1, 795), pack(2, 1295, [150, 120, 60], 580)],
  ),
  line(
    ['Ontkalker voor Nespresso', 'Descaler for Nespresso'],
    ['alle Nespresso-capsulemachines', 'all Nespresso capsule machines'],
    ['Twee zakjes vloeistof, elk goed voor één beurt.', 'Two pouches of liquid, each good for one run.'],
    895,
    [150, 100, 25],
    220,
  ),
  line(
    ['Ontkalkingstabletten voor Miele', 'Descaling tablets for Miele'],
    [
      'Miele-koffiemachines uit de CM-serie en inbouwmodellen',
      'Miele coffee machines of the CM series and built-in models',
    ],
    [
      'Zes tabletten; de machine begeleidt je door het programma.',
      'Six tablets; the machine walks you through the programme.',
    ],
    1495,
    [110, 70, 25],
    70,
  ),
  line(
    ['Reinigingstabletten voor Miele', 'Cleaning tablets for Miele'],
    ['Miele-koffiemachines uit de CM-serie', 'Miele coffee machines of the CM series'],
    ['Tien tabletten voor het ontvetten van de zetgroep.', 'Ten tablets for degreasing the brew group.'],
    1395,
    [110, 70, 25],
    40,
  ),
  line(
    ['Ontkalker voor Krups', 'Descaler for Krups'],
    [
      'Krups-volautomaten en Nespresso-machines van Krups',
      'Krups bean-to-cup machines and Krups Nespresso machines',
    ],
    ['Twee flesjes van 40 ml in een doosje.', 'Two 40 ml bottles in a box.'],
    995,
    [110, 80, 45],
    120,
  ),
  line(
    ['Reinigingstabletten voor Krups', 'Cleaning tablets for Krups'],
    ['Krups-volautomaten uit de EA8- en EA9-serie', 'Krups bean-to-cup machines of the EA8 and EA9 series'],
    ['Tien tabletten in een strip.', 'Ten tablets in a strip.'],
    1195,
    [110, 70, 20],
    40,
  ),
  line(
    ['Ontkalker voor Melitta', 'Descaler for Melitta'],
    ['Melitta Caffeo-volautomaten', 'Melitta Caffeo bean-to-cup machines'],
    ['Twee flessen van 250 ml.', 'Two bottles of 250 ml.'],
    1195,
    [150, 120, 60],
    580,
  ),
  line(
    ['Reinigingstabletten voor Melitta', 'Cleaning tablets for Melitta'],
    ['Melitta Caffeo-volautomaten', 'Melitta Caffeo bean-to-cup machines'],
    ['Acht tabletten tegen koffievet in de zetgroep.', 'Eight tablets against coffee oil in the brew group.'],
    995,
    [110, 70, 20],
    35,
  ),
  line(
    ['Ontkalkingstabletten voor Bosch en Siemens', 'Descaling tablets for Bosch and Siemens'],
    ['Bosch- en Siemens-volautomaten', 'Bosch and Siemens bean-to-cup machines'],
    ['Drie tabletten, één per ontkalkbeurt.', 'Three tablets, one per descaling run.'],
    1295,
    [110, 70, 25],
    60,
  ),
  line(
    ['Reinigingstabletten voor Bosch en Siemens', 'Cleaning tablets for Bosch and Siemens'],
    ['Bosch- en Siemens-volautomaten', 'Bosch and Siemens bean-to-cup machines'],
    ['Tien tabletten voor het reinigingsprogramma.', 'Ten tablets for the cleaning programme.'],
    1395,
    [110, 70, 25],
    40,
  ),
  line(
    ['Ontkalker voor Sage', 'Descaler for Sage'],
    ['Sage-espressomachines', 'Sage espresso machines'],
    [
      'Vier sachets poeder om op te lossen in het reservoir.',
      'Four sachets of powder to dissolve in the tank.',
    ],
    995,
    [150, 100, 20],
    160,
  ),
  line(
    ['Reinigingstabletten voor Sage', 'Cleaning tablets for Sage'],
    ['Sage-espressomachines met een reinigingsschijfje', 'Sage espresso machines with a cleaning disc'],
    [
      'Acht tabletten; leg er één in het zeefje met het rubberen schijfje.',
      'Eight tablets; put one in the basket with the rubber disc.',
    ],
    995,
    [110, 70, 20],
    35,
  ),
  line(
    ['Universele melksysteemreiniger', 'Universal milk system cleaner'],
    ['volautomaten en melkopschuimers', 'bean-to-cup machines and milk frothers'],
    [
      'Lost opgedroogde melkresten op in slangetjes en opschuimers.',
      'Dissolves dried-on milk in tubes and frothers.',
    ],
    1195,
    [200, 80, 70],
    560,
  ),
  line(
    ['Melksysteemreiniger voor Jura', 'Milk system cleaner for Jura'],
    ['Jura-volautomaten met melksysteem', 'Jura bean-to-cup machines with a milk system'],
    ['Een liter, goed voor ruim veertig reinigingen.', 'One litre, good for well over forty cleanings.'],
    1995,
    [250, 90, 80],
    1090,
  ),
  line(
    ['Universele reinigingstabletten voor de zetgroep', 'Universal brew group cleaning tablets'],
    ['volautomaten met een reinigingsprogramma', 'bean-to-cup machines with a cleaning programme'],
    ['Een pot van honderd tabletten van 2 gram.', 'A tub of one hundred 2 gram tablets.'],
    2495,
    [110, 80, 80],
    260,
  ),
  line(
    [
      'Universele reinigingsborsteltjes voor het stoompijpje',
      'Universal cleaning brushes for the steam wand',
    ],
    ALL_COFFEE,
    [
      'Drie dunne borsteltjes voor stoompijp, melkslang en uitloop.',
      'Three thin brushes for steam wand, milk tube and spout.',
    ],
    495,
    [180, 60, 15],
    25,
  ),
  line(
    [
      'Ontkalker voor Kenwood en andere koffiezetapparaten',
      'Descaler for Kenwood and other filter coffee makers',
    ],
    [
      'filterkoffiezetapparaten van Kenwood, Melitta en andere merken',
      'filter coffee makers from Kenwood, Melitta and other brands',
    ],
    [
      'Vier doseringen; loopt door als een gewone kan koffie.',
      'Four doses; runs through like an ordinary pot of coffee.',
    ],
    695,
    [150, 60, 60],
    290,
  ),
  line(
    ['Universele molenreiniger, korrels', 'Universal grinder cleaner, granules'],
    [
      'koffiemolens en volautomaten met ingebouwde molen',
      'coffee grinders and bean-to-cup machines with a built-in grinder',
    ],
    [
      'Korrels van graan die je als bonen maalt; ze nemen oude koffieolie mee.',
      'Grain granules you grind like beans; they take old coffee oil with them.',
    ],
    1495,
    [180, 120, 60],
    450,
  ),
  line(
    ['Universele ontkalker voor bedrijven, 5 liter', 'Universal descaler for businesses, 5 litres'],
    ALL_COFFEE,
    [
      'Jerrycan voor kantoren en horeca met meerdere machines.',
      'Jerrycan for offices and cafés with several machines.',
    ],
    4995,
    [300, 200, 150],
    5400,
  ),
  line(
    ['Geurparels voor stofzuigers, lavendel', 'Scent beads for vacuums, lavender'],
    ['stofzuigers met een stofzak', 'vacuums that use a bag'],
    [
      'Een lepel in de nieuwe zak en het ruikt fris als je zuigt.',
      'A spoonful in the new bag and it smells fresh while you vacuum.',
    ],
    495,
    [120, 80, 30],
    60,
  ),
  line(
    ['Geurparels voor stofzuigers, citrus', 'Scent beads for vacuums, citrus'],
    ['stofzuigers met een stofzak', 'vacuums that use a bag'],
    ['Frisse citroengeur, fijn bij huisdieren.', 'A fresh lemon scent, nice with pets.'],
    495,
    [120, 80, 30],
    60,
  ),
  line(
    ['Reinigingsset voor steelstofzuigers', 'Cleaning kit for stick vacuums'],
    ['alle steelstofzuigers en zakloze stofzuigers', 'all stick and bagless vacuums'],
    [
      'Een borsteltje, een haarsnijder en twee microvezeldoekjes voor cycloon en filters.',
      'A brush, a hair cutter and two microfibre cloths for cyclone and filters.',
    ],
    795,
    [200, 120, 30],
    90,
  ),
];

const WATER_LINES: Line[] = [
  line(
    ['Waterfilter voor Jura, Smart-type', 'Water filter for Jura, Smart type'],
    [
      'Jura-volautomaten met een Smart-filterherkenning',
      'Jura bean-to-cup machines with Smart filter recognition',
    ],
    [
      'De machine herkent het filter via de chip en stelt zichzelf in.',
      'The machine recognises the filter through its chip and sets itself up.',
    ],
    1995,
    [140, 70, 70],
    120,
    [pack(1, 1995), pack(3, 5495, [220, 150, 75], 380)],
  ),
  line(
    ['Waterfilter voor Jura, Blue-type', 'Water filter for Jura, Blue type'],
    ['oudere Jura-volautomaten met een blauw filter', 'older Jura bean-to-cup machines with a blue filter'],
    [
      'Goed voor zo’n vijftig liter water of twee maanden.',
      'Good for about fifty litres of water or two months.',
    ],
    1795,
    [140, 70, 70],
    110,
    [pack(1, 1795), pack(3, 4995, [220, 150, 75], 350)],
  ),
  line(
    ['Waterfilter voor Philips, AquaClean-type', 'Water filter for Philips, AquaClean type'],
    ['Philips- en Saeco-volautomaten met AquaClean', 'Philips and Saeco bean-to-cup machines with AquaClean'],
    [
      'Met een filter in het reservoir hoef je veel minder vaak te ontkalken.',
      'With a filter in the tank you need to descale far less often.',
    ],
    1495,
    [150, 60, 60],
    90,
    [pack(1, 1495), pack(2, 2795, [150, 120, 60], 180)],
  ),
  line(
    ['Waterfilter voor Philips, Intenza-type', 'Water filter for Philips, Intenza type'],
    ['oudere Philips- en Saeco-volautomaten', 'older Philips and Saeco bean-to-cup machines'],
    ['Met een draaiknop stel je de hardheid van je water in.', 'A dial lets you set your water hardness.'],
    1295,
    [140, 70, 70],
    100,
  ),
  line(
    ["Waterfilter voor De'Longhi", "Water filter for De'Longhi"],
    [
      "De'Longhi-volautomaten uit de Magnifica-, Dinamica- en PrimaDonna-series",
      "De'Longhi bean-to-cup machines of the Magnifica, Dinamica and PrimaDonna series",
    ],
    [
      'Zet je vast op de bodem van het reservoir en vergeet hem twee maanden.',
      'Fix it to the bottom of the tank and forget it for two months.',
    ],
    1295,
    [140, 60, 60],
    90,
    [pack(1, 1295), pack(3, 3495, [200, 140, 65], 280)],
  ),
  line(
    ['Waterfilter voor Bosch en Siemens', 'Water filter for Bosch and Siemens'],
    ['Bosch- en Siemens-volautomaten', 'Bosch and Siemens bean-to-cup machines'],
    [
      'Vult de machine met zachter water, wat je proeft in de crema.',
      'Feeds the machine softer water, which you taste in the crema.',
    ],
    1695,
    [140, 70, 70],
    100,
    [pack(1, 1695), pack(3, 4495, [220, 150, 75], 320)],
  ),
  line(
    ['Waterfilter voor Melitta', 'Water filter for Melitta'],
    ['Melitta Caffeo-volautomaten', 'Melitta Caffeo bean-to-cup machines'],
    [
      'Schroef je in het reservoir; een datumring helpt je onthouden.',
      'Screws into the tank; a date ring helps you remember.',
    ],
    1295,
    [140, 60, 60],
    90,
    [pack(1, 1295), pack(3, 3495, [200, 140, 65], 280)],
  ),
  line(
    ['Waterfilter voor Krups', 'Water filter for Krups'],
    ['Krups-volautomaten', 'Krups bean-to-cup machines'],
    ['Filter met actieve kool en ionenwisselaar.', 'Filter with active carbon and ion exchanger.'],
    1295,
    [140, 60, 60],
    90,
    [pack(1, 1295), pack(2, 2395, [150, 120, 60], 180)],
  ),
  line(
    ['Waterfilter voor Miele', 'Water filter for Miele'],
    ['Miele-koffiemachines uit de CM-serie', 'Miele coffee machines of the CM series'],
    ['Goed voor ongeveer twee maanden.', 'Lasts about two months.'],
    1995,
    [140, 70, 70],
    100,
  ),
  line(
    ['Waterfilter voor Sage', 'Water filter for Sage'],
    [
      'Sage-espressomachines met een filterhouder in het reservoir',
      'Sage espresso machines with a filter holder in the tank',
    ],
    [
      'Losse filterpatronen die in de houder in het reservoir klikken.',
      'Filter cartridges that click into the holder in the tank.',
    ],
    1295,
    [100, 60, 40],
    40,
    [pack(2, 1295), pack(6, 3295, [160, 100, 60], 120)],
  ),
  line(
    [
      'Universeel koolstof-waterfilter voor koffiezetapparaten',
      'Universal carbon water filter for coffee makers',
    ],
    [
      'koffiezetapparaten met een filterhouder in het reservoir',
      'filter coffee makers with a holder in the tank',
    ],
    ['Klein zakje actieve kool tegen chloorsmaak.', 'A small pouch of active carbon against chlorine taste.'],
    695,
    [100, 70, 25],
    40,
    [pack(2, 695), pack(6, 1695, [150, 100, 30], 110)],
  ),
  line(
    ['Waterfilter voor Kenwood koffiezetapparaten', 'Water filter for Kenwood coffee makers'],
    ['Kenwood-koffiezetapparaten met een filterhouder', 'Kenwood coffee makers with a filter holder'],
    ['Kleine patroon die je elke twee maanden vervangt.', 'A small cartridge you replace every two months.'],
    795,
    [90, 50, 50],
    35,
  ),
];

const PART_LINES: Line[] = [
  line(
    ['Zetgroep voor Philips en Saeco', 'Brew group for Philips and Saeco'],
    [
      'Philips-volautomaten uit de series 1200 tot en met 3200 en vergelijkbare Saeco-modellen',
      'Philips bean-to-cup machines of the 1200 to 3200 series and similar Saeco models',
    ],
    [
      'Nieuwe zetgroep, al ingevet en klaar om in te schuiven.',
      'New brew group, already greased and ready to slide in.',
    ],
    6995,
    [170, 110, 100],
    420,
  ),
  line(
    ['Afdichtingsset zetgroep voor Philips en Saeco', 'Brew group seal kit for Philips and Saeco'],
    [
      'Philips- en Saeco-volautomaten met uitneembare zetgroep',
      'Philips and Saeco bean-to-cup machines with a removable brew group',
    ],
    [
      'O-ringen en een zuigerpakking, plus een tubetje vet.',
      'O-rings and a piston seal, plus a small tube of grease.',
    ],
    895,
    [120, 80, 10],
    20,
  ),
  line(
    ['Lekbak voor Philips serie 2200', 'Drip tray for Philips 2200 series'],
    [
      'Philips-volautomaten uit de series 1200 en 2200',
      'Philips bean-to-cup machines of the 1200 and 2200 series',
    ],
    [
      'Complete lekbak met vlotter, zonder het rooster.',
      'Complete drip tray with float, without the grille.',
    ],
    1995,
    [280, 120, 60],
    210,
  ),
  line(
    ['Lekbakrooster voor Philips', 'Drip tray grille for Philips'],
    [
      'Philips-volautomaten uit de series 1200 tot en met 3200',
      'Philips bean-to-cup machines of the 1200 to 3200 series',
    ],
    ['Roestvrij stalen rooster dat op de lekbak ligt.', 'Stainless steel grille that sits on the drip tray.'],
    995,
    [200, 80, 5],
    60,
  ),
  line(
    ['Koffiedikbak voor Philips', 'Coffee grounds container for Philips'],
    [
      'Philips-volautomaten uit de series 2200 en 3200',
      'Philips bean-to-cup machines of the 2200 and 3200 series',
    ],
    [
      'Een nieuwe bak als de oude gebarsten is of kwijt.',
      'A new container for when the old one is cracked or lost.',
    ],
    1495,
    [150, 100, 90],
    120,
  ),
  line(
    ['Melkslangetje voor Philips', 'Milk tube for Philips'],
    [
      'Philips-volautomaten met een klassieke melkopschuimer',
      'Philips bean-to-cup machines with a classic milk frother',
    ],
    ['Siliconen slangetje van 50 cm, op maat te knippen.', 'A 50 cm silicone tube you cut to length.'],
    695,
    [120, 80, 15],
    20,
  ),
  line(
    ["Zetgroep voor De'Longhi", "Brew group for De'Longhi"],
    [
      "De'Longhi Magnifica-, ECAM- en ESAM-volautomaten",
      "De'Longhi Magnifica, ECAM and ESAM bean-to-cup machines",
    ],
    ['Vervangt een zetgroep die lekt of vastloopt.', 'Replaces a brew group that leaks or jams.'],
    7995,
    [170, 110, 100],
    450,
  ),
  line(
    ["O-ringset voor De'Longhi-zetgroep", "O-ring set for De'Longhi brew group"],
    [
      "De'Longhi Magnifica-, ECAM- en ESAM-volautomaten",
      "De'Longhi Magnifica, ECAM and ESAM bean-to-cup machines",
    ],
    [
      'Zes O-ringen in de juiste maten, met een zakje vet.',
      'Six O-rings in the right sizes, with a sachet of grease.',
    ],
    695,
    [110, 70, 8],
    15,
  ),
  line(
    ["Lekbak voor De'Longhi Magnifica S", "Drip tray for De'Longhi Magnifica S"],
    ["De'Longhi Magnifica S en ECAM22-modellen", "De'Longhi Magnifica S and ECAM22 models"],
    [
      'Lekbak met koffiedikbak en rooster, compleet.',
      'Drip tray with grounds container and grille, complete.',
    ],
    2495,
    [300, 140, 90],
    380,
  ),
  line(
    ["Lekbakrooster voor De'Longhi", "Drip tray grille for De'Longhi"],
    ["De'Longhi Magnifica S en ECAM22-modellen", "De'Longhi Magnifica S and ECAM22 models"],
    ['Los rvs-rooster.', 'Separate stainless steel grille.'],
    995,
    [220, 90, 5],
    60,
  ),
  line(
    ["Melkopschuimer voor De'Longhi", "Milk frother for De'Longhi"],
    [
      "De'Longhi-volautomaten en -pistonmachines met een stoompijpje",
      "De'Longhi bean-to-cup and espresso machines with a steam wand",
    ],
    [
      'Opschuimmondstuk dat je op het stoompijpje schuift.',
      'Frothing nozzle that slides onto the steam wand.',
    ],
    1495,
    [110, 50, 50],
    40,
  ),
  line(
    ["Filterhouderpakking voor De'Longhi Dedica", "Portafilter gasket for De'Longhi Dedica"],
    [
      "De'Longhi Dedica (EC680, EC685) en vergelijkbare pistonmachines",
      "De'Longhi Dedica (EC680, EC685) and similar espresso machines",
    ],
    [
      'Lekt er koffie langs de filterhouder, dan is deze rubberen ring versleten.',
      'If coffee leaks past the portafilter, this rubber ring is worn.',
    ],
    595,
    [70, 70, 8],
    10,
  ),
  line(
    ["Zeefjes voor De'Longhi Dedica, 1 en 2 kops", "Filter baskets for De'Longhi Dedica, single and double"],
    ["De'Longhi Dedica (EC680, EC685)", "De'Longhi Dedica (EC680, EC685)"],
    ['Twee zeefjes van roestvrij staal, drukloos.', 'Two non-pressurised stainless steel baskets.'],
    995,
    [120, 80, 30],
    70,
  ),
  line(
    ['Zetgroep voor Siemens en Bosch', 'Brew group for Siemens and Bosch'],
    ['Siemens EQ.6 en EQ.500 en Bosch VeroCafe', 'Siemens EQ.6 and EQ.500 and Bosch VeroCafe'],
    ['Complete zetgroep, getest voor verzending.', 'Complete brew group, tested before shipping.'],
    8995,
    [180, 120, 110],
    520,
  ),
  line(
    ['Afdichtingsset voor Siemens en Bosch', 'Seal kit for Siemens and Bosch'],
    ['Siemens EQ- en Bosch Vero-volautomaten', 'Siemens EQ and Bosch Vero bean-to-cup machines'],
    ['Alle O-ringen van de zetgroep en de aansluiting.', 'All O-rings for the brew group and its connector.'],
    995,
    [120, 80, 10],
    20,
  ),
  line(
    ['Lekbak voor Siemens en Bosch', 'Drip tray for Siemens and Bosch'],
    ['Siemens EQ.3, EQ.300 en Bosch VeroCup', 'Siemens EQ.3, EQ.300 and Bosch VeroCup'],
    ['Lekbak met vlotter en afdekplaat.', 'Drip tray with float and cover plate.'],
    2495,
    [290, 130, 70],
    300,
  ),
  line(
    ['Koffiedikbak voor Siemens en Bosch', 'Coffee grounds container for Siemens and Bosch'],
    ['Siemens EQ- en Bosch Vero-volautomaten', 'Siemens EQ and Bosch Vero bean-to-cup machines'],
    ['Bak voor ongeveer tien porties koffiedik.', 'Holds about ten portions of coffee grounds.'],
    1795,
    [160, 110, 100],
    150,
  ),
  line(
    ['Melkslang voor Siemens en Bosch', 'Milk tube for Siemens and Bosch'],
    [
      'Siemens EQ- en Bosch Vero-volautomaten met melkfunctie',
      'Siemens EQ and Bosch Vero bean-to-cup machines with milk function',
    ],
    ['Slangetje met aanzuigbuisje voor het melkpak.', 'Tube with a dip pipe for the milk carton.'],
    795,
    [150, 80, 15],
    25,
  ),
  line(
    ['Afdichtingsset zetgroep voor Jura', 'Brew group seal kit for Jura'],
    ['Jura-volautomaten uit de E-, ENA- en S-serie', 'Jura bean-to-cup machines of the E, ENA and S series'],
    ['Pakkingen voor zuiger en afvoer, met montagetips.', 'Seals for piston and outlet, with fitting tips.'],
    1295,
    [120, 80, 10],
    20,
  ),
  line(
    ['Onderhoudsset voor Jura', 'Maintenance kit for Jura'],
    ['alle Jura-volautomaten', 'all Jura bean-to-cup machines'],
    [
      'O-ringen, siliconenvet, reinigings- en ontkalkingstabletten in één doos.',
      'O-rings, silicone grease, cleaning and descaling tablets in one box.',
    ],
    2495,
    [180, 120, 60],
    180,
  ),
  line(
    ['Lekbakrooster voor Jura', 'Drip tray grille for Jura'],
    ['Jura E6, E8 en ENA 8', 'Jura E6, E8 and ENA 8'],
    ['Kunststof rooster in zilvergrijs.', 'Plastic grille in silver grey.'],
    1295,
    [200, 90, 8],
    50,
  ),
  line(
    ['Melkslang voor Jura', 'Milk tube for Jura'],
    ['Jura-volautomaten met een melkuitloop', 'Jura bean-to-cup machines with a milk spout'],
    ['Slang met aanzuigstuk, voor melkpak of melkkan.', 'Tube with intake piece, for carton or jug.'],
    895,
    [150, 80, 15],
    25,
  ),
  line(
    ['Afdichtingsset zetgroep voor Melitta', 'Brew group seal kit for Melitta'],
    ['Melitta Caffeo Solo, Passione en Barista', 'Melitta Caffeo Solo, Passione and Barista'],
    [
      'De twee O-ringen die bij een lekkende zetgroep meestal de oorzaak zijn.',
      'The two O-rings that usually cause a leaking brew group.',
    ],
    995,
    [110, 70, 8],
    15,
  ),
  line(
    ['Lekbak voor Melitta Caffeo', 'Drip tray for Melitta Caffeo'],
    ['Melitta Caffeo Solo en Passione', 'Melitta Caffeo Solo and Passione'],
    ['Lekbak met rooster; de kleur is zilver.', 'Drip tray with grille; the colour is silver.'],
    1995,
    [250, 120, 60],
    200,
  ),
  line(
    ['Zetgroep voor Melitta', 'Brew group for Melitta'],
    ['Melitta Caffeo Solo, Passione en Barista', 'Melitta Caffeo Solo, Passione and Barista'],
    ['Nieuwe zetgroep met verse pakkingen.', 'New brew group with fresh seals.'],
    5995,
    [170, 110, 100],
    400,
  ),
  line(
    ['Afdichtingsset voor Krups', 'Seal kit for Krups'],
    ['Krups-volautomaten uit de EA8-serie', 'Krups bean-to-cup machines of the EA8 series'],
    ['O-ringen voor zetgroep en waterreservoir.', 'O-rings for brew group and water tank.'],
    895,
    [110, 70, 8],
    15,
  ),
  line(
    ['Lekbak voor Krups', 'Drip tray for Krups'],
    ['Krups-volautomaten uit de EA8-serie', 'Krups bean-to-cup machines of the EA8 series'],
    ['Zwarte lekbak met rvs-rooster.', 'Black drip tray with stainless grille.'],
    1995,
    [260, 120, 60],
    220,
  ),
  line(
    ['Waterreservoir voor Krups', 'Water tank for Krups'],
    ['Krups-volautomaten uit de EA8-serie', 'Krups bean-to-cup machines of the EA8 series'],
    ['Reservoir van 1,7 liter met deksel.', 'A 1.7 litre tank with lid.'],
    2495,
    [260, 140, 120],
    380,
  ),
  line(
    ['Afdichtingsset voor Miele', 'Seal kit for Miele'],
    ['Miele-koffiemachines uit de CM-serie', 'Miele coffee machines of the CM series'],
    ['Pakkingen voor zetgroep en uitloop.', 'Seals for brew unit and spout.'],
    1295,
    [120, 80, 10],
    20,
  ),
  line(
    ['Lekbakafdekking voor Miele', 'Drip tray cover for Miele'],
    ['Miele CM5-, CM6- en CM7-modellen', 'Miele CM5, CM6 and CM7 models'],
    ['Roestvrij stalen afdekplaat voor de lekbak.', 'Stainless steel cover plate for the drip tray.'],
    1995,
    [230, 100, 10],
    110,
  ),
  line(
    ['Padhouder 1 kop voor Senseo', 'Pad holder for one cup for Senseo'],
    ['Senseo Original, Viva Café en Switch', 'Senseo Original, Viva Café and Switch'],
    ['De ondiepe houder voor één pad.', 'The shallow holder for a single pad.'],
    695,
    [90, 90, 30],
    30,
  ),
  line(
    ['Padhouder 2 kops voor Senseo', 'Pad holder for two cups for Senseo'],
    ['Senseo Original, Viva Café en Switch', 'Senseo Original, Viva Café and Switch'],
    ['De diepe houder voor twee pads tegelijk.', 'The deep holder for two pads at once.'],
    695,
    [90, 90, 40],
    35,
  ),
  line(
    ['Afdichtingsring voor Senseo', 'Sealing ring for Senseo'],
    ['alle Senseo-padmachines', 'all Senseo pad machines'],
    [
      'Twee rubberen ringen voor onder het deksel; lekt je Senseo bij het zetten, begin dan hier.',
      'Two rubber rings for under the lid; if your Senseo leaks while brewing, start here.',
    ],
    495,
    [90, 90, 8],
    10,
  ),
  line(
    ['Waterreservoir voor Senseo Original', 'Water tank for Senseo Original'],
    ['Senseo Original', 'Senseo Original'],
    ['Reservoir met deksel, in zwart.', 'Tank with lid, in black.'],
    1795,
    [260, 150, 120],
    300,
  ),
  line(
    ['Lekbak met rooster voor Senseo', 'Drip tray with grille for Senseo'],
    ['Senseo Original en Viva Café', 'Senseo Original and Viva Café'],
    ['Schuift er zo in; de kleur is zwart.', 'Slides straight in; the colour is black.'],
    995,
    [180, 100, 40],
    80,
  ),
  line(
    ['Sproeischijf voor Senseo', 'Shower disc for Senseo'],
    ['alle Senseo-padmachines', 'all Senseo pad machines'],
    [
      'Het plaatje met gaatjes dat het water over de pad verdeelt.',
      'The perforated disc that spreads water over the pad.',
    ],
    495,
    [80, 80, 10],
    10,
  ),
  line(
    ['Capsulehouderpakking voor Nespresso', 'Capsule holder seal for Nespresso'],
    ['Nespresso-machines van Krups en De’Longhi', 'Nespresso machines made by Krups and De’Longhi'],
    [
      'Drie pakkingen; een lekkende machine is vaak hiermee verholpen.',
      'Three seals; a leaking machine is often fixed with these.',
    ],
    595,
    [90, 70, 8],
    10,
  ),
  line(
    ['Lekbak voor Nespresso Essenza Mini', 'Drip tray for Nespresso Essenza Mini'],
    ['Nespresso Essenza Mini', 'Nespresso Essenza Mini'],
    ['Lekbak met kopjessteun.', 'Drip tray with cup support.'],
    1495,
    [130, 70, 40],
    60,
  ),
  line(
    ['Waterreservoir voor Nespresso', 'Water tank for Nespresso'],
    ['Nespresso Inissia en Essenza Mini', 'Nespresso Inissia and Essenza Mini'],
    ['Doorzichtig reservoir met deksel.', 'Clear tank with lid.'],
    1995,
    [200, 110, 100],
    200,
  ),
  line(
    ['Groepspakking voor Sage, 54 mm', 'Group gasket for Sage, 54 mm'],
    ['Sage Barista Express, Barista Pro en Bambino', 'Sage Barista Express, Barista Pro and Bambino'],
    [
      'Siliconen pakking die langer soepel blijft dan rubber.',
      'Silicone gasket that stays supple longer than rubber.',
    ],
    795,
    [70, 70, 8],
    10,
  ),
  line(
    ['Zeefje voor Sage, 54 mm', 'Filter basket for Sage, 54 mm'],
    ['Sage-machines met een filterhouder van 54 mm', 'Sage machines with a 54 mm portafilter'],
    [
      'Drukloos dubbelzeefje voor wie zelf maalt.',
      'Non-pressurised double basket for those who grind their own.',
    ],
    1295,
    [80, 80, 30],
    60,
  ),
  line(
    ['Lekbak voor Sage Barista Express', 'Drip tray for Sage Barista Express'],
    ['Sage Barista Express', 'Sage Barista Express'],
    ['Lekbak met rooster en de "Empty Me"-vlotter.', 'Drip tray with grille and the "Empty Me" float.'],
    2995,
    [300, 140, 60],
    420,
  ),
  line(
    ['Glazen kan voor Kenwood', 'Glass jug for Kenwood'],
    ['Kenwood-koffiezetapparaten voor tien kopjes', 'Kenwood coffee makers for ten cups'],
    ['Kan met deksel, 1,25 liter.', 'Jug with lid, 1.25 litres.'],
    1995,
    [200, 150, 150],
    450,
  ),
  line(
    ['Universeel permanent koffiefilter, maat 4', 'Universal permanent coffee filter, size 4'],
    [
      'koffiezetapparaten die papieren filters van maat 4 gebruiken',
      'coffee makers that use size 4 paper filters',
    ],
    [
      'Fijn roestvrij gaas; nooit meer filterzakjes kopen.',
      'Fine stainless mesh; no more paper filters to buy.',
    ],
    895,
    [140, 110, 90],
    70,
  ),
  line(
    ['Universeel zetgroepvet, voedselveilig', 'Universal brew group grease, food-safe'],
    [
      'alle volautomaten met een uitneembare zetgroep',
      'all bean-to-cup machines with a removable brew group',
    ],
    [
      'Siliconenvet in een tube van 5 gram, genoeg voor jaren.',
      'Silicone grease in a 5 gram tube, enough for years.',
    ],
    595,
    [100, 30, 20],
    15,
  ),
  line(
    ['Universele O-ringset voor koffiemachines', 'Universal O-ring set for coffee machines'],
    ALL_COFFEE,
    [
      'Veertig ringen in twaalf maten, in een sorteerdoosje.',
      'Forty rings in twelve sizes, in a sorting box.',
    ],
    995,
    [130, 90, 25],
    60,
  ),
];

const BEAN_LINES: Line[] = [
  line(
    ['Espresso Huismelange, bonen', 'Espresso house blend, beans'],
    ['', ''],
    [
      'Vol en chocoladeachtig, met een dikke crema. Onze eigen melange van Brazilië en India.',
      'Full and chocolatey, with a thick crema. Our own blend of Brazil and India.',
    ],
    1195,
    [200, 110, 70],
    520,
    [
      { nl: '500 gram', en: '500 grams', price: 1195 },
      { nl: '1 kilo', en: '1 kilo', price: 2195, dims: [250, 130, 80], grams: 1030 },
    ],
  ),
  line(
    ['Crema Zacht, bonen', 'Crema Mild, beans'],
    ['', ''],
    [
      'Een milde melange voor lange koffie en cappuccino, met weinig bitter.',
      'A mild blend for long coffees and cappuccino, with little bitterness.',
    ],
    1095,
    [200, 110, 70],
    520,
    [
      { nl: '500 gram', en: '500 grams', price: 1095 },
      { nl: '1 kilo', en: '1 kilo', price: 1995, dims: [250, 130, 80], grams: 1030 },
    ],
  ),
  line(
    ['Brazilië Cerrado, bonen', 'Brazil Cerrado, beans'],
    ['', ''],
    [
      'Nootachtig en zoet; een veilige keus voor elke volautomaat.',
      'Nutty and sweet; a safe choice for any bean-to-cup machine.',
    ],
    2295,
    [250, 130, 80],
    1030,
    [{ nl: '1 kilo', en: '1 kilo', price: 2295 }],
  ),
  line(
    ['Colombia Huila, bonen', 'Colombia Huila, beans'],
    ['', ''],
    ['Rood fruit en karamel, gebrand op middelbruin.', 'Red fruit and caramel, roasted medium.'],
    1295,
    [200, 110, 70],
    520,
    [{ nl: '500 gram', en: '500 grams', price: 1295 }],
  ),
  line(
    ['Ethiopië Sidamo, bonen', 'Ethiopia Sidamo, beans'],
    ['', ''],
    [
      'Licht gebrand, bloemig en fris; lekker als zwarte koffie.',
      'Lightly roasted, floral and bright; lovely black.',
    ],
    895,
    [180, 100, 60],
    265,
    [{ nl: '250 gram', en: '250 grams', price: 895 }],
  ),
  line(
    ['Cafeïnevrij, bonen', 'Decaf, beans'],
    ['', ''],
    [
      'Zonder chemicaliën cafeïnevrij gemaakt met het Zwitserse waterproces. Smaakt gewoon naar koffie.',
      'Decaffeinated without chemicals by the Swiss Water process. Simply tastes of coffee.',
    ],
    1295,
    [200, 110, 70],
    520,
    [{ nl: '500 gram', en: '500 grams', price: 1295 }],
  ),
  line(
    ['Sumatra Mandheling, bonen', 'Sumatra Mandheling, beans'],
    ['', ''],
    [
      'Aards en kruidig, met weinig zuur. Houdt stand in melk.',
      'Earthy and spicy, with low acidity. Holds its own in milk.',
    ],
    1395,
    [200, 110, 70],
    520,
    [{ nl: '500 gram', en: '500 grams', price: 1395 }],
  ),
  line(
    ['Guatemala Huehuetenango, bonen', 'Guatemala Huehuetenango, beans'],
    ['', ''],
    [
      'Appel en melkchocolade; gebrand voor espresso én filter.',
      'Apple and milk chocolate; roasted for espresso and filter alike.',
    ],
    1295,
    [200, 110, 70],
    520,
    [{ nl: '500 gram', en: '500 grams', price: 1295 }],
  ),
  line(
    ['Proefpakket bonen', 'Coffee beans tasting pack'],
    ['', ''],
    [
      'Vier zakken van 250 gram om te ontdekken wat je lekker vindt.',
      'Four 250 gram bags to find out what you like.',
    ],
    2495,
    [250, 200, 90],
    1060,
    [{ nl: '4 × 250 gram', en: '4 × 250 grams', price: 2495 }],
  ),
  line(
    ['Kantoormelange, bonen', 'Office blend, beans'],
    ['', ''],
    [
      'Een ronde melange die de hele dag goed blijft in de volautomaat op kantoor.',
      'A rounded blend that stays good all day in the office machine.',
    ],
    5995,
    [300, 200, 120],
    3060,
    [{ nl: '3 kilo', en: '3 kilos', price: 5995 }],
  ),
];
