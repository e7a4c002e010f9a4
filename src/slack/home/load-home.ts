import { communitySummary } from '../../domain/feedback/community-summary.ts';
import { summariseDimensions, weakestDimensions } from '../../domain/feedback/dimension-trends.ts';
import { feedbackAccess } from '../../domain/feedback/feedback-rules.ts';
import { practiceStreak, weekAround } from '../../domain/feedback/practice-streak.ts';
import { selfRatingGaps } from '../../domain/feedback/self-rating-gap.ts';
import { renamedDimensions } from '../../domain/question-bank/rubric-dimensions.ts';
import type { RubricFile } from '../../domain/question-bank/rubric-schema.ts';
import { communityCounts, communityFeedback, latestOrganizerNotes } from '../../store/community-stats.ts';
import {
  completedSessions,
  feedbackGivenBy,
  feedbackReceivedBy,
  findMatchingPause,
  upcomingSessions,
} from '../../store/member-history.ts';
import type { MemberProfile } from '../../store/members.ts';
import { findOpenRequest } from '../../store/partner-requests.ts';
import type { Database } from '../../store/prisma.ts';
import { rubricFor } from '../../store/rubrics.ts';
import type { HomeCommunity } from '../blocks/home-community.ts';
import { type FeedbackToGive, HOME_LIMITS, type HomeViewInput } from '../blocks/home-view.ts';

const DAY_MS = 24 * 3600 * 1000;

/** Rubric labels for every type in `types`, and each type's dimension order. */
async function rubricsFor(types: Iterable<string>): Promise<Map<string, RubricFile>> {
  const rubrics = new Map<string, RubricFile>();
  for (const type of new Set(types)) {
    const rubric = await rubricFor(type);
    if (rubric) rubrics.set(type, rubric);
  }
  return rubrics;
}

/** A dimension's label, found under its id or an id it had before the rubric renamed or split it. */
function labelIn(rubrics: Map<string, RubricFile>, type: string, dimension: string): string {
  const found = rubrics
    .get(type)
    ?.dimensions.find((each) => each.id === dimension || (each.formerIds ?? []).includes(dimension));
  return found?.label ?? dimension;
}

/**
 * Everything the member's Home tab shows, read for that member only (and, for organizers, the
 * workspace's counts). The aggregates are the pure functions in src/domain/feedback.
 */
export async function loadHome(
  db: Database,
  member: MemberProfile,
  options: { now: Date; organizer: boolean },
): Promise<HomeViewInput> {
  const now = options.now.getTime();
  const [openRequest, upcoming, completed, received, given, pause] = await Promise.all([
    findOpenRequest(db, member.id),
    upcomingSessions(db, member.id, options.now, HOME_LIMITS.upcoming),
    completedSessions(db, member.id),
    feedbackReceivedBy(db, member.id),
    feedbackGivenBy(db, member.id),
    findMatchingPause(db, member.id),
  ]);

  const rubrics = await rubricsFor([...received, ...given].map((each) => each.interviewType));
  const dimensionOrder = Object.fromEntries(
    [...rubrics].map(([type, rubric]) => [type, rubric.dimensions.map((dimension) => dimension.id)]),
  );
  const renamed = renamedDimensions(rubrics.values());
  const dimensions = summariseDimensions(received, { dimensionOrder, renamed }).map((summary) => ({
    ...summary,
    label: labelIn(rubrics, summary.interviewType, summary.dimension),
  }));
  const selfBySession = new Map(given.map((each) => [each.sessionId, each.selfRatings]));
  const gaps = selfRatingGaps(
    received.map((each) => ({
      at: each.at,
      interviewType: each.interviewType,
      self: selfBySession.get(each.sessionId) ?? {},
      partner: each.ratings,
    })),
  ).map((gap) => ({ ...gap, label: labelIn(rubrics, gap.interviewType, gap.dimension) }));
  // A hint only where there is room to grow: below "3 · Solid", rated at least twice.
  const [focus] = weakestDimensions(dimensions, 1, 2).filter((summary) => summary.average < 3);

  const attended = completed.filter((session) => !session.missed);
  const givenBySession = new Map(given.map((each) => [each.sessionId, each]));
  const feedbackToGive: FeedbackToGive[] = [];
  // A one-way interviewee has no rubric to write (they rate the interviewer from the DM instead).
  for (const session of completed.filter((each) => each.writesRubric)) {
    const mine = givenBySession.get(session.id);
    const access = feedbackAccess(
      { ...session, noShow: session.missed || session.partnerMissed },
      mine ? { submittedAt: mine.submittedAt, revealedAt: mine.revealedAt } : null,
      now,
    );
    if (access.kind === 'closed') continue;
    feedbackToGive.push({
      sessionId: session.id,
      interviewType: session.interviewType,
      partnerSlackUserId: session.partnerSlackUserId,
      startsAt: session.startsAt,
      sent: access.kind === 'edit',
      closesAt: access.kind === 'edit' ? access.editableUntil : access.deadline,
    });
  }

  const byType: Record<string, number> = {};
  for (const session of completed) byType[session.interviewType] = (byType[session.interviewType] ?? 0) + 1;

  return {
    now,
    profile: {
      timezone: member.timezone,
      followsSlack: member.timezoneOverride === null,
      level: member.level,
      meetingLink: member.meetingLink,
      ...pause,
    },
    openRequest,
    upcoming,
    feedbackToGive,
    past: { sessions: completed.slice(0, HOME_LIMITS.past), total: completed.length, byType },
    progress: {
      streak: practiceStreak(
        attended.map((session) => session.startsAt),
        now,
        member.timezone ?? 'UTC',
      ),
      dimensions,
      gaps,
      feedbackCount: received.length,
      focus: focus
        ? { label: focus.label, interviewType: focus.interviewType, average: focus.average }
        : null,
    },
    recentFeedback: received.slice(0, HOME_LIMITS.recentFeedback),
    community: options.organizer
      ? await loadCommunity(db, member.workspaceId, options.now, member.timezone ?? 'UTC')
      : null,
  };
}

async function loadCommunity(
  db: Database,
  workspaceId: string,
  now: Date,
  timeZone: string,
): Promise<HomeCommunity> {
  const month = new Date(now.getTime() - 30 * DAY_MS);
  const week = weekAround(now.getTime(), timeZone);
  const [counts, feedback, notes] = await Promise.all([
    communityCounts(db, workspaceId, now, { start: new Date(week.start), end: new Date(week.end) }),
    communityFeedback(db, workspaceId, month),
    latestOrganizerNotes(db, workspaceId, month, 3),
  ]);
  const rubrics = await rubricsFor(feedback.map((each) => each.interviewType));
  const weakest = weakestDimensions(
    summariseDimensions(feedback, { renamed: renamedDimensions(rubrics.values()) }),
    3,
    3,
  ).map((summary) => ({
    label: labelIn(rubrics, summary.interviewType, summary.dimension),
    interviewType: summary.interviewType,
    average: summary.average,
    count: summary.count,
  }));
  return { summary: communitySummary(counts), weakest, notes: notes.notes };
}
