import { parseAvailabilityText } from '../../domain/availability/parse-availability-text.ts';
import { DEFAULT_MATCHING_CONFIG } from '../../domain/matching/config.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Database } from '../../store/prisma.ts';
import { rubricFor } from '../../store/rubrics.ts';
import type { SlackStandIn } from '../slack-stand-in/slack-stand-in.ts';
import {
  CHANNELS,
  DAILY_QUESTION,
  IMPROVEMENTS,
  MEMBERS,
  ORGANIZER,
  PAST_SESSIONS,
  type PastSession,
  STRENGTHS,
  TEAM_ID,
} from './demo-community.ts';

/**
 * Writes the demo community as the app would have left it after a few weeks: the members (as
 * Slack describes them to the stand-in, and as Mockingbird stored them after their first
 * command), finished sessions with feedback both ways, and the daily question's settings. Only
 * facts go in; what follows from them (Home tabs, the daily post, jobs) the running app derives.
 */

const DAY_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;
const SESSION_MINUTES = 45;

/** When each member is usually free, on their own clock (the profile's "usually free"). */
const USUAL_TIMES: Readonly<Record<string, string>> = {
  U0ANA: 'daily 17-22',
  U0LUKAS: 'daily 18-23',
  U0JAMAL: 'weekdays 18-22',
  U0MAYA: 'weekdays 07-10',
};

export function introduceToSlack(slack: SlackStandIn): void {
  for (const member of MEMBERS) {
    const [first = member.name, ...rest] = member.name.split(' ');
    slack.setUser(member.id, {
      name: first.toLowerCase(),
      real_name: member.name,
      tz: member.tz,
      is_admin: member.organizer === true,
      profile: {
        real_name: member.name,
        real_name_normalized: member.name,
        display_name: first,
        display_name_normalized: first,
        first_name: first,
        last_name: rest.join(' '),
        title: member.title,
        email: `${first.toLowerCase()}@example.com`,
      },
    });
  }
  for (const channel of CHANNELS) {
    slack.setChannel(channel.id, { name: channel.name, name_normalized: channel.name, is_member: false });
  }
}

export async function seedCommunity(db: Database, slack: SlackStandIn, now: number): Promise<void> {
  introduceToSlack(slack);
  const workspace = await db.workspace.create({ data: { slackTeamId: TEAM_ID } });
  const ids = new Map<string, string>();
  for (const member of MEMBERS) {
    const usualTimes = USUAL_TIMES[member.id] ?? 'weekdays 18-21';
    const usual = parseAvailabilityText(usualTimes, {
      now,
      timeZone: member.tz,
      horizonDays: DEFAULT_MATCHING_CONFIG.horizonDays,
    });
    const created = await db.member.create({
      data: {
        workspaceId: workspace.id,
        slackUserId: member.id,
        timezone: member.tz,
        level: member.level,
        profileSyncedAt: new Date(now),
        usualTimes,
        usualAvailability: usual.ok ? (usual.value as Prisma.InputJsonValue) : undefined,
        createdAt: new Date(now - 60 * DAY_MS),
      },
    });
    ids.set(member.id, created.id);
  }
  for (const past of PAST_SESSIONS) await seedPastSession(db, slack, workspace.id, ids, past, now);
  await db.dailyQuestionSettings.create({
    data: {
      workspaceId: workspace.id,
      enabled: true,
      channelId: CHANNELS[0].id,
      localTime: DAILY_QUESTION.localTime,
      timezone: DAILY_QUESTION.timezone,
      weekdays: [...DAILY_QUESTION.weekdays],
      interviewTypes: [...DAILY_QUESTION.interviewTypes],
      activeSince: new Date(now - 30 * DAY_MS),
      updatedBySlackUserId: ORGANIZER.id,
    },
  });
}

async function seedPastSession(
  db: Database,
  slack: SlackStandIn,
  workspaceId: string,
  ids: ReadonlyMap<string, string>,
  past: PastSession,
  now: number,
): Promise<void> {
  const startsAt = new Date(Math.floor((now - past.daysAgo * DAY_MS) / HOUR_MS) * HOUR_MS);
  const endedAt = new Date(startsAt.getTime() + SESSION_MINUTES * 60_000);
  const members = past.pair.map((slackUserId) => ids.get(slackUserId)!);
  const requests = await Promise.all(
    members.map((memberId) =>
      db.partnerRequest.create({
        data: {
          workspaceId,
          memberId,
          status: 'MATCHED',
          interviewTypes: [past.interviewType],
          level: 'SENIOR',
          role: 'BOTH',
          durationMinutes: SESSION_MINUTES,
          availability: { weekly: [], slots: [], now: { now: true, forMinutes: 90 } },
          timezone: 'UTC',
          expiresAt: new Date(startsAt.getTime() + 7 * DAY_MS),
          closedAt: new Date(startsAt.getTime() - DAY_MS),
          createdAt: new Date(startsAt.getTime() - 2 * DAY_MS),
        },
      }),
    ),
  );
  const session = await db.session.create({
    data: {
      workspaceId,
      interviewType: past.interviewType,
      status: 'COMPLETED',
      startsAt,
      durationMinutes: SESSION_MINUTES,
      proposedSlots: [startsAt],
      proposedAt: new Date(startsAt.getTime() - DAY_MS),
      version: 2,
      confirmedAt: new Date(startsAt.getTime() - 20 * HOUR_MS),
      endedAt,
      channelId: slack.openConversation([...past.pair]),
      reason: 'Both practise this type, at a time that suits both clocks',
      createdAt: new Date(startsAt.getTime() - DAY_MS),
      participants: {
        create: members.map((memberId, index) => ({
          memberId,
          requestId: requests[index]!.id,
          interviewsFirst: index === 0,
          confirmedAt: new Date(startsAt.getTime() - 20 * HOUR_MS),
        })),
      },
    },
  });
  const dimensions = (await rubricFor(past.interviewType))?.dimensions.map((dimension) => dimension.id) ?? [];
  for (const [index, score] of past.ratings.entries()) {
    const author = members[index]!;
    const recipient = members[1 - index]!;
    const ratings = Object.fromEntries(dimensions.map((id, d) => [id, spread(score, d + index)]));
    const selfRatings = Object.fromEntries(dimensions.map((id, d) => [id, spread(score, d + index + 1)]));
    const pick = (past.daysAgo + index) % STRENGTHS.length;
    await db.feedback.create({
      data: {
        sessionId: session.id,
        authorId: author,
        recipientId: recipient,
        ratings,
        selfRatings,
        hireSignal: score >= 4 ? 'STRONG_YES' : score === 3 ? 'YES' : score === 2 ? 'NO' : 'STRONG_NO',
        strengths: STRENGTHS[pick]!,
        improvement: IMPROVEMENTS[pick]!,
        submittedAt: new Date(endedAt.getTime() + 30 * 60_000),
        revealedAt: new Date(endedAt.getTime() + 2 * HOUR_MS),
      },
    });
  }
}

/** A score around `base` that differs a little from dimension to dimension, within 1..4. */
function spread(base: number, salt: number): number {
  const nudge = [0, 0, 1, -1, 0][salt % 5]!;
  return Math.max(1, Math.min(4, base + nudge));
}
