import { defineMessages } from '../web/i18n/define-messages.ts';

/** Online payment wording: the methods at checkout and paying (again) from the confirmation page. */
export const paymentMessages = defineMessages(
  {
    'payment.method.bank-transfer': 'Bankoverschrijving',
    'payment.method.ideal': 'iDEAL',
    'payment.method.creditcard': 'Creditcard',
    'payment.method.bancontact': 'Bancontact',
    'payment.onlineHint':
      'Je betaalt op de beveiligde betaalpagina van Mollie; wij zien je kaart- of bankgegevens nooit.',
    'payment.payNow': 'Nu betalen',
    'payment.redirectTitle': 'Naar de betaalpagina',
    'payment.redirecting':
      'Je bestelling staat klaar. Je gaat nu naar de beveiligde betaalpagina van Mollie; gebeurt dat niet vanzelf, kies dan “Nu betalen”.',
    'payment.payAgain': 'Opnieuw proberen te betalen',
    'payment.waiting':
      'We wachten nog op de bevestiging van je betaling. Is het betalen mislukt of afgebroken, probeer het dan opnieuw.',
    'payment.unavailable':
      'De betaalpagina is nu niet bereikbaar. Je bestelling staat klaar; probeer het over een paar minuten opnieuw.',
    'payment.received': 'Je betaling is binnen. Dank je wel!',
  },
  {
    'payment.method.bank-transfer': 'Bank transfer',
    'payment.method.ideal': 'iDEAL',
    'payment.method.creditcard': 'Credit card',
    'payment.method.bancontact': 'Bancontact',
    'payment.onlineHint': 'You pay on Mollie’s secure payment page; we never see your card or bank details.',
    'payment.payNow': 'Pay now',
    'payment.redirectTitle': 'To the payment page',
    'payment.redirecting':
      'Your order is saved. You are now going to Mollie’s secure payment page; if that does not happen by itself, choose “Pay now”.',
    'payment.payAgain': 'Try paying again',
    'payment.waiting':
      'We are still waiting for your payment to be confirmed. If paying failed or was cancelled, try again.',
    'payment.unavailable':
      'The payment page cannot be reached right now. Your order is saved; please try again in a few minutes.',
    'payment.received': 'Your payment has arrived. Thank you!',
  },
);
