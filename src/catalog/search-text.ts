/** Lower-case, accent-free, single-spaced text: what product search compares. `Koffiezetapparaat-Ontkalker` → `koffiezetapparaat ontkalker`. */
export function searchText(...parts: string[]): string {
  return parts
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A URL slug from a name: `Stofzuigerzakken (5 stuks)` → `stofzuigerzakken-5-stuks`. */
export function slugify(text: string): string {
  return searchText(text).replace(/ /g, '-').slice(0, 80) || 'product';
}
