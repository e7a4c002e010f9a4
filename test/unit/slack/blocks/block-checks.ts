import { expect } from 'vitest';
import { blockKitProblems } from '../../../harness/block-kit-limits.ts';
import type { Json } from '../../../harness/fake-slack.ts';

/** Member text built to break things: Slack's control characters, a mention, a broadcast. */
export const HOSTILE = 'a <b>bold</b> & <@U0EVIL> |pipe| <!channel> ';

/** `HOSTILE` repeated to exactly `length` characters: the longest a field allows, at its worst. */
export function hostile(length: number): string {
  return HOSTILE.repeat(Math.ceil(length / HOSTILE.length)).slice(0, length);
}

/** The text that grows most when escaped: every `&` becomes `&amp;`, five characters for one. */
export function ampersands(length: number): string {
  return '&'.repeat(length);
}

type Built = { blocks?: unknown; title?: unknown; type?: unknown };

/**
 * What Slack would refuse: `blockKitProblems`, plus the few limits it leaves out that these
 * builders touch (50 blocks a message, modal buttons and metadata, checkbox counts).
 */
export function limitProblems(built: Built): string[] {
  // A message takes 50 blocks; a modal or a Home tab 100.
  const isView = built.type === 'modal' || built.type === 'home';
  const problems = blockKitProblems(built, isView ? 100 : 50);
  const view = built as Json;
  const textOf = (object: unknown) => (object as { text?: unknown } | undefined)?.text;
  for (const key of ['submit', 'close'] as const) {
    const text = textOf(view[key]);
    if (typeof text === 'string' && text.length > 24) problems.push(`${key}: ${text.length} > 24`);
  }
  const metadata = view.private_metadata;
  if (typeof metadata === 'string' && metadata.length > 3000)
    problems.push(`private_metadata: ${metadata.length} > 3000`);
  for (const block of (view.blocks ?? []) as Json[]) {
    const element = block.element as Json | undefined;
    const options = (element?.options ?? []) as Json[];
    if (element?.type === 'checkboxes' && options.length > 10)
      problems.push(`${String(block.block_id)}: ${options.length} checkboxes > 10`);
  }
  return problems;
}

export function expectWithinLimits(built: Built): void {
  expect(limitProblems(built)).toEqual([]);
}

/**
 * Slack tokens member text could smuggle in. The app's own mentions are `<@U0…>` of the ids the
 * fixtures use; `U0EVIL` and `<!channel>` only ever come from member text.
 */
export function memberTokens(built: unknown): string[] {
  const text = JSON.stringify(built);
  return [
    ...[...text.matchAll(/<[^<>]*</g)].map((match) => `nested: ${match[0]}`),
    ...(text.includes('<@U0EVIL>') ? ['member text became a mention'] : []),
    ...(text.includes('<!channel>') ? ['member text became <!channel>'] : []),
    ...(text.includes('<b>') ? ['member text kept raw < >'] : []),
    ...(text.includes('<@>') ? ['empty mention'] : []),
  ];
}

export function blocksOf(built: { blocks?: unknown }): Json[] {
  return (built.blocks ?? []) as Json[];
}

/** Every action_id in the blocks, accessories and input elements included. */
export function actionIds(built: { blocks?: unknown }): string[] {
  return blocksOf(built)
    .flatMap((block) => [
      ...((block.elements ?? []) as Json[]).map((element) => element.action_id),
      (block.accessory as Json | undefined)?.action_id,
      (block.element as Json | undefined)?.action_id,
    ])
    .filter((id): id is string => typeof id === 'string');
}

export function blockIds(built: { blocks?: unknown }): string[] {
  return blocksOf(built)
    .map((block) => block.block_id)
    .filter((id): id is string => typeof id === 'string');
}

/** All the text a member reads, as one string. */
export function textOf(built: unknown): string {
  return JSON.stringify(built);
}
