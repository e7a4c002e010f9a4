import type { Role } from '../domain/matching/types.ts';
import type { PartnerRequest } from '../generated/prisma/client.ts';
import { type DirectStatement, selectRows } from './direct-sql.ts';
import { type MemberProfile, type MemberRef, type ProfileColumns, toProfile } from './members.ts';
import { type OpenRequestRow, toOpenRequestRow } from './partner-requests.ts';
import type { Database } from './prisma.ts';
import { type SessionRecord, toRecord, withParticipants } from './sessions.ts';

/** Sessions this long past their start still show as upcoming: one may be running. */
const RUNNING_GRACE_MS = 60 * 60_000;

/** What `/mock status` shows: the member's open request and sessions ahead. */
export interface MemberStatus {
  member: MemberProfile;
  request: OpenRequestRow | null;
  sessions: SessionRecord[];
}

type OpenRequestColumns = Pick<
  PartnerRequest,
  | 'id'
  | 'workspaceId'
  | 'memberId'
  | 'interviewTypes'
  | 'level'
  | 'durationMinutes'
  | 'availability'
  | 'timezone'
  | 'note'
  | 'expiresAt'
  | 'priority'
  | 'createdAt'
> & { role: Role };

/** A member's row, their open request's columns (all null when they have none), their sessions ahead. */
type StatusRow = ProfileColumns & {
  [Column in keyof OpenRequestColumns as `request_${Column}`]: OpenRequestColumns[Column] | null;
} & { sessionIdsAhead: string[] };

/**
 * The open request is the one whose openForMemberId is the member's (unique, so at most one, and
 * found through that index). Sessions ahead are named by id only: loading them with their
 * participants is the rare second statement.
 */
const STATUS: DirectStatement = {
  name: 'member-status',
  text: `
    SELECT m."id", m."workspaceId", m."timezone", m."timezoneOverride", m."level", m."meetingLink",
      m."usualTimes", m."usualAvailability", m."profileSyncedAt",
      r."id" AS "request_id", r."workspaceId" AS "request_workspaceId",
      r."memberId" AS "request_memberId", r."interviewTypes" AS "request_interviewTypes",
      r."level" AS "request_level", r."role" AS "request_role",
      r."durationMinutes" AS "request_durationMinutes", r."availability" AS "request_availability",
      r."timezone" AS "request_timezone", r."note" AS "request_note",
      r."expiresAt" AS "request_expiresAt", r."priority" AS "request_priority",
      r."createdAt" AS "request_createdAt",
      ARRAY(
        SELECT p."sessionId" FROM "SessionParticipant" p JOIN "Session" s ON s."id" = p."sessionId"
        WHERE p."memberId" = m."id" AND s."status" IN ('PROPOSED', 'CONFIRMED')
          AND s."startsAt" > $3::timestamp
        ORDER BY s."startsAt" LIMIT 5
      ) AS "sessionIdsAhead"
    FROM "Member" m
      JOIN "Workspace" w ON w."id" = m."workspaceId"
      LEFT JOIN "PartnerRequest" r ON r."openForMemberId" = m."id"
    WHERE m."slackUserId" = $1 AND w."slackTeamId" = $2
    LIMIT 1`,
};

/**
 * The member and what `/mock status` shows them: their open request and their next five sessions
 * still proposed or confirmed, including one that started up to an hour ago. Null before the
 * member's first contact. The member is waiting on it, so it costs one statement for a member
 * with nothing ahead, the usual case, and a second only to load the sessions they do have ahead.
 * The first is a direct read (direct-sql.ts says why).
 */
export async function findMemberStatus(
  db: Database,
  ref: MemberRef,
  now: Date,
): Promise<MemberStatus | null> {
  const runningSince = new Date(now.getTime() - RUNNING_GRACE_MS).toISOString();
  const [row] = await selectRows<StatusRow>(db, STATUS, [ref.slackUserId, ref.slackTeamId, runningSince]);
  if (!row) return null;
  const sessions =
    row.sessionIdsAhead.length === 0
      ? []
      : await db.session.findMany({
          where: { id: { in: row.sessionIdsAhead } },
          orderBy: { startsAt: 'asc' },
          include: withParticipants,
        });
  return {
    member: toProfile(row, ref),
    request: openRequestOf(row),
    sessions: sessions.map(toRecord),
  };
}

function openRequestOf(row: StatusRow): OpenRequestRow | null {
  if (row.request_id === null) return null;
  return toOpenRequestRow({
    id: row.request_id,
    workspaceId: row.request_workspaceId!,
    memberId: row.request_memberId!,
    interviewTypes: row.request_interviewTypes!,
    level: row.request_level!,
    role: row.request_role!,
    durationMinutes: row.request_durationMinutes!,
    availability: row.request_availability,
    timezone: row.request_timezone!,
    note: row.request_note,
    expiresAt: row.request_expiresAt!,
    priority: row.request_priority!,
    createdAt: row.request_createdAt!,
  });
}
