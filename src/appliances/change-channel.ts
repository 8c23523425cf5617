import type { Ctx } from '../context.ts';
import { announce, type ChangeListener, type Log, listen, MAX_PAYLOAD } from '../db/change-channel.ts';

export type { ChangeListener, Log };

/** The PostgreSQL channel on which every process hears that appliances changed. */
export const CHANNEL = 'toonbank_appliances';

export type ApplianceChange = string[] | 'all';

/**
 * Tells every process listening on PostgreSQL which appliances changed (after the change is committed); id lists
 * too long for one message are sent as "all". Returns the backend pid and payload, so the sender can recognise
 * its own message; null on SQLite.
 */
export async function announceChange(ctx: Ctx, change: ApplianceChange): Promise<string | null> {
  let payload = change === 'all' ? 'all' : JSON.stringify(change);
  if (payload.length > MAX_PAYLOAD) payload = 'all';
  return announce(ctx.db, CHANNEL, payload);
}

/**
 * LISTENs for appliance changes (see `listen` in db/change-channel.ts) and calls `onChange` per message with its
 * `pid payload` key; after a lost connection it calls `onChange('all', '')`, since messages may have been missed.
 */
export function listenForChanges(
  url: string,
  onChange: (change: ApplianceChange, key: string) => void,
  log?: Log,
): Promise<ChangeListener> {
  return listen(
    url,
    CHANNEL,
    {
      onMessage: (payload, key) => onChange(parseChange(payload || 'all'), key),
      onMissed: () => onChange('all', ''),
    },
    { what: 'appliance change listener', log },
  );
}

function parseChange(payload: string): ApplianceChange {
  if (payload === 'all' || payload === '"all"') return 'all';
  try {
    const ids = JSON.parse(payload) as unknown;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : 'all';
  } catch {
    return 'all';
  }
}
