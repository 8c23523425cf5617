import type { MessageKey, Translate } from '../../web/i18n/messages.ts';

/** Every admin form problem of the appliance registry, by code. */
export type AdminProblem = { code: string; value?: string };

/** A field problem in the reader's words; `value` fills the message's placeholder (a limit, a SKU, a range). */
export function describeProblem(t: Translate, p: AdminProblem): string {
  return t(`applianceAdmin.problem.${p.code}` as MessageKey, { value: p.value ?? '' });
}

/** The first problem per field id, in form order, ready for the fields and the error summary. */
export function firstProblems<F extends string>(
  t: Translate,
  errors: readonly (AdminProblem & { field: F })[],
  idOf: (field: F) => string = (f) => f,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of errors) {
    const id = idOf(e.field);
    if (!out.has(id)) out.set(id, describeProblem(t, e));
  }
  return out;
}
