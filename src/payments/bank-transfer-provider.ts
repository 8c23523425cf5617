import type { PaymentProvider } from './payment-provider.ts';

/**
 * Bank transfer (the default provider): no outside side effect. The customer transfers the money with the
 * order number as reference; staff mark the order paid when it arrives (`markBankTransferPaid`), and a
 * refund is staff's work by hand, so `refund` answers 'manual'.
 */
export const bankTransferProvider: PaymentProvider = {
  name: 'bank-transfer',
  createPayment: async (request) => ({ providerPaymentId: `bt-${request.orderNumber}`, redirectUrl: null }),
  // the bank tells staff, not us: the status in our table is the truth, changed by staff
  fetchStatus: async () => ({ status: 'open', amount: null }),
  refund: async () => ({ kind: 'manual' }),
};
