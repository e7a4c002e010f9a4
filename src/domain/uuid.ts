import { z } from 'zod';

/**
 * Built once: ids are checked on every button press and session job, and building a zod schema
 * costs more than checking a value with it.
 */
const UUID = z.uuid();

/**
 * Whether `value` is an id a row could have. Ids come back to us in button values a member may
 * forge; PostgreSQL refuses a uuid it cannot read, and such an id names nothing anyway.
 */
export function isUuid(value: unknown): value is string {
  return UUID.safeParse(value).success;
}

/** `value` if it is such an id, else null. */
export function uuidOrNull(value: unknown): string | null {
  return isUuid(value) ? value : null;
}
