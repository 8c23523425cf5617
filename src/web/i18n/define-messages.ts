/**
 * A domain's messages in both languages. The English catalogue must have exactly the Dutch keys,
 * so a missing translation is a type error, not a blank on a page.
 */
export function defineMessages<const T extends Record<string, string>>(
  nl: T,
  en: { [K in keyof T]: string },
) {
  return { nl, en } as { nl: T; en: { [K in keyof T]: string } };
}
