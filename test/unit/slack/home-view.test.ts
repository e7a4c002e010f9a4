import { describe, expect, it } from 'vitest';
import { communitySummary } from '../../../src/domain/feedback/community-summary.ts';
import { scoreBar, sparkline } from '../../../src/slack/blocks/home-progress.ts';
import { type HomeViewInput, homeView } from '../../../src/slack/blocks/home-view.ts';
import { blockKitProblems } from '../../e2e/block-kit-limits.ts';

const NOW = Date.UTC(2026, 10, 23, 12);
const DAY = 24 * 3600 * 1000;
const TYPES = ['product-sense', 'execution', 'strategy', 'technical', 'behavioural', 'reverse-interview'];
const LONG = `<!channel> & ${'very long text '.repeat(120)}`;

function session(index: number, status: 'CONFIRMED' | 'COMPLETED') {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    interviewType: TYPES[index % TYPES.length]!,
    status,
    startsAt: NOW + (status === 'CONFIRMED' ? 1 : -1) * index * DAY,
    durationMinutes: 60,
    endedAt: null,
    partnerSlackUserId: `U0P${index}`,
    missed: index % 7 === 0,
    partnerMissed: index % 11 === 0,
    writesRubric: true,
  };
}

/** The most a member could have on their tab: every list full, every text at its longest. */
const busiest: HomeViewInput = {
  now: NOW,
  profile: {
    timezone: 'America/Argentina/ComodRivadavia',
    followsSlack: false,
    level: 'STAFF',
    meetingLink: `https://meet.example.com/${'x'.repeat(290)}`,
    pausedAt: null,
    snoozedUntil: new Date(NOW + 3 * DAY),
  },
  openRequest: {
    interviewTypes: TYPES,
    level: 'DIRECTOR',
    role: 'BOTH',
    durationMinutes: 60,
    availability: {
      weekly: Array.from({ length: 7 }, () => ({ days: ['mon' as const], start: '09:00', end: '10:00' })),
      slots: [],
    },
    timezone: 'Europe/Berlin',
    expiresAt: new Date(NOW + 5 * DAY),
  },
  upcoming: { sessions: Array.from({ length: 5 }, (_, index) => session(index + 1, 'CONFIRMED')), total: 40 },
  feedbackToGive: Array.from({ length: 9 }, (_, index) => ({
    sessionId: session(index, 'COMPLETED').id,
    interviewType: 'execution',
    partnerSlackUserId: index === 0 ? null : `U0P${index}`,
    startsAt: NOW - DAY,
    sent: index % 2 === 0,
    closesAt: NOW + DAY,
  })),
  past: {
    sessions: Array.from({ length: 5 }, (_, index) => session(index + 1, 'COMPLETED')),
    total: 500,
    byType: Object.fromEntries(TYPES.map((type) => [type, 83])),
  },
  progress: {
    streak: { weeks: 50, longest: 80, practisedThisWeek: false, sessions: 500 },
    dimensions: TYPES.flatMap((interviewType) =>
      Array.from({ length: 7 }, (_, index) => ({
        interviewType,
        dimension: `dimension-${index}`,
        label: 'A dimension label of forty characters !!',
        count: 80,
        average: 1 + index / 2,
        recent: [1, 2, 3, 4, 4],
        trend: (['up', 'down', 'steady', 'new'] as const)[index % 4]!,
        change: 0.7,
      })),
    ),
    gaps: Array.from({ length: 30 }, (_, index) => ({
      interviewType: TYPES[index % TYPES.length]!,
      dimension: `dimension-${index}`,
      label: 'A dimension label of forty characters !!',
      count: 20,
      selfAverage: 4,
      partnerAverage: 1 + (index % 3),
      gap: 3 - (index % 3),
      recentGap: 1,
    })),
    feedbackCount: 450,
    focus: { label: 'A dimension label of forty characters !!', interviewType: 'technical', average: 1.2 },
  },
  recentFeedback: Array.from({ length: 3 }, (_, index) => ({
    sessionId: session(index, 'COMPLETED').id,
    interviewType: 'strategy',
    at: NOW - index * DAY,
    ratings: {},
    hireSignal: 'STRONG_NO' as const,
    strengths: LONG,
    improvement: LONG,
    communication: LONG,
    revealedAt: NOW,
  })),
  community: {
    summary: communitySummary({
      members: 5000,
      activeMembers: 1200,
      sessionsThisWeek: 700,
      requestsClosed: 900,
      requestsMatched: 850,
      attendances: 3000,
      noShows: 120,
      dailyQuestionsPosted: 7,
      feedbackGiven: 2000,
      hireSignals: { STRONG_NO: 100, NO: 600, YES: 1000, STRONG_YES: 300 },
      notesToOrganizers: 90,
    }),
    weakest: Array.from({ length: 3 }, () => ({
      label: 'A dimension label of forty characters !!',
      interviewType: 'technical',
      average: 1.4,
      count: 300,
    })),
    notes: Array.from({ length: 3 }, () => ({
      interviewType: 'technical',
      at: NOW,
      text: LONG.slice(0, 1000),
    })),
  },
};

describe('homeView', () => {
  it('stays within Slack’s limits for the busiest member there could be', () => {
    const view = homeView(busiest);
    expect(blockKitProblems(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(60);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('And 35 more.');
    expect(text).toContain('And 4 more: the *Give feedback* buttons');
    expect(text).toContain('500 sessions in all');
    expect(text).toContain('Also rated in:');
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt; &amp;');
  });

  it('leaves out what a new member does not have yet', () => {
    const view = homeView({
      ...busiest,
      openRequest: null,
      upcoming: { sessions: [], total: 0 },
      feedbackToGive: [],
      past: { sessions: [], total: 0, byType: {} },
      progress: {
        streak: { weeks: 0, longest: 0, practisedThisWeek: false, sessions: 0 },
        dimensions: [],
        gaps: [],
        feedbackCount: 0,
        focus: null,
      },
      recentFeedback: [],
      community: null,
    });
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('No open request');
    expect(text).toContain('No sessions yet');
    for (const absent of ['Upcoming sessions', 'Feedback to give', 'Past sessions', 'Community']) {
      expect(text).not.toContain(absent);
    }
  });
});

describe('the character charts', () => {
  it.each([
    [1, '▰▰▱▱▱▱▱▱'],
    [2.26, '▰▰▰▰▰▱▱▱'],
    [4, '▰▰▰▰▰▰▰▰'],
  ])('a bar for %d', (average, bar) => {
    expect(scoreBar(average)).toBe(bar);
  });

  it('a sparkline of the latest scores', () => {
    expect(sparkline([1, 2, 3, 4])).toBe('▁▃▅█');
  });
});
