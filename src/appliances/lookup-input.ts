import type { Translate } from '../web/i18n/messages.ts';
import { CONTROL_CHARACTERS } from './control-characters.ts';

/** Longest query or serial the lookup accepts, in characters. */
export const MAX_LOOKUP_LENGTH = 100;
/**
 * Why a lookup cannot be answered, in the reader's words, or null when it can: the query must hold something,
 * and neither it nor the serial may pass 100 characters or hold control characters.
 */
export function lookupInputProblem(t: Translate, input: { q?: string; serial?: string }): string | null {
  const q = input.q ?? '';
  if (q.trim() === '') return t('appliances.lookup.empty');
  for (const [field, value] of [
    ['q', q],
    ['serial', input.serial ?? ''],
  ] as const) {
    if ([...value].length > MAX_LOOKUP_LENGTH)
      return t('appliances.lookup.too-long', { field, max: MAX_LOOKUP_LENGTH });
    if (CONTROL_CHARACTERS.test(value)) return t('appliances.lookup.control-characters', { field });
  }
  return null;
}
