import { describe, expect, it } from 'vitest';
import {
  NO_WORKSPACE_SETTINGS,
  readWorkspaceSettingsForm,
  type SettingsDefaults,
  type WorkspaceSettings,
} from '../../../src/domain/workspace-settings.ts';
import {
  ADMIN_SETTINGS_ACTIONS,
  ADMIN_SETTINGS_MODAL,
  adminSettingsModal,
  adminSettingsSavedModal,
  minutesLabel,
} from '../../../src/slack/blocks/admin-settings-modal.ts';
import { adminSettingsValues } from '../../../src/slack/views/admin-settings-values.ts';
import type { ViewState } from '../../../src/slack/views/view-state.ts';

const defaults: SettingsDefaults = {
  maxLevelDistance: 1,
  cooldownDays: 14,
  sweepIntervalMinutes: 15,
  horizonDays: 7,
  defaultDurationMinutes: 45,
  reminderOffsetsMinutes: [1440, 15],
  confirmNudgeHours: 8,
  releaseHours: 24,
};

const chosen: WorkspaceSettings = {
  organizerSlackIds: ['U0CAL'],
  maxLevelDistance: 0,
  cooldownDays: 30,
  sweepIntervalMinutes: 60,
  horizonDays: 14,
  defaultDurationMinutes: 60,
  reminderOffsetsMinutes: [180, 60],
  confirmNudgeHours: 4,
  releaseHours: 12,
  welcomeNewMembers: false,
};

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  accessory?: { action_id: string };
  element?: Record<string, unknown> & { placeholder?: { text: string } };
};

/** The state Slack would send back for the modal untouched: each element's initial value. */
function untouchedState(blocks: Block[]): ViewState {
  const values: ViewState['values'] = {};
  for (const block of blocks) {
    const element = block.element;
    if (block.type !== 'input' || !block.block_id || !element) continue;
    const state: ViewState['values'][string][string] = { type: String(element.type) };
    if (element.type === 'number_input') state.value = (element.initial_value as string | undefined) ?? null;
    if (element.type === 'multi_users_select')
      state.selected_users = (element.initial_users as string[]) ?? [];
    if (element.type === 'static_select' || element.type === 'radio_buttons')
      state.selected_option = (element.initial_option as never) ?? null;
    if (element.type === 'multi_static_select')
      state.selected_options = (element.initial_options as never[] | undefined) ?? [];
    values[block.block_id] = { [ADMIN_SETTINGS_MODAL.actionId]: state };
  }
  return { values };
}

describe('the organizer settings modal', () => {
  it('submitted untouched, saves exactly what it was opened with', () => {
    for (const settings of [chosen, NO_WORKSPACE_SETTINGS]) {
      const view = adminSettingsModal({ settings, defaults });
      const fields = adminSettingsValues(untouchedState(view.blocks as Block[]));
      expect(readWorkspaceSettingsForm(fields, defaults)).toEqual({ ok: true, value: settings });
    }
  });

  it('shows each default as the placeholder of a blank field', () => {
    const view = adminSettingsModal({ settings: NO_WORKSPACE_SETTINGS, defaults });
    const placeholder = (field: keyof typeof ADMIN_SETTINGS_MODAL.blocks) =>
      (view.blocks as Block[]).find((block) => block.block_id === ADMIN_SETTINGS_MODAL.blocks[field])?.element
        ?.placeholder?.text;
    expect(placeholder('maxLevelDistance')).toBe('Default: 1');
    expect(placeholder('sweepIntervalMinutes')).toBe('Default: 15 min');
    expect(placeholder('reminderOffsetsMinutes')).toBe('Default: 24 h and 15 min before');
    expect(placeholder('releaseHours')).toBe('Default: 24 h');
    expect(
      view.blocks.every((block) => block.type !== 'input' || (block as { optional?: boolean }).optional),
    ).toBe(true);
  });

  it('points to the daily question with a button and the command', () => {
    const view = adminSettingsModal({ settings: chosen, defaults });
    const daily = (view.blocks as Block[]).find(
      (block) => block.block_id === ADMIN_SETTINGS_MODAL.dailyBlock,
    );
    expect(daily?.accessory?.action_id).toBe(ADMIN_SETTINGS_ACTIONS.openDaily);
    expect(JSON.stringify(view.blocks)).toContain('/mock admin daily');
  });

  it('says what is in force after a save, defaults named as such', () => {
    const text = JSON.stringify(
      adminSettingsSavedModal({ ...NO_WORKSPACE_SETTINGS, cooldownDays: 30 }, defaults),
    );
    expect(text).toContain('Cooldown: 30 days');
    expect(text).toContain('Level distance: 1 (default)');
    expect(text).toContain('24 h and 15 min (default) before');
    expect(text).toContain('daily-question channel: welcomed privately');
    expect(JSON.stringify(adminSettingsSavedModal(chosen, defaults))).toContain('channel: not welcomed');
  });

  it.each([
    [5, '5 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [1440, '24 h'],
    [2880, '2 days'],
    [10080, '7 days'],
    [1 / 60, '1 s'],
  ])('labels %d minutes as %s', (minutes, label) => {
    expect(minutesLabel(minutes)).toBe(label);
  });
});
