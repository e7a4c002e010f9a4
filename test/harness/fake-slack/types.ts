// The stand-in's types, at the path test files have always imported them from.
export type * from '../../../src/sandbox/slack-stand-in/types.ts';
