/**
 * The "Find a practice partner" modal's state as Slack sends it in a view_submission after a
 * member filled it in. Block and action ids are the form's own (src/slack/blocks/request-modal.ts).
 */
export interface RequestFormFields {
  types?: string[];
  level?: string;
  role?: string;
  duration?: string;
  windows?: string[];
  otherTimes?: string;
  note?: string;
}

export function requestFormState(fields: RequestFormFields) {
  const select = (value: string | undefined) => ({
    type: 'static_select',
    selected_option: value === undefined ? null : { value },
  });
  return {
    values: {
      types: {
        value: {
          type: 'multi_static_select',
          selected_options: (fields.types ?? []).map((value) => ({ value })),
        },
      },
      level: { value: select(fields.level) },
      role: { value: { ...select(fields.role), type: 'radio_buttons' } },
      duration: { value: select(fields.duration) },
      windows: {
        value: { type: 'checkboxes', selected_options: (fields.windows ?? []).map((value) => ({ value })) },
      },
      'other-times': { value: { type: 'plain_text_input', value: fields.otherTimes ?? null } },
      note: { value: { type: 'plain_text_input', value: fields.note ?? null } },
    },
  };
}
