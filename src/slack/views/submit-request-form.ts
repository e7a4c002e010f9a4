import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { isValidTimeZone } from '../../domain/availability/time-zone.ts';
import { DEFAULT_MATCHING_CONFIG } from '../../domain/matching/config.ts';
import { type RequestFormField, readRequestForm } from '../../domain/request-form.ts';
import { ensureMember } from '../../store/members.ts';
import { placeRequest } from '../../workflows/place-request.ts';
import { REQUEST_MODAL } from '../blocks/request-modal.ts';
import { requestPlacedModal } from '../blocks/request-placed-modal.ts';
import { slackTeamIdOf } from '../slack-team.ts';
import { inlineError, saveFailedMessage, UNREADABLE_FORM } from './form-answers.ts';
import { requestFormValues } from './request-form-values.ts';
import { viewStateSchema } from './view-state.ts';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const submissionSchema = z.object({
  team: z.object({ id: z.string().min(1) }).nullable(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({
    state: viewStateSchema,
    private_metadata: z.string(),
  }),
});

const metadataSchema = z.object({ timezone: z.string().refine(isValidTimeZone) });

function readMetadata(text: string): { timezone: string } {
  try {
    return metadataSchema.parse(JSON.parse(text));
  } catch {
    // A view we did not build (or an old one) still gets read in a zone, not rejected.
    return { timezone: 'UTC' };
  }
}

/**
 * The "Find a practice partner" modal's submit. Problems come back as inline errors next to their
 * fields, with everything the member typed kept. The request is saved before the acknowledgement
 * (well inside Slack's three seconds), so a database hiccup keeps the modal open instead of
 * closing it on a request that was never stored.
 */
export function submitRequestForm(deps: AppDeps) {
  return async ({ ack, body }: ViewArgs): Promise<void> => {
    const submission = submissionSchema.safeParse(body);
    const firstBlock = REQUEST_MODAL.blocks.interviewTypes;
    if (!submission.success) {
      deps.logger.warn({ issues: submission.error.issues.map((i) => i.path.join('.')) }, 'bad request form');
      await ack(inlineError(firstBlock, UNREADABLE_FORM));
      return;
    }
    const { team, user, view } = submission.data;
    const { timezone } = readMetadata(view.private_metadata);
    const context = {
      now: deps.now().getTime(),
      timeZone: timezone,
      horizonDays: DEFAULT_MATCHING_CONFIG.horizonDays,
    };
    const form = readRequestForm(requestFormValues(view.state), context);
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: toBlockErrors(form.errors) });
      return;
    }

    try {
      const member = await ensureMember(deps.db, {
        slackTeamId: slackTeamIdOf({ team, user }),
        slackUserId: user.id,
      });
      const placed = await placeRequest(deps, { ...member, timezone }, form.value);
      await ack({ response_action: 'update', view: requestPlacedModal(placed) });
    } catch (error) {
      await ack(inlineError(firstBlock, saveFailedMessage(deps.logger, error, 'a request form')));
    }
  };
}

function toBlockErrors(errors: Partial<Record<RequestFormField, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      REQUEST_MODAL.blocks[field as RequestFormField],
      message,
    ]),
  );
}
