import { describe, expect, it } from 'vitest';
import {
  actionObject,
  blockSuggestion,
  findElement,
  messageBlockActions,
  type PayloadEnv,
  stateValues,
  typedValue,
  viewBlockActions,
  viewClosed,
  viewSubmission,
} from '../../src/sandbox/client/payloads.ts';

/**
 * What the page sends the app, against the shapes Slack documents for interaction payloads:
 * https://api.slack.com/reference/interaction-payloads/block-actions,
 * https://api.slack.com/reference/interaction-payloads/views and the `state.values` of each
 * element (https://api.slack.com/reference/block-kit/block-elements).
 */

const env: PayloadEnv = {
  teamId: 'T0SANDBOX',
  teamDomain: 'product-interview-circle',
  appId: 'A0MOCKAPP',
  user: { id: 'U0ANA', name: 'ana' },
  token: 'sandbox-verification-token',
  triggerId: '12.345.abc',
  actionTs: '1796566485.000007',
  timezone: 'America/Sao_Paulo',
};

const plain = (text: string) => ({ type: 'plain_text', text });
const option = (text: string, value: string, description?: string) => ({
  text: plain(text),
  value,
  ...(description ? { description: plain(description) } : {}),
});

const modalBlocks = [
  { type: 'section', text: { type: 'mrkdwn', text: 'Intro' } },
  {
    type: 'input',
    block_id: 'note',
    label: plain('Note'),
    element: { type: 'plain_text_input', action_id: 'value' },
  },
  {
    type: 'input',
    block_id: 'level',
    label: plain('Level'),
    element: {
      type: 'static_select',
      action_id: 'value',
      options: [option('PM', 'PM'), option('Senior', 'SENIOR')],
    },
  },
  {
    type: 'input',
    block_id: 'types',
    label: plain('Types'),
    element: {
      type: 'multi_static_select',
      action_id: 'value',
      options: [
        option('Execution', 'execution'),
        option('Strategy', 'strategy'),
        option('Technical', 'technical'),
      ],
    },
  },
  {
    type: 'input',
    block_id: 'windows',
    label: plain('Windows'),
    optional: true,
    element: {
      type: 'checkboxes',
      action_id: 'value',
      options: [option('Now', 'now', 'for 90 minutes'), option('Tonight', 'tonight')],
    },
  },
  {
    type: 'input',
    block_id: 'role',
    label: plain('Role'),
    element: {
      type: 'radio_buttons',
      action_id: 'value',
      options: [option('Both', 'BOTH', 'Swap'), option('Interviewer', 'INTERVIEWER')],
    },
  },
  {
    type: 'input',
    block_id: 'time',
    label: plain('Time'),
    element: { type: 'timepicker', action_id: 'value' },
  },
  {
    type: 'input',
    block_id: 'day',
    label: plain('Day'),
    element: { type: 'datepicker', action_id: 'value' },
  },
  {
    type: 'input',
    block_id: 'zone',
    label: plain('Zone'),
    element: { type: 'external_select', action_id: 'timezone-search' },
  },
  {
    type: 'input',
    block_id: 'who',
    label: plain('Who'),
    element: { type: 'multi_users_select', action_id: 'value' },
  },
  {
    type: 'input',
    block_id: 'where',
    label: plain('Where'),
    element: { type: 'conversations_select', action_id: 'value' },
  },
  {
    type: 'input',
    block_id: 'hours',
    label: plain('Hours'),
    element: { type: 'number_input', action_id: 'value', is_decimal_allowed: false },
  },
  {
    type: 'input',
    block_id: 'link',
    label: plain('Link'),
    element: { type: 'url_text_input', action_id: 'value' },
  },
  { type: 'input', label: plain('When exactly'), element: { type: 'datetimepicker', action_id: 'value' } },
  { type: 'actions', elements: [{ type: 'button', action_id: 'more', text: plain('More'), value: 'more' }] },
];

const view = {
  id: 'V0000000001',
  team_id: 'T0SANDBOX',
  type: 'modal',
  callback_id: 'partner-request',
  private_metadata: '{"timezone":"America/Sao_Paulo"}',
  hash: '1796566485.abcd1234',
  title: plain('Find a practice partner'),
  blocks: modalBlocks,
  state: { values: {} },
  root_view_id: 'V0000000001',
  previous_view_id: null,
  app_id: 'A0MOCKAPP',
  bot_id: 'B0MOCKBOT',
};

describe('state.values', () => {
  it('types every input as Slack does, keyed by block id and action id, empty ones included', () => {
    const state = stateValues(
      modalBlocks,
      [
        { blockId: 'note', actionId: 'value', value: 'Target: fintech' },
        { blockId: 'level', actionId: 'value', values: ['SENIOR'] },
        { blockId: 'types', actionId: 'value', values: ['technical', 'execution'] },
        { blockId: 'windows', actionId: 'value', values: ['now'] },
        { blockId: 'role', actionId: 'value', values: ['BOTH'] },
        { blockId: 'time', actionId: 'value', value: '18:30' },
        { blockId: 'day', actionId: 'value', value: '2026-12-09' },
        { blockId: 'zone', actionId: 'timezone-search', value: 'Europe/London', text: 'London (GMT)' },
        { blockId: 'who', actionId: 'value', values: ['U0BO', 'U0CY'] },
        { blockId: 'where', actionId: 'value', values: ['C0PRACTICE'] },
        { blockId: 'hours', actionId: 'value', value: '24' },
        { blockId: 'sandbox-block-13', actionId: 'value', value: '2026-12-09T18:30' },
      ],
      env.timezone,
    );
    expect(state).toEqual({
      note: { value: { type: 'plain_text_input', value: 'Target: fintech' } },
      level: { value: { type: 'static_select', selected_option: option('Senior', 'SENIOR') } },
      // In the order the app listed them, as Slack returns them.
      types: {
        value: {
          type: 'multi_static_select',
          selected_options: [option('Execution', 'execution'), option('Technical', 'technical')],
        },
      },
      windows: { value: { type: 'checkboxes', selected_options: [option('Now', 'now', 'for 90 minutes')] } },
      role: { value: { type: 'radio_buttons', selected_option: option('Both', 'BOTH', 'Swap') } },
      time: { value: { type: 'timepicker', selected_time: '18:30' } },
      day: { value: { type: 'datepicker', selected_date: '2026-12-09' } },
      zone: {
        'timezone-search': {
          type: 'external_select',
          selected_option: {
            text: { type: 'plain_text', text: 'London (GMT)', emoji: true },
            value: 'Europe/London',
          },
        },
      },
      who: { value: { type: 'multi_users_select', selected_users: ['U0BO', 'U0CY'] } },
      where: { value: { type: 'conversations_select', selected_conversation: 'C0PRACTICE' } },
      // number_input's value is a string, as Slack sends it.
      hours: { value: { type: 'number_input', value: '24' } },
      link: { value: { type: 'url_text_input', value: null } },
      // 18:30 in São Paulo (UTC-3) is 21:30 UTC.
      'sandbox-block-13': {
        value: { type: 'datetimepicker', selected_date_time: Date.UTC(2026, 11, 9, 21, 30) / 1000 },
      },
    });
  });

  it('sends null for what the member left empty, never an empty string', () => {
    const state = stateValues(modalBlocks, [{ blockId: 'note', actionId: 'value', value: '' }], env.timezone);
    expect(state.note).toEqual({ value: { type: 'plain_text_input', value: null } });
    expect(state.level).toEqual({ value: { type: 'static_select', selected_option: null } });
    expect(state.windows).toEqual({ value: { type: 'checkboxes', selected_options: [] } });
    expect(state.time).toEqual({ value: { type: 'timepicker', selected_time: null } });
    expect(state.zone).toEqual({ 'timezone-search': { type: 'external_select', selected_option: null } });
  });

  it('never invents an option the app did not offer', () => {
    const element = findElement(modalBlocks, 'level', 'value')!;
    expect(
      typedValue(element, { blockId: 'level', actionId: 'value', values: ['FORGED'] }, env.timezone),
    ).toEqual({
      type: 'static_select',
      selected_option: null,
    });
  });
});

describe('block_actions', () => {
  const message = {
    type: 'message',
    channel: 'G0PAIR',
    ts: '1796566485.000100',
    text: 'You are matched',
    user: 'U0MOCKBIRD',
    bot_id: 'B0MOCKBOT',
    app_id: 'A0MOCKAPP',
    team: 'T0SANDBOX',
    deleted: false,
    blocks: [
      {
        type: 'section',
        block_id: 'slot-1',
        text: { type: 'mrkdwn', text: '*Proposed:* …' },
        accessory: {
          type: 'button',
          action_id: 'session-pick-slot',
          style: 'primary',
          text: plain('Confirm'),
          value: 's1|v1|17965',
        },
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'overflow',
            action_id: 'more',
            options: [option('Snooze', 'snooze'), option('Mute', 'mute')],
          },
          { type: 'users_select', action_id: 'partner', placeholder: plain('Someone') },
        ],
      },
    ],
  };

  it('from a button in a message: the message, its channel, a response_url and the action as documented', () => {
    const element = findElement(message.blocks, 'slot-1', 'session-pick-slot')!;
    const action = actionObject(element, { blockId: 'slot-1', actionId: 'session-pick-slot' }, env);
    const payload = messageBlockActions(
      env,
      {
        channel: { id: 'G0PAIR', name: 'mpdm-ana--lukas-1' },
        message,
        isEphemeral: false,
        responseUrl: 'http://127.0.0.1:1/response/a',
      },
      action,
    );
    expect(payload).toEqual({
      type: 'block_actions',
      user: { id: 'U0ANA', username: 'ana', name: 'ana', team_id: 'T0SANDBOX' },
      api_app_id: 'A0MOCKAPP',
      token: 'sandbox-verification-token',
      team: { id: 'T0SANDBOX', domain: 'product-interview-circle' },
      enterprise: null,
      is_enterprise_install: false,
      container: {
        type: 'message',
        message_ts: '1796566485.000100',
        channel_id: 'G0PAIR',
        is_ephemeral: false,
      },
      trigger_id: '12.345.abc',
      channel: { id: 'G0PAIR', name: 'mpdm-ana--lukas-1' },
      // The stand-in's bookkeeping (which conversation, deleted or not) is not part of Slack's message.
      message: {
        type: 'message',
        ts: '1796566485.000100',
        text: 'You are matched',
        user: 'U0MOCKBIRD',
        bot_id: 'B0MOCKBOT',
        app_id: 'A0MOCKAPP',
        team: 'T0SANDBOX',
        blocks: message.blocks,
      },
      state: { values: {} },
      response_url: 'http://127.0.0.1:1/response/a',
      actions: [
        {
          type: 'button',
          action_id: 'session-pick-slot',
          block_id: 'slot-1',
          action_ts: '1796566485.000007',
          text: plain('Confirm'),
          value: 's1|v1|17965',
          style: 'primary',
        },
      ],
    });
  });

  it('an overflow item and a users_select answer with selected_option and selected_user', () => {
    const blockId = 'sandbox-block-1';
    const overflow = findElement(message.blocks, blockId, 'more')!;
    expect(actionObject(overflow, { blockId, actionId: 'more', value: 'mute' }, env)).toEqual({
      type: 'overflow',
      action_id: 'more',
      block_id: blockId,
      action_ts: env.actionTs,
      selected_option: option('Mute', 'mute'),
    });
    const users = findElement(message.blocks, blockId, 'partner')!;
    expect(actionObject(users, { blockId, actionId: 'partner', values: ['U0BO'] }, env)).toEqual({
      type: 'users_select',
      action_id: 'partner',
      block_id: blockId,
      action_ts: env.actionTs,
      selected_user: 'U0BO',
      placeholder: plain('Someone'),
    });
  });

  it('in a modal or the Home tab: the view with its state instead of a message, and no response_url', () => {
    const element = findElement(modalBlocks, 'sandbox-block-14', 'more')!;
    const state = stateValues(
      modalBlocks,
      [{ blockId: 'note', actionId: 'value', value: 'hi' }],
      env.timezone,
    );
    const payload = viewBlockActions(
      env,
      view,
      actionObject(element, { blockId: 'sandbox-block-14', actionId: 'more' }, env),
      state,
    );
    expect(payload.container).toEqual({ type: 'view', view_id: 'V0000000001' });
    expect(payload).not.toHaveProperty('response_url');
    expect(payload).not.toHaveProperty('message');
    expect((payload.view as { state: unknown }).state).toEqual({ values: state });
    expect(payload.state).toEqual({ values: state });
    expect((payload.view as { private_metadata: string }).private_metadata).toBe(view.private_metadata);
  });
});

describe('views', () => {
  it('view_submission carries the whole view, its state and an empty response_urls', () => {
    const state = stateValues(
      modalBlocks,
      [{ blockId: 'level', actionId: 'value', values: ['PM'] }],
      env.timezone,
    );
    const payload = viewSubmission(env, view, state);
    expect(payload).toMatchObject({
      type: 'view_submission',
      team: { id: 'T0SANDBOX', domain: 'product-interview-circle' },
      user: { id: 'U0ANA', username: 'ana', name: 'ana', team_id: 'T0SANDBOX' },
      api_app_id: 'A0MOCKAPP',
      token: 'sandbox-verification-token',
      trigger_id: '12.345.abc',
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
      view: { ...view, state: { values: state } },
    });
  });

  it('view_closed says whether the whole stack was cleared', () => {
    expect(viewClosed(env, view, {}, true)).toMatchObject({
      type: 'view_closed',
      is_cleared: true,
      view: { id: 'V0000000001' },
    });
    expect(viewClosed(env, view, {}, false)).toMatchObject({ is_cleared: false });
  });

  it('block_suggestion names the external menu and what the member typed', () => {
    expect(
      blockSuggestion(env, view, { blockId: 'zone', actionId: 'timezone-search', value: 'Lond' }, {}),
    ).toMatchObject({
      type: 'block_suggestion',
      action_id: 'timezone-search',
      block_id: 'zone',
      value: 'Lond',
      container: { type: 'view', view_id: 'V0000000001' },
      view: { id: 'V0000000001', callback_id: 'partner-request' },
    });
  });
});
