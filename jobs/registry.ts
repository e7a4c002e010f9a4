import type { ProcessorRegistry } from '../src/queue/start-workers.ts';
import { catchUpDailyQuestions } from './daily-question-catch-up.ts';
import { expireRequestJob } from './expire-request.ts';
import { redrawCorrectedFeedback } from './feedback-correction.ts';
import { revealFeedback } from './feedback-reveal.ts';
import type { JobContext } from './job-context.ts';
import { matchPoolJob } from './match-pool.ts';
import { checkMemberLapses } from './member-lapse-check.ts';
import { notifyLeftOut } from './notify-left-out.ts';
import { exportSessionsForOrganizer } from './organizer-export.ts';
import { postDailyQuestion } from './post-daily-question.ts';
import { postSessionIntro } from './post-session-intro.ts';
import { publishHomeJob } from './publish-home.ts';
import { reconcileJob } from './reconcile.ts';
import { refreshMemberProfile } from './refresh-member-profile.ts';
import { announceSessionChange } from './session-announce.ts';
import { deliverSessionBrief } from './session-brief.ts';
import { checkInAfterSession } from './session-check-in.ts';
import { nudgeUnconfirmedSession } from './session-confirm-nudge.ts';
import { nudgeForFeedback } from './session-feedback-nudge.ts';
import { sendSessionPrompts } from './session-prompts.ts';
import { releaseUnconfirmedSession } from './session-release.ts';
import { remindSession } from './session-reminder.ts';
import { sendStatsCharts } from './stats-charts.ts';
import { sweepPools } from './sweep-pools.ts';
import { notifyWeeklyEntry } from './weekly-entered.ts';
import { weeklyEntriesJob } from './weekly-entries.ts';
import { welcomeChannelMember } from './welcome-channel-member.ts';

/** Queue name → processor. The type demands exactly one processor per catalogued job. */
export const processors: ProcessorRegistry<JobContext> = {
  'refresh-member-profile': refreshMemberProfile,
  'match-pool': matchPoolJob,
  'post-session-intro': postSessionIntro,
  'sweep-pools': sweepPools,
  reconcile: reconcileJob,
  'expire-request': expireRequestJob,
  'notify-left-out': notifyLeftOut,
  'session-announce': announceSessionChange,
  'session-confirm-nudge': nudgeUnconfirmedSession,
  'session-release': releaseUnconfirmedSession,
  'session-reminder': remindSession,
  'session-check-in': checkInAfterSession,
  'session-prompts': sendSessionPrompts,
  'member-lapse-check': checkMemberLapses,
  'weekly-entries': weeklyEntriesJob,
  'weekly-entered': notifyWeeklyEntry,
  'session-brief': deliverSessionBrief,
  'post-daily-question': postDailyQuestion,
  'daily-question-catch-up': catchUpDailyQuestions,
  'session-feedback-nudge': nudgeForFeedback,
  'feedback-reveal': revealFeedback,
  'feedback-correction': redrawCorrectedFeedback,
  'publish-home': publishHomeJob,
  'welcome-channel-member': welcomeChannelMember,
  'organizer-export': exportSessionsForOrganizer,
  'stats-charts': sendStatsCharts,
};
