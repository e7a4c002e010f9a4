const FORM = 'application/x-www-form-urlencoded';

/** Slack's unsigned probe of the request URL's certificate: `ssl_check=1` in a form post. */
export function isSslCheck(text: string, contentType: string | undefined): boolean {
  return contentType === FORM && new URLSearchParams(text).get('ssl_check') === '1';
}

/**
 * Whether Bolt's parser will get an object out of a body, or fail to parse it (which Bolt answers
 * with 400 itself). Bolt reads `.ssl_check` and `.type` off what it parsed, so a signed `null`, or
 * `payload=null`, would crash it with no answer; the guard refuses every other non-object with it.
 *
 * Every request passes here before Bolt parses the same body, so the answer is read off the first
 * character where it can be: JSON that starts with `{` is an object or no JSON at all, and Slack's
 * interactive posts are one field, `payload=`, holding a JSON object whose `{` is encoded as %7B.
 * Only the rest is decoded and parsed here.
 */
export function isObjectBody(text: string, contentType: string | undefined): boolean {
  if (contentType === FORM) {
    if (INTERACTIVE_PAYLOAD_OBJECT.test(text)) return true;
    const payload = new URLSearchParams(text).get('payload');
    return payload === null || parsesToObjectOrNotAtAll(payload);
  }
  return parsesToObjectOrNotAtAll(text);
}

/** `payload=` first (so it is the field Bolt reads), its value starting with an encoded `{`. */
const INTERACTIVE_PAYLOAD_OBJECT = /^payload=(?:%7[Bb]|\{)/;

/** JSON's own whitespace, then `{`. */
const JSON_OBJECT_START = /^[\t\n\r ]*\{/;

function parsesToObjectOrNotAtAll(json: string): boolean {
  if (JSON_OBJECT_START.test(json)) return true;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return true;
  }
}
