import { DEFAULT_MATCHING_CONFIG, type MatchingConfig } from '../../../src/domain/matching/config.ts';
import { createMatchingRules, HOUR_MS } from '../../../src/domain/matching/matching-rules.ts';
import { EMPTY_CONTEXT, type MatchingContext, type OpenRequest } from '../../../src/domain/matching/types.ts';

/** Monday 2 March 2026, 12:00 UTC: the clock every matching test runs at. */
export const NOW = Date.UTC(2026, 2, 2, 12, 0);

/** An interval starting `fromHours` after NOW and lasting `hours`. */
export function hoursFromNow(fromHours: number, hours: number) {
  return { start: NOW + fromHours * HOUR_MS, end: NOW + (fromHours + hours) * HOUR_MS };
}

let counter = 0;

/** A request that is compatible with `request()` unless overridden: same type, BOTH, free tomorrow 18:00–21:00 UTC. */
export function request(overrides: Partial<OpenRequest> = {}): OpenRequest {
  counter++;
  const id = overrides.id ?? `r${String(counter).padStart(4, '0')}`;
  return {
    id,
    memberId: `U-${id}`,
    interviewTypes: ['product-sense'],
    level: 'SENIOR',
    role: 'BOTH',
    durationMinutes: 60,
    availability: [hoursFromNow(30, 3)],
    timezoneOffsetMinutes: 0,
    createdAt: NOW - 2 * HOUR_MS,
    ...overrides,
  };
}

export function rulesFor(
  context: Partial<MatchingContext> = {},
  config: MatchingConfig = DEFAULT_MATCHING_CONFIG,
) {
  return createMatchingRules({ ...EMPTY_CONTEXT, ...context }, config, NOW);
}
