/**
 * A JSON record (a matching run's input) with one member taken out: every array element that
 * refers to them (their request, a pair they are in, their attendance) is dropped, every object key
 * that is their id is dropped, and any other mention of the id is replaced. What the others did
 * stays, so the run still explains their matches.
 */
export const ERASED_MEMBER = 'erased-member';

export function withoutMember(value: unknown, memberId: string): unknown {
  if (typeof value === 'string') return value === memberId ? ERASED_MEMBER : value;
  if (Array.isArray(value))
    return value.filter((item) => !refersTo(item, memberId)).map((item) => withoutMember(item, memberId));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== memberId)
        .map(([key, item]) => [key, withoutMember(item, memberId)]),
    );
  return value;
}

/** An element that is, or directly names, the member. */
function refersTo(item: unknown, memberId: string): boolean {
  if (item === memberId) return true;
  if (Array.isArray(item)) return item.includes(memberId);
  if (typeof item === 'object' && item !== null) return Object.values(item).includes(memberId);
  return false;
}

/**
 * A job payload or outbox row with the fields that hold the member's id left out (an announce's
 * optional `memberId`, who acted). Replacing the id instead would no longer pass the payload's schema.
 */
export function withoutFieldsNaming(value: unknown, memberId: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== memberId));
}
