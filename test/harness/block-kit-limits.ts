import type { Json } from './fake-slack.ts';

/**
 * Slack's documented Block Kit limits, for a view or message the app built. The fake checks the
 * block count and the title; this checks every text, so a test fails where Slack would refuse
 * the view with invalid_blocks. Returns the problems found (empty when it is all within limits).
 */
export function blockKitProblems(
  view: { blocks?: unknown; title?: unknown; type?: unknown },
  maxBlocks = 100,
): string[] {
  const problems: string[] = [];
  const blocks = (view.blocks ?? []) as Json[];
  const check = (where: string, value: unknown, max: number) => {
    if (typeof value === 'string' && value.length > max) problems.push(`${where}: ${value.length} > ${max}`);
  };
  const textOf = (object: unknown) => (object as { text?: unknown } | undefined)?.text;
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  const checkElement = (where: string, element: Json) => {
    check(`${where}.action_id`, element.action_id, 255);
    if (element.type === 'button') {
      check(`${where} button text`, textOf(element.text), 75);
      check(`${where} button value`, element.value, 2000);
    }
    check(`${where} placeholder`, textOf(element.placeholder), 150);
    const options = (element.options ?? []) as Json[];
    if (element.type === 'radio_buttons' && options.length > 10)
      problems.push(`${where}: ${options.length} radio options > 10`);
    if (options.length > 100) problems.push(`${where}: ${options.length} options > 100`);
    options.forEach((option, index) => {
      check(`${where} option ${index} text`, textOf(option.text), 75);
      check(`${where} option ${index} description`, textOf(option.description), 75);
      check(`${where} option ${index} value`, option.value, 150);
    });
  };
  blocks.forEach((block, index) => {
    const where = `block ${index} (${String(block.type)}${block.block_id ? ` ${String(block.block_id)}` : ''})`;
    check(`${where} block_id`, block.block_id, 255);
    switch (block.type) {
      case 'header':
        check(where, textOf(block.text), 150);
        break;
      case 'section': {
        check(where, textOf(block.text), 3000);
        const fields = (block.fields ?? []) as Json[];
        if (fields.length > 10) problems.push(`${where}: ${fields.length} fields > 10`);
        for (const [at, field] of fields.entries()) check(`${where} field ${at}`, textOf(field), 2000);
        if (block.accessory) checkElement(where, block.accessory as Json);
        break;
      }
      case 'context': {
        const elements = (block.elements ?? []) as Json[];
        if (elements.length > 10) problems.push(`${where}: ${elements.length} elements > 10`);
        for (const [at, element] of elements.entries())
          check(`${where} element ${at}`, textOf(element), 3000);
        break;
      }
      case 'actions': {
        const elements = (block.elements ?? []) as Json[];
        if (elements.length > 25) problems.push(`${where}: ${elements.length} elements > 25`);
        for (const [at, element] of elements.entries()) checkElement(`${where} element ${at}`, element);
        break;
      }
      case 'input':
        check(`${where} label`, textOf(block.label), 2000);
        check(`${where} hint`, textOf(block.hint), 2000);
        checkElement(where, block.element as Json);
        break;
      default:
        break;
    }
  });
  if (view.type === 'modal') check('title', textOf(view.title), 24);
  return problems;
}
