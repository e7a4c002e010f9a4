import type { WorkspaceSettingsFields } from '../../domain/workspace-settings.ts';
import { ADMIN_SETTINGS_MODAL } from '../blocks/admin-settings-modal.ts';
import { type ViewState, viewInput } from './view-state.ts';

/** Maps the settings modal's blocks onto the form's plain fields; checking them is the domain's job. */
export function adminSettingsValues(state: ViewState): WorkspaceSettingsFields {
  const ids = ADMIN_SETTINGS_MODAL.blocks;
  // A cleared number box arrives as null or as an empty string: both mean "not set".
  const number = (blockId: string) => viewInput(state, blockId).text.trim() || undefined;
  return {
    organizers: viewInput(state, ids.organizers).users,
    maxLevelDistance: number(ids.maxLevelDistance),
    cooldownDays: number(ids.cooldownDays),
    sweepIntervalMinutes: number(ids.sweepIntervalMinutes),
    horizonDays: number(ids.horizonDays),
    defaultDurationMinutes: viewInput(state, ids.defaultDurationMinutes).selected,
    reminderOffsetsMinutes: viewInput(state, ids.reminderOffsetsMinutes).selectedMany,
    confirmNudgeHours: number(ids.confirmNudgeHours),
    releaseHours: number(ids.releaseHours),
    welcomeNewMembers: viewInput(state, ids.welcomeNewMembers).selected,
  };
}
