import { randomUUID } from 'node:crypto';
import { WEEKDAYS } from '../src/domain/availability/weekdays.ts';
import { seededRandom } from '../src/domain/matching/seeded-random.ts';
import type { Database } from '../src/store/prisma.ts';

const ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
];
const TYPES = ['product-sense', 'execution', 'behavioural', 'strategy', 'technical'];
const LEVELS = ['PM', 'SENIOR', 'STAFF', 'DIRECTOR'];
const ROLES = ['BOTH', 'BOTH', 'BOTH', 'INTERVIEWEE', 'INTERVIEWER'];
const DURATIONS = [30, 45, 60];

/**
 * A workspace with `count` members, each with one open request as the request form stores it
 * (weekly windows in the member's own zone), for a sweep to match. Set-based SQL: Prisma's
 * createMany spends about 0.3 ms a row, which would make seeding the slow part of the run.
 */
export async function seedOpenPool(db: Database, slackTeamId: string, count: number, seed: number) {
  const random = seededRandom(seed);
  const workspace = await db.workspace.create({ data: { slackTeamId } });
  const memberIds = Array.from({ length: count }, () => randomUUID());
  const slackIds = memberIds.map((_, i) => `U0POOL${i.toString(36).toUpperCase()}`);
  const zones = memberIds.map(() => random.pick(ZONES));
  const levels = memberIds.map(() => random.pick(LEVELS));
  const roles = memberIds.map(() => random.pick(ROLES));
  const durations = memberIds.map(() => random.pick(DURATIONS));
  const types = memberIds.map(() => {
    const picked = new Set([random.pick(TYPES)]);
    if (random.chance(0.4)) picked.add(random.pick(TYPES));
    return [...picked].join(',');
  });
  const availabilities = memberIds.map(() => {
    const weekly = Array.from({ length: random.int(1, 2) }, () => {
      const days = WEEKDAYS.filter(() => random.chance(0.5));
      const startHalfHours = random.int(16, 40);
      const lengthHalfHours = random.int(3, 7);
      return {
        days: days.length > 0 ? days : ['mon'],
        start: clock(startHalfHours),
        end: clock(startHalfHours + lengthHalfHours),
      };
    });
    return JSON.stringify({ weekly, slots: [] });
  });
  const expiresAt = new Date(Date.now() + 7 * 86_400_000);
  await db.$executeRaw`
    INSERT INTO "Member" ("id", "workspaceId", "slackUserId", "timezone", "level", "updatedAt")
    SELECT m.id, ${workspace.id}::uuid, m.slack, m.zone, m.level, now()
    FROM unnest(${memberIds}::uuid[], ${slackIds}::text[], ${zones}::text[], ${levels}::text[])
      AS m(id, slack, zone, level)`;
  await db.$executeRaw`
    INSERT INTO "PartnerRequest" ("id", "workspaceId", "memberId", "openForMemberId", "status",
      "interviewTypes", "level", "role", "durationMinutes", "availability", "timezone", "expiresAt",
      "updatedAt")
    SELECT gen_random_uuid(), ${workspace.id}::uuid, r.member, r.member, 'OPEN',
      string_to_array(r.types, ','), r.level, r.role::"PracticeRole", r.duration, r.availability::jsonb,
      r.zone, ${expiresAt}, now()
    FROM unnest(${memberIds}::uuid[], ${types}::text[], ${levels}::text[], ${roles}::text[],
      ${durations}::int[], ${availabilities}::text[], ${zones}::text[])
      AS r(member, types, level, role, duration, availability, zone)`;
  await db.$executeRaw`ANALYZE "Member", "PartnerRequest"`;
  return workspace.id;
}

function clock(halfHours: number): string {
  const hours = Math.floor(halfHours / 2) % 24;
  return `${String(hours).padStart(2, '0')}:${halfHours % 2 === 0 ? '00' : '30'}`;
}
