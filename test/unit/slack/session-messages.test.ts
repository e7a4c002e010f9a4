import { describe, expect, it } from 'vitest';
import { formatLeadTime } from '../../../src/domain/availability/format-window.ts';
import { sessionCheckInMessage } from '../../../src/slack/blocks/session-check-in.ts';
import { sessionEventMessage } from '../../../src/slack/blocks/session-event.ts';
import { sessionIntroMessage } from '../../../src/slack/blocks/session-intro.ts';
import { sessionReminderMessage } from '../../../src/slack/blocks/session-reminder.ts';
import { statusMessage } from '../../../src/slack/blocks/status-message.ts';
import type { SessionRecord } from '../../../src/store/sessions.ts';

const NOW = Date.UTC(2026, 11, 7, 12);
const hostile = 'a <b>bold</b> & <@U0EVIL> |pipe| <!channel>';

function session(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: '0b9d6d9e-5e0a-4f55-9d0c-2f1c1b6f8a11',
    workspaceId: 'ws',
    status: 'CONFIRMED',
    version: 2,
    startsAt: NOW + 3 * 3600_000,
    durationMinutes: 45,
    proposedAt: NOW,
    proposedSlots: [NOW + 3 * 3600_000, NOW + 27 * 3600_000],
    interviewType: 'execution',
    reason: hostile,
    channelId: 'G0PAIR',
    introTs: '1.2',
    cancelledById: null,
    participants: [
      {
        memberId: 'm1',
        slackUserId: 'U0ANA',
        requestId: 'r1',
        interviewsFirst: true,
        confirmedAt: new Date(NOW),
        noShow: false,
        meetingLink: 'https://meet.example.com/x?a=1&b=<2>|3',
        role: 'INTERVIEWER',
        level: 'SENIOR',
        note: hostile,
      },
      {
        memberId: 'm2',
        slackUserId: 'U0BO',
        requestId: 'r2',
        interviewsFirst: false,
        confirmedAt: new Date(NOW),
        noShow: false,
        meetingLink: null,
        role: 'INTERVIEWEE',
        level: 'SENIOR',
        note: null,
      },
    ],
    ...overrides,
  };
}

/** Every `<…>` token must close before another opens; member text must not open one at all. */
function tokenProblems(message: { text: string; blocks: unknown[] }): string[] {
  const text = JSON.stringify(message);
  return [
    ...[...text.matchAll(/<[^<>]*</g)].map((match) => `nested: ${match[0]}`),
    ...(text.includes('<@U0EVIL>') ? ['member text became a mention'] : []),
    ...(text.includes('<!channel>') ? ['member text became <!channel>'] : []),
    ...(text.includes('<@>') ? ['empty mention'] : []),
  ];
}

describe('session messages never nest Slack tokens nor let member text become one', () => {
  const cases = {
    'proposal intro': sessionIntroMessage(session({ status: 'PROPOSED' }), 'Execution', NOW),
    'confirmed intro': sessionIntroMessage(session(), 'Execution', NOW),
    'ended intro with a member gone': sessionIntroMessage(
      session({ status: 'CANCELLED', participants: [session().participants[1]!] }),
      'Execution',
      NOW,
    ),
    reminder: sessionReminderMessage(session(), 'Execution', 900_000),
    'check-in': sessionCheckInMessage(session(), 'Execution'),
    'partner left': sessionEventMessage('partner-left', session(), 'Execution', null),
    status: statusMessage('U0BO', null, [session(), session({ status: 'PROPOSED' })], NOW),
  };
  for (const [name, message] of Object.entries(cases)) {
    it(name, () => expect(tokenProblems(message)).toEqual([]));
  }
});

describe('reminders say how far away in words people use', () => {
  it.each([
    [15, '15 minutes'],
    [60, '60 minutes'],
    [120, '2 hours'],
    [24 * 60, '24 hours'],
    [2245, '2 days'],
    [7 * 24 * 60, '7 days'],
  ])('%i minutes → %s', (minutes, words) => {
    expect(formatLeadTime(minutes)).toBe(words);
  });

  it('the 24-hour reminder of a one-way pair', () => {
    const message = sessionReminderMessage(session(), 'Execution', 2245 * 60_000);
    expect(message.text).toBe('Reminder: your Execution session starts in 2 days.');
    expect(JSON.stringify(message.blocks)).toContain('<@U0ANA> interviews <@U0BO>.');
  });
});
