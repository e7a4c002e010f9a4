import { describe, expect, it } from 'vitest';
import { sessionCalendarFile } from '../../../src/domain/scheduling/session-calendar.ts';

const session = {
  id: '0b9d6d9e-5e0a-4f55-9d0c-2f1c1b6f8a11',
  version: 4,
  startsAt: Date.UTC(2026, 11, 1, 18, 30),
  durationMinutes: 45,
  typeLabel: 'Execution',
  meetingLink: 'https://meet.example.com/abc-defg-hij',
  swap: true,
};

describe('sessionCalendarFile', () => {
  it('is a UTC event with the session as uid and the version as sequence, so updates replace it', () => {
    const ics = sessionCalendarFile(session);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`UID:session-${session.id}@mockingbird`);
    expect(ics).toContain('SEQUENCE:4');
    expect(ics).toContain('DTSTART:20261201T183000Z');
    expect(ics).toContain('DURATION:PT45M');
    expect(ics).toContain('SUMMARY:Mock interview: Execution');
    expect(ics).toContain('URL:https://meet.example.com/abc-defg-hij');
  });

  it('says to meet in a huddle when nobody has a meeting link', () => {
    const ics = sessionCalendarFile({ ...session, meetingLink: null });
    expect(ics).toContain('LOCATION:Slack huddle in your group DM');
    expect(ics).not.toContain('URL:');
  });

  it('tells a one-way pair there is one round, not a swap', () => {
    // iCalendar folds long lines at 75 octets; unfold before reading the description.
    const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
    expect(unfold(sessionCalendarFile(session))).toContain('Swap roles halfway');
    const oneWay = unfold(sessionCalendarFile({ ...session, swap: false }));
    expect(oneWay).not.toContain('Swap');
    expect(oneWay).toContain('one round');
  });
});
