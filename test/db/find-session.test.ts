import { describe, expect, it } from 'vitest';
import { findSession, toRecord, withParticipants } from '../../src/store/sessions.ts';
import { seedConfirmedSessions } from '../harness/confirmed-sessions.ts';
import { inProcessTimeZone, useTestDatabase } from '../harness/use-database.ts';

// Every session job starts with findSession, which reads PostgreSQL without Prisma: it must return
// exactly what toRecord makes of Prisma's read, whatever the zone of the process and of the
// database's sessions.
const database = useTestDatabase({ timezone: 'Asia/Tokyo' });

async function prismaRead(sessionId: string) {
  const row = await database.db.session.findUnique({ where: { id: sessionId }, include: withParticipants });
  return row ? toRecord(row) : null;
}

describe('findSession', () => {
  it('reads a session and both participants as Prisma does, in one statement', async () => {
    await inProcessTimeZone('America/Sao_Paulo', async () => {
      const startsAt = Date.parse('2026-12-08T18:30:00.250Z');
      const [seeded] = await seedConfirmedSessions(database.db, { startTimes: [startsAt], tag: 'FS' });
      // Everything a participant carries, filled in, with odd milliseconds on every timestamp.
      const session = await database.db.session.update({
        where: { id: seeded!.id },
        data: {
          proposedSlots: [
            new Date(startsAt),
            new Date(startsAt + 86_400_007),
            new Date(startsAt - 3_600_001),
          ],
          cancelledById: null,
        },
        include: { participants: { include: { member: true, request: true } } },
      });
      const [first, second] = session.participants;
      await database.db.member.update({
        where: { id: first!.memberId },
        data: { meetingLink: 'https://meet.example.com/ana' },
      });
      await database.db.partnerRequest.update({
        where: { id: second!.requestId },
        data: { note: 'Happy to go second — “quotes” and\nnew lines', level: 'STAFF', role: 'INTERVIEWEE' },
      });
      await database.db.sessionParticipant.update({
        where: { id: second!.id },
        data: { confirmedAt: null, noShow: true },
      });
      await database.db.sessionParticipant.update({
        where: { id: first!.id },
        data: { confirmedAt: new Date('2026-12-07T23:59:59.999Z') },
      });

      database.statements.length = 0;
      const direct = await findSession(database.db, seeded!.id);
      expect(database.statements).toHaveLength(1);
      expect(direct).toEqual(await prismaRead(seeded!.id));
      expect(direct?.participants.map((participant) => participant.interviewsFirst)).toEqual([true, false]);
      expect(direct?.proposedSlots).toHaveLength(3);
    });
  });

  it('finds nothing for an unknown id, and nothing without a statement for one that is not a uuid', async () => {
    expect(await findSession(database.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
    database.statements.length = 0;
    expect(await findSession(database.db, 'not-a-session')).toBeNull();
    expect(database.statements).toHaveLength(0);
  });
});
