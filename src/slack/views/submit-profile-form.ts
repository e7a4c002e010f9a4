import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { memberTimeZone, normaliseTimeZone } from '../../domain/availability/time-zone.ts';
import { FOLLOW_SLACK_TIMEZONE, type ProfileFormField, readProfileForm } from '../../domain/profile-form.ts';
import { enqueueJob } from '../../queue/job-request.ts';
import { replaceBlockedUsers } from '../../store/member-blocks.ts';
import { ensureMember, updateProfile } from '../../store/members.ts';
import { findOpenRequest } from '../../store/partner-requests.ts';
import { queueFollowUps } from '../../workflows/outbox.ts';
import { PROFILE_MODAL } from '../blocks/profile-modal.ts';
import { profileSavedModal } from '../blocks/profile-saved-modal.ts';
import { slackTeamIdOf } from '../slack-team.ts';
import { inlineError, saveFailedMessage, UNREADABLE_FORM } from './form-answers.ts';
import { profileFormValues } from './profile-form-values.ts';
import { viewStateSchema } from './view-state.ts';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const submissionSchema = z.object({
  team: z.object({ id: z.string().min(1) }).nullable(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  view: z.object({ state: viewStateSchema }),
});

/**
 * The profile modal's submit: checked field by field, saved before the acknowledgement (so a
 * failure keeps the modal and its input), then replaced by what is now stored.
 */
export function submitProfileForm(deps: AppDeps) {
  return async ({ ack, body }: ViewArgs): Promise<void> => {
    const firstBlock = PROFILE_MODAL.blocks.timezone;
    const submission = submissionSchema.safeParse(body);
    if (!submission.success) {
      await ack(inlineError(firstBlock, UNREADABLE_FORM));
      return;
    }
    const { team, user, view } = submission.data;
    try {
      const ref = { slackTeamId: slackTeamIdOf({ team, user }), slackUserId: user.id };
      const member = await ensureMember(deps.db, ref);
      const fields = profileFormValues(view.state);
      // Usual times are read on the clock the member is choosing now, else the one they have.
      const chosenZone =
        fields.timezone && fields.timezone !== FOLLOW_SLACK_TIMEZONE ? fields.timezone : null;
      const timeZone = normaliseTimeZone(chosenZone ?? member.timezoneFromSlack ?? 'UTC') ?? 'UTC';
      const form = readProfileForm(fields, user.id, { now: deps.now().getTime(), timeZone });
      if (!form.ok) {
        await ack({ response_action: 'errors', errors: toBlockErrors(form.errors) });
        return;
      }
      const { blockedUsers, ...profile } = form.value;
      await updateProfile(deps.db, member.id, profile);
      await replaceBlockedUsers(deps.db, member, blockedUsers);
      await queueFollowUps(deps.db, [enqueueJob('publish-home', { memberId: member.id })]);
      const openRequest = await findOpenRequest(deps.db, member.id);
      const saved = {
        ...member,
        ...profile,
        usualTimes: profile.usualTimes?.text ?? null,
        usualAvailability: profile.usualTimes?.availability ?? null,
        timezone: memberTimeZone(profile.timezoneOverride, member.timezoneFromSlack),
      };
      await ack({
        response_action: 'update',
        view: profileSavedModal(saved, blockedUsers.length, openRequest?.timezone ?? null),
      });
    } catch (error) {
      await ack(inlineError(firstBlock, saveFailedMessage(deps.logger, error, 'a profile')));
    }
  };
}

function toBlockErrors(errors: Partial<Record<ProfileFormField, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [
      PROFILE_MODAL.blocks[field as ProfileFormField],
      message,
    ]),
  );
}
