import type { ProfileFormFields } from '../../domain/profile-form.ts';
import { PROFILE_MODAL } from '../blocks/profile-modal.ts';
import { type ViewState, viewInput } from './view-state.ts';

/** Maps the profile modal's blocks onto the form's plain fields. */
export function profileFormValues(state: ViewState): ProfileFormFields {
  const ids = PROFILE_MODAL.blocks;
  return {
    timezone: viewInput(state, ids.timezone).selected,
    level: viewInput(state, ids.level).selected,
    meetingLink: viewInput(state, ids.meetingLink).text,
    usualTimes: viewInput(state, ids.usualTimes).text,
    blockedUsers: viewInput(state, ids.blockedUsers).users,
  };
}
