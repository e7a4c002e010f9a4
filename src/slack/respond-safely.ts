import type { RespondFn } from '@slack/bolt';
import { ErrorCode } from '@slack/web-api';
import { AppError, SORRY_MESSAGE, TRY_AGAIN_MESSAGE } from '../errors.ts';
import type { Logger } from '../observability/logger.ts';
import { isDatabaseUnavailable } from '../store/prisma.ts';
import type { SlackMessage } from './blocks/help-message.ts';
import { followUps } from './follow-ups.ts';

/**
 * Hands the work behind an already-acknowledged request to the follow-up lane and returns at once;
 * the lane runs it in its turn and answers the member through response_url: with the result (if it
 * has one), or with a message they can act on. Nothing escapes, so a failure is logged once and
 * never leaves the member with silence or a stack trace.
 *
 * Not awaited, on purpose: Bolt keeps a request's whole dispatch (its listeners' promise chains,
 * the payload, the client) until the listener settles, and a follow-up may wait its turn in the
 * lane for up to a second during a burst. The listener now ends with its ack and only the work's
 * own closure waits; a graceful stop waits for the lane as well (MeasuredApp.drain).
 */
export function respondSafely(
  respond: RespondFn,
  logger: Logger,
  work: () => Promise<SlackMessage | null>,
): void {
  void followUps.run(async () => {
    let message: SlackMessage | null;
    try {
      message = await work();
    } catch (error) {
      message = { text: describeFailure(error, logger), blocks: [] };
    }
    // Null means the work answered in its own way (it opened a modal), so there is nothing to say.
    if (message === null) return;
    try {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    } catch (error) {
      logger.error({ err: errorSummary(error) }, 'could not answer through response_url');
    }
  });
}

const SLACK_BUSY_MESSAGE =
  'Slack is busy right now, so nothing was opened. Please run it again in a few seconds.';

function describeFailure(error: unknown, logger: Logger): string {
  if (error instanceof AppError) {
    logger.info({ code: error.code }, error.message);
    return error.userMessage;
  }
  if ((error as { code?: unknown }).code === ErrorCode.RateLimitedError) {
    logger.warn({ err: errorSummary(error) }, 'Slack rate-limited a call while answering a member');
    return SLACK_BUSY_MESSAGE;
  }
  if (isDatabaseUnavailable(error)) {
    logger.warn({ err: errorSummary(error) }, 'database unavailable while answering a member');
    return TRY_AGAIN_MESSAGE;
  }
  logger.error({ err: errorSummary(error) }, 'unexpected failure while answering a member');
  return SORRY_MESSAGE;
}

/** Name, code and message only: Slack SDK errors can carry request bodies we must not log. */
export function errorSummary(error: unknown): { name?: string; code?: unknown; message: string } {
  if (error instanceof Error) {
    return { name: error.name, code: (error as { code?: unknown }).code, message: error.message };
  }
  return { message: String(error) };
}
