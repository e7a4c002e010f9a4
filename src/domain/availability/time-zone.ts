import { IANAZone } from 'luxon';

/**
 * Timezones arrive as strings from Slack (`users.info` → `tz`) or from a member's override. Slack
 * sends IANA names, but old profiles can carry legacy aliases ("US/Eastern", "Asia/Calcutta"), and
 * overrides are typed by hand. Nothing here falls back on its own: an unusable zone is reported to
 * the caller, which decides whether to use another source or ask the member.
 */

/**
 * ICU (and so Intl and luxon) still reports some places by their pre-rename spelling, e.g. it
 * resolves "Asia/Kolkata" to "Asia/Calcutta". Members and Slack use the current IANA names, so
 * those are mapped back. Only same-place renames are listed: ICU also folds some zones into their
 * twins ("Europe/Bratislava" into "Europe/Prague"), and a Slovak member should not read Prague.
 */
const CURRENT_IANA_NAMES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/**
 * Names already known to be valid. IANAZone.isValidZone builds a new Intl formatter on every call,
 * which would dominate expanding thousands of requests in a sweep; only valid names are kept, so
 * junk typed into an override cannot grow the set.
 */
const knownZones = new Set<string>();

/** Whether luxon (through the runtime's Intl data) knows this IANA zone name or alias. */
export function isValidTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  const valid = IANAZone.isValidZone(timeZone);
  if (valid) knownZones.add(timeZone);
  return valid;
}

export class UnknownTimeZoneError extends RangeError {
  constructor(readonly timeZone: string) {
    super(`Unknown time zone: ${JSON.stringify(timeZone)}`);
    this.name = 'UnknownTimeZoneError';
  }
}

/** The luxon zone for a name, refusing unknown names instead of quietly computing in UTC. */
export function zoneOf(timeZone: string): IANAZone {
  if (!isValidTimeZone(timeZone)) throw new UnknownTimeZoneError(timeZone);
  return IANAZone.create(timeZone);
}

/**
 * The canonical, current IANA name for a Slack `tz` value or a typed override, or null when it is
 * missing or unknown. Case and legacy aliases are resolved ("us/eastern" → "America/New_York"),
 * so two members in the same place compare equal and the profile shows one spelling.
 */
export function normaliseTimeZone(input: string | null | undefined): string | null {
  const name = input?.trim();
  if (!name || !isValidTimeZone(name)) return null;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  const current = CURRENT_IANA_NAMES[resolved];
  // An older ICU may not know the new spelling yet; the old one still computes the same times.
  return current && isValidTimeZone(current) ? current : resolved;
}

/**
 * The name as stored when luxon can compute with it, else null. Slack has sent names no runtime
 * knows (`Mars/Olympus`) and empty strings; treating those as "no timezone" lets every caller fall
 * back to UTC and tell the member, instead of failing each request that does date arithmetic.
 */
export function usableTimeZone(name: string | null | undefined): string | null {
  return name && isValidTimeZone(name) ? name : null;
}

export interface ChosenTimeZone {
  timeZone: string;
  /** True when no candidate was usable and the caller's fallback was taken. */
  fellBack: boolean;
}

/**
 * The first usable zone among the candidates, in the caller's order of preference (typically the
 * member's override, then Slack's `tz`), else the fallback the caller chose. `fellBack` lets the
 * caller tell the member which timezone is being assumed instead of silently using it.
 */
export function chooseTimeZone(
  candidates: ReadonlyArray<string | null | undefined>,
  fallback: string,
): ChosenTimeZone {
  for (const candidate of candidates) {
    const timeZone = normaliseTimeZone(candidate);
    if (timeZone) return { timeZone, fellBack: false };
  }
  const timeZone = normaliseTimeZone(fallback);
  if (!timeZone) throw new UnknownTimeZoneError(fallback);
  return { timeZone, fellBack: true };
}

/** Minutes east of UTC at the given instant (New York in winter is −300, Kathmandu is +345). */
export function currentOffsetMinutes(timeZone: string, now: number): number {
  return zoneOf(timeZone).offset(now);
}

/**
 * The zone a member's times are read in: the one they chose in /mock profile, else Slack's, each
 * only if it is a zone we can use; null when neither is (the caller falls back to UTC and says so).
 */
export function memberTimeZone(chosen: string | null, fromSlack: string | null): string | null {
  return usableTimeZone(chosen) ?? usableTimeZone(fromSlack);
}
