// Slack's published limits, enforced so that a test fails where Slack would.
export const LIMITS = {
  messageBlocks: 50,
  messageText: 40_000,
  viewBlocks: 100,
  viewTitle: 24,
  privateMetadata: 3_000,
  responseUrlUses: 5,
  scheduleHorizonDays: 120,
};
