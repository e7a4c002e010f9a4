/**
 * An expected failure: `code` for logs and metrics, `userMessage` for the member in Slack.
 * Anything thrown that is not an AppError is unexpected and gets a short apology instead.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export const SORRY_MESSAGE =
  'Sorry, something went wrong on our side and it has been logged. Please try again in a moment.';

export const TRY_AGAIN_MESSAGE =
  'Mockingbird cannot reach its database right now, so nothing was changed. Please try again in a minute.';
