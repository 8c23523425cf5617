import type { DemoProduct } from '../catalog/demo-products.ts';
import { intBetween, pick, seededRandom, seedFromString } from '../db/seed-random.ts';
import { normaliseModel } from './normalise-model.ts';

/** One row of the appliance CSV import: one appliance, or one serial-number variant of it. */
export type ApplianceRow = {
  brand: string;
  model: string;
  name: string;
  category: 'vacuum' | 'coffee';
  /** Other numbers printed on the type plate (12NC, PNC, material number); joined with '|' in the CSV. */
  aliases: string[];
  /** Empty, or a label like 'FD 9103–9208' when models with the same number take different parts. */
  variant: string;
  /** Digits only; empty when the row has no variant. serialTo is empty for an open-ended range. */
  serialFrom: string;
  serialTo: string;
  /** SKUs of the products that fit this appliance. */
  fits: string[];
  notes: string;
};

/** How a customer finds the model number of a brand: the words that name it and where the plate is. */
export type BrandGuide = {
  brand: string;
  /** Lowercase words that mean this brand in a search query. */
  words: string[];
  modelField: { nl: string; en: string };
  plateLocation: { vacuum: { nl: string; en: string }; coffee: { nl: string; en: string } };
};

type Random = () => number;
type Category = ApplianceRow['category'];
type Made = { model: string; name: string; aliases?: string[] };

/** Products that fit a family: every token in `all` appears in the Dutch product name, none of `not`. */
type Need = { slug: string; all: string[]; not?: string[]; max?: number; optional?: boolean };

type Family = {
  category: Category;
  share: number;
  make: (random: Random) => Made;
  needs: Need[];
  notes?: string[];
};

type SerialStyle = { kind: 'fd' } | { kind: 'digits'; label: string; width: number };

type BrandSpec = {
  guide: BrandGuide;
  /** Relative number of rows this brand gets. */
  weight: number;
  serial: SerialStyle;
  families: Family[];
};

const BAG = 'stofzuigerzakken';
const FILTER = 'filters';
const BRUSH = 'borstels-mondstukken';
const BATTERY = 'accus-laders';
const CLEAN = 'ontkalken-reinigen';
const WATER = 'waterfilters';
const PART = 'koffiemachine-onderdelen';
const BEANS = 'koffiebonen';

/** Every pack of one bag type: a bag type fits the whole model family. */
const bag = (code: string): Need => ({ slug: BAG, all: [`type ${code.toLowerCase()} `], max: 4 });
const need = (slug: string, all: string[], extra: Partial<Need> = {}): Need => ({ slug, all, ...extra });
const maybe = (slug: string, all: string[], extra: Partial<Need> = {}): Need => ({
  slug,
  all,
  optional: true,
  ...extra,
});
const beans: Need = { slug: BEANS, all: [], optional: true };

const LETTERS = 'ABCDEFGHJKLMNPRSTVWXZ';
const letter = (random: Random) => LETTERS[Math.floor(random() * LETTERS.length)] as string;
const digits = (random: Random, count: number) => {
  let text = '';
  for (let i = 0; i < count; i++) text += String(Math.floor(random() * 10));
  return text;
};
const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const byRange = (names: string[], value: number, min: number, max: number) =>
  names[Math.min(names.length - 1, Math.floor(((value - min) / (max - min + 1)) * names.length))] as string;

const philips12nc = (prefix: string, number: string, suffix: string) => `${prefix}${number}${suffix}010`;
const pnc = (random: Random) => `900 ${digits(random, 3)} ${digits(random, 3)}`;
const PHILIPS_SUFFIXES = [1, 2, 3, 9, 10, 19, 21, 60, 61, 70, 80, 90, 91];

function philipsModel(
  random: Random,
  category: Category,
  prefix: string,
  min: number,
  max: number,
  names: string[],
): Made {
  const number = intBetween(random, min, max);
  const suffix = pad(pick(random, PHILIPS_SUFFIXES));
  return {
    model: `${prefix}${number}/${suffix}`,
    name: byRange(names, number, min, max),
    aliases: [
      philips12nc(
        category === 'vacuum' ? '882' : '886',
        `${prefix}${number}`.replace(/\D/g, '').slice(-4),
        suffix,
      ),
    ],
  };
}

const GENERIC_PLATE = {
  nl: 'Meestal op de onderkant van het apparaat; kijk ook in de handleiding.',
  en: 'Usually on the underside of the appliance; the manual shows it too.',
};

function guide(
  brand: string,
  words: string[],
  modelField: [string, string],
  vacuum: [string, string] | null,
  coffee: [string, string] | null,
): BrandGuide {
  return {
    brand,
    words,
    modelField: { nl: modelField[0], en: modelField[1] },
    plateLocation: {
      vacuum: vacuum ? { nl: vacuum[0], en: vacuum[1] } : GENERIC_PLATE,
      coffee: coffee ? { nl: coffee[0], en: coffee[1] } : GENERIC_PLATE,
    },
  };
}

const COFFEE_BEHIND_TRAY: [string, string] = [
  'Achter de lekbak: trek de lekbak eruit en kijk op de bodem van de opening.',
  'Behind the drip tray: pull the tray out and look at the bottom of the opening.',
];
const VACUUM_BAG_COMPARTMENT: [string, string] = [
  'In de stofzakruimte: open de klep, het plaatje zit onder de stofzak.',
  'In the bag compartment: open the lid, the plate is under the bag.',
];
const VACUUM_UNDERNEATH: [string, string] = [
  'Onder de stofzuiger, tussen de wielen.',
  'Underneath the vacuum, between the wheels.',
];
const STICK_UNDER_CONTAINER: [string, string] = [
  'Onder het stofreservoir of achter op de handgreep bij steelstofzuigers.',
  'Under the dust container, or on the back of the handle on stick vacuums.',
];

const BOSCH_SIEMENS_FIELD = (example: string): [string, string] => [
  `E-Nr, bijvoorbeeld ${example}; het FD-nummer ernaast zegt uit welke productieserie je apparaat komt.`,
  `E-Nr, for example ${example}; the FD number next to it tells you which production run your appliance is from.`,
];
const BOSCH_SIEMENS_VACUUM: [string, string] = [
  'In de stofzakruimte onder de stofzak, of bij zakloze modellen achter het stofreservoir.',
  'In the bag compartment under the bag, or behind the dust container on bagless models.',
];
const BOSCH_SIEMENS_COFFEE: [string, string] = [
  'Achter het deurtje van de zetgroep aan de rechterkant.',
  'Behind the brew group door on the right-hand side.',
];
const PNC_FIELD: [string, string] = [
  'Prod.No. (PNC): het productnummer van negen cijfers, zoals 900 258 123; de typenaam staat erboven.',
  'Prod.No. (PNC): the nine-digit product number, such as 900 258 123; the model name is printed above it.',
];
const HOOVER_CANDY_FIELD: [string, string] = [
  'De productcode van acht cijfers (bijvoorbeeld 39400856) naast de modelnaam.',
  'The eight-digit product code (for example 39400856) next to the model name.',
];

const DIGITS = (label: string, width = 7): SerialStyle => ({ kind: 'digits', label, width });

const philipsCoffeeNeeds = (water: string): Need[] => [
  need(CLEAN, ['ontkalker voor philips']),
  need(WATER, [water]),
  need(PART, ['voor philips'], { max: 2 }),
  maybe(CLEAN, ['melksysteemreiniger voor philips']),
  maybe(PART, ['universe']),
  beans,
];

const BRANDS: BrandSpec[] = [
  {
    guide: guide(
      'Philips',
      ['philips'],
      [
        'Type, bijvoorbeeld FC8520/09; het 12NC-nummer van twaalf cijfers staat eronder.',
        'Type, for example FC8520/09; the 12-digit 12NC number is printed below it.',
      ],
      [
        'Onder de stofzuiger tussen de wielen, of in de stofzakruimte onder de zak.',
        'Underneath between the wheels, or in the bag compartment under the bag.',
      ],
      COFFEE_BEHIND_TRAY,
    ),
    weight: 2300,
    serial: DIGITS('Productiecode', 4),
    families: [
      {
        category: 'vacuum',
        share: 5,
        make: (r) =>
          philipsModel(r, 'vacuum', 'FC8', 520, 799, [
            'Performer Active',
            'Performer Expert',
            'Jewel',
            'Performer Silent',
            'Expression',
            'Performer Compact',
          ]),
        needs: [
          bag('S'),
          need(FILTER, ['philips performer']),
          maybe(FILTER, ['motorbeschermfilter voor philips']),
          maybe(BRUSH, ['voor philips']),
          maybe(BRUSH, ['universele', '35 mm']),
        ],
        notes: ['Het HEPA-filter zit achter het rooster aan de achterkant.'],
      },
      {
        category: 'vacuum',
        share: 2,
        make: (r) => philipsModel(r, 'vacuum', 'FC8', 240, 299, ['PowerGo', 'PowerLife', 'EasyLife']),
        needs: [bag('S'), need(FILTER, ['powergo']), maybe(FILTER, ['motorbeschermfilter voor philips'])],
      },
      {
        category: 'vacuum',
        share: 2,
        make: (r) =>
          philipsModel(r, 'vacuum', 'FC9', 320, 799, [
            'PowerPro Compact',
            'PowerPro Active',
            'PowerPro City',
            'PowerPro Expert',
          ]),
        needs: [need(FILTER, ['powerpro']), maybe(BRUSH, ['vloerzuigmond voor philips'])],
      },
      {
        category: 'vacuum',
        share: 2,
        make: (r) =>
          philipsModel(r, 'vacuum', 'FC67', 10, 99, [
            'SpeedPro',
            'SpeedPro Aqua',
            'SpeedPro Max',
            'SpeedPro Max Aqua',
          ]),
        needs: [
          need(BATTERY, ['accu voor philips speedpro']),
          need(FILTER, ['filter voor philips speedpro']),
          maybe(BRUSH, ['speedpro']),
          maybe(BATTERY, ['oplader voor philips']),
        ],
      },
      {
        category: 'coffee',
        share: 4,
        make: (r) => {
          const made = philipsModel(r, 'coffee', 'EP', 1200, 5499, []);
          const series = Math.floor(Number(made.model.slice(2, 6)) / 100) * 100;
          return { ...made, name: `Series ${series}${r() < 0.3 ? ' LatteGo' : ''}` };
        },
        needs: philipsCoffeeNeeds('aquaclean'),
      },
      {
        category: 'coffee',
        share: 2,
        make: (r) =>
          philipsModel(r, 'coffee', 'HD8', 640, 999, [
            'Saeco Poemia',
            'Saeco Xsmall',
            'Saeco Intelia',
            'Saeco Syntia',
            '3000 series',
          ]),
        needs: philipsCoffeeNeeds('intenza'),
      },
    ],
  },
  {
    guide: guide(
      'Senseo',
      ['senseo', 'philips senseo'],
      [
        'Type, bijvoorbeeld HD7865/60, op het plaatje onder de machine.',
        'Type, for example HD7865/60, on the plate under the machine.',
      ],
      null,
      [
        'Onder de machine; leeg eerst het waterreservoir en kantel hem dan voorzichtig.',
        'Under the machine; empty the water tank first, then tilt it carefully.',
      ],
    ),
    weight: 500,
    serial: DIGITS('Productiecode', 4),
    families: [
      {
        category: 'coffee',
        share: 2,
        make: (r) =>
          philipsModel(r, 'coffee', 'HD78', 6, 99, [
            'Original',
            'Viva Café',
            'Quadrante',
            'Twist',
            'Latte Duo',
          ]),
        needs: [need(CLEAN, ['ontkalker voor senseo']), need(PART, ['voor senseo'], { max: 3 })],
        notes: ['Lekt het apparaat bij het zetten, vervang dan eerst de afdichtingsring.'],
      },
      {
        category: 'coffee',
        share: 1,
        make: (r) =>
          philipsModel(r, 'coffee', 'HD65', 50, 99, ['Original Plus', 'Switch', 'Select', 'Maestro']),
        needs: [
          need(CLEAN, ['ontkalker voor senseo']),
          need(PART, ['voor senseo'], { max: 2, not: ['original'] }),
        ],
      },
    ],
  },
  {
    guide: guide(
      'Miele',
      ['miele'],
      [
        'Typ, bijvoorbeeld SGDA3, met daaronder het materiaalnummer (Mat.-Nr.) van acht cijfers.',
        'Type, for example SGDA3, with the eight-digit material number (Mat.-Nr.) below it.',
      ],
      VACUUM_BAG_COMPARTMENT,
      [
        'Achter het servicedeurtje aan de rechterkant; bij inbouwmodellen aan de binnenkant van de deur.',
        'Behind the service door on the right; on built-in models on the inside of the door.',
      ],
    ),
    weight: 1700,
    serial: DIGITS('Fabr.nr.', 8),
    families: [
      {
        category: 'vacuum',
        share: 2,
        make: (r) => {
          const number = r() < 0.5 ? intBetween(r, 2110, 2999) : intBetween(r, 5210, 5999);
          const series = number < 3000 ? 'S2' : 'S5';
          return {
            model: `S${number}`,
            name: `${series} ${pick(r, ['EcoLine', 'Allergy', 'Cat & Dog', 'Parquet', 'Classic'])}`,
            aliases: [mieleMaterial(r)],
          };
        },
        needs: [
          bag('FJM'),
          maybe(FILTER, ['50 voor miele']),
          need(FILTER, ['motorbeschermfilter voor miele']),
        ],
      },
      {
        category: 'vacuum',
        share: 2,
        make: (r) => ({
          model: `S8${intBetween(r, 300, 999)}`,
          name: `S8 ${pick(r, ['EcoLine', 'Cat & Dog', 'Parquet', 'Powerline', 'Silence'])}`,
          aliases: [mieleMaterial(r)],
        }),
        needs: [bag('GN'), need(FILTER, ['50 voor miele']), maybe(BRUSH, ['voor miele'])],
      },
      {
        category: 'vacuum',
        share: 4,
        make: (r) => ({
          model: `S${pick(r, ['G', 'D', 'F', 'B'])}${letter(r)}${letter(r)}${intBetween(r, 0, 5)}`,
          name: `Complete ${pick(r, ['C3 Cat & Dog', 'C3 Parquet', 'C2 Hardfloor', 'C3 Excellence', 'C2 Powerline', 'C3 Silence'])}`,
          aliases: [mieleMaterial(r)],
        }),
        needs: [
          bag('GN'),
          need(FILTER, ['50 voor miele']),
          maybe(FILTER, ['motorbeschermfilter voor miele']),
          maybe(BRUSH, ['voor miele']),
        ],
        notes: ['Met de Parquet-uitvoering hoort de parketborstel er al bij.'],
      },
      {
        category: 'vacuum',
        share: 1,
        make: (r) => ({
          model: `SC${letter(r)}${letter(r)}${intBetween(r, 0, 5)}`,
          name: `Compact ${pick(r, ['C1 Young Style', 'C1 Pure Suction', 'C2 Allergy', 'C2 Electro'])}`,
          aliases: [mieleMaterial(r)],
        }),
        needs: [bag('KK'), need(FILTER, ['motorbeschermfilter voor miele'])],
      },
      {
        category: 'vacuum',
        share: 1,
        make: (r) => ({
          model: `S7${intBetween(r, 100, 999)}`,
          name: 'S7 Upright',
          aliases: [mieleMaterial(r)],
        }),
        needs: [bag('U'), need(FILTER, ['motorbeschermfilter voor miele'])],
      },
      {
        category: 'vacuum',
        share: 1,
        make: (r) => ({
          model: `SM${letter(r)}${letter(r)}${intBetween(r, 0, 5)}`,
          name: `Triflex ${pick(r, ['HX1', 'HX1 Pro', 'HX1 Cat & Dog', 'HX2', 'HX2 Pro'])}`,
          aliases: [mieleMaterial(r)],
        }),
        needs: [need(BATTERY, ['accu voor miele triflex']), need(FILTER, ['triflex'])],
      },
      {
        category: 'coffee',
        share: 2,
        make: (r) => {
          const series = intBetween(r, 5, 7);
          return {
            model: `CM${series}${intBetween(r, 100, 999)}`,
            name: `CM${series} ${pick(r, ['Silence', 'Obsidian', 'Lotus', 'MilkPerfection', 'Black Edition'])}`,
            aliases: [mieleMaterial(r)],
          };
        },
        needs: [
          need(CLEAN, ['voor miele'], { max: 2 }),
          need(WATER, ['voor miele']),
          maybe(PART, ['voor miele']),
          beans,
        ],
      },
      {
        category: 'coffee',
        share: 1,
        make: (r) => ({
          model: `CVA ${intBetween(r, 6000, 7999)}`,
          name: `Inbouw-koffiemachine ${pick(r, ['ArtLine', 'PureLine', 'ContourLine', 'VitroLine'])}`,
          aliases: [mieleMaterial(r)],
        }),
        needs: [need(CLEAN, ['voor miele'], { max: 2 }), maybe(PART, ['afdichtingsset voor miele']), beans],
      },
    ],
  },
  {
    guide: guide('Electrolux', ['electrolux'], PNC_FIELD, VACUUM_UNDERNEATH, COFFEE_BEHIND_TRAY),
    weight: 1500,
    serial: DIGITS('Ser.No', 8),
    families: [
      {
        category: 'vacuum',
        share: 4,
        make: (r) => {
          const prefix = pick(r, ['ZUS', 'ZUO', 'ZSP', 'EUS', 'ESP', 'EEG', 'ZUA', 'PD']);
          const model =
            prefix === 'PD'
              ? `PD${intBetween(r, 8, 9)}${intBetween(r, 1, 2)}-${intBetween(r, 1, 8)}${letter(r)}${letter(r)}`
              : r() < 0.5
                ? `${prefix}${digits(r, 4)}`
                : `${prefix}${digits(r, 2)}${letter(r)}${letter(r)}`;
          const names: Record<string, string> = {
            ZUS: 'UltraSilencer',
            ZUO: 'UltraOne',
            ZSP: 'SilentPerformer',
            EUS: 'UltraSilencer Green',
            ESP: 'Silent Performer',
            EEG: 'Ease C4',
            ZUA: 'UltraActive',
            PD: 'Pure D9',
          };
          return { model, name: names[prefix] ?? prefix, aliases: [pnc(r)] };
        },
        needs: [
          bag('S'),
          need(FILTER, ['type ef']),
          maybe(FILTER, ['motorfilter voor electrolux']),
          maybe(BRUSH, ['zuigslang voor philips, electrolux']),
          maybe(BRUSH, ['universele'], { not: ['32 mm'] }),
        ],
      },
      {
        category: 'vacuum',
        share: 1,
        make: (r) => ({
          model: `PF${intBetween(r, 7, 9)}${intBetween(r, 1, 3)}-${intBetween(r, 1, 8)}${letter(r)}${letter(r)}${letter(r)}`,
          name: pick(r, ['Pure F9', 'Well Q7', 'Well Q6', 'Pure Q9', 'UltimateHome 700']),
          aliases: [pnc(r)],
        }),
        needs: [
          need(BATTERY, ['accu voor aeg en electrolux']),
          need(FILTER, ['fx9']),
          maybe(BRUSH, ['borstelrol voor aeg']),
        ],
      },
    ],
  },
  {
    guide: guide('AEG', ['aeg'], PNC_FIELD, VACUUM_UNDERNEATH, COFFEE_BEHIND_TRAY),
    weight: 1000,
    serial: DIGITS('Ser.No', 8),
    families: [
      {
        category: 'vacuum',
        share: 3,
        make: (r) => {
          const series = intBetween(r, 6, 9);
          const prefix = pick(r, ['VX', 'LX', 'AVX']);
          const sub = r() < 0.5 ? String(intBetween(r, 0, 9)) : '';
          const suffix = pick(r, [
            'ECO',
            'IW-S',
            'CR-A',
            '6IBM',
            '8IBM',
            'ÖKO',
            'FFP',
            'DB',
            'SW',
            '2EB',
            'AP',
            'TM',
          ]);
          return {
            model: `${prefix}${series}${sub}-${intBetween(r, 1, 4)}-${suffix}`,
            name: `${prefix}${series} ${byRange(['AllergyPlus', 'UltraSilencer', 'Öko', 'Silence'], series, 6, 9)}`,
            aliases: [pnc(r)],
          };
        },
        needs: [bag('S'), need(FILTER, ['type ef']), maybe(FILTER, ['motorfilter voor electrolux'])],
      },
      {
        category: 'vacuum',
        share: 1,
        make: (r) => ({
          model: `${pick(r, ['FX9', 'CX7', 'QX9', 'FX6', 'CX8'])}-${intBetween(r, 1, 4)}-${digits(r, 1)}${letter(r)}${letter(r)}${letter(r)}`,
          name: pick(r, ['FX9 Ultimate', 'CX7-2 Animal', 'QX9 PowerForce', 'FX6 Animal', 'CX8 Clean']),
          aliases: [pnc(r)],
        }),
        needs: [
          need(BATTERY, ['accu voor aeg en electrolux']),
          need(FILTER, ['fx9']),
          maybe(BRUSH, ['borstelrol voor aeg']),
        ],
      },
    ],
  },
  {
    guide: guide(
      'Bosch',
      ['bosch'],
      BOSCH_SIEMENS_FIELD('BGL3A330/01'),
      BOSCH_SIEMENS_VACUUM,
      BOSCH_SIEMENS_COFFEE,
    ),
    weight: 2000,
    serial: { kind: 'fd' },
    families: [
      {
        category: 'vacuum',
        share: 5,
        make: (r) => {
          const prefix = pick(r, ['BGL', 'BGB', 'BGN', 'BSGL']);
          return {
            model: `${prefix}${intBetween(r, 2, 8)}${letter(r)}${digits(r, 3)}/${pad(intBetween(r, 1, 6))}`,
            name: pick(r, [
              'Serie 4 ProSilence',
              'Serie 6 ProPower',
              'Serie 8 ProSilence',
              'GL-30 ProAnimal',
              'GL-40 ProParquet',
              'Serie 2',
              'Serie 4 ProHygienic',
            ]),
          };
        },
        needs: [
          bag('G ALL'),
          need(FILTER, ['hepa-filter voor bosch']),
          maybe(FILTER, ['motorbeschermfilter voor bosch']),
          maybe(BRUSH, ['voor bosch en siemens'], { not: ['steel'] }),
        ],
        notes: ['Bij de ProAnimal-uitvoering zit een turboborstel; die gebruikt dezelfde zakken.'],
      },
      {
        category: 'vacuum',
        share: 1,
        make: (r) => ({
          model: `BSG${intBetween(r, 1, 8)}${digits(r, 3)}/${pad(intBetween(r, 1, 9))}`,
          name: pick(r, ['Sphera', 'Ergomaxx', 'Logo', 'Formula']),
        }),
        needs: [bag('K'), need(FILTER, ['motorbeschermfilter voor bosch'])],
      },
      {
        category: 'vacuum',
        share: 1,
        make: (r) => ({
          model: `BSN${intBetween(r, 1, 8)}${digits(r, 3)}/${pad(intBetween(r, 1, 9))}`,
          name: pick(r, ['Free’e', 'Compact', 'Solitaire']),
        }),
        needs: [bag('P'), need(FILTER, ['motorbeschermfilter voor bosch'])],
      },
      {
        category: 'vacuum',
        share: 2,
        make: (r) => ({
          model: `BGS${intBetween(r, 1, 7)}${letter(r)}${digits(r, 3)}/${pad(intBetween(r, 1, 6))}`,
          name: pick(r, [
            "Relaxx'x ProSilence",
            "Roxxx'x",
            'Serie 6 ProPower zakloos',
            'Serie 4 ProSilence zakloos',
          ]),
        }),
        needs: [
          need(FILTER, ['hepa-filter voor bosch']),
          maybe(BRUSH, ['voor bosch en siemens'], { not: ['steel'] }),
        ],
      },
      {
        category: 'vacuum',
        share: 2,
        make: (r) => ({
          model: `BCS${intBetween(r, 6, 8)}${digits(r, 3)}${r() < 0.4 ? letter(r) : ''}`,
          name: pick(r, [
            'Unlimited Serie 6',
            'Unlimited Serie 8',
            'Unlimited 7 ProAnimal',
            'Unlimited Gen2',
          ]),
        }),
        needs: [
          need(BATTERY, ['accu voor bosch en siemens, 18']),
          need(FILTER, ['bosch en siemens steelstofzuigers']),
          maybe(BRUSH, ['bosch en siemens steelstofzuigers']),
          maybe(BATTERY, ['oplader voor bosch']),
        ],
      },
      {
        category: 'vacuum',
        share: 1,
        make: (r) => ({
          model: `BBH${intBetween(r, 2, 8)}${letter(r)}${digits(r, 2)}`,
          name: pick(r, ["Readyy'y 20Vmax", "Readyy'y 16Vmax", "Readyy'y ProAnimal", 'Flexxo']),
        }),
        needs: [need(BATTERY, ["readyy'y"]), maybe(BRUSH, ['bosch en siemens steelstofzuigers'])],
      },
      {
        category: 'coffee',
        share: 3,
        make: (r) => {
          const prefix = pick(r, ['TIS', 'TIE', 'TES', 'TCA', 'CTL']);
          const names: Record<string, string> = {
            TIS: 'VeroCafe',
            TIE: 'VeroCup',
            TES: 'VeroAroma',
            TCA: 'Benvenuto',
            CTL: 'Inbouw-volautomaat Serie 8',
          };
          return {
            model: `${prefix}${digits(r, 5)}${pick(r, ['RW', 'DE', 'GB', ''])}`,
            name: names[prefix] ?? prefix,
          };
        },
        needs: [
          need(CLEAN, ['voor bosch en siemens'], { max: 2 }),
          need(WATER, ['waterfilter voor bosch']),
          need(PART, ['voor siemens en bosch'], { max: 2 }),
          maybe(CLEAN, ['universele', 'reinig']),
          beans,
        ],
      },
    ],
  },
  {
    guide: guide(
      'Siemens',
      ['siemens'],
      BOSCH_SIEMENS_FIELD('VSQ5X1230/05 of TE653503DE/01'),
      BOSCH_SIEMENS_VACUUM,
      BOSCH_SIEMENS_COFFEE,
    ),
    weight: 1600,
    serial: { kind: 'fd' },
    families: [
      {
        category: 'vacuum',
        share: 4,
        make: (r) => {
          const line = pick(r, ['Q', 'Z', 'C']);
          return {
            model: `VS${line}${intBetween(r, 3, 8)}${letter(r)}${digits(r, 4)}/${pad(intBetween(r, 1, 9))}`,
            name: pick(r, [
              'iQ500 extreme silencePower',
              'Q8.0 powerPerformer',
              'iQ300',
              'Z5.0 synchropower',
              'iQ700 Q8.0',
            ]),
          };
        },
        needs: [
          bag('G ALL'),
          need(FILTER, ['hepa-filter voor bosch']),
          maybe(BRUSH, ['voor bosch en siemens'], { not: ['steel'] }),
        ],
      },
      {
        category: 'vacuum',
        share: 1,
        make: (r) => ({
          model: `VS0${intBetween(r, 1, 9)}${letter(r)}${digits(r, 3)}`,
          name: pick(r, ['Dino', 'Super XS', 'Super M']),
        }),
        needs: [bag('K'), need(FILTER, ['motorbeschermfilter voor bosch'])],
      },
      {
        category: 'vacuum',
        share: 1,
        make: (r) => ({
          model: `BCS${letter(r)}${letter(r)}${digits(r, 2)}`,
          name: pick(r, ['iQ700 synchroPower', 'iQ300 Cordless', 'Q 4.0']),
        }),
        needs: [
          need(BATTERY, ['bosch en siemens']),
          need(FILTER, ['bosch en siemens steelstofzuigers']),
          maybe(BRUSH, ['bosch en siemens steelstofzuigers']),
        ],
      },
      {
        category: 'coffee',
        share: 3,
        make: (r) => {
          const number = intBetween(r, 300000, 999999);
          const prefix = pick(r, ['TE', 'TI', 'TQ']);
          return {
            model: `${prefix}${number}${pick(r, ['DE', 'RW', 'GB'])}${r() < 0.5 ? `/${pad(intBetween(r, 1, 9))}` : ''}`,
            name: byRange(
              ['EQ.3 s300', 'EQ.500 classic', 'EQ.6 plus s500', 'EQ.6 plus s700', 'EQ.9 s700'],
              number,
              300000,
              999999,
            ),
          };
        },
        needs: [
          need(CLEAN, ['voor bosch en siemens'], { max: 2 }),
          need(WATER, ['waterfilter voor bosch']),
          need(PART, ['voor siemens en bosch'], { max: 2 }),
          beans,
        ],
        notes: ['Zetgroep alleen voor de EQ.6- en EQ.500-modellen; bij twijfel graag een foto.'],
      },
    ],
  },
  {
    guide: guide(
      'Dyson',
      ['dyson'],
      [
        'Het modelnummer (bijvoorbeeld SV14) en het artikelnummer zoals 268701-01; de V-naam staat op de machine zelf.',
        'The model number (for example SV14) and the part number such as 268701-01; the V name is on the machine itself.',
      ],
      [
        'Onder het stofreservoir, of op het accuhuis bij steelstofzuigers; haal de accu eruit om het te zien.',
        'Under the dust container, or on the battery housing of stick vacuums; take the battery out to see it.',
      ],
      null,
    ),
    weight: 400,
    serial: DIGITS('Serienr.', 6),
    families: [
      dysonFamily(
        'V6',
        ['SV03', 'SV04', 'SV05', 'SV06', 'SV07', 'SV09', 'DC58', 'DC59', 'DC61', 'DC62', 'HH08'],
        [
          need(BATTERY, ['accu voor dyson v6']),
          need(FILTER, ['dyson v6']),
          maybe(BATTERY, ['oplader voor dyson v6']),
        ],
      ),
      dysonFamily(
        'V7',
        ['SV11', 'HH11', 'SV37'],
        [
          need(BATTERY, ['accu voor dyson v7']),
          need(FILTER, ['dyson v7'], { max: 2 }),
          maybe(BRUSH, ['dyson v7']),
          maybe(BATTERY, ['oplader voor dyson v6']),
        ],
      ),
      dysonFamily(
        'V8',
        ['SV10', 'SV25', 'HH15', 'SV38'],
        [
          need(BATTERY, ['accu voor dyson v8']),
          need(FILTER, ['dyson v7'], { max: 2 }),
          maybe(BRUSH, ['v8'], { max: 2 }),
          maybe(BATTERY, ['oplader voor dyson v6']),
        ],
      ),
      dysonFamily(
        'V10',
        ['SV12', 'SV27'],
        [
          need(BATTERY, ['accu voor dyson v10']),
          need(FILTER, ['v10 en v11']),
          maybe(BRUSH, ['v10']),
          maybe(BATTERY, ['oplader voor dyson v10']),
        ],
      ),
      dysonFamily(
        'V11',
        ['SV14', 'SV15', 'SV16', 'SV28'],
        [
          need(BATTERY, ['accu voor dyson v11']),
          need(FILTER, ['v10 en v11']),
          maybe(BRUSH, ['v10']),
          maybe(BATTERY, ['oplader voor dyson v10']),
        ],
      ),
      dysonFamily(
        'V15',
        ['SV20', 'SV22', 'SV30', 'SV35', 'SV46', 'SV47'],
        [need(FILTER, ['v12 en v15']), maybe(BATTERY, ['oplader voor dyson v10'])],
      ),
      dysonFamily(
        'DC',
        ['DC19', 'DC20', 'DC21', 'DC23', 'DC29', 'DC32', 'DC33', 'DC37', 'DC39', 'DC40', 'DC52', 'DC54'],
        [need(FILTER, ['dc-serie'])],
      ),
    ],
  },
  {
    guide: guide(
      'Samsung',
      ['samsung'],
      [
        'MODEL, inclusief het achtervoegsel na de schuine streep, zoals VS15A6031R1/GE.',
        'MODEL, including the suffix after the slash, such as VS15A6031R1/GE.',
      ],
      STICK_UNDER_CONTAINER,
      null,
    ),
    weight: 900,
    serial: DIGITS('S/N', 7),
    families: [
      {
        category: 'vacuum',
        share: 2,
        make: (r) => {
          const base = `VC${pad(intBetween(r, 5, 9))}${letter(r)}${digits(r, 2)}${letter(r)}${digits(r, 1)}${letter(r)}${letter(r)}`;
          return {
            model: `${base}/${pick(r, ['GE', 'EN', 'EG', 'XEN'])}`,
            name: pick(r, ['VC5000', 'VC7000 Anti-Tangle', 'VC3100', 'VC5100 Eco']),
            aliases: [base],
          };
        },
        needs: [bag('VP-77'), need(FILTER, ['hepa-filter voor samsung'])],
      },
      {
        category: 'vacuum',
        share: 1,
        make: (r) => {
          const size = pick(r, ['15', '20', '70', '75', '90']);
          const base = `VS${size}${letter(r)}${digits(r, 4)}${letter(r)}${digits(r, 1)}`;
          const names: Record<string, string> = {
            '15': 'Jet 60',
            '20': 'Jet 70',
            '70': 'Jet 70 Pet',
            '75': 'Jet 75',
            '90': 'Jet 90 Complete',
          };
          return {
            model: `${base}/${pick(r, ['GE', 'EN', 'WA'])}`,
            name: names[size] ?? 'Jet',
            aliases: [base],
          };
        },
        needs: [
          need(BATTERY, ['accu voor samsung jet']),
          need(FILTER, ['samsung jet']),
          maybe(BRUSH, ['samsung jet']),
          maybe(CLEAN, ['steelstofzuigers']),
        ],
      },
    ],
  },
  {
    guide: guide(
      'Rowenta',
      ['rowenta'],
      [
        'Type, bijvoorbeeld RO3985EA, met een productiecode als 4Q0 ernaast.',
        'Type, for example RO3985EA, with a production code like 4Q0 next to it.',
      ],
      VACUUM_UNDERNEATH,
      null,
    ),
    weight: 1100,
    serial: DIGITS('Productiecode', 4),
    families: [
      {
        category: 'vacuum',
        share: 3,
        make: (r) => {
          const number = pick(r, [3, 5, 6, 7]) * 1000 + intBetween(r, 100, 999);
          return {
            model: `RO${number}${pick(r, ['EA', 'EA1', '01', '11'])}`,
            name: byRange(
              ['Compact Power', 'Silence Force', 'Silence Force Extreme', 'X-Trem Power'],
              number,
              3000,
              7999,
            ),
            aliases: [`RO${number}/${digits(r, 1)}${letter(r)}${digits(r, 1)}`],
          };
        },
        needs: [
          bag('ZR20'),
          maybe(FILTER, ['rowenta silence force']),
          maybe(BRUSH, ['voor rowenta']),
          maybe(CLEAN, ['geurparels']),
        ],
      },
      {
        category: 'vacuum',
        share: 1,
        make: (r) => {
          const number = pick(r, [4, 8]) * 1000 + intBetween(r, 100, 999);
          return {
            model: `RO${number}${pick(r, ['EA', 'EA1', '01'])}`,
            name: pick(r, ['Compacteo Ergo', 'Silence Force Cyclonic', 'Swift Power Cyclonic']),
          };
        },
        needs: [need(FILTER, ['rowenta silence force']), maybe(BRUSH, ['voor rowenta'])],
      },
      {
        category: 'vacuum',
        share: 2,
        make: (r) => ({
          model: `RH${intBetween(r, 6, 9)}${digits(r, 3)}${pick(r, ['WO', 'WS', 'F1', 'WA'])}`,
          name: pick(r, ['X-Force 8.60', 'X-Force 11.60', 'Air Force 360', 'X-Pert 6.60']),
        }),
        needs: [
          need(BATTERY, ['accu voor rowenta']),
          need(FILTER, ['rowenta x-force']),
          maybe(BATTERY, ['oplader voor rowenta']),
        ],
      },
    ],
  },
  {
    guide: guide(
      'Krups',
      ['krups'],
      [
        'Type, bijvoorbeeld EA8108, of XN910B bij Nespresso-machines van Krups.',
        'Type, for example EA8108, or XN910B on Krups Nespresso machines.',
      ],
      null,
      [
        'Onder het waterreservoir: haal het reservoir eruit en kijk op de bodem van de uitsparing.',
        'Under the water tank: lift the tank out and look at the bottom of the recess.',
      ],
    ),
    weight: 700,
    serial: DIGITS('Productiecode', 4),
    families: [
      {
        category: 'coffee',
        share: 3,
        make: (r) => {
          const series = pick(r, [81, 82, 86, 89, 90, 91]);
          const names: Record<number, string> = {
            81: 'Arabica',
            82: 'Evidence',
            86: 'Essential',
            89: 'Evidence Plus',
            90: 'Quattro Force',
            91: 'Intuition',
          };
          const tail = r() < 0.7 ? digits(r, 2) : `${letter(r)}${digits(r, 1)}`;
          return {
            model: `EA${series}${tail}`,
            name: names[series] ?? 'Volautomaat',
            aliases: [`EA${series}${digits(r, 2)}${pick(r, ['10', '40', '70'])}`],
          };
        },
        needs: [
          need(CLEAN, ['voor krups'], { max: 2 }),
          need(WATER, ['waterfilter voor krups']),
          need(PART, ['voor krups'], { max: 2 }),
          beans,
        ],
      },
      {
        category: 'coffee',
        share: 1,
        make: (r) => ({
          model: `XN${intBetween(r, 100, 999)}${pick(r, ['B', 'W', 'R', '0', 'S'])}`,
          name: `Nespresso ${pick(r, ['Essenza Mini', 'Inissia', 'CitiZ', 'Pixie', 'Lattissima One'])}`,
        }),
        needs: [need(CLEAN, ['ontkalker voor nespresso']), need(PART, ['voor nespresso'], { max: 2 })],
      },
    ],
  },
  {
    guide: guide(
      "De'Longhi",
      ['delonghi', "de'longhi", 'de longhi', 'de-longhi'],
      [
        'Type, bijvoorbeeld ECAM22.110.B of EC685.M; het productnummer van tien cijfers staat eronder.',
        'Type, for example ECAM22.110.B or EC685.M; the ten-digit product number is printed below it.',
      ],
      null,
      [
        'Achter het waterreservoir, of onder de lekbak op de bodem van de machine.',
        'Behind the water tank, or under the drip tray on the base of the machine.',
      ],
    ),
    weight: 1400,
    serial: DIGITS('S/N', 7),
    families: [
      {
        category: 'coffee',
        share: 4,
        make: (r) => {
          const series = pick(r, [21, 22, 23, 25, 35, 36, 44, 45, 55, 65]);
          const names: Record<number, string> = {
            21: 'Magnifica',
            22: 'Magnifica S',
            23: 'Magnifica Evo',
            25: 'Magnifica Smart',
            35: 'Dinamica',
            36: 'Dinamica Plus',
            44: 'Perfecta',
            45: 'Eletta',
            55: 'PrimaDonna S',
            65: 'PrimaDonna Soul',
          };
          return {
            model: `ECAM${series}.${digits(r, 3)}.${pick(r, ['B', 'SB', 'W', 'S', 'BK', 'MB', 'SI', 'GB'])}`,
            name: names[series] ?? 'Volautomaat',
            aliases: [`0132${digits(r, 6)}`],
          };
        },
        needs: [
          need(CLEAN, ["ontkalker voor de'longhi"]),
          need(WATER, ["waterfilter voor de'longhi"]),
          need(PART, ["de'longhi"], { not: ['dedica'], max: 2 }),
          maybe(CLEAN, ['universele', 'melk']),
          beans,
        ],
        notes: [
          'Bij Magnifica-modellen van vóór 2010 past de zetgroep niet altijd; controleer het serienummer.',
        ],
      },
      {
        category: 'coffee',
        share: 1,
        make: (r) => ({
          model: `ESAM${pick(r, [3000, 3200, 3500, 4000, 4200, 4500, 5500, 6600])}${r() < 0.5 ? `.${pick(r, ['B', 'S', 'W'])}` : `${digits(r, 1)}`}`,
          name: pick(r, ['Magnifica', 'Caffè Corso', 'Perfecta', 'Eletta']),
          aliases: [`0132${digits(r, 6)}`],
        }),
        needs: [
          need(CLEAN, ["ontkalker voor de'longhi"]),
          need(PART, ["de'longhi"], { not: ['dedica'], max: 2 }),
          beans,
        ],
      },
      {
        category: 'coffee',
        share: 1,
        make: (r) => {
          const number = pick(r, [680, 685, 695, 885, 9155, 9255, 9335, 230, 235, 260]);
          const names: Record<number, string> = {
            680: 'Dedica',
            685: 'Dedica Style',
            695: 'Dedica Duo',
            885: 'Dedica Arte',
          };
          return {
            model: `EC${number}.${pick(r, ['M', 'B', 'W', 'R', 'BK', 'GY', 'BG'])}${r() < 0.3 ? digits(r, 1) : ''}`,
            name: names[number] ?? (number > 9000 ? 'La Specialista' : 'Stilosa'),
            aliases: [`0132${digits(r, 6)}`],
          };
        },
        needs: [
          need(CLEAN, ["ontkalker voor de'longhi"]),
          need(PART, ['dedica'], { max: 2 }),
          maybe(PART, ['melkopschuimer voor de']),
          beans,
        ],
      },
      {
        category: 'coffee',
        share: 1,
        make: (r) => ({
          model: `EN${pick(r, ['85', '80', '97', '500', '510', '550', '560', '640'])}.${pick(r, ['B', 'W', 'S', 'BAE', 'R', 'BM', 'CW'])}${r() < 0.3 ? digits(r, 1) : ''}`,
          name: `Nespresso ${pick(r, ['Essenza Mini', 'Lattissima One', 'Lattissima Touch', 'Inissia', 'CitiZ', 'Vertuo Next'])}`,
        }),
        needs: [need(CLEAN, ['ontkalker voor nespresso']), need(PART, ['voor nespresso'], { max: 2 })],
      },
    ],
  },
  {
    guide: guide(
      'Jura',
      ['jura'],
      [
        'Het artikelnummer van vijf cijfers (bijvoorbeeld 15339) naast de modelnaam (E8); er staat ook een "Typ" met drie cijfers.',
        'The five-digit article number (for example 15339) next to the model name (E8); there is also a three-digit "Typ".',
      ],
      null,
      [
        'Onder de machine aan de achterkant; kantel hem iets naar achteren of kijk achter de lekbak.',
        'Under the machine at the back; tilt it back slightly or look behind the drip tray.',
      ],
    ),
    weight: 500,
    serial: DIGITS('Serienr.', 5),
    families: [
      juraFamily(
        ['E4', 'E6', 'E8', 'ENA 4', 'ENA 8', 'S8', 'Z8', 'Z10', 'X8', 'J8', 'D6', 'GIGA 6'],
        'smart',
        3,
      ),
      juraFamily(
        ['Impressa C60', 'Impressa F50', 'Impressa XS9', 'Impressa J9', 'ENA Micro 90', 'Impressa Z5'],
        'blue',
        1,
      ),
    ],
  },
  {
    guide: guide(
      'Kärcher',
      ['karcher', 'kärcher', 'kaercher'],
      [
        'Het bestelnummer in de vorm 1.198-105.0, naast de typenaam zoals WD 3 P.',
        'The order number in the form 1.198-105.0, next to the model name such as WD 3 P.',
      ],
      [
        'Achter op de motorkop, of onderop de ketel bij alleszuigers.',
        'On the back of the motor head, or under the drum on wet-and-dry vacuums.',
      ],
      null,
    ),
    weight: 700,
    serial: DIGITS('Serienr.', 6),
    families: [
      karcherFamily(
        [
          ['1.629', 0, 999],
          ['1.628', 0, 699],
        ],
        ['WD 2', 'WD 2 Plus', 'WD 3', 'WD 3 P', 'WD 3 Premium'],
        3,
        [bag('WD3'), need(FILTER, ['patroonfilter voor kärcher']), maybe(BRUSH, ['kärcher'])],
      ),
      karcherFamily(
        [
          ['1.348', 0, 999],
          ['1.628', 700, 999],
        ],
        ['WD 4', 'WD 4 Premium', 'WD 5', 'WD 5 P', 'WD 6 P Premium'],
        2,
        [bag('WD4'), need(FILTER, ['kärcher wd'], { max: 2 }), maybe(BRUSH, ['kärcher'])],
      ),
      karcherFamily(
        [
          ['1.198', 0, 999],
          ['1.349', 0, 999],
        ],
        ['VC 4 Cordless', 'VC 4 Cordless myHome', 'VC 6 Cordless ourFamily'],
        1,
        [need(BATTERY, ['kärcher vc 4']), need(FILTER, ['kärcher vc 4'])],
      ),
    ],
  },
  {
    guide: guide(
      'Nilfisk',
      ['nilfisk'],
      ['Het artikelnummer van negen cijfers (Item No.).', 'The nine-digit article number (Item No.).'],
      VACUUM_BAG_COMPARTMENT,
      null,
    ),
    weight: 500,
    serial: DIGITS('Serienr.', 8),
    families: [
      {
        category: 'vacuum',
        share: 3,
        make: (r) => {
          const name = pick(r, [
            'Select Comfort',
            'Select Classic',
            'Power Allergy',
            'Elite Comfort',
            'Power Silent',
            'Elite Parquet',
          ]);
          return {
            model: `${pick(r, ['128', '107', '182'])}${digits(r, 6)}`,
            name,
            aliases: [`${name.toUpperCase()} ${pick(r, ['EU', 'NL', 'BE'])}`],
          };
        },
        needs: [
          bag('SEL'),
          maybe(FILTER, ['hepa-filter voor nilfisk']),
          need(FILTER, ['motorfilter voor nilfisk']),
          maybe(BRUSH, ['voor nilfisk']),
        ],
      },
      {
        category: 'vacuum',
        share: 1,
        make: (r) => {
          const name = pick(r, ['GM80', 'GM80C', 'GM80P', 'GM90']);
          return {
            model: `${pick(r, ['814', '815'])}${digits(r, 6)}`,
            name,
            aliases: [`${name} ${pick(r, ['EU', 'NL'])}`],
          };
        },
        needs: [bag('GM80'), maybe(FILTER, ['motorfilter voor nilfisk'])],
        notes: ['Bedrijfsstofzuiger; de zak heeft een kartonnen plaat die over de inlaat valt.'],
      },
    ],
  },
  {
    guide: guide(
      'Vorwerk',
      ['vorwerk', 'kobold'],
      [
        'De typenaam op de motoreenheid, bijvoorbeeld VK200.',
        'The model name on the motor unit, for example VK200.',
      ],
      [
        'Achter op de motoreenheid, onder de kap van de filterzak.',
        'On the back of the motor unit, under the filter bag cover.',
      ],
      null,
    ),
    weight: 15,
    serial: DIGITS('Serienr.', 8),
    families: [
      fixedFamily('vacuum', ['VK200', 'VK220S'], 'Kobold', [
        bag('FP200'),
        need(FILTER, ['vorwerk kobold vk200']),
        maybe(BRUSH, ['voor vorwerk']),
      ]),
      fixedFamily('vacuum', ['VK140', 'VK150'], 'Kobold', [bag('FP140'), maybe(BRUSH, ['voor vorwerk'])]),
      fixedFamily('vacuum', ['VK130', 'VK131', 'VK135', 'VK136'], 'Kobold', [
        need(BRUSH, ['voor vorwerk']),
        maybe(FILTER, ['universeel motorbeschermfilter']),
      ]),
      fixedFamily('vacuum', ['VB100', 'VK7'], 'Kobold', [need(BATTERY, ['vorwerk kobold vb100'])]),
    ],
  },
  {
    guide: guide('Hoover', ['hoover'], HOOVER_CANDY_FIELD, STICK_UNDER_CONTAINER, null),
    weight: 1300,
    serial: DIGITS('Serienr.', 8),
    families: [
      hooverFamily(['TE', 'TS', 'TAT', 'TX'], ['Telios Plus', 'Sensory', 'Athos', 'Telios Extra'], 3, [
        bag('H30'),
        maybe(FILTER, ['t114']),
        maybe(FILTER, ['universeel']),
        maybe(BRUSH, ['universele'], { not: ['35 mm'] }),
      ]),
      hooverFamily(['BV', 'HE', 'FV'], ['Brave', 'H-Energy', 'Freespace'], 2, [
        bag('H63'),
        maybe(FILTER, ['t114']),
      ]),
      hooverFamily(['SL', 'PC', 'CP'], ['Sprint', 'PureCompact', 'Capture'], 1, [bag('H64')]),
      hooverFamily(['HP', 'KS', 'XP', 'SE'], ['H-Power 700', 'Khross', 'Xarion Pro', 'Synthesis'], 2, [
        need(FILTER, ['u66']),
      ]),
      hooverFamily(['HF', 'HF1', 'HF5'], ['H-Free 100', 'H-Free 300', 'H-Free 500'], 2, [
        need(BATTERY, ['accu voor hoover']),
        need(FILTER, ['hoover h-free']),
        maybe(BRUSH, ['borstelrol voor hoover']),
      ]),
    ],
  },
  {
    guide: guide('Candy', ['candy'], HOOVER_CANDY_FIELD, VACUUM_UNDERNEATH, null),
    weight: 600,
    serial: DIGITS('Serienr.', 8),
    families: [
      hooverFamily(['CBY', 'CDE', 'CCS'], ['Ecoline', 'Trevi', 'Comfort'], 2, [
        bag('H63'),
        maybe(FILTER, ['universeel']),
        maybe(CLEAN, ['geurparels']),
      ]),
      hooverFamily(['CZE', 'CLB'], ['Zefiro', 'Libero'], 1, [bag('H64')]),
      hooverFamily(['CAS', 'CPE'], ['Rapidò', 'Purely'], 1, [
        need(FILTER, ['u66']),
        maybe(BRUSH, ['borstelrol voor hoover']),
      ]),
    ],
  },
  {
    guide: guide(
      'Kenwood',
      ['kenwood'],
      [
        'Type, bijvoorbeeld CMM610, met een onderdeelcode zoals 0W13211005.',
        'Type, for example CMM610, with a part code such as 0W13211005.',
      ],
      null,
      ['Op de bodem van het apparaat.', 'On the base of the appliance.'],
    ),
    weight: 300,
    serial: DIGITS('Serienr.', 6),
    families: [
      {
        category: 'coffee',
        share: 1,
        make: (r) => {
          const prefix = pick(r, ['CM', 'CMM', 'COX', 'CMP']);
          const names: Record<string, string> = { CM: 'Scene', CMM: 'kMix', COX: 'Persona', CMP: 'Elegancy' };
          return {
            model: `${prefix}${intBetween(r, 100, 999)}${r() < 0.3 ? letter(r) : ''}`,
            name: names[prefix] ?? 'Koffiezetapparaat',
            aliases: [`0W${digits(r, 8)}`],
          };
        },
        needs: [
          need(CLEAN, ['voor kenwood']),
          need(WATER, ['kenwood']),
          maybe(WATER, ['koolstof-waterfilter']),
          maybe(PART, ['voor kenwood']),
          maybe(PART, ['permanent koffiefilter']),
        ],
      },
    ],
  },
  {
    guide: guide(
      'Sage',
      ['sage', 'breville'],
      [
        'Model, bijvoorbeeld BES870BSS4EEU1: de typenaam, de kleurcode en de regio achter elkaar.',
        'Model, for example BES870BSS4EEU1: the model, the colour code and the region in one string.',
      ],
      null,
      [
        'Op de bodem van de machine, achter het rubberen voetje.',
        'On the base of the machine, behind the rubber foot.',
      ],
    ),
    weight: 200,
    serial: DIGITS('Batch', 4),
    families: [
      {
        category: 'coffee',
        share: 1,
        make: (r) => {
          const number = pick(r, [450, 500, 810, 840, 870, 875, 876, 878, 880, 920, 980, 990]);
          const names: Record<number, string> = {
            450: 'the Bambino Plus',
            500: 'the Bambino',
            810: 'the Duo-Temp Pro',
            840: 'the Infuser',
            870: 'the Barista Express',
            875: 'the Barista Express',
            876: 'the Barista Express Impress',
            878: 'the Barista Pro',
            880: 'the Barista Touch',
            920: 'the Dual Boiler',
            980: 'the Oracle',
            990: 'the Oracle Touch',
          };
          const colour = pick(r, ['BSS', 'BTR', 'BKS', 'BCS', 'SST', 'OAT', 'BSST', 'DBL']);
          return {
            model: `BES${number}${colour}${pick(r, ['4EEU1', '2EEU1', '4GUK1', '2UK1', '4EU1'])}`,
            name: names[number] ?? 'Espressomachine',
            aliases: [`BES${number}${colour}`],
          };
        },
        needs: [
          need(CLEAN, ['voor sage'], { max: 2 }),
          need(WATER, ['waterfilter voor sage']),
          need(PART, ['voor sage'], { max: 2 }),
          beans,
        ],
      },
    ],
  },
  {
    guide: guide(
      'Melitta',
      ['melitta'],
      ['Type, bijvoorbeeld E957-101.', 'Type, for example E957-101.'],
      null,
      [
        'Achter het onderhoudsdeurtje aan de rechterkant, naast de zetgroep.',
        'Behind the maintenance door on the right-hand side, next to the brew group.',
      ],
    ),
    weight: 600,
    serial: DIGITS('Serienr.', 6),
    families: [
      {
        category: 'coffee',
        share: 1,
        make: (r) => {
          const number = pick(r, [950, 952, 953, 955, 957, 960, 970, 530, 531, 830]);
          const prefix = number < 900 ? (number < 800 ? 'F53' : 'F83') : 'E';
          const names: Record<number, string> = {
            950: 'Caffeo Solo',
            952: 'Caffeo Solo Perfect Milk',
            953: 'Caffeo Solo & Milk',
            955: 'Caffeo Purista',
            957: 'Caffeo Barista T',
            960: 'Caffeo CI Touch',
            970: 'Caffeo Varianza',
            530: 'Caffeo Passione',
            531: 'Caffeo Passione OT',
            830: 'Latticia OT',
          };
          const code = prefix === 'E' ? `E${number}` : `${prefix}${number % 10}`;
          return { model: `${code}-${intBetween(r, 1, 3)}${digits(r, 2)}`, name: names[number] ?? 'Caffeo' };
        },
        needs: [
          need(CLEAN, ['voor melitta'], { max: 2 }),
          need(WATER, ['waterfilter voor melitta']),
          need(PART, ['voor melitta'], { max: 2 }),
          maybe(CLEAN, ['universele ontkal']),
          beans,
        ],
      },
      {
        category: 'coffee',
        share: 1,
        make: (r) => ({
          model: `${pick(r, ['M7', 'M6', 'M7'])}${digits(r, 2)}-${intBetween(r, 1, 3)}${digits(r, 2)}`,
          name: pick(r, ['Look Therm', 'Aroma Elegance', 'Enjoy Top', 'Look V Timer']),
        }),
        needs: [
          need(CLEAN, ['voor melitta']),
          maybe(WATER, ['koolstof-waterfilter']),
          maybe(PART, ['permanent koffiefilter']),
        ],
      },
    ],
  },
  {
    guide: guide(
      'Nespresso',
      ['nespresso'],
      [
        "Type, bijvoorbeeld C30-EU-RE-NE of D40; de machine is vaak door Krups of De'Longhi gemaakt.",
        "Type, for example C30-EU-RE-NE or D40; the machine is often made by Krups or De'Longhi.",
      ],
      null,
      ['Onder de machine, op de sticker bij de voetjes.', 'Under the machine, on the sticker near the feet.'],
    ),
    weight: 300,
    serial: DIGITS('Serienr.', 6),
    families: [
      {
        category: 'coffee',
        share: 1,
        make: (r) => {
          const type = pick(r, [
            'C30',
            'D30',
            'C40',
            'D40',
            'C60',
            'D50',
            'F111',
            'F121',
            'C121',
            'GCA1',
            'ENV120',
            'D110',
          ]);
          const names: Record<string, string> = {
            C30: 'Essenza Mini',
            D30: 'Essenza Mini',
            C40: 'Inissia',
            D40: 'Inissia',
            C60: 'Pixie',
            D50: 'Pixie',
            F111: 'Lattissima One',
            F121: 'Lattissima Touch',
            C121: 'CitiZ & Milk',
            GCA1: 'Vertuo Next',
            ENV120: 'Vertuo Next',
            D110: 'Essenza Plus',
          };
          return {
            model: `${type}-${pick(r, ['EU', 'CH', 'NL', 'GB', 'EU3'])}-${pick(r, ['RE', 'BK', 'WH', 'GR', 'TI', 'BL', 'SI'])}-NE${r() < 0.3 ? digits(r, 1) : ''}`,
            name: names[type] ?? 'Capsulemachine',
          };
        },
        needs: [
          need(CLEAN, ['voor nespresso']),
          need(PART, ['voor nespresso'], { max: 2 }),
          maybe(CLEAN, ['universele ontkalkingstabletten']),
        ],
      },
    ],
  },
  {
    guide: guide(
      'Numatic',
      ['numatic', 'henry'],
      [
        'Model, bijvoorbeeld HVR200-12, op het label op de motorkap.',
        'Model, for example HVR200-12, on the label on the motor head.',
      ],
      [
        'Achter op de motorkop, boven de kabelhaspel.',
        'On the back of the motor head, above the cable rewind.',
      ],
      null,
    ),
    weight: 80,
    serial: DIGITS('Serienr.', 7),
    families: [
      numaticFamily(['HVR160', 'HVR200', 'HVR200A', 'HVR200T', 'HVX200', 'HVN160'], 'Henry', 'NVM-1CH'),
      numaticFamily(['HHR160', 'HHR200'], 'Hetty', 'NVM-1CH'),
      numaticFamily(['JVP180', 'JVH180'], 'James', 'NVM-1CH'),
      numaticFamily(['GVE370'], 'George', 'NVM-2BH'),
      numaticFamily(['CVC370'], 'Charles', 'NVM-2BH'),
      numaticFamily(['WVD570'], 'WVD Nat en droog', 'NVM-2BH'),
    ],
  },
];

function mieleMaterial(random: Random): string {
  return `${pick(random, ['09', '10', '11', '12'])}${digits(random, 6)}`;
}

function dysonFamily(line: string, codes: string[], needs: Need[]): Family {
  const editions = ['Absolute', 'Animal', 'Motorhead', 'Total Clean', 'Fluffy', 'Animal Pro', 'Cord-Free'];
  return {
    category: 'vacuum',
    share: codes.length,
    make: (r) => {
      const code = pick(r, codes);
      const partNumber = `${intBetween(r, 100, 499)}${digits(r, 3)}-${pad(intBetween(r, 1, 40))}`;
      return {
        model: `${code} ${partNumber}`,
        name:
          line === 'DC'
            ? `${code} ${pick(r, ['Allergy', 'Animal', 'Multi Floor', 'Origin'])}`
            : `${line} ${pick(r, editions)}`,
        aliases: [line === 'DC' ? code : `${line} ${code}`, partNumber],
      };
    },
    needs,
  };
}

function juraFamily(lines: string[], filter: 'smart' | 'blue', share: number): Family {
  return {
    category: 'coffee',
    share,
    make: (r) => {
      const line = pick(r, lines);
      const article = intBetween(r, 13000, 15999);
      return {
        model: `${line} ${article}`,
        name: `${line} ${pick(r, ['Piano Black', 'Piano White', 'Chrome', 'Moonlight Silver', 'Dark Inox', 'Platin', 'Diamond Black'])}`,
        aliases: [String(article), `Typ ${intBetween(r, 600, 899)}`],
      };
    },
    needs: [
      need(CLEAN, ['tabletten voor jura'], { max: 2 }),
      need(WATER, [filter === 'smart' ? 'smart-type' : 'blue-type']),
      need(PART, ['voor jura'], { max: 2 }),
      maybe(CLEAN, ['melksysteemreiniger voor jura']),
      beans,
    ],
    notes: filter === 'blue' ? ['Oudere machine: het Smart-filter past hier niet, neem het Blue-type.'] : [],
  };
}

function karcherFamily(
  series: [string, number, number][],
  names: string[],
  share: number,
  needs: Need[],
): Family {
  return {
    category: 'vacuum',
    share,
    make: (r) => {
      const [prefix, min, max] = pick(r, series);
      const name = pick(r, names);
      return {
        model: `${prefix}-${pad(intBetween(r, min, max), 3)}.0`,
        name,
        aliases: [`${name} *${pick(r, ['EU', 'EU-I', 'EU-II', 'GB', 'CH'])}`],
      };
    },
    needs,
  };
}

function fixedFamily(category: Category, models: string[], name: string, needs: Need[]): Family {
  return {
    category,
    share: 1,
    make: (r) => {
      const model = pick(r, models);
      return { model, name: `${name} ${model}` };
    },
    needs,
  };
}

function hooverFamily(prefixes: string[], names: string[], share: number, needs: Need[]): Family {
  return {
    category: 'vacuum',
    share,
    make: (r) => {
      const index = intBetween(r, 0, prefixes.length - 1);
      const suffix = pick(r, ['', 'PET', 'PAR', 'ALG', 'HM', 'LG', 'X']);
      return {
        model: `${prefixes[index]}${intBetween(r, 10, 99)}${suffix} ${pick(r, ['011', '001', '021', '041'])}`,
        name: names[index] ?? names[0] ?? '',
        aliases: [`3${pick(r, ['9', '2', '4'])}${digits(r, 6)}`],
      };
    },
    needs,
  };
}

function numaticFamily(models: string[], name: string, bagCode: string): Family {
  return {
    category: 'vacuum',
    share: models.length,
    make: (r) => ({ model: `${pick(r, models)}-${pick(r, ['11', '12', '22', '2', 'A2', 'T2'])}`, name }),
    needs: [
      bag(bagCode),
      maybe(FILTER, ['voor numatic']),
      maybe(BRUSH, ['voor numatic']),
      maybe(BRUSH, ['universele'], { not: ['35 mm'] }),
    ],
  };
}

/** About twenty brands with where their type plate sits and which field holds the model number. */
export function demoBrands(): BrandGuide[] {
  return BRANDS.map((spec) => structuredClone(spec.guide));
}

type FitPlan = { base: string[]; optional: string[][]; swap?: { candidates: string[]; chosen: string } };
type Range = { variant: string; serialFrom: string; serialTo: string };
type BrandState = { spec: BrandSpec; random: Random; seen: Set<string>; shareTotal: number };

/**
 * `count` appliance rows (20,000 by default) over the brands of `demoBrands()`, always the same for the
 * same products. Models of one family share their bags; about 5% of the appliances come in two or three
 * serial-number variants that take different parts. Every `fits` SKU is one of `products`.
 */
export function demoApplianceRows(products: DemoProduct[], count = 20000): ApplianceRow[] {
  const plans = planFits(products);
  const states: BrandState[] = BRANDS.map((spec) => ({
    spec,
    random: seededRandom(seedFromString(spec.guide.brand)),
    seen: new Set<string>(),
    shareTotal: spec.families.reduce((sum, family) => sum + family.share, 0),
  }));
  const weightTotal = BRANDS.reduce((sum, spec) => sum + spec.weight, 0);
  const rows: ApplianceRow[] = [];
  let shortfall = 0;
  for (const state of states) {
    const quota = Math.floor((count * state.spec.weight) / weightTotal);
    shortfall += quota - addBrandRows(state, quota, plans, rows);
  }
  shortfall = count - rows.length;
  for (const state of [...states].sort((a, b) => b.spec.weight - a.spec.weight)) {
    if (shortfall <= 0) break;
    shortfall -= addBrandRows(state, shortfall, plans, rows);
  }
  return sortRows(rows);
}

function addBrandRows(
  state: BrandState,
  quota: number,
  plans: Map<Family, FitPlan>,
  rows: ApplianceRow[],
): number {
  const { spec, random } = state;
  let made = 0;
  let misses = 0;
  while (made < quota && misses < 400) {
    const family = pickFamily(state);
    const appliance = family.make(random);
    const key = normaliseModel(appliance.model);
    if (state.seen.has(key)) {
      misses += 1;
      continue;
    }
    misses = 0;
    state.seen.add(key);
    const plan = plans.get(family)!;
    const fits = applianceFits(plan, random);
    const variantCount = quota - made >= 3 && random() < 0.05 ? intBetween(random, 2, 3) : 1;
    const ranges: Range[] =
      variantCount === 1
        ? [{ variant: '', serialFrom: '', serialTo: '' }]
        : serialRanges(spec.serial, variantCount, random);
    const variantNote =
      variantCount > 1 && random() < 0.25
        ? `${variantCount === 2 ? 'Twee' : 'Drie'} uitvoeringen: kijk naar het ${spec.serial.kind === 'fd' ? 'FD-nummer' : 'serienummer'} op het typeplaatje.`
        : '';
    ranges.forEach((range, index) => {
      const familyNote = family.notes?.length && random() < 0.02 ? pick(random, family.notes) : '';
      rows.push({
        brand: spec.guide.brand,
        model: appliance.model,
        name: appliance.name,
        category: family.category,
        aliases: appliance.aliases ?? [],
        ...range,
        fits: index === 0 ? fits : variantFits(plan, fits, index),
        notes: variantNote || familyNote,
      });
    });
    made += ranges.length;
  }
  return made;
}

function pickFamily(state: BrandState): Family {
  let roll = state.random() * state.shareTotal;
  for (const family of state.spec.families) {
    roll -= family.share;
    if (roll < 0) return family;
  }
  return state.spec.families[state.spec.families.length - 1]!;
}

/** Decides once per family which products it takes, so every model of a family shares its bags. */
function planFits(products: DemoProduct[]): Map<Family, FitPlan> {
  const named = products.map((product) => ({
    sku: product.sku,
    slug: product.categorySlug,
    name: product.nameNl.toLowerCase(),
  }));
  const candidatesFor = (need: Need) =>
    named
      .filter(
        (product) =>
          product.slug === need.slug &&
          need.all.every((token) => product.name.includes(token)) &&
          !need.not?.some((token) => product.name.includes(token)),
      )
      .map((product) => product.sku);
  const plans = new Map<Family, FitPlan>();
  for (const spec of BRANDS) {
    spec.families.forEach((family, index) => {
      const random = seededRandom(seedFromString(`${spec.guide.brand}#${index}`));
      const plan: FitPlan = { base: [], optional: [] };
      for (const need of family.needs) {
        const candidates = candidatesFor(need);
        if (candidates.length === 0) continue;
        if (need.optional) {
          plan.optional.push(candidates);
          continue;
        }
        const chosen = shuffled(candidates, random).slice(0, need.max ?? 1);
        plan.base.push(...chosen);
        if (need.slug !== BAG && candidates.length > chosen.length)
          plan.swap ??= { candidates, chosen: chosen[0]! };
      }
      plans.set(family, plan);
    });
  }
  return plans;
}

function applianceFits(plan: FitPlan, random: Random): string[] {
  const fits = [...plan.base];
  for (const candidates of plan.optional) {
    if (random() < 0.5) fits.push(pick(random, candidates));
  }
  return [...new Set(fits)].slice(0, 6);
}

/**
 * A later serial variant takes another product for the family's swappable need (another filter, seal…);
 * without one it drops or adds an optional extra. Bags never change between variants.
 */
function variantFits(plan: FitPlan, fits: string[], index: number): string[] {
  if (plan.swap) {
    const { candidates, chosen } = plan.swap;
    const other = candidates[(candidates.indexOf(chosen) + index) % candidates.length]!;
    if (other !== chosen) return [...new Set(fits.map((sku) => (sku === chosen ? other : sku)))];
  }
  const base = plan.base.slice(0, 6);
  if (base.length > 0 && base.join() !== fits.join()) return base;
  const extra = plan.optional.flat().find((sku) => !fits.includes(sku));
  return extra && fits.length < 6 ? [...fits, extra] : fits;
}

function serialRanges(style: SerialStyle, variants: number, random: Random): Range[] {
  const ranges: Range[] = [];
  if (style.kind === 'fd') {
    let start = intBetween(random, 86, 92) * 12 + intBetween(random, 0, 11);
    const fd = (month: number) => `${pad(Math.floor(month / 12))}${pad((month % 12) + 1)}`;
    for (let i = 0; i < variants; i++) {
      const next = start + intBetween(random, 6, 24);
      const openEnded = i === variants - 1 && random() < 0.5;
      const from = fd(start);
      const to = openEnded ? '' : fd(next - 1);
      ranges.push({
        variant: openEnded ? `vanaf FD ${from}` : `FD ${from}–${to}`,
        serialFrom: from,
        serialTo: to,
      });
      start = next;
    }
    return ranges;
  }
  const top = 10 ** style.width - 1;
  const span = Math.floor(top / (variants + 2));
  let start = intBetween(random, Math.floor(top * 0.02), Math.floor(top * 0.2));
  for (let i = 0; i < variants; i++) {
    const next = start + intBetween(random, Math.floor(span / 3), span);
    const openEnded = i === variants - 1 && random() < 0.5;
    const from = pad(start, style.width);
    const to = openEnded ? '' : pad(next - 1, style.width);
    ranges.push({
      variant: openEnded ? `${style.label} vanaf ${from}` : `${style.label} ${from}–${to}`,
      serialFrom: from,
      serialTo: to,
    });
    start = next;
  }
  return ranges;
}

function shuffled<T>(items: T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** By brand, model and serial range, compared by code unit so the order never depends on the locale. */
function sortRows(rows: ApplianceRow[]): ApplianceRow[] {
  const keyed = rows.map((row) => ({
    row,
    key: `${row.brand}\u0000${normaliseModel(row.model)}\u0000${row.serialFrom}`,
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ row }) => row);
}
