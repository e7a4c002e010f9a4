/**
 * Signed requests as Slack sends them, shared with the sandbox: see
 * src/sandbox/slack-stand-in/slack-requests.ts.
 */
export * from '../../src/sandbox/slack-stand-in/slack-requests.ts';
