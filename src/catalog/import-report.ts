import type { Translate } from '../web/i18n/messages.ts';
import type { ImportProblem, ImportResult } from './import-products.ts';

/** A problem in words: "Line 7: price_cents “12,50” is not a whole number". */
export function describeProblem(t: Translate, p: ImportProblem): string {
  return `${t('import.line', { line: p.line })}: ${t(`import.code.${p.code}`, { column: p.column ?? '', value: p.value ?? '' })}`;
}

/** Why a file was refused as a whole, in words. */
export function describeUnusable(t: Translate, r: Extract<ImportResult, { ok: false }>): string {
  return t(`import.unusable.${r.unusable}`, { detail: r.detail ?? '', line: r.line ?? '' });
}
