/** Appliance registry tables. Timestamps are ISO-8601 UTC text; `*_norm` columns hold normaliseModel() of the text beside them. */
export type ApplianceCategory = 'vacuum' | 'coffee';
export const APPLIANCE_CATEGORIES: readonly ApplianceCategory[] = ['vacuum', 'coffee'];

/** A brand and its type-plate guide ("Where do I find my type number?"). */
export type BrandTable = {
  id: string;
  name: string;
  /** JSON array of extra words customers type for the brand (`["delonghi", "de longhi"]`). */
  words: string;
  /** Which field on the plate is the model number, e.g. `Type` / 12NC for Philips, `Prod.No` (PNC) for AEG. */
  model_field_nl: string;
  model_field_en: string;
  /** Where the plate usually sits, per appliance category. */
  plate_vacuum_nl: string;
  plate_vacuum_en: string;
  plate_coffee_nl: string;
  plate_coffee_en: string;
  created_at: string;
  updated_at: string;
};

export type ApplianceTable = {
  id: string;
  brand_id: string;
  /** As printed on the plate: `FC8520/09`. */
  model: string;
  /** Unique per brand: `FC852009`. */
  model_norm: string;
  name: string;
  category: ApplianceCategory;
  notes: string;
  /** How often consumables were ordered for it; ranks equal matches. */
  order_count: number;
  created_at: string;
  updated_at: string;
};

/** Other numbers printed for the same appliance: 12NC, PNC, EAN, material number. */
export type ApplianceAliasTable = {
  appliance_id: string;
  alias: string;
  alias_norm: string;
};

/** A production series of one model, identified by an inclusive serial range; null = open on that side (no `serial_to`: only the series start is known). */
export type ApplianceVariantTable = {
  id: string;
  appliance_id: string;
  label: string;
  serial_from: string | null;
  serial_to: string | null;
  notes: string;
};

/** Appliance (or one variant of it, `variant_id`) → product that fits, with an optional qualifier. */
export type CompatibilityTable = {
  id: string;
  appliance_id: string;
  variant_id: string | null;
  product_id: string;
  note: string;
};

/** "We'll find it for you": a customer's number that the lookup did not find, for staff to answer. */
export type LookupRequestTable = {
  id: string;
  query: string;
  serial: string;
  email: string;
  locale: string;
  photo: Buffer | null;
  photo_type: string | null;
  status: 'open' | 'answered';
  answer: string | null;
  answered_by: string | null;
  appliance_id: string | null;
  created_at: string;
  answered_at: string | null;
};

export type ApplianceTables = {
  brands: BrandTable;
  appliances: ApplianceTable;
  appliance_aliases: ApplianceAliasTable;
  appliance_variants: ApplianceVariantTable;
  compatibility: CompatibilityTable;
  lookup_requests: LookupRequestTable;
};
