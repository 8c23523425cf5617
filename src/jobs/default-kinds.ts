import { retentionPurgeJob } from '../customers/privacy/retention-purge.ts';
import { BROADCAST_PREVIEW_JOB } from '../messaging/broadcast/create-broadcast.ts';
import { broadcastPreviewJob } from '../messaging/broadcast/preview-job.ts';
import { BROADCAST_SEND_JOB, broadcastSendJob } from '../messaging/broadcast/send-broadcast.ts';
import { gatewayDeliverJob } from '../messaging/gateway/deliver-message.ts';
import { DIGEST_JOB, gatewayDigestJob } from '../messaging/gateway/send-digest.ts';
import { orderConfirmationJob } from '../messaging/send-order-confirmation.ts';
import { orderDelayedJob } from '../messaging/send-order-delayed.ts';
import { orderShippedJob } from '../messaging/send-order-shipped.ts';
import { refundJob } from '../payments/refund-job.ts';
import { replenishmentRemindersJob } from '../replenishment/send-reminders.ts';
import { housekeepingJob } from './housekeeping.ts';
import type { JobKinds } from './job-kind.ts';

/**
 * Job kind 'fulfilment' (enqueued by `placeOrder`): nothing to do yet. Packing and shipping are staff work
 * in the admin (to come); this only marks the job done so it does not stay due forever.
 */
const fulfilmentJob = { maxAttempts: 1, run: async () => {} };

/** The job kinds every worker runs. */
export const defaultJobKinds: JobKinds = {
  'order-confirmation': orderConfirmationJob,
  fulfilment: fulfilmentJob,
  housekeeping: housekeepingJob,
  refund: refundJob,
  'order-shipped': orderShippedJob,
  'order-delayed': orderDelayedJob,
  'gateway-deliver': gatewayDeliverJob,
  [DIGEST_JOB]: gatewayDigestJob,
  [BROADCAST_SEND_JOB]: broadcastSendJob,
  [BROADCAST_PREVIEW_JOB]: broadcastPreviewJob,
  'retention-purge': retentionPurgeJob,
  'replenishment-reminders': replenishmentRemindersJob,
};
