import { describe, expect, it } from 'vitest';
import {
  findSendState,
  findSentMessage,
  recordSendAttempt,
  recordSendFailure,
  recordSentMessage,
} from '../../src/store/sent-messages.ts';
import { inProcessTimeZone, useTestDatabase } from '../harness/use-database.ts';

// The send ledger goes to PostgreSQL without Prisma (a worker touches it three times per message):
// what it writes and reads must be what Prisma reads and writes for the same rows, whatever the
// zone of the process and of the database's sessions.
const database = useTestDatabase({ timezone: 'Asia/Tokyo' });

const prismaRow = (key: string) => database.db.sentMessage.findUnique({ where: { key } });

describe('the send ledger', () => {
  it('has nothing for a key never sent, in one statement', async () => {
    database.statements.length = 0;
    expect(await findSendState(database.db, 'never-sent')).toEqual({ recorded: null, attemptedAt: null });
    expect(await findSentMessage(database.db, 'never-sent')).toBeNull();
    expect(database.statements).toHaveLength(2);
  });

  it('dates an attempt by this process’s clock, as Prisma reads it, and keeps only the first', async () => {
    await inProcessTimeZone('America/Sao_Paulo', async () => {
      const before = Date.now();
      expect(await recordSendAttempt(database.db, { key: 'reminder-1', channelId: 'C0PAIR' })).toBe(true);
      const after = Date.now();
      const written = await prismaRow('reminder-1#attempt');
      expect(written).toMatchObject({ channelId: 'C0PAIR', ts: null, failedWith: null });
      expect(written!.createdAt.getTime()).toBeGreaterThanOrEqual(before);
      expect(written!.createdAt.getTime()).toBeLessThanOrEqual(after);

      const state = await findSendState(database.db, 'reminder-1');
      expect(state).toEqual({ recorded: null, attemptedAt: written!.createdAt });

      // A second attempt (a retry after a lost answer) leaves the first one's date in place.
      expect(await recordSendAttempt(database.db, { key: 'reminder-1', channelId: 'C0PAIR' })).toBe(false);
      expect((await prismaRow('reminder-1#attempt'))!.createdAt).toEqual(written!.createdAt);
    });
  });

  it('records a send, settling its attempt, and reads it back as Prisma does', async () => {
    await recordSendAttempt(database.db, { key: 'reminder-2', channelId: 'C0PAIR' });
    database.statements.length = 0;
    await recordSentMessage(database.db, { key: 'reminder-2', channelId: 'C0PAIR', ts: '1765000000.000100' });
    expect(database.statements).toHaveLength(1);

    expect(await prismaRow('reminder-2#attempt')).toBeNull();
    const row = await prismaRow('reminder-2');
    const recorded = { key: 'reminder-2', channelId: 'C0PAIR', ts: '1765000000.000100', failedWith: null };
    expect(row).toMatchObject(recorded);
    expect(await findSentMessage(database.db, 'reminder-2')).toEqual(recorded);
    expect(await findSendState(database.db, 'reminder-2')).toEqual({ recorded, attemptedAt: null });
  });

  it('reads a permanent failure back, and a later success replaces it', async () => {
    await recordSendFailure(database.db, {
      key: 'reminder-3',
      channelId: 'C0GONE',
      failedWith: 'channel_not_found',
    });
    const failed = { key: 'reminder-3', channelId: 'C0GONE', ts: null, failedWith: 'channel_not_found' };
    expect(await findSentMessage(database.db, 'reminder-3')).toEqual(failed);
    expect(await findSendState(database.db, 'reminder-3')).toEqual({ recorded: failed, attemptedAt: null });

    await recordSentMessage(database.db, { key: 'reminder-3', channelId: 'C0PAIR', ts: '1765000000.000200' });
    expect(await prismaRow('reminder-3')).toMatchObject({
      channelId: 'C0PAIR',
      ts: '1765000000.000200',
      failedWith: null,
    });
  });
});
