import type { Json } from './types.ts';

/** Thrown by a method's default handler; becomes `{ ok: false, error, ...extra }`. */
export class SlackApiError extends Error {
  constructor(
    readonly error: string,
    readonly extra: Json = {},
  ) {
    super(error);
  }
}
