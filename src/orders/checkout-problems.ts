import type { Translate } from '../web/i18n/messages.ts';
import type { FieldProblem } from './checkout-input.ts';

/** Per-field reasons in words, keyed by the API's field names (`address.postcode`). */
export function fieldTexts(t: Translate, fields: Record<string, FieldProblem>): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [field, problem] of Object.entries(fields)) {
    texts[field] = t(
      `checkout.error.${problem.reason}`,
      problem.example ? { example: problem.example } : undefined,
    );
  }
  return texts;
}
