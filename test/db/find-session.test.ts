import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../src/store/prisma.ts';
import { findSession, toRecord, withParticipants } from '../../src/store/sessions.ts';
import { seedConfirmedSessions } from '../harness/confirmed-sessions.ts';
import { createTestDatabase, type TestDatabase } from '../harness/database.ts';

// Every session job starts with findSession, which reads PostgreSQL without Prisma: it must return
// exactly what toRecord makes of Prisma's read, whatever the zone of the process and of the
// database's sessions.
let database: TestDatabase;
let db: Database;
const statements: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase({ timezone: 'Asia/Tokyo' });
  db = createDatabase(database.url, { onStatement: (sql) => statements.push(sql) });
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

async function prismaRead(sessionId: string) {
  const row = await db.session.findUnique({ where: { id: sessionId }, include: withParticipants });
  return row ? toRecord(row) : null;
}

describe('findSession', () => {
  it('reads a session and both participants as Prisma does, in one statement', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Sao_Paulo';
    try {
      const startsAt = Date.parse('2026-12-08T18:30:00.250Z');
      const [seeded] = await seedConfirmedSessions(db, { startTimes: [startsAt], tag: 'FS' });
      // Everything a participant carries, filled in, with odd milliseconds on every timestamp.
      const session = await db.session.update({
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
      await db.member.update({
        where: { id: first!.memberId },
        data: { meetingLink: 'https://meet.example.com/ana' },
      });
      await db.partnerRequest.update({
        where: { id: second!.requestId },
        data: { note: 'Happy to go second — “quotes” and\nnew lines', level: 'STAFF', role: 'INTERVIEWEE' },
      });
      await db.sessionParticipant.update({
        where: { id: second!.id },
        data: { confirmedAt: null, noShow: true },
      });
      await db.sessionParticipant.update({
        where: { id: first!.id },
        data: { confirmedAt: new Date('2026-12-07T23:59:59.999Z') },
      });

      statements.length = 0;
      const direct = await findSession(db, seeded!.id);
      expect(statements).toHaveLength(1);
      expect(direct).toEqual(await prismaRead(seeded!.id));
      expect(direct?.participants.map((participant) => participant.interviewsFirst)).toEqual([true, false]);
      expect(direct?.proposedSlots).toHaveLength(3);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('finds nothing for an unknown id, and nothing without a statement for one that is not a uuid', async () => {
    expect(await findSession(db, '00000000-0000-4000-8000-000000000000')).toBeNull();
    statements.length = 0;
    expect(await findSession(db, 'not-a-session')).toBeNull();
    expect(statements).toHaveLength(0);
  });
});
