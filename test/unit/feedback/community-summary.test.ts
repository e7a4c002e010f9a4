import { describe, expect, it } from 'vitest';
import { type CommunityCounts, communitySummary } from '../../../src/domain/feedback/community-summary.ts';

const counts: CommunityCounts = {
  members: 40,
  activeMembers: 12,
  sessionsThisWeek: 9,
  requestsClosed: 20,
  requestsMatched: 15,
  attendances: 30,
  noShows: 3,
  dailyQuestionsPosted: 5,
  feedbackGiven: 10,
  hireSignals: { STRONG_NO: 1, NO: 3, YES: 4, STRONG_YES: 2 },
  notesToOrganizers: 2,
};

describe('communitySummary', () => {
  it('turns counts into rates', () => {
    expect(communitySummary(counts)).toMatchObject({ matchRate: 0.75, noShowRate: 0.1, hireRate: 0.6 });
  });

  it('says "no data" (null) rather than 0% when there is nothing to divide by', () => {
    const empty = communitySummary({
      ...counts,
      requestsClosed: 0,
      requestsMatched: 0,
      attendances: 0,
      noShows: 0,
      hireSignals: {},
    });
    expect(empty).toMatchObject({ matchRate: null, noShowRate: null, hireRate: null });
  });
});
