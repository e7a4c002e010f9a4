import { z } from 'zod';
import { withoutControlCharacters } from '../../domain/plain-text.ts';

/**
 * A modal's `view.state.values`, as Slack sends it: block id → action id → the element's state.
 * Only the shapes our inputs produce are read; anything else Slack adds is ignored.
 */
const optionSchema = z.object({ value: z.string() });

/** Typed text arrives here from every form; it is cleaned once, before any form reads it. */
const typedText = z.string().transform(withoutControlCharacters);

const elementStateSchema = z.object({
  type: z.string(),
  value: typedText.nullish(),
  selected_option: optionSchema.nullish(),
  selected_options: z.array(optionSchema).nullish(),
  selected_users: z.array(z.string()).nullish(),
});

export const viewStateSchema = z.object({
  values: z.record(z.string(), z.record(z.string(), elementStateSchema)),
});

export type ViewState = z.infer<typeof viewStateSchema>;

/** Reads one block's element; each of our input blocks holds exactly one. */
export function viewInput(state: ViewState, blockId: string) {
  const block = state.values[blockId] ?? {};
  const element = Object.values(block)[0];
  return {
    text: element?.value ?? '',
    selected: element?.selected_option?.value,
    selectedMany: element?.selected_options?.map((option) => option.value) ?? [],
    users: element?.selected_users ?? [],
  };
}
