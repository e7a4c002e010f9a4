import type { RequestFormFields } from '../../domain/request-form.ts';
import { REQUEST_MODAL } from '../blocks/request-modal.ts';
import { type ViewState, viewInput } from './view-state.ts';

/** Maps the request modal's blocks onto the form's plain fields; checking them is the domain's job. */
export function requestFormValues(state: ViewState): RequestFormFields {
  const ids = REQUEST_MODAL.blocks;
  return {
    interviewTypes: viewInput(state, ids.interviewTypes).selectedMany,
    level: viewInput(state, ids.level).selected,
    role: viewInput(state, ids.role).selected,
    duration: viewInput(state, ids.duration).selected,
    offeredWindows: viewInput(state, ids.offeredWindows).selectedMany,
    otherTimes: viewInput(state, ids.otherTimes).text,
    note: viewInput(state, ids.note).text,
  };
}
