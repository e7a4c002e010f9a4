/**
 * Reading what the app sent, as a member would: the words of a call, the buttons in its blocks,
 * the DMs one member received. Shared by the end-to-end files so each reads like the product.
 */
import type { RecordedCall } from './fake-slack/types.ts';
import type { FakeSlack, Json } from './fake-slack.ts';

export interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

/** Everything a call carried, as one string to search. */
export function textOf(call: RecordedCall): string {
  return JSON.stringify(call.args);
}

/** Every button in a message's or a view's blocks: section accessories and actions elements. */
export function buttonsIn(blocks: unknown): Button[] {
  const found: Button[] = [];
  for (const block of (blocks ?? []) as Json[]) {
    const accessory = block.accessory as Json | undefined;
    if (accessory?.type === 'button') found.push(accessory as never);
    for (const element of (block.elements ?? []) as Json[])
      if (element.type === 'button') found.push(element as never);
  }
  return found;
}

/** The messages the app posted into `user`'s one-to-one conversation with it. */
export function dmsTo(fake: FakeSlack, user: string): RecordedCall[] {
  return fake.callsTo('chat.postMessage').filter((call) => {
    const channel = fake.channel(String(call.args.channel));
    return channel.is_im && channel.user === user;
  });
}
