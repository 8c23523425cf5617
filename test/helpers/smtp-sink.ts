import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SmtpSink = {
  url: string;
  mails: ParsedMail[];
  /**
   * The mails to `to` whose subject matches, as soon as at least one has arrived: the shop may send after it
   * answered (from a job, or a moment later). Fails after `timeoutMs` (15 s: a loaded CI machine is slow) with what
   * did arrive.
   */
  mailsTo(to: string, subject: RegExp, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Refuse the next n messages with a temporary error (451); `Infinity` until `refuse(0)`. */
  refuse(n: number): void;
  close(): Promise<void>;
};

/**
 * A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. With `refuseGone` it refuses
 * addresses starting "gone" for good (550 at RCPT TO), as a mailbox that no longer exists: a hard bounce.
 */
export async function startSmtpSink(options: { refuseGone?: boolean } = {}): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  let refusing = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuseGone && address.address.startsWith('gone'))
        return callback(Object.assign(new Error('no such user here'), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (refusing > 0) {
            refusing--;
            const err = Object.assign(new Error('try again later'), { responseCode: 451 });
            return callback(err);
          }
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    mailsTo: async (to, subject, timeoutMs = 15_000) => {
      const matching = () =>
        mails.filter(
          (m) => (m.to as { text: string } | undefined)?.text === to && subject.test(m.subject ?? ''),
        );
      for (const deadline = Date.now() + timeoutMs; matching().length === 0 && Date.now() < deadline; )
        await new Promise((resolve) => setTimeout(resolve, 50));
      const found = matching();
      assert.ok(
        found.length > 0,
        `a mail to ${to} matching ${subject}; arrived: ${mails.map((m) => m.subject).join(' | ')}`,
      );
      return found;
    },
    refuse: (n) => {
      refusing = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
