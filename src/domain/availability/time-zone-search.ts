import { normaliseTimeZone, zoneOf } from './time-zone.ts';

export interface TimeZoneChoice {
  zone: string;
  /** "Asia/Kolkata (UTC+05:30)": the offset now, because that is what people recognise. */
  label: string;
}

let allZones: string[] | undefined;

/** Every zone the runtime knows, under its current IANA spelling, once each. */
function knownZones(): string[] {
  allZones ??= [
    ...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')].map((zone) => normaliseTimeZone(zone) ?? zone)),
  ].sort();
  return allZones;
}

function offsetLabel(zone: string, now: number): string {
  const minutes = zoneOf(zone).offset(now);
  const sign = minutes < 0 ? '−' : '+';
  const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  return `UTC${sign}${hours}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
}

export function timeZoneChoice(zone: string, now: number): TimeZoneChoice {
  return { zone, label: `${zone.replaceAll('_', ' ')} (${offsetLabel(zone, now)})` };
}

/**
 * Zones whose name or current offset contains what the member typed: "kolk", "new york",
 * "+5:30", "utc-3". Cities match with spaces or underscores; results are capped for a menu.
 */
export function searchTimeZones(query: string, now: number, limit = 100): TimeZoneChoice[] {
  const needle = query.trim().toLowerCase().replaceAll('_', ' ').replace(/^gmt/, 'utc');
  const offsetQuery = needle
    .replace(/^utc\s*/, '')
    .replace('-', '−')
    .replace(/^([+−])0(\d)/, '$1$2');
  const choices: TimeZoneChoice[] = [];
  for (const zone of knownZones()) {
    const choice = timeZoneChoice(zone, now);
    const name = zone.toLowerCase().replaceAll('_', ' ');
    // "+05:30" is also found as "+5:30", the way people write it.
    const offset = choice.label.slice(choice.label.lastIndexOf('(') + 4, -1).replace(/^([+−])0/, '$1');
    const matches =
      needle === '' ||
      name.includes(needle) ||
      (/^[+−]\d/.test(offsetQuery) && offset.startsWith(offsetQuery));
    if (matches) choices.push(choice);
    if (choices.length === limit) break;
  }
  return choices;
}
