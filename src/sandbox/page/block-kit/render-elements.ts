import { attributes, escapeHtml } from './html.ts';
import { renderMrkdwn, renderPlainText, type TextContext } from './mrkdwn.ts';

/**
 * Block Kit's interactive elements as HTML the page's script can read back: every element carries
 * its type, block id and action id (`data-*`), and the script turns what the member does into the
 * payload Slack would send (src/sandbox/client/payloads.ts builds it from these same ids).
 * https://api.slack.com/reference/block-kit/block-elements
 */

export type Json = Record<string, unknown>;

export interface RenderContext extends TextContext {
  /** People a users_select offers. */
  members: ReadonlyArray<{ id: string; name: string }>;
  /** Conversations a conversations_select or channels_select offers. */
  conversations: ReadonlyArray<{ id: string; name: string }>;
  /** The conversation the surface was opened from (default_to_current_conversation). */
  currentConversation?: string;
}

/** Where an element sits: in an input (a form field, sent on submit) or elsewhere (sent at once). */
export interface ElementPlace {
  blockId: string;
  /** Input blocks hold form fields; everything else dispatches a block_actions payload at once. */
  inInput: boolean;
  /** An input block with dispatch_action: its element also sends block_actions. */
  dispatch?: boolean;
}

export function textOf(object: unknown, context: TextContext): string {
  if (!object || typeof object !== 'object') return '';
  const { type, text, emoji } = object as { type?: string; text?: unknown; emoji?: boolean };
  if (typeof text !== 'string') return '';
  return type === 'mrkdwn' ? renderMrkdwn(text, context) : renderPlainText(text, emoji !== false);
}

/** An option's visible text, plain (for <option>, which cannot hold markup). */
function optionLabel(option: Json): string {
  const text = (option.text as { text?: unknown } | undefined)?.text;
  return typeof text === 'string' ? text : String(option.value ?? '');
}

function sameOption(a: unknown, b: unknown): boolean {
  return Boolean(a && b && (a as Json).value === (b as Json).value);
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

export function renderElement(element: Json, place: ElementPlace, context: RenderContext): string {
  const type = String(element.type ?? '');
  const base = {
    'data-bk-element': type,
    'data-block-id': place.blockId,
    'data-action-id': typeof element.action_id === 'string' ? element.action_id : undefined,
    'data-dispatch': !place.inInput || place.dispatch === true ? 'true' : undefined,
    'data-confirm': element.confirm ? element.confirm : undefined,
  };
  switch (type) {
    case 'button':
      return `<button type="button" class="bk-button${element.style === 'primary' ? ' bk-primary' : element.style === 'danger' ? ' bk-danger' : ''}"${attributes(
        {
          ...base,
          'data-dispatch': 'true',
          'data-value': typeof element.value === 'string' ? element.value : undefined,
          'data-url':
            typeof element.url === 'string' && /^https?:\/\//.test(element.url) ? element.url : undefined,
        },
      )}>${textOf(element.text, context)}</button>`;
    case 'static_select':
      return staticSelect(element, base, list(element.options), list(element.option_groups));
    case 'users_select':
      return staticSelect(
        { ...element, initial_option: element.initial_user ? { value: element.initial_user } : undefined },
        base,
        context.members.map((member) => ({
          text: { type: 'plain_text', text: member.name },
          value: member.id,
        })),
        [],
      );
    case 'conversations_select':
    case 'channels_select': {
      const initial =
        element.initial_conversation ??
        element.initial_channel ??
        (element.default_to_current_conversation ? context.currentConversation : undefined);
      return staticSelect(
        { ...element, initial_option: initial ? { value: initial } : undefined },
        base,
        context.conversations.map((each) => ({
          text: { type: 'plain_text', text: `#${each.name}` },
          value: each.id,
        })),
        [],
      );
    }
    case 'external_select': {
      const initial = element.initial_option as Json | undefined;
      return `<div class="bk-external"${attributes({ ...base, 'data-min-query': element.min_query_length ?? 3 })}><input type="text" class="bk-control bk-external-input" autocomplete="off"${attributes(
        {
          placeholder: optionLabel({ text: element.placeholder, value: 'Search' }),
          value: initial ? optionLabel(initial) : undefined,
          'data-selected-value': initial ? String(initial.value ?? '') : undefined,
          'data-selected-text': initial ? optionLabel(initial) : undefined,
        },
      )}><div class="bk-suggest" hidden></div></div>`;
    }
    case 'multi_static_select':
      return chips(
        element,
        base,
        list(element.options).concat(list(element.option_groups).flatMap((g) => list(g.options))),
        list(element.initial_options),
      );
    case 'multi_users_select':
      return chips(
        element,
        base,
        context.members.map((member) => ({
          text: { type: 'plain_text', text: member.name },
          value: member.id,
        })),
        list(element.initial_users).map((value) => ({ value })),
      );
    case 'multi_conversations_select':
    case 'multi_channels_select':
      return chips(
        element,
        base,
        context.conversations.map((each) => ({
          text: { type: 'plain_text', text: `#${each.name}` },
          value: each.id,
        })),
        list(element.initial_conversations ?? element.initial_channels).map((value) => ({ value })),
      );
    case 'checkboxes':
    case 'radio_buttons': {
      const input = type === 'checkboxes' ? 'checkbox' : 'radio';
      const initial = type === 'checkboxes' ? list(element.initial_options) : [element.initial_option];
      const name = `${place.blockId}::${String(element.action_id ?? '')}`;
      const items = list(element.options).map(
        (option) =>
          `<label class="bk-choice"><input type="${input}"${attributes({
            name,
            value: String(option.value ?? ''),
            checked: initial.some((each) => sameOption(each, option)),
          })}><span class="bk-choice-text">${textOf(option.text, context)}${
            option.description
              ? `<small class="bk-choice-description">${textOf(option.description, context)}</small>`
              : ''
          }</span></label>`,
      );
      return `<div class="bk-choices"${attributes(base)}>${items.join('')}</div>`;
    }
    case 'datepicker':
      return `<input type="date" class="bk-control"${attributes({ ...base, value: element.initial_date })}>`;
    case 'timepicker':
      return `<input type="time" class="bk-control"${attributes({ ...base, value: element.initial_time })}>`;
    case 'datetimepicker':
      return `<input type="datetime-local" class="bk-control"${attributes({
        ...base,
        'data-tz': context.viewer.tz,
        'data-initial': element.initial_date_time,
      })}>`;
    case 'plain_text_input':
    case 'url_text_input':
    case 'email_text_input':
    case 'number_input': {
      const placeholder = (element.placeholder as { text?: string } | undefined)?.text;
      const common = {
        ...base,
        placeholder,
        maxlength: element.max_length,
        minlength: element.min_length,
      };
      if (type === 'plain_text_input' && element.multiline) {
        return `<textarea class="bk-control bk-textarea" rows="3"${attributes(common)}>${escapeHtml(String(element.initial_value ?? ''))}</textarea>`;
      }
      const inputType = {
        plain_text_input: 'text',
        url_text_input: 'url',
        email_text_input: 'email',
        number_input: 'number',
      }[type];
      return `<input class="bk-control"${attributes({
        ...common,
        type: inputType,
        value: element.initial_value,
        min: type === 'number_input' ? element.min_value : undefined,
        max: type === 'number_input' ? element.max_value : undefined,
        step: type === 'number_input' ? (element.is_decimal_allowed ? 'any' : '1') : undefined,
      })}>`;
    }
    case 'overflow': {
      const items = list(element.options).map(
        (option) =>
          `<button type="button" class="bk-overflow-item"${attributes({ 'data-value': String(option.value ?? '') })}>${textOf(option.text, context)}</button>`,
      );
      return `<div class="bk-overflow"${attributes({ ...base, 'data-dispatch': 'true' })}><button type="button" class="bk-overflow-toggle" aria-label="More actions">⋯</button><div class="bk-overflow-menu" hidden>${items.join('')}</div></div>`;
    }
    case 'image':
      return image(element);
    case 'mrkdwn':
    case 'plain_text':
      return `<span class="bk-context-text">${textOf(element, context)}</span>`;
    default:
      return `<span class="bk-unsupported">[${escapeHtml(type || 'element')}]</span>`;
  }
}

export function image(element: Json): string {
  const url = typeof element.image_url === 'string' ? element.image_url : '';
  if (!/^https?:\/\//.test(url)) return '';
  return `<img class="bk-image" loading="lazy"${attributes({ src: url, alt: String(element.alt_text ?? '') })}>`;
}

function staticSelect(element: Json, base: Json, options: Json[], groups: Json[]): string {
  const initial = element.initial_option;
  const placeholder = (element.placeholder as { text?: string } | undefined)?.text ?? 'Select an item';
  const option = (each: Json) =>
    `<option${attributes({ value: String(each.value ?? ''), selected: sameOption(initial, each) })}>${escapeHtml(optionLabel(each))}</option>`;
  const body =
    groups.length > 0
      ? groups
          .map(
            (group) =>
              `<optgroup label="${escapeHtml(optionLabel({ text: group.label }))}">${list(group.options).map(option).join('')}</optgroup>`,
          )
          .join('')
      : options.map(option).join('');
  return `<select class="bk-select"${attributes(base)}><option value=""${initial ? '' : ' selected'} disabled>${escapeHtml(placeholder)}</option>${body}</select>`;
}

function chips(element: Json, base: Json, options: Json[], initial: unknown[]): string {
  const items = options.map(
    (option) =>
      `<label class="bk-chip"><input type="checkbox"${attributes({
        value: String(option.value ?? ''),
        checked: initial.some((each) => sameOption(each, option)),
      })}><span>${escapeHtml(optionLabel(option))}</span></label>`,
  );
  return `<div class="bk-chips"${attributes({ ...base, 'data-max': element.max_selected_items })}>${items.join('')}</div>`;
}
