import { describe, expect, it } from 'vitest';
import { communitySummary } from '../../../../src/domain/feedback/community-summary.ts';
import { FEEDBACK_TEXT_LIMITS } from '../../../../src/domain/feedback/feedback-form.ts';
import { communityBlocks, type HomeCommunity } from '../../../../src/slack/blocks/home-community.ts';
import { progressBlocks } from '../../../../src/slack/blocks/home-progress.ts';
import { ampersands, expectWithinLimits, hostile, memberTokens, textOf } from './block-checks.ts';

const NOW = Date.UTC(2026, 11, 7, 12);

function community(note: (length: number) => string): HomeCommunity {
  return {
    summary: communitySummary({
      members: 0,
      activeMembers: 0,
      sessionsThisWeek: 0,
      requestsClosed: 0,
      requestsMatched: 0,
      attendances: 0,
      noShows: 0,
      dailyQuestionsPosted: 0,
      feedbackGiven: 0,
      hireSignals: {},
      notesToOrganizers: 3,
    }),
    weakest: [],
    // The Home tab loads the latest three notes; each at the form's longest.
    notes: Array.from({ length: 3 }, (_, index) => ({
      interviewType: 'execution',
      at: NOW - index * 86_400_000,
      text: note(FEEDBACK_TEXT_LIMITS.organizerNote),
    })),
  };
}

describe('the organizers’ part of the Home tab', () => {
  it('notes to organizers at their longest stay within limits, and stay text', () => {
    for (const fill of [hostile, ampersands]) {
      const blocks = communityBlocks(community(fill));
      expectWithinLimits({ blocks, type: 'home' });
      expect(memberTokens(blocks)).toEqual([]);
      // Every date token the notes open is closed again.
      const text = textOf(blocks);
      expect(text.match(/<!date\^/g)?.length).toBe(text.match(/<!date\^[^<>]*>/g)?.length);
    }
  });

  it('a workspace with no data yet reads “no data yet”, not a division by zero', () => {
    const text = textOf(communityBlocks({ ...community(hostile), notes: [] }));
    expect(text).toContain('*Match rate, 7 days*\\nno data yet');
    expect(text).not.toContain('NaN');
    expect(text).toContain('Who wrote or received a piece of feedback is never shown here.');
  });
});

describe('the member’s progress on the Home tab', () => {
  it('before any feedback, says where the ratings will appear', () => {
    const blocks = progressBlocks({
      streak: { weeks: 0, longest: 0, practisedThisWeek: false, sessions: 0 },
      dimensions: [],
      gaps: [],
      feedbackCount: 0,
      focus: null,
    });
    expectWithinLimits({ blocks, type: 'home' });
    expect(textOf(blocks)).toContain('No sessions yet. Your first one starts a weekly streak.');
    expect(textOf(blocks)).toContain('Ratings from your partners appear here after your sessions');
  });
});
