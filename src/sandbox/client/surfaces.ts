import { EventEmitter } from 'node:events';
import type { SlackStandIn } from '../slack-stand-in/slack-stand-in.ts';
import type { Json, StandInActivity } from '../slack-stand-in/types.ts';

/**
 * What each member's Slack client shows beyond what the stand-in stores as the workspace: their
 * stack of open modals, the ephemeral messages only they can see ("Only visible to you"), and where
 * each response_url the sandbox handed the app leads. It listens to the stand-in (every answer the
 * app gets, every response_url POST) and says `change` when anything a member sees may have moved.
 */

export interface EphemeralMessage {
  id: string;
  userId: string;
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown;
  /** A slash command echoed back to who typed it (Slack shows nothing; the page shows this much). */
  echo?: boolean;
}

/** Where a response_url leads: whose client, which conversation, and which message it came from. */
export interface ResponseTarget {
  userId: string;
  channel: string;
  /** The message whose button minted it: `replace_original` / `delete_original` act on it. */
  original?: { kind: 'message'; ts: string } | { kind: 'ephemeral'; id: string };
}

export class Surfaces extends EventEmitter {
  private readonly stacks = new Map<string, string[]>();
  private ephemeral: EphemeralMessage[] = [];
  private readonly triggers = new Map<string, string>();
  private readonly responseUrls = new Map<string, ResponseTarget>();
  private sequence = 0;
  private readonly unobserve: () => void;

  constructor(private readonly slack: SlackStandIn) {
    super();
    this.unobserve = slack.observe((activity) => this.hear(activity));
  }

  close(): void {
    this.unobserve();
    this.removeAllListeners();
  }

  // ---------------------------------------------------------------- what the page reads

  /** The member's open modals, bottom first (view ids). */
  modalStack(userId: string): string[] {
    return [...(this.stacks.get(userId) ?? [])];
  }

  ephemeralsFor(userId: string, channel: string): EphemeralMessage[] {
    return this.ephemeral.filter((each) => each.userId === userId && each.channel === channel);
  }

  ephemeralById(id: string): EphemeralMessage | undefined {
    return this.ephemeral.find((each) => each.id === id);
  }

  // ---------------------------------------------------------------- what the member's actions record

  /** A trigger_id minted for `userId`: a modal opened with it opens in their client. */
  ownTrigger(triggerId: string, userId: string): void {
    this.triggers.set(triggerId, userId);
  }

  ownResponseUrl(url: string, target: ResponseTarget): void {
    this.responseUrls.set(url, target);
  }

  /** An answer that arrived in the HTTP acknowledgement (a command's), handled as a response_url would be. */
  answerInline(target: ResponseTarget, body: Json): void {
    this.respond(target, body);
  }

  echo(userId: string, channel: string, text: string): void {
    this.addEphemeral({ userId, channel, text, echo: true });
  }

  dismissEphemeral(userId: string, id: string): void {
    this.ephemeral = this.ephemeral.filter((each) => !(each.id === id && each.userId === userId));
    this.changed();
  }

  /** `response_action: update` replaced the top view; `push` added one; `clear` closed them all. */
  replaceTop(userId: string, viewId: string): void {
    const stack = this.stacks.get(userId) ?? [];
    stack.splice(Math.max(0, stack.length - 1), 1, viewId);
    this.stacks.set(userId, stack);
    this.changed();
  }

  push(userId: string, viewId: string): void {
    this.stacks.set(userId, [...(this.stacks.get(userId) ?? []), viewId]);
    this.changed();
  }

  /** Closes the top view (a submit without a response, or Cancel); `all` closes the whole stack. */
  pop(userId: string, all = false): void {
    const stack = this.stacks.get(userId) ?? [];
    this.stacks.set(userId, all ? [] : stack.slice(0, -1));
    this.changed();
  }

  changed(): void {
    this.emit('change');
  }

  // ---------------------------------------------------------------- what the app did

  private hear(activity: StandInActivity): void {
    if (activity.kind === 'response') {
      const target = this.responseUrls.get(activity.response.url);
      if (target) this.respond(target, activity.response.body);
      else this.changed();
      return;
    }
    const { call, answer } = activity;
    if (answer.ok === true) {
      const view = answer.view as Json | undefined;
      const owner =
        typeof call.args.trigger_id === 'string' ? this.triggers.get(call.args.trigger_id) : undefined;
      if (call.method === 'views.open' && owner && view) this.stacks.set(owner, [String(view.id)]);
      if (call.method === 'views.push' && owner && view)
        this.stacks.set(owner, [...(this.stacks.get(owner) ?? []), String(view.id)]);
      if (call.method === 'chat.postEphemeral') {
        const userId = String(call.args.user);
        const channel = String(call.args.channel);
        this.addEphemeral({
          userId,
          channel: /^[UW]/.test(channel) ? this.slack.openConversation([channel]) : channel,
          text: typeof call.args.text === 'string' ? call.args.text : '',
          blocks: call.args.blocks,
        });
        return;
      }
    }
    this.changed();
  }

  private respond(target: ResponseTarget, body: Json): void {
    const content = {
      text: typeof body.text === 'string' ? body.text : '',
      ...(body.blocks !== undefined ? { blocks: body.blocks } : {}),
    };
    const original = target.original;
    if (body.delete_original === true || body.delete_original === 'true') {
      if (original?.kind === 'ephemeral')
        this.ephemeral = this.ephemeral.filter((each) => each.id !== original.id);
      if (original?.kind === 'message') this.slack.deleteMessage(target.channel, original.ts);
    } else if ((body.replace_original === true || body.replace_original === 'true') && original) {
      if (original.kind === 'ephemeral') {
        const found = this.ephemeral.find((each) => each.id === original.id);
        if (found) Object.assign(found, content);
      } else {
        this.slack.replaceMessage(target.channel, original.ts, content);
      }
    } else if (body.response_type === 'in_channel') {
      this.slack.postAsApp(target.channel, content);
    } else if (content.text || content.blocks) {
      this.addEphemeral({ userId: target.userId, channel: target.channel, ...content });
      return;
    }
    this.changed();
  }

  private addEphemeral(message: Omit<EphemeralMessage, 'id' | 'ts'>): void {
    this.sequence += 1;
    this.ephemeral.push({ ...message, id: `e${this.sequence}`, ts: this.slack.nextTs() });
    // Slack keeps ephemeral messages for the session; a page keeps the last few per conversation.
    const mine = this.ephemeral.filter(
      (each) => each.userId === message.userId && each.channel === message.channel,
    );
    if (mine.length > 12) this.ephemeral = this.ephemeral.filter((each) => each !== mine[0]);
    this.changed();
  }
}
