/** Catalog tables. Booleans are 0/1, timestamps ISO-8601 UTC text, money integer cents incl. VAT. */
export type CategoryTable = {
  id: string;
  slug: string;
  name_nl: string;
  name_en: string;
  description_nl: string;
  description_en: string;
  position: number;
  created_at: string;
  updated_at: string;
};

export type ProductTable = {
  id: string;
  sku: string;
  slug: string;
  category_id: string;
  name_nl: string;
  name_en: string;
  description_nl: string;
  description_en: string;
  price_cents: number;
  vat_rate: number;
  stock: number;
  mailbox_fit: number;
  weight_grams: number;
  length_mm: number | null;
  width_mm: number | null;
  height_mm: number | null;
  active: number;
  /** Lower-case, accent-free text of sku, names and descriptions, for text search. */
  search_text: string;
  created_at: string;
  updated_at: string;
};

/** One row per price a product has had, from `valid_from` until the next row. */
export type PriceHistoryTable = {
  id: string;
  product_id: string;
  price_cents: number;
  valid_from: string;
};

export type ProductImageTable = {
  id: string;
  product_id: string;
  position: number;
  alt_nl: string;
  alt_en: string;
  width: number;
  height: number;
  created_at: string;
};

export type ProductImageFileTable = {
  image_id: string;
  size: string;
  width: number;
  height: number;
  bytes: Buffer;
};

export type CatalogTables = {
  categories: CategoryTable;
  products: ProductTable;
  price_history: PriceHistoryTable;
  product_images: ProductImageTable;
  product_image_files: ProductImageFileTable;
};
