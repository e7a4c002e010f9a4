import { DateTime } from 'luxon';
import { blockIdOf } from '../page/block-kit/render-blocks.ts';

/**
 * The interactivity payloads Slack sends an app, built from what a member did on the sandbox's
 * page: `block_actions` (a button, a menu, a picker, in a message, a modal or the Home tab),
 * `view_submission` with `state.values` keyed by block id and action id and typed per element
 * exactly as Slack types them, `view_closed`, and `block_suggestion` for external menus. Pure:
 * the element definitions come from the view or message the app sent, the values from the page.
 * https://api.slack.com/reference/interaction-payloads
 */

export type Json = Record<string, unknown>;

/** What the page reports for one element: text for inputs, values for menus and choices. */
export interface PageValue {
  blockId: string;
  actionId: string;
  /** Text inputs, pickers (YYYY-MM-DD, HH:mm, a local date-time), a button's or overflow's value. */
  value?: string | null;
  /** Menus, checkboxes, radio buttons: the chosen options' values. */
  values?: string[];
  /** An external menu's chosen option's text (its options came from the app, not the view). */
  text?: string;
}

/** Who is acting where, and the one-time ids Slack mints for the request. */
export interface PayloadEnv {
  teamId: string;
  teamDomain: string;
  appId: string;
  user: { id: string; name: string };
  /** The deprecated verification token Slack still sends. */
  token: string;
  triggerId: string;
  /** "seconds.micros", unique per action. */
  actionTs: string;
  /** The reader's timezone, for a datetimepicker's local value. */
  timezone: string;
}

/** Finds the element an action id names in a block, wherever Slack allows it to sit. */
export function findElement(blocks: unknown, blockId: string, actionId: string): Json | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const [index, block] of (blocks as Json[]).entries()) {
    if (blockIdOf(block, index) !== blockId) continue;
    const candidates = [
      block.element,
      block.accessory,
      ...(Array.isArray(block.elements) ? block.elements : []),
    ];
    const found = candidates.find(
      (candidate) => candidate && typeof candidate === 'object' && (candidate as Json).action_id === actionId,
    );
    if (found) return found as Json;
  }
  return undefined;
}

function optionsOf(element: Json): Json[] {
  const options = Array.isArray(element.options) ? (element.options as Json[]) : [];
  const grouped = Array.isArray(element.option_groups)
    ? (element.option_groups as Json[]).flatMap((group) =>
        Array.isArray(group.options) ? (group.options as Json[]) : [],
      )
    : [];
  return [...options, ...grouped];
}

/** The option objects as the app defined them, in the order it listed them. */
function chosenOptions(element: Json, values: readonly string[]): Json[] {
  return optionsOf(element)
    .filter((option) => values.includes(String(option.value)))
    .map((option) => structuredClone(option));
}

function plain(text: string): Json {
  return { type: 'plain_text', text, emoji: true };
}

function orNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

/**
 * The typed value of one element, as it appears both in `state.values` and (with the element's
 * ids) as an action: `value` for text inputs, `selected_option(s)`, `selected_user(s)`,
 * `selected_conversation(s)`, `selected_date`, `selected_time` or `selected_date_time`.
 */
export function typedValue(element: Json, page: PageValue | undefined, timezone: string): Json {
  const type = String(element.type);
  const values = page?.values ?? [];
  const first = values[0] ?? null;
  switch (type) {
    case 'plain_text_input':
    case 'url_text_input':
    case 'email_text_input':
    case 'number_input':
      return { type, value: orNull(page?.value) };
    case 'static_select':
    case 'radio_buttons':
      return { type, selected_option: chosenOptions(element, first === null ? [] : [first])[0] ?? null };
    case 'external_select': {
      const value = orNull(page?.value ?? first);
      return {
        type,
        selected_option: value === null ? null : { text: plain(page?.text ?? value), value },
      };
    }
    case 'multi_static_select':
    case 'checkboxes':
      return { type, selected_options: chosenOptions(element, values) };
    case 'multi_external_select':
      return { type, selected_options: values.map((value) => ({ text: plain(value), value })) };
    case 'users_select':
      return { type, selected_user: first };
    case 'multi_users_select':
      return { type, selected_users: [...values] };
    case 'conversations_select':
      return { type, selected_conversation: first };
    case 'multi_conversations_select':
      return { type, selected_conversations: [...values] };
    case 'channels_select':
      return { type, selected_channel: first };
    case 'multi_channels_select':
      return { type, selected_channels: [...values] };
    case 'datepicker':
      return { type, selected_date: orNull(page?.value) };
    case 'timepicker':
      return {
        type,
        selected_time: orNull(page?.value),
        ...(typeof element.timezone === 'string' ? { timezone: element.timezone } : {}),
      };
    case 'datetimepicker': {
      const local = orNull(page?.value);
      const at = local ? DateTime.fromISO(local, { zone: timezone }) : null;
      return { type, selected_date_time: at?.isValid ? Math.floor(at.toSeconds()) : null };
    }
    default:
      return { type, value: orNull(page?.value) };
  }
}

/**
 * `state.values` of a view: every input block's element (and every interactive element in other
 * blocks), keyed by block id and action id, with what the page reported or the empty value.
 */
export function stateValues(blocks: unknown, page: readonly PageValue[], timezone: string): Json {
  const values: Record<string, Record<string, Json>> = {};
  if (!Array.isArray(blocks)) return values;
  for (const [index, block] of (blocks as Json[]).entries()) {
    if (block.type !== 'input') continue;
    const element = block.element as Json | undefined;
    if (!element || typeof element.action_id !== 'string') continue;
    const blockId = blockIdOf(block, index);
    const reported = page.find((each) => each.blockId === blockId && each.actionId === element.action_id);
    values[blockId] = { [element.action_id]: typedValue(element, reported, timezone) };
  }
  return values;
}

/** The action object of a block_actions payload for the element the member used. */
export function actionObject(
  element: Json,
  page: PageValue,
  env: Pick<PayloadEnv, 'actionTs' | 'timezone'>,
): Json {
  const type = String(element.type);
  const common: Json = {
    type,
    action_id: element.action_id,
    block_id: page.blockId,
    action_ts: env.actionTs,
  };
  if (type === 'button') {
    return {
      ...common,
      text: structuredClone(element.text),
      ...(element.value !== undefined ? { value: element.value } : {}),
      ...(element.style !== undefined ? { style: element.style } : {}),
      ...(element.url !== undefined ? { url: element.url } : {}),
    };
  }
  if (type === 'overflow') {
    const option = chosenOptions(element, page.value ? [page.value] : [])[0] ?? null;
    return { ...common, selected_option: option };
  }
  const { type: _type, ...value } = typedValue(element, page, env.timezone);
  return {
    ...common,
    ...value,
    ...(element.placeholder !== undefined ? { placeholder: structuredClone(element.placeholder) } : {}),
  };
}

function base(type: string, env: PayloadEnv): Json {
  return {
    type,
    user: { id: env.user.id, username: env.user.name, name: env.user.name, team_id: env.teamId },
    api_app_id: env.appId,
    token: env.token,
    team: { id: env.teamId, domain: env.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
  };
}

/** A view as Slack sends it back in payloads: the stored view with the member's current state. */
export function viewWithState(view: Json, state: Json): Json {
  return { ...structuredClone(view), state: { values: state } };
}

/** block_actions in a message (a channel, DM or group DM; an ephemeral message too). */
export function messageBlockActions(
  env: PayloadEnv,
  where: {
    channel: { id: string; name: string };
    message: Json;
    isEphemeral: boolean;
    responseUrl: string;
  },
  action: Json,
  state: Json = {},
): Json {
  const { published_for: _hidden, channel: _channel, deleted: _deleted, ...message } = where.message;
  return {
    ...base('block_actions', env),
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: where.channel.id,
      is_ephemeral: where.isEphemeral,
    },
    trigger_id: env.triggerId,
    channel: where.channel,
    message,
    state: { values: state },
    response_url: where.responseUrl,
    actions: [action],
  };
}

/** block_actions in a modal or the Home tab: the view (with its state) instead of a message. */
export function viewBlockActions(env: PayloadEnv, view: Json, action: Json, state: Json): Json {
  const sent = viewWithState(view, state);
  return {
    ...base('block_actions', env),
    container: { type: 'view', view_id: sent.id },
    trigger_id: env.triggerId,
    view: sent,
    state: { values: state },
    actions: [action],
  };
}

export function viewSubmission(env: PayloadEnv, view: Json, state: Json): Json {
  return {
    ...base('view_submission', env),
    trigger_id: env.triggerId,
    view: viewWithState(view, state),
    response_urls: [],
  };
}

export function viewClosed(env: PayloadEnv, view: Json, state: Json, isCleared: boolean): Json {
  return { ...base('view_closed', env), view: viewWithState(view, state), is_cleared: isCleared };
}

/** An external menu asks the app for options as the member types. */
export function blockSuggestion(
  env: PayloadEnv,
  view: Json,
  page: { blockId: string; actionId: string; value: string },
  state: Json,
): Json {
  return {
    ...base('block_suggestion', env),
    container: { type: 'view', view_id: view.id },
    action_id: page.actionId,
    block_id: page.blockId,
    value: page.value,
    view: viewWithState(view, state),
  };
}
