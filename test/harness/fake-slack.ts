/**
 * The tests' fake Slack is the sandbox's Slack stand-in (src/sandbox/slack-stand-in/): one
 * implementation, so what the tests prove is what a newcomer's sandbox runs against. See
 * slack-stand-in.ts there for what it is and how to use it.
 */
export { SlackStandIn as FakeSlack } from '../../src/sandbox/slack-stand-in/slack-stand-in.ts';
export type * from '../../src/sandbox/slack-stand-in/types.ts';
export type { StandInOptions as FakeSlackOptions } from '../../src/sandbox/slack-stand-in/types.ts';
