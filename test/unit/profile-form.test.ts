import { describe, expect, it } from 'vitest';
import { type ProfileFormFields, readProfileForm } from '../../src/domain/profile-form.ts';

const filled: ProfileFormFields = {
  timezone: 'Asia/Kathmandu',
  level: 'SENIOR',
  meetingLink: 'https://zoom.example.com/j/123',
  blockedUsers: ['U0B', 'U0C', 'U0B'],
};

describe('readProfileForm', () => {
  it('reads a full form; duplicate blocks count once', () => {
    expect(readProfileForm(filled, 'U0A')).toEqual({
      ok: true,
      value: {
        timezoneOverride: 'Asia/Kathmandu',
        level: 'SENIOR',
        meetingLink: 'https://zoom.example.com/j/123',
        blockedUsers: ['U0B', 'U0C'],
      },
    });
  });

  it('"slack" clears the override, and empty optional fields clear theirs', () => {
    const outcome = readProfileForm(
      { timezone: 'slack', level: undefined, meetingLink: '  ', blockedUsers: [] },
      'U0A',
    );
    expect(outcome).toEqual({
      ok: true,
      value: { timezoneOverride: null, level: null, meetingLink: null, blockedUsers: [] },
    });
  });

  it('stores a legacy zone name under its current spelling', () => {
    const outcome = readProfileForm({ ...filled, timezone: 'Asia/Calcutta' }, 'U0A');
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
    const outcome = readProfileForm({ ...filled, ...change }, 'U0A');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(Object.keys(outcome.errors)).toEqual([field]);
  });
});
