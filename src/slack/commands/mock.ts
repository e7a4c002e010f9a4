import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../app-deps.ts';
import { parseExportRange } from '../../domain/export/export-range.ts';
import { parseMockCommand } from '../../domain/mock-command.ts';
import { forgetMeConfirmation } from '../blocks/forget-me.ts';
import { didYouMeanMessage, helpMessage, unknownSubcommandMessage } from '../blocks/help-message.ts';
import { exportRangeProblemMessage } from '../blocks/organizer-export.ts';
import { openAdminSettings } from '../forms/admin-forms.ts';
import { openProfileForm } from '../forms/profile-form.ts';
import { openRequestForm } from '../forms/request-form.ts';
import { respondSafely } from '../respond-safely.ts';
import { commandPayloadSchema } from './command-payload.ts';
import { requestOrganizerExport } from './mock-export.ts';
import { pauseMatching, resumeMatching } from './mock-pause.ts';
import { practiceQuestion } from './mock-question.ts';
import { requestPartner } from './mock-request.ts';
import { showStats } from './mock-stats.ts';
import { cancelRequest, showStatus } from './mock-status.ts';
import { weeklyOptIn } from './mock-weekly.ts';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * `/mock …`: answers that need no I/O go back in the acknowledgement itself; everything else
 * is acknowledged at once and answered through response_url when the work is done.
 */
export function mockCommand(deps: AppDeps) {
  return async ({ command, ack, respond, client }: CommandArgs): Promise<void> => {
    const payload = commandPayloadSchema.safeParse(command);
    if (!payload.success) {
      deps.logger.warn({ issues: payload.error.issues.map((issue) => issue.path.join('.')) }, 'bad command');
      await ack({
        response_type: 'ephemeral',
        text: 'Slack sent Mockingbird a command it could not read. Please try again.',
      });
      return;
    }
    const { team_id: slackTeamId, user_id: slackUserId, text, trigger_id: triggerId } = payload.data;
    const member = { slackTeamId, slackUserId };
    const request = parseMockCommand(text);
    switch (request.kind) {
      case 'request-form':
        await ack();
        respondSafely(respond, deps.logger, () => openRequestForm(deps, client, member, triggerId));
        return;
      case 'help':
        await ack({ response_type: 'ephemeral', ...helpMessage() });
        return;
      case 'unknown':
        await ack({ response_type: 'ephemeral', ...unknownSubcommandMessage(request.word) });
        return;
      case 'did-you-mean':
        await ack({
          response_type: 'ephemeral',
          ...didYouMeanMessage(request.word, request.command, request.asType),
        });
        return;
      case 'profile':
        await ack();
        respondSafely(respond, deps.logger, () => openProfileForm(deps, client, member, triggerId));
        return;
      case 'status':
        await ack();
        respondSafely(respond, deps.logger, () => showStatus(deps, client, member));
        return;
      case 'cancel':
        await ack();
        respondSafely(respond, deps.logger, () => cancelRequest(deps, client, member));
        return;
      case 'pause':
        await ack();
        respondSafely(respond, deps.logger, () => pauseMatching(deps, client, member, request.text));
        return;
      case 'resume':
        await ack();
        respondSafely(respond, deps.logger, () => resumeMatching(deps, client, member));
        return;
      case 'stats':
        await ack();
        respondSafely(respond, deps.logger, () => showStats(deps, client, member));
        return;
      case 'forget-me':
        await ack({ response_type: 'ephemeral', ...forgetMeConfirmation() });
        return;
      case 'request':
        await ack();
        respondSafely(respond, deps.logger, () => requestPartner(deps, client, member, request.text));
        return;
      case 'weekly':
        await ack();
        respondSafely(respond, deps.logger, () => weeklyOptIn(deps, client, member, request.text));
        return;
      case 'question':
        await ack();
        respondSafely(respond, deps.logger, () => practiceQuestion(deps, client, member, request.text));
        return;
      case 'admin':
        await ack();
        respondSafely(respond, deps.logger, () =>
          openAdminSettings(deps, client, member, request.text, triggerId),
        );
        return;
      case 'admin-export': {
        // A range that cannot be read is answered in the acknowledgement itself: no I/O needed.
        const range = parseExportRange(request.text, deps.now().getTime());
        if (!range.ok) {
          await ack({ response_type: 'ephemeral', ...exportRangeProblemMessage(range.message) });
          return;
        }
        await ack();
        respondSafely(respond, deps.logger, () => requestOrganizerExport(deps, client, member, range.value));
        return;
      }
      default: {
        // Adding a command kind without a case here is a compile error, never a silent 404.
        const unhandled: never = request;
        throw new Error(`unhandled /mock command ${JSON.stringify(unhandled)}`);
      }
    }
  };
}
