import { attributes, escapeHtml } from './html.ts';
import { renderMrkdwn } from './mrkdwn.ts';
import { image, type Json, type RenderContext, renderElement, textOf } from './render-elements.ts';

/**
 * Block Kit blocks to HTML, as Slack's client lays them out: section (text, fields, accessory),
 * header, context, divider, actions, input (label, element, hint, optional, error) and image.
 * Pure: blocks in, HTML out, everything escaped. Interactive elements carry the ids the page's
 * script sends back (render-elements.ts).
 * https://api.slack.com/reference/block-kit/blocks
 */

export type { RenderContext } from './render-elements.ts';

/** Slack gives a block without a block_id one of its own; the page and the payloads agree on this one. */
export function blockIdOf(block: Json, index: number): string {
  return typeof block.block_id === 'string' && block.block_id !== ''
    ? block.block_id
    : `sandbox-block-${index}`;
}

export interface BlockOptions {
  /** Inline errors from a view_submission's `response_action: errors`, by block id. */
  errors?: Readonly<Record<string, string>>;
}

export function renderBlocks(blocks: unknown, context: RenderContext, options: BlockOptions = {}): string {
  if (!Array.isArray(blocks)) return '';
  return (blocks as Json[])
    .map((block, index) => renderBlock(block, blockIdOf(block, index), context, options))
    .join('');
}

function renderBlock(block: Json, blockId: string, context: RenderContext, options: BlockOptions): string {
  const type = String(block.type ?? '');
  const wrap = (inner: string, extra = '') =>
    `<div class="bk-block bk-${escapeHtml(type)}${extra}"${attributes({ 'data-block-id': blockId })}>${inner}</div>`;
  switch (type) {
    case 'section': {
      const text = block.text ? `<div class="bk-text">${textOf(block.text, context)}</div>` : '';
      const fields = Array.isArray(block.fields)
        ? `<div class="bk-fields">${(block.fields as Json[]).map((field) => `<div class="bk-field">${textOf(field, context)}</div>`).join('')}</div>`
        : '';
      const accessory = block.accessory as Json | undefined;
      const side = accessory
        ? `<div class="bk-accessory">${accessory.type === 'image' ? image(accessory) : renderElement(accessory, { blockId, inInput: false }, context)}</div>`
        : '';
      return wrap(
        `<div class="bk-section-body">${text}${fields}</div>${side}`,
        accessory ? ' bk-has-accessory' : '',
      );
    }
    case 'header':
      return wrap(`<h3 class="bk-header-text">${textOf(block.text, context)}</h3>`);
    case 'divider':
      return wrap('<hr class="bk-divider-line">');
    case 'context': {
      const elements = Array.isArray(block.elements) ? (block.elements as Json[]) : [];
      return wrap(
        elements
          .map((element) =>
            element.type === 'image'
              ? image(element)
              : `<span class="bk-context-text">${textOf(element, context)}</span>`,
          )
          .join(''),
      );
    }
    case 'actions': {
      const elements = Array.isArray(block.elements) ? (block.elements as Json[]) : [];
      return wrap(
        elements.map((element) => renderElement(element, { blockId, inInput: false }, context)).join(''),
      );
    }
    case 'input': {
      const element = (block.element ?? {}) as Json;
      const error = options.errors?.[blockId];
      const label = `<label class="bk-label">${textOf(block.label, context)}${block.optional ? ' <span class="bk-optional">(optional)</span>' : ''}</label>`;
      const hint = block.hint ? `<div class="bk-hint">${textOf(block.hint, context)}</div>` : '';
      const problem = `<div class="bk-error"${error ? '' : ' hidden'}>${error ? escapeHtml(error) : ''}</div>`;
      const field = renderElement(
        element,
        { blockId, inInput: true, dispatch: block.dispatch_action === true },
        context,
      );
      return wrap(`${label}${field}${problem}${hint}`, error ? ' bk-invalid' : '');
    }
    case 'image': {
      const title = block.title ? `<div class="bk-image-title">${textOf(block.title, context)}</div>` : '';
      return wrap(`${title}${image(block)}`);
    }
    case 'rich_text':
      return wrap(`<div class="bk-text">${renderMrkdwn(richTextAsMrkdwn(block), context)}</div>`);
    default:
      return wrap(`<span class="bk-unsupported">[${escapeHtml(type || 'block')} block]</span>`);
  }
}

/** Enough of rich_text to read it: its text runs, one section per line. */
function richTextAsMrkdwn(block: Json): string {
  const walk = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const { type, text, elements, user_id: userId, url } = node as Json;
    if (type === 'text' && typeof text === 'string') return text;
    if (type === 'user' && typeof userId === 'string') return `<@${userId}>`;
    if (type === 'link' && typeof url === 'string')
      return `<${url}|${typeof text === 'string' ? text : url}>`;
    if (Array.isArray(elements)) return elements.map(walk).join(type === 'rich_text' ? '\n' : '');
    return '';
  };
  return walk(block);
}
