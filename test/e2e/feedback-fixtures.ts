import type { Database } from '../../src/store/prisma.ts';
import type { Json } from '../harness/fake-slack.ts';
import { TEST_TEAM_ID } from '../harness/test-world.ts';

/**
 * Sessions written straight into the database, as matching and the lifecycle jobs would have left
 * them: two members, their matched requests and a completed session between them.
 */

export async function memberFor(
  db: Database,
  slackUserId: string,
): Promise<{ id: string; workspaceId: string }> {
  const workspace = await db.workspace.upsert({
    where: { slackTeamId: TEST_TEAM_ID },
    create: { slackTeamId: TEST_TEAM_ID },
    update: {},
  });
  return db.member.upsert({
    where: { workspaceId_slackUserId: { workspaceId: workspace.id, slackUserId } },
    create: {
      workspaceId: workspace.id,
      slackUserId,
      timezone: 'Europe/London',
      profileSyncedAt: new Date(),
    },
    update: {},
    select: { id: true, workspaceId: true },
  });
}

export interface SessionFixture {
  users: [string, string];
  interviewType: string;
  startsAt: Date;
  status?: 'COMPLETED' | 'CONFIRMED';
  /** When it was marked completed; default: 45 minutes after the start. */
  endedAt?: Date;
  channelId?: string;
  noShow?: string;
  /** What each member asked to do (default both: a swap); the first of `users` interviews first. */
  roles?: ['INTERVIEWER' | 'INTERVIEWEE' | 'BOTH', 'INTERVIEWER' | 'INTERVIEWEE' | 'BOTH'];
}

export async function createSession(
  db: Database,
  fixture: SessionFixture,
): Promise<{ id: string; memberIds: [string, string] }> {
  // One after the other: two first upserts of the workspace at once would race on its unique key.
  const first = await memberFor(db, fixture.users[0]);
  const second = await memberFor(db, fixture.users[1]);
  const members = [first!, second!];
  const requests = await Promise.all(
    members.map((member, index) =>
      db.partnerRequest.create({
        data: {
          workspaceId: member.workspaceId,
          memberId: member.id,
          interviewTypes: [fixture.interviewType],
          level: 'SENIOR',
          role: fixture.roles?.[index] ?? 'BOTH',
          durationMinutes: 45,
          availability: { weekly: [], slots: [] },
          timezone: 'Europe/London',
          status: 'MATCHED',
          expiresAt: new Date(fixture.startsAt.getTime() + 7 * 24 * 3600 * 1000),
          closedAt: fixture.startsAt,
        },
      }),
    ),
  );
  const status = fixture.status ?? 'COMPLETED';
  const session = await db.session.create({
    data: {
      workspaceId: first!.workspaceId,
      interviewType: fixture.interviewType,
      status,
      startsAt: fixture.startsAt,
      durationMinutes: 45,
      proposedSlots: [fixture.startsAt],
      reason: 'Both practise this type',
      channelId: fixture.channelId ?? null,
      endedAt:
        status === 'COMPLETED'
          ? (fixture.endedAt ?? new Date(fixture.startsAt.getTime() + 45 * 60_000))
          : null,
      participants: {
        create: members.map((member, index) => ({
          memberId: member.id,
          requestId: requests[index]!.id,
          interviewsFirst: index === 0,
          noShow: fixture.noShow === fixture.users[index],
        })),
      },
    },
  });
  return { id: session.id, memberIds: [first!.id, second!.id] };
}

/** The feedback modal's state as Slack sends it after the member filled it in. */
export function feedbackState(
  dimensions: ReadonlyArray<{ id: string }>,
  fill: {
    ratings?: Record<string, string>;
    self?: Record<string, string>;
    signal?: string;
    strengths?: string;
    improvement?: string;
    communication?: string;
    note?: string;
  },
): { values: Record<string, Record<string, Json>> } {
  const choice = (type: string, value: string | undefined) => ({
    value: { type, selected_option: value === undefined ? null : { value } },
  });
  const text = (value: string | undefined) => ({ value: { type: 'plain_text_input', value: value ?? null } });
  const values: Record<string, Record<string, Json>> = {
    'hire-signal': choice('radio_buttons', fill.signal),
    strengths: text(fill.strengths),
    improvement: text(fill.improvement),
    communication: text(fill.communication),
    'organizer-note': text(fill.note),
  };
  for (const { id } of dimensions) {
    values[`rating-${id}`] = choice('radio_buttons', fill.ratings?.[id]);
    values[`self-${id}`] = choice('static_select', fill.self?.[id]);
  }
  return { values };
}
