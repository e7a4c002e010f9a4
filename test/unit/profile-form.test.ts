import { describe, expect, it } from 'vitest';
import { type ProfileFormFields, readProfileForm } from '../../src/domain/profile-form.ts';

const filled: ProfileFormFields = {
  timezone: 'Asia/Kathmandu',
  level: 'SENIOR',
  meetingLink: 'https://zoom.example.com/j/123',
  usualTimes: '',
  blockedUsers: ['U0B', 'U0C', 'U0B'],
};
const clock = { now: Date.UTC(2026, 11, 7, 12), timeZone: 'Asia/Kathmandu' };

describe('readProfileForm', () => {
  it('reads a full form; duplicate blocks count once', () => {
    expect(readProfileForm(filled, 'U0A', clock)).toEqual({
      ok: true,
      value: {
        timezoneOverride: 'Asia/Kathmandu',
        level: 'SENIOR',
        meetingLink: 'https://zoom.example.com/j/123',
        usualTimes: null,
        blockedUsers: ['U0B', 'U0C'],
      },
    });
  });

  it('"slack" clears the override, and empty optional fields clear theirs', () => {
    const outcome = readProfileForm(
      { timezone: 'slack', level: undefined, meetingLink: '  ', usualTimes: ' ', blockedUsers: [] },
      'U0A',
      clock,
    );
    expect(outcome).toEqual({
      ok: true,
      value: { timezoneOverride: null, level: null, meetingLink: null, usualTimes: null, blockedUsers: [] },
    });
  });

  it('stores a legacy zone name under its current spelling', () => {
    const outcome = readProfileForm({ ...filled, timezone: 'Asia/Calcutta' }, 'U0A', clock);
    expect(outcome.ok && outcome.value.timezoneOverride).toBe('Asia/Kolkata');
  });

  it.each<[string, Partial<ProfileFormFields>, keyof ProfileFormFields]>([
    ['no timezone', { timezone: undefined }, 'timezone'],
    ['an unknown zone', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    ['a forged level', { level: 'VP' }, 'level'],
    ['a script link', { meetingLink: 'javascript:alert(1)' }, 'meetingLink'],
    ['a link with Slack markup', { meetingLink: 'https://x.example/<!channel>' }, 'meetingLink'],
    ['an overlong link', { meetingLink: `https://x.example/${'a'.repeat(300)}` }, 'meetingLink'],
    ['blocking yourself', { blockedUsers: ['U0A'] }, 'blockedUsers'],
    ['too many blocks', { blockedUsers: Array.from({ length: 26 }, (_, i) => `U0${i}`) }, 'blockedUsers'],
  ])('%s is reported on its field', (_name, change, field) => {
    const outcome = readProfileForm({ ...filled, ...change }, 'U0A', clock);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(Object.keys(outcome.errors)).toEqual([field]);
  });
});

describe('usual times', () => {
  it('reads weekly times on the member’s clock, keeping the words they typed', () => {
    const outcome = readProfileForm({ ...filled, usualTimes: ' weekdays 18-21, sat 10-12 ' }, 'U0A', clock);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.value.usualTimes?.text).toBe('weekdays 18-21, sat 10-12');
    expect(outcome.value.usualTimes?.availability.weekly).toHaveLength(2);
    expect(outcome.value.usualTimes?.availability.slots).toEqual([]);
  });

  it('refuses “now” and dated slots, which would be stale by next week, next to the field', () => {
    for (const usualTimes of ['now', 'tomorrow 18-20']) {
      const outcome = readProfileForm({ ...filled, usualTimes }, 'U0A', clock);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.errors.usualTimes).toMatch(/most weeks/);
    }
  });

  it('says what is wrong with words it cannot read', () => {
    const outcome = readProfileForm({ ...filled, usualTimes: 'whenever' }, 'U0A', clock);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.usualTimes).toBeTruthy();
  });
});
