import type { PageCtx } from '../page-context.ts';

/** The hidden token every form post carries (see web/csrf.ts). */
export function CsrfField({ ctx }: { ctx: PageCtx }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken()} />;
}
