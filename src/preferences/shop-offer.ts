import type { Config } from '../config.ts';
import type { Channel } from './preferences.ts';

/**
 * The channels this shop can actually reach customers through. E-mail always; web push and SMS are the message
 * gateway's channels (src/messaging/channels); post is not offered: Toonbank sends no postal mailings. Terms that
 * ask for a channel not offered here are reported to the customer as not honoured.
 */
export function offeredChannels(_config: Config): readonly Channel[] {
  return ['email', 'push', 'sms'];
}
