import { AppError, TRY_AGAIN_MESSAGE } from '../../errors.ts';
import type { Logger } from '../../observability/logger.ts';
import { isDatabaseUnavailable } from '../../store/prisma.ts';
import { errorSummary } from '../respond-safely.ts';

/**
 * The answers every modal submission gives when it cannot do what was asked, shown inline on a
 * block of the form (Slack keeps the modal and everything typed in it): the form could not be
 * read, or it could not be saved just now. An expected failure (AppError) says its own words.
 */

export const UNREADABLE_FORM = 'Slack sent a form Mockingbird could not read. Please try again.';

/** `response_action: errors` with one message on one block. */
export function inlineError(blockId: string, message: string) {
  return { response_action: 'errors' as const, errors: { [blockId]: message } };
}

/**
 * Logs a failed save once (a database away is a warning, anything else an error) and returns what
 * the member reads: try again in a moment, or their answers are still there to send again.
 */
export function saveFailedMessage(logger: Logger, error: unknown, what: string): string {
  if (error instanceof AppError) {
    logger.info({ code: error.code }, error.message);
    return error.userMessage;
  }
  const known = isDatabaseUnavailable(error);
  logger[known ? 'warn' : 'error']({ err: errorSummary(error) }, `could not save ${what}`);
  return known
    ? TRY_AGAIN_MESSAGE
    : 'Mockingbird could not save this just now. Your answers are still here; please send again.';
}
