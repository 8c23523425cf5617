import type { Config } from '../../config.ts';
import { messagebirdProvider } from './messagebird-sms.ts';
import type { SmsProvider } from './sms-provider.ts';

const providers = new WeakMap<Config, SmsProvider | null>();

/** The configured SMS provider, or null: SMS is off unless SMS_PROVIDER is set (see config.ts). */
export function smsChannel(config: Config): SmsProvider | null {
  if (!providers.has(config)) providers.set(config, config.sms ? messagebirdProvider(config.sms) : null);
  return providers.get(config) ?? null;
}
