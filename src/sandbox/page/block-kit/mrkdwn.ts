import { replaceEmoji } from './emoji.ts';
import { escapeHtml } from './html.ts';
import { formatSlackDate } from './slack-date.ts';

/**
 * Slack's mrkdwn as its client shows it, to HTML: `<@U…>` mentions, `<#C…>` channels,
 * `<!date^…>` in the reader's own timezone, `<!here>`, links, *bold*, _italic_, ~strike~,
 * `code`, ```preformatted```, > quotes, bullet lines and emoji shortcodes. Everything that is not
 * markup is escaped: the output is safe to put in a page whatever the app sent.
 * https://api.slack.com/reference/surfaces/formatting
 */

export interface TextContext {
  /** The reader: their timezone, and "now" on the sandbox's clock. */
  viewer: { id: string; tz: string; nowMs: number };
  userName: (userId: string) => string;
  channelName: (channelId: string) => string;
}

const OPEN = '\u0001';
const CLOSE = '\u0002';

export function renderMrkdwn(text: string, context: TextContext): string {
  const stash: string[] = [];
  const hold = (html: string): string => {
    stash.push(html);
    return `${OPEN}${stash.length - 1}${CLOSE}`;
  };
  // Code first: nothing inside it is markup, not even a token.
  let working = text.replace(/```([\s\S]*?)```/g, (_whole, code: string) =>
    hold(`<pre class="bk-pre">${escapeHtml(decodeEntities(code.replace(/^\n/, '')))}</pre>`),
  );
  working = working.replace(/`([^`\n]+)`/g, (_whole, code: string) =>
    hold(`<code class="bk-code">${escapeHtml(decodeEntities(code))}</code>`),
  );
  working = working.replace(/<([^<>\n]+)>/g, (_whole, token: string) => hold(renderToken(token, context)));
  working = replaceEmoji(escapeHtml(decodeEntities(working)));
  working = emphasis(working);
  working = lines(working);
  return working.replace(
    new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'),
    (_whole, index: string) => stash[Number(index)]!,
  );
}

/** A plain_text object's text: escaped, emoji shortcodes shown as emoji when `emoji` allows. */
export function renderPlainText(text: string, emoji = true): string {
  const escaped = escapeHtml(text);
  return emoji ? replaceEmoji(escaped) : escaped;
}

/** Slack escapes only &, < and > in message text. */
function decodeEntities(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

function renderToken(token: string, context: TextContext): string {
  const bar = token.indexOf('|');
  const target = bar < 0 ? token : token.slice(0, bar);
  const label = bar < 0 ? undefined : token.slice(bar + 1);
  if (/^@[UW][A-Z0-9]+$/.test(target)) {
    const id = target.slice(1);
    const mine = id === context.viewer.id ? ' bk-mention-me' : '';
    return `<span class="bk-mention${mine}" data-user="${escapeHtml(id)}">@${escapeHtml(context.userName(id))}</span>`;
  }
  if (/^#[CG][A-Z0-9]+$/.test(target)) {
    const name = label || context.channelName(target.slice(1));
    return `<span class="bk-channel">#${escapeHtml(decodeEntities(name))}</span>`;
  }
  if (target.startsWith('!date^')) return renderDate(target, label, context);
  if (/^!(here|channel|everyone)$/.test(target)) return `<span class="bk-mention">@${target.slice(1)}</span>`;
  if (target.startsWith('!subteam^'))
    return `<span class="bk-mention">${escapeHtml(decodeEntities(label ?? '@group'))}</span>`;
  if (/^(https?:\/\/|mailto:)/i.test(target)) {
    const href = decodeEntities(target);
    const shown = label === undefined ? href : decodeEntities(label);
    return `<a class="bk-link" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(shown)}</a>`;
  }
  // Anything else Slack would not turn into a link: shown as written.
  return escapeHtml(`<${decodeEntities(token)}>`);
}

function renderDate(target: string, fallback: string | undefined, context: TextContext): string {
  const [, seconds, format = '{date}', link] = target.split('^');
  const at = Number(seconds);
  if (!Number.isFinite(at)) return escapeHtml(decodeEntities(fallback ?? target));
  const shown = formatSlackDate(at, decodeEntities(format), context.viewer);
  const title = `${new Date(at * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC · shown in ${context.viewer.tz}`;
  const inner = `<time class="bk-date" datetime="${new Date(at * 1000).toISOString()}" title="${escapeHtml(title)}">${escapeHtml(shown)}</time>`;
  return link && /^https?:\/\//.test(link)
    ? `<a class="bk-link" href="${escapeHtml(link)}" target="_blank" rel="noopener noreferrer">${inner}</a>`
    : inner;
}

/** *bold*, _italic_ and ~strike~, each opening after a boundary and closing before one. */
function emphasis(html: string): string {
  const rule = (mark: string) =>
    new RegExp(
      `(^|[\\s(>${OPEN}${CLOSE}"'\\-])\\${mark}(?=\\S)([^\\${mark}\\n]*?\\S)\\${mark}(?=$|[\\s).,!?:;'"<${OPEN}\\-])`,
      'gm',
    );
  let out = html;
  for (const [mark, tag] of [
    ['*', 'strong'],
    ['_', 'em'],
    ['~', 'del'],
  ] as const) {
    out = out.replace(
      rule(mark),
      (_whole, before: string, inner: string) => `${before}<${tag}>${inner}</${tag}>`,
    );
  }
  return out;
}

/** Quotes (lines starting with "> ") and bullets ("• ", "- ", "1. ") by line; line breaks kept. */
function lines(html: string): string {
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length > 0) out.push(`<blockquote class="bk-quote">${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of html.split('\n')) {
    const quoted = /^&gt;\s?(.*)$/.exec(line);
    if (quoted) {
      quote.push(quoted[1]!);
      continue;
    }
    flush();
    const bullet = /^\s*(?:•|-|◦)\s+(.*)$/.exec(line);
    const numbered = /^\s*(\d{1,2})\.\s+(.*)$/.exec(line);
    if (bullet) out.push(`<span class="bk-li"><span class="bk-bullet">•</span>${bullet[1]}</span>`);
    else if (numbered)
      out.push(`<span class="bk-li"><span class="bk-bullet">${numbered[1]}.</span>${numbered[2]}</span>`);
    else out.push(`${line}<br>`);
  }
  flush();
  // The last line needs no break of its own.
  return out.join('').replace(/<br>$/, '');
}
