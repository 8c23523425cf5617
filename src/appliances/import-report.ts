import type { Translate } from '../web/i18n/messages.ts';
import type { Unusable } from './appliance-csv.ts';
import type { ApplianceImportProblem } from './import-appliances.ts';

/** A problem in words: "Line 7: fits: we do not know these item numbers: BAG-999". */
export function describeApplianceProblem(t: Translate, p: ApplianceImportProblem): string {
  return `${t('import.line', { line: p.line })}: ${t(`appliances.import.code.${p.code}`, { column: p.column ?? '', value: p.value ?? '' })}`;
}

/** Why a file was refused as a whole, in words. */
export function describeApplianceUnusable(t: Translate, r: Unusable): string {
  return t(`appliances.import.unusable.${r.unusable}`, { detail: r.detail ?? '', line: r.line ?? '' });
}
