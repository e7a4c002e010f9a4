import { z } from 'zod';
import type { DailySettingsFields } from '../../domain/daily-question/settings-form.ts';
import { DAILY_SETTINGS_MODAL } from '../blocks/daily-settings-modal.ts';

/**
 * The daily-settings modal's `view.state.values`. Its channel and time pickers report
 * `selected_conversation` and `selected_time`, which the shared view-state schema does not read.
 */
const optionSchema = z.object({ value: z.string() });

const elementStateSchema = z.object({
  type: z.string(),
  selected_conversation: z.string().nullish(),
  selected_time: z.string().nullish(),
  selected_option: optionSchema.nullish(),
  selected_options: z.array(optionSchema).nullish(),
});

export const dailySettingsStateSchema = z.object({
  values: z.record(z.string(), z.record(z.string(), elementStateSchema)),
});

export type DailySettingsState = z.infer<typeof dailySettingsStateSchema>;

function element(state: DailySettingsState, blockId: string) {
  return Object.values(state.values[blockId] ?? {})[0];
}

/** Maps the modal's blocks onto the form's plain fields; checking them is the domain's job. */
export function dailySettingsValues(state: DailySettingsState): DailySettingsFields {
  const ids = DAILY_SETTINGS_MODAL.blocks;
  const many = (blockId: string) =>
    element(state, blockId)?.selected_options?.map((each) => each.value) ?? [];
  return {
    channel: element(state, ids.channel)?.selected_conversation ?? undefined,
    time: element(state, ids.time)?.selected_time ?? undefined,
    timezone: element(state, ids.timezone)?.selected_option?.value,
    weekdays: many(ids.weekdays),
    interviewTypes: many(ids.interviewTypes),
    enabled: element(state, ids.enabled)?.selected_option?.value,
  };
}
