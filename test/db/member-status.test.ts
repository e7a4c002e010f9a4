import { describe, expect, it } from 'vitest';
import { findMemberStatus } from '../../src/store/member-status.ts';
import { ensureMember, findMember } from '../../src/store/members.ts';
import { findOpenRequest, saveOpenRequest } from '../../src/store/partner-requests.ts';
import { seedConfirmedSessions } from '../harness/confirmed-sessions.ts';
import { TEST_TEAM_ID } from '../harness/test-world.ts';
import { inProcessTimeZone, useTestDatabase } from '../harness/use-database.ts';

// `/mock status` reads the member and what lies ahead of them while they wait: one statement
// when nothing does, a second only to load the sessions that do.
const HOUR = 3600_000;
const now = new Date('2026-12-06T12:00:00.000Z');
const database = useTestDatabase();

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  database.statements.length = 0;
  const result = await work();
  return { result, statements: database.statements.length };
}

describe('findMemberStatus', () => {
  it('is null, in one statement, for a member never seen', async () => {
    const { result, statements } = await counted(() =>
      findMemberStatus(database.db, { slackTeamId: TEST_TEAM_ID, slackUserId: 'U0NOBODY' }, now),
    );
    expect(result).toBeNull();
    expect(statements).toBe(1);
  });

  it('costs one statement for a member with nothing ahead', async () => {
    const ref = { slackTeamId: TEST_TEAM_ID, slackUserId: 'U0IDLE' };
    await ensureMember(database.db, ref);

    const { result, statements } = await counted(() => findMemberStatus(database.db, ref, now));

    expect(result?.member.slackUserId).toBe('U0IDLE');
    expect(result?.request).toBeNull();
    expect(result?.sessions).toEqual([]);
    expect(statements).toBe(1);
  });

  it('lists the next five sessions still on, soonest first, one running included, in two statements', async () => {
    const at = (hours: number) => now.getTime() + hours * HOUR;
    const seeded = await seedConfirmedSessions(database.db, {
      startTimes: [at(72), at(-0.5), at(24), at(-2), at(48), at(96), at(120), at(144)],
      tag: 'ST',
    });
    // Called off: no longer ahead of anyone.
    await database.db.session.update({ where: { id: seeded[4]!.id }, data: { status: 'CANCELLED' } });

    const { result, statements } = await counted(() =>
      findMemberStatus(database.db, { slackTeamId: TEST_TEAM_ID, slackUserId: 'U0ANA' }, now),
    );

    expect(result?.sessions.map((session) => session.startsAt)).toEqual([
      at(-0.5),
      at(24),
      at(72),
      at(96),
      at(120),
    ]);
    expect(result?.sessions[0]?.participants.map((participant) => participant.slackUserId)).toEqual([
      'U0ANA',
      'U0BO',
    ]);
    expect(statements).toBe(2);
  });

  it('reads the member and their open request as Prisma does, in a process not on UTC', async () => {
    // pg reads a timestamp column without a zone as local time; Prisma writes UTC into it.
    await inProcessTimeZone('America/Sao_Paulo', async () => {
      const ref = { slackTeamId: TEST_TEAM_ID, slackUserId: 'U0FULL' };
      const member = await ensureMember(database.db, ref);
      await database.db.member.update({
        where: { id: member.id },
        data: {
          timezone: 'Asia/Tokyo',
          timezoneOverride: 'Europe/Berlin',
          level: 'STAFF',
          meetingLink: 'https://meet.example.com/full',
          usualTimes: 'weekdays 18-21',
          usualAvailability: { weekly: [{ days: ['mon', 'wed'], start: '18:00', end: '21:00' }], slots: [] },
          profileSyncedAt: new Date('2026-12-05T23:59:58.123Z'),
        },
      });
      await saveOpenRequest(database.db, {
        workspaceId: member.workspaceId,
        memberId: member.id,
        interviewTypes: ['execution', 'behavioural'],
        level: 'STAFF',
        role: 'INTERVIEWEE',
        durationMinutes: 45,
        availability: { weekly: [], slots: [{ date: '2026-12-07', start: '19:00', end: '20:30' }] },
        timezone: 'Europe/Berlin',
        note: 'fintech, please',
        expiresAt: new Date('2026-12-08T00:30:00.456Z'),
      });

      const { result, statements } = await counted(() => findMemberStatus(database.db, ref, now));

      expect(result?.member).toEqual(await findMember(database.db, ref));
      expect(result?.member.usualAvailability?.weekly).toHaveLength(1);
      expect(result?.request).toEqual(await findOpenRequest(database.db, member.id));
      expect(result?.request?.expiresAt.toISOString()).toBe('2026-12-08T00:30:00.456Z');
      expect(result?.member.profileSyncedAt?.toISOString()).toBe('2026-12-05T23:59:58.123Z');
      expect(statements).toBe(1);
    });
  });

  it('leaves out a request once it is closed', async () => {
    const ref = { slackTeamId: TEST_TEAM_ID, slackUserId: 'U0FULL' };
    await database.db.partnerRequest.updateMany({
      where: { member: { slackUserId: 'U0FULL' } },
      data: { openForMemberId: null, status: 'CANCELLED', closedAt: now },
    });

    expect((await findMemberStatus(database.db, ref, now))?.request).toBeNull();
  });
});
