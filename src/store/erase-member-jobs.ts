import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { withoutFieldsNaming } from '../domain/erase-from-record.ts';

export interface ErasedMember {
  memberId: string;
  slackUserId: string;
  /** Every session the member was in: jobs about those sessions may name them as the actor. */
  sessionIds: readonly string[];
}

const SUFFIXES = /:(logs|lock)$/;
const STREAM_PAGE = 1_000;

/**
 * Takes a member out of Redis when they are erased; BullMQ keeps finished jobs for days (their id
 * is what refuses a duplicate) and an event stream per queue. Jobs that serve one member (Home,
 * weekly entry, lapse check, profile refresh) carry the member's id or Slack id in their job id and
 * are removed. Jobs about a session they were in may name them as who acted (a cancel): those stay,
 * since the partner's notice must still go out, with that field taken out of their data. Event
 * stream entries naming one of the removed jobs are deleted. One pass over the keys, for all queues.
 *
 * A job running right now cannot be removed; it finds no member and does nothing.
 */
export async function eraseMemberJobs(
  queues: readonly Queue[],
  member: ErasedMember,
): Promise<{ removed: number; busy: number; rewritten: number }> {
  if (queues.length === 0) return { removed: 0, busy: 0, rewritten: 0 };
  // BullMQ types its client minimally; it is the ioredis connection the queues were built on.
  const client = (await queues[0]!.getBackend().connection.client) as unknown as Redis;
  const prefix = queues[0]!.opts.prefix ?? 'bull';
  const bases = queues.map((queue) => ({ queue, base: queue.toKey('') }));
  const sessionPrefixes = member.sessionIds.map((id) => `session-${id}-`);
  const names = (text: string) => text.includes(member.memberId) || text.includes(member.slackUserId);

  const toRemove = new Map<Queue, Set<string>>();
  const toRewrite: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const owner = bases.find(({ base }) => key.startsWith(base));
      if (!owner) continue;
      const rest = key.slice(owner.base.length);
      const jobId = rest.replace(SUFFIXES, '');
      if (names(jobId)) {
        const ids = toRemove.get(owner.queue) ?? new Set<string>();
        ids.add(jobId);
        toRemove.set(owner.queue, ids);
      } else if (rest === jobId && sessionPrefixes.some((start) => jobId.startsWith(start))) {
        toRewrite.push(key);
      }
    }
  } while (cursor !== '0');

  let removed = 0;
  let busy = 0;
  for (const [queue, ids] of toRemove) {
    for (const id of ids) {
      if ((await queue.remove(id)) === 1) removed += 1;
      else if (await client.exists(queue.toKey(id))) busy += 1;
    }
  }
  let rewritten = 0;
  for (const key of toRewrite) {
    const data = await client.hget(key, 'data');
    if (!data?.includes(member.memberId)) continue;
    await client.hset(key, 'data', JSON.stringify(withoutFieldsNaming(JSON.parse(data), member.memberId)));
    rewritten += 1;
  }
  for (const { queue } of bases) await dropStreamEntries(client, queue.toKey('events'), names);
  return { removed, busy, rewritten };
}

/** Deletes the entries of an event stream whose fields name the member (job ids, mostly). */
async function dropStreamEntries(client: Redis, stream: string, names: (text: string) => boolean) {
  let start = '-';
  for (;;) {
    const page = await client.xrange(stream, start, '+', 'COUNT', STREAM_PAGE);
    const doomed = page.filter(([, fields]) => fields.some(names)).map(([id]) => id);
    if (doomed.length > 0) await client.xdel(stream, ...doomed);
    if (page.length < STREAM_PAGE) return;
    start = `(${page[page.length - 1]![0]}`;
  }
}
