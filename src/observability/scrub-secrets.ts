/**
 * Secrets inside free-form log text. pino's `redact` works on object paths, but the Slack SDKs log
 * strings: at debug (our `trace`) the Web API client writes each request body as JSON, which for
 * `oauth.v2.access` holds the OAuth `client_secret` and the one-time `code`, and the OAuth flow
 * logs URLs whose query carries them. Those are scrubbed here, at every level, together with
 * anything shaped like a Slack token.
 */
const SECRET_KEYS = 'client_secret|code|refresh_token|access_token|token|signing_secret|state_secret';

/** `"client_secret":"…"` in JSON. */
const JSON_SECRET = new RegExp(`("(?:${SECRET_KEYS})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
/** `client_secret=…` in a query string or form body. */
const FORM_SECRET = new RegExp(`((?:^|[?&\\s])(?:${SECRET_KEYS})=)[^&\\s"']+`, 'gi');
/** Bot, user, app, refresh and configuration tokens: `xoxb-…`, `xoxe.xoxp-…`, `xapp-…`. */
const SLACK_TOKEN = /\b(?:xox[a-z]|xapp|xoxe(?:\.xox[a-z])?)-[A-Za-z0-9-]+/g;

export const SCRUBBED = '[redacted]';

export function scrubSecrets(text: string): string {
  return text
    .replace(JSON_SECRET, `$1"${SCRUBBED}"`)
    .replace(FORM_SECRET, `$1${SCRUBBED}`)
    .replace(SLACK_TOKEN, SCRUBBED);
}
