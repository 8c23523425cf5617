import type { Locale } from '../config.ts';
import { formatPrice } from '../web/i18n/format.ts';
import type { Translate } from '../web/i18n/messages.ts';
import { formatCode } from './codes.ts';
import type { CodeRefusal } from './rules.ts';

/** Why a code was refused, in the visitor's language, naming the code as printed. */
export function refusalText(t: Translate, locale: Locale, currency: string, refusal: CodeRefusal): string {
  return t(`voucher.refused.${refusal.problem}`, {
    code: formatCode(refusal.code),
    minimum: formatPrice(refusal.minimumCents ?? 0, locale, currency),
  });
}
