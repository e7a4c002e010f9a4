import type { SandboxClock } from '../sandbox-clock.ts';
import type { SlackReply, SlackRequests } from '../slack-stand-in/slack-requests.ts';
import type { SlackStandIn } from '../slack-stand-in/slack-stand-in.ts';
import { appShortcuts } from './app-shortcuts.ts';
import {
  actionObject,
  blockSuggestion,
  findElement,
  type Json,
  messageBlockActions,
  type PageValue,
  type PayloadEnv,
  stateValues,
  viewBlockActions,
  viewClosed,
  viewSubmission,
} from './payloads.ts';
import type { ResponseTarget, Surfaces } from './surfaces.ts';

/**
 * A member's Slack client doing things: typing `/mock …`, pressing a button or choosing from a
 * menu (in a message, a modal or the Home tab), submitting or closing a modal, searching an
 * external menu, opening the Home tab, using one of the app's shortcuts. Each becomes the request Slack would send, signed with the
 * app's signing secret and posted to the app's real /slack/events; the app's acknowledgement is
 * then applied as Slack applies it (an inline answer, `response_action`, the options of a menu).
 */

const FORM = 'application/x-www-form-urlencoded';

/** Where a block action happened. */
export type ActionSurface =
  | { kind: 'message'; channel: string; ts: string }
  | { kind: 'ephemeral'; id: string }
  | { kind: 'view'; viewId: string };

export interface ActionInput {
  surface: ActionSurface;
  /** The element used, and its value. */
  element: PageValue;
  /** Every input's current value, for a view's state. */
  state?: PageValue[];
}

export type SubmitOutcome =
  | { kind: 'closed' | 'updated' | 'pushed' | 'cleared' }
  | { kind: 'errors'; errors: Record<string, string> }
  | { kind: 'failed'; message: string };

export class MemberActions {
  private sequence = 0;

  constructor(
    private readonly slack: SlackStandIn,
    private readonly surfaces: Surfaces,
    private readonly requests: SlackRequests,
    private readonly clock: SandboxClock,
  ) {}

  /** `/mock help` typed in `channel`: the slash command, its acknowledgement shown as Slack shows it. */
  async command(userId: string, channel: string, typed: string): Promise<SlackReply> {
    const [command = '', ...words] = typed.trim().split(/\s+/);
    const payload = this.requests.commandPayload(userId, command, words.join(' '), {
      channel_id: channel,
      channel_name: this.channelName(channel),
    });
    const target: ResponseTarget = { userId, channel };
    this.surfaces.ownTrigger(payload.trigger_id!, userId);
    this.surfaces.ownResponseUrl(payload.response_url!, target);
    this.surfaces.echo(userId, channel, typed.trim());
    const reply = await this.requests.raw(
      new URLSearchParams(payload).toString(),
      { 'content-type': FORM },
      { sign: true },
    );
    if (reply.status !== 200) {
      this.surfaces.answerInline(target, {
        text: `${command} failed with the error "dispatch_failed" (the app answered ${reply.status}).`,
      });
    } else if (reply.json && (reply.json.text !== undefined || reply.json.blocks !== undefined)) {
      this.surfaces.answerInline(target, reply.json);
    }
    return reply;
  }

  /** A button, menu or picker used in a message, an ephemeral message, a modal or the Home tab. */
  async action(userId: string, input: ActionInput): Promise<SlackReply | undefined> {
    const env = this.env(userId);
    const { surface } = input;
    if (surface.kind === 'view') {
      const view = this.slack.view(surface.viewId);
      const element = view
        ? findElement(view.blocks, input.element.blockId, input.element.actionId)
        : undefined;
      if (!view || !element) return undefined;
      const state = stateValues(view.blocks, input.state ?? [], env.timezone);
      return this.interactive(viewBlockActions(env, view, actionObject(element, input.element, env), state));
    }
    const found =
      surface.kind === 'message'
        ? {
            channel: surface.channel,
            message: this.slack.message(surface.channel, surface.ts) as Json | undefined,
          }
        : (() => {
            const ephemeral = this.surfaces.ephemeralById(surface.id);
            return ephemeral
              ? {
                  channel: ephemeral.channel,
                  message: {
                    type: 'message',
                    ts: ephemeral.ts,
                    text: ephemeral.text,
                    blocks: ephemeral.blocks,
                  } as Json,
                }
              : { channel: '', message: undefined };
          })();
    if (!found.message) return undefined;
    const element = findElement(found.message.blocks, input.element.blockId, input.element.actionId);
    if (!element) return undefined;
    const responseUrl = this.slack.responseUrl(`action-${input.element.actionId}`);
    this.surfaces.ownResponseUrl(responseUrl, {
      userId,
      channel: found.channel,
      original:
        surface.kind === 'message'
          ? { kind: 'message', ts: surface.ts }
          : { kind: 'ephemeral', id: surface.id },
    });
    return this.interactive(
      messageBlockActions(
        env,
        {
          channel: { id: found.channel, name: this.channelName(found.channel) },
          message: found.message,
          isEphemeral: surface.kind === 'ephemeral',
          responseUrl,
        },
        actionObject(element, input.element, env),
      ),
    );
  }

  /** The modal's submit button: `view_submission`, then whatever `response_action` says. */
  async submit(userId: string, viewId: string, state: PageValue[]): Promise<SubmitOutcome> {
    const view = this.slack.view(viewId);
    if (!view) return { kind: 'failed', message: 'This view is no longer open.' };
    const env = this.env(userId);
    const reply = await this.interactive(
      viewSubmission(env, view, stateValues(view.blocks, state, env.timezone)),
    );
    if (reply.status !== 200) {
      return {
        kind: 'failed',
        message: `We had some trouble connecting (the app answered ${reply.status}). Try again?`,
      };
    }
    const answer = reply.json ?? {};
    switch (answer.response_action) {
      case 'errors':
        return { kind: 'errors', errors: (answer.errors ?? {}) as Record<string, string> };
      case 'update': {
        const stored = this.slack.putView(answer.view as Json, viewId);
        this.surfaces.replaceTop(userId, String(stored.id));
        return { kind: 'updated' };
      }
      case 'push': {
        const stored = this.slack.putView(answer.view as Json);
        this.surfaces.push(userId, String(stored.id));
        return { kind: 'pushed' };
      }
      case 'clear':
        this.surfaces.pop(userId, true);
        return { kind: 'cleared' };
      default:
        this.surfaces.pop(userId);
        return { kind: 'closed' };
    }
  }

  /** Cancel (this view) or × (every view): `view_closed` when the view asked for it. */
  async close(userId: string, viewId: string, all: boolean, state: PageValue[] = []): Promise<void> {
    const view = this.slack.view(viewId);
    this.surfaces.pop(userId, all);
    if (view?.notify_on_close === true) {
      const env = this.env(userId);
      await this.interactive(viewClosed(env, view, stateValues(view.blocks, state, env.timezone), all));
    }
  }

  /** An external menu's options for what the member typed so far (`block_suggestion`). */
  async options(
    userId: string,
    viewId: string,
    request: { blockId: string; actionId: string; value: string },
    state: PageValue[] = [],
  ): Promise<Json[]> {
    const view = this.slack.view(viewId);
    if (!view) return [];
    const env = this.env(userId);
    const reply = await this.interactive(
      blockSuggestion(env, view, request, stateValues(view.blocks, state, env.timezone)),
    );
    const answer = reply.json ?? {};
    if (Array.isArray(answer.options)) return answer.options as Json[];
    if (Array.isArray(answer.option_groups)) {
      return (answer.option_groups as Json[]).flatMap((group) =>
        Array.isArray(group.options) ? (group.options as Json[]) : [],
      );
    }
    return [];
  }

  /**
   * A global shortcut from the composer's shortcut menu (`shortcut`): no channel and no
   * response_url, only a trigger_id the app opens its modal with. Only shortcuts the manifest
   * declares exist, as in Slack.
   */
  async globalShortcut(userId: string, callbackId: string): Promise<SlackReply | undefined> {
    if (!appShortcuts().global.some((shortcut) => shortcut.callbackId === callbackId)) return undefined;
    const payload = this.requests.shortcutPayload(userId, callbackId);
    this.surfaces.ownTrigger(String(payload.trigger_id), userId);
    return this.interactive(payload);
  }

  /**
   * A message shortcut from a message's "More actions" menu (`message_action`): the message as the
   * app would read it, a trigger_id and a response_url that answers in that conversation.
   */
  async messageShortcut(
    userId: string,
    callbackId: string,
    on: { channel: string; ts: string },
  ): Promise<SlackReply | undefined> {
    if (!appShortcuts().message.some((shortcut) => shortcut.callbackId === callbackId)) return undefined;
    const stored = this.slack.message(on.channel, on.ts);
    if (!stored) return undefined;
    // What the stand-in keeps for itself is not part of the message Slack sends.
    const { published_for: _hidden, channel: _channel, deleted: _deleted, ...message } = stored;
    const payload = this.requests.messageShortcutPayload(userId, callbackId, {
      channelId: on.channel,
      message,
    });
    this.surfaces.ownTrigger(String(payload.trigger_id), userId);
    this.surfaces.ownResponseUrl(String(payload.response_url), { userId, channel: on.channel });
    return this.interactive(payload);
  }

  /** The member opened the app's Home tab: `app_home_opened`, and the app publishes the tab. */
  async openHome(userId: string): Promise<SlackReply> {
    const home = this.slack.homeView(userId);
    return this.requests.event({
      type: 'app_home_opened',
      user: userId,
      channel: this.slack.openConversation([userId]),
      tab: 'home',
      ...(home ? { view: home } : {}),
    });
  }

  private interactive(payload: Json): Promise<SlackReply> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.requests.raw(body, { 'content-type': FORM }, { sign: true });
  }

  private env(userId: string): PayloadEnv {
    const user = this.slack.user(userId);
    const triggerId = this.slack.triggerId();
    this.surfaces.ownTrigger(triggerId, userId);
    this.sequence += 1;
    return {
      teamId: this.slack.teamId,
      teamDomain: this.slack.teamDomain,
      appId: this.slack.appId,
      user: { id: userId, name: user.name },
      token: 'sandbox-verification-token',
      triggerId,
      actionTs: `${Math.floor(this.clock.nowMs() / 1000)}.${String(this.sequence).padStart(6, '0')}`,
      timezone: user.tz,
    };
  }

  private channelName(channel: string): string {
    if (channel.startsWith('D')) return 'directmessage';
    return String(this.slack.channel(channel).name ?? channel.toLowerCase());
  }
}
