import type { FastifyBaseLogger } from 'fastify';
import type { Ctx } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { applyCustomerTerms } from '../../preferences/customer-terms.ts';

/**
 * Applies the customer terms pasted at sign-up to the account the link just created. The account exists either
 * way: terms that are not valid JSON or not a terms document are not applied (false), and the customer lands on
 * the account as usual; what was honoured is shown on /account/terms.
 */
export async function applySignupTerms(
  ctx: Ctx,
  customerId: string,
  termsText: string,
  log: FastifyBaseLogger,
): Promise<boolean> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(termsText);
  } catch {
    return false;
  }
  try {
    await applyCustomerTerms(ctx, customerId, parsed, 'signup');
    return true;
  } catch (err) {
    if (err instanceof AppError) {
      log.info({ customerId, error: err.message }, 'customer terms at sign-up not applied');
      return false;
    }
    throw err;
  }
}
