import { DateTime } from 'luxon';
import type { AppShortcut } from '../client/app-shortcuts.ts';
import { TEAM_NAME } from '../community/demo-community.ts';
import { attributes, escapeHtml } from './block-kit/html.ts';
import { renderMrkdwn } from './block-kit/mrkdwn.ts';
import { type RenderContext, renderBlocks } from './block-kit/render-blocks.ts';
import { textOf } from './block-kit/render-elements.ts';
import type { PageModel, ShownFile, ShownMessage } from './view-model.ts';

/**
 * The sandbox's page, server-rendered: a top bar (the sandbox's clock, "skip to the next thing",
 * Slack faults, reset), the member you are, their conversations, the open one (or the app's Home
 * tab) and their top modal. The parts are rendered separately too, so the page's script can swap
 * them in when the server says something changed.
 */

export interface PageParts {
  top: string;
  nav: string;
  main: string;
  modal: string;
  /** Changes only when the modal does: the script keeps what the member typed otherwise. */
  modalKey: string;
  title: string;
}

export function renderContext(model: PageModel): RenderContext {
  const names = new Map(model.people.map((person) => [person.id, person.displayName]));
  return {
    viewer: { id: model.viewer.id, tz: model.viewer.tz, nowMs: model.nowMs },
    userName: (id) => names.get(id) ?? (id === 'U0MOCKBIRD' ? 'Mockingbird' : id),
    channelName: (id) => model.channels.find((channel) => channel.id === id)?.name ?? id.toLowerCase(),
    members: model.people.map((person) => ({ id: person.id, name: `${person.name} (${person.city})` })),
    conversations: model.channels,
    currentConversation: model.open.kind === 'channel' ? model.open.id : undefined,
  };
}

export function renderParts(model: PageModel): PageParts {
  const context = renderContext(model);
  const view = model.modal?.view;
  return {
    top: renderTop(model),
    nav: renderNav(model),
    main: model.open.kind === 'home' ? renderHome(model, context) : renderConversation(model, context),
    modal: view ? renderModal(view, model.modal!.depth, context) : '',
    modalKey: view ? `${String(view.id)}:${String(view.hash)}` : '',
    title: `${model.viewer.displayName} · ${model.open.kind === 'home' ? 'Home' : model.open.name} · Mockingbird sandbox`,
  };
}

export function renderPage(model: PageModel): string {
  const parts = renderParts(model);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<link rel="stylesheet" href="/assets/sandbox.css">
<script src="/assets/sandbox.js" defer></script>
</head>
<body${attributes({ 'data-as': model.viewer.id, 'data-open': model.open.id, 'data-app-dm': model.appDm })}>
<header id="top" class="top">${parts.top}</header>
<div class="app">
<nav id="nav" class="nav">${parts.nav}</nav>
<main id="main" class="main">${parts.main}</main>
</div>
<div id="modal"${attributes({ 'data-modal-key': parts.modalKey })}>${parts.modal}</div>
<div id="dialog"></div>
</body>
</html>`;
}

function localTime(ms: number, tz: string, format = 'ccc d LLL, h:mm a'): string {
  return DateTime.fromMillis(ms, { zone: tz }).toFormat(format);
}

function duration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  const days = Math.floor(hours / 24);
  return `${days} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

function renderTop(model: PageModel): string {
  const { viewer } = model;
  const [next, ...later] = model.upcoming;
  const ahead =
    model.offsetMs > 60_000
      ? `<span class="ahead">${duration(model.offsetMs)} ahead of real time</span>`
      : '';
  const skip = next
    ? `<button type="button" class="skip" data-command="skip" title="${escapeHtml(localTime(next.at, viewer.tz))} on ${escapeHtml(viewer.displayName)}'s clock">⏭ Skip to: <strong>${escapeHtml(next.label)}</strong> <span class="in">in ${duration(next.at - model.nowMs)}</span></button>`
    : '<button type="button" class="skip" disabled>Nothing scheduled yet</button>';
  const list = later.length
    ? `<details class="later"><summary>Then</summary><ol>${later
        .map(
          (thing) =>
            `<li><span>${escapeHtml(thing.label)}</span> <time>${escapeHtml(localTime(thing.at, viewer.tz))}</time></li>`,
        )
        .join('')}</ol></details>`
    : '';
  const fault = model.fault
    ? `<span class="fault-on">Slack is answering ${escapeHtml(model.fault.kind)} for ${Math.max(1, Math.round((model.fault.until - Date.now()) / 1000))} s more <button type="button" data-command="heal">Heal now</button></span>`
    : `<label class="fault">Slack: <select data-command="fault"><option value="">healthy</option><option value="429">429 rate limited, 60 s</option><option value="503">503 unavailable, 60 s</option><option value="500">500 errors, 60 s</option></select></label>`;
  return `<div class="brand"><span class="logo">🐦</span><div><strong>Mockingbird sandbox</strong><small>${escapeHtml(TEAM_NAME)} · a local stand-in for Slack</small></div></div>
<div class="clock"><span class="clock-label">Sandbox time</span><strong>${escapeHtml(localTime(model.nowMs, viewer.tz))}</strong><small>${escapeHtml(viewer.city)} time</small>${ahead}</div>
<div class="travel">${skip}${list}</div>
<div class="tools">${fault}<button type="button" class="reset" data-command="reset" title="Throw everything away and start a fresh community">Reset</button></div>`;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => word[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function avatar(name: string, id: string): string {
  const hue = [...id].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 360;
  return `<span class="avatar" style="background:hsl(${hue} 55% 45%)">${escapeHtml(initials(name))}</span>`;
}

function renderNav(model: PageModel): string {
  const { viewer } = model;
  const people = model.people
    .map(
      (person) =>
        `<option${attributes({ value: person.id, selected: person.id === viewer.id })}>${escapeHtml(`${person.name} · ${person.city}${person.organizer ? ' · organizer' : ''}`)}</option>`,
    )
    .join('');
  const link = (open: string, label: string, extra: string, active: boolean, latest = '') =>
    `<a class="conv${active ? ' active' : ''}"${attributes({ href: `/?as=${viewer.id}&c=${open}`, 'data-open': open, 'data-latest': latest })}>${extra}<span class="conv-name">${label}</span><span class="dot" hidden></span></a>`;
  const app = model.conversations.find((each) => each.kind === 'app')!;
  const channels = model.conversations.filter((each) => each.kind === 'channel');
  const groups = model.conversations.filter((each) => each.kind === 'group');
  return `<div class="who">${avatar(viewer.name, viewer.id)}<div class="who-text"><label for="as">You are</label><select id="as" data-command="as">${people}</select><small>${escapeHtml(localTime(model.nowMs, viewer.tz, 'h:mm a'))} in ${escapeHtml(viewer.city)}${viewer.organizer ? ' · organizer' : ''}</small></div></div>
<div class="nav-section"><h4>Apps</h4>${link('home', 'Mockingbird · Home', '<span class="icon">🐦</span>', model.open.kind === 'home')}${link(app.id, 'Mockingbird · Messages', '<span class="icon">💬</span>', model.open.id === app.id, app.latestTs)}</div>
<div class="nav-section"><h4>Channels</h4>${channels.map((each) => link(each.id, escapeHtml(each.name), '<span class="icon">#</span>', model.open.id === each.id, each.latestTs)).join('')}</div>
<div class="nav-section"><h4>Group messages</h4>${
    groups.length
      ? groups
          .map((each) =>
            link(
              each.id,
              escapeHtml(each.name),
              '<span class="icon">👥</span>',
              model.open.id === each.id,
              each.latestTs,
            ),
          )
          .join('')
      : '<p class="empty">None yet. A match opens one with your partner.</p>'
  }</div>
<div class="nav-help"><p>Type <code>/mock help</code> in any conversation. Switch members above to play both sides of a match.</p></div>`;
}

function messageTime(ts: string, model: PageModel): string {
  const ms = Number(ts.split('.')[0]) * 1000;
  const sameDay = DateTime.fromMillis(ms, { zone: model.viewer.tz }).hasSame(
    DateTime.fromMillis(model.nowMs, { zone: model.viewer.tz }),
    'day',
  );
  return localTime(ms, model.viewer.tz, sameDay ? 'h:mm a' : 'ccc d LLL, h:mm a');
}

function renderMessage(message: ShownMessage, model: PageModel, context: RenderContext): string {
  const time = `<time class="msg-time">${escapeHtml(messageTime(message.ts, model))}</time>`;
  if (message.kind === 'echo') {
    return `<div class="msg echo"><div class="msg-body"><span class="echo-label">You ran</span> <code>${escapeHtml(message.text)}</code> ${time}</div></div>`;
  }
  const body =
    Array.isArray(message.blocks) && message.blocks.length > 0
      ? renderBlocks(message.blocks, context)
      : `<div class="bk-text">${renderMrkdwn(message.text, context)}</div>`;
  const files = message.files.map(renderFile).join('');
  const ephemeral = message.kind === 'ephemeral';
  const surface = ephemeral
    ? { 'data-surface': 'ephemeral', 'data-ephemeral-id': message.key }
    : { 'data-surface': 'message', 'data-channel': model.open.id, 'data-ts': message.ts };
  // Ephemeral messages and the file cards the page makes up are not messages a shortcut can take.
  const more = message.kind === 'message' && message.key === message.ts ? renderMoreActions(model) : '';
  return `<div class="msg${ephemeral ? ' ephemeral' : ''}"${attributes(surface)}>${more}<span class="avatar app">🐦</span><div class="msg-main"><div class="msg-head"><strong>Mockingbird</strong><span class="badge">APP</span>${time}${message.edited ? '<span class="edited">(edited)</span>' : ''}</div>${
    ephemeral
      ? `<div class="only-you">👁 Only visible to you <button type="button" class="dismiss" data-command="dismiss" data-id="${escapeHtml(message.key)}">Dismiss</button></div>`
      : ''
  }<div class="msg-body">${body}${files}</div></div></div>`;
}

/** Slack shows a shared image inline (its alt text for screen readers); other files as a card. */
function renderFile(file: ShownFile): string {
  if (file.image) {
    return `<figure class="file-image"><img${attributes({ src: file.image.src, alt: file.image.alt, loading: 'lazy' })}><figcaption>${escapeHtml(file.title)} <small>${escapeHtml(file.name)} · ${file.size} bytes</small></figcaption></figure>`;
  }
  return `<div class="file"><span class="file-icon">📎</span><div><strong>${escapeHtml(file.title)}</strong><small>${escapeHtml(file.name)} · ${file.size} bytes</small></div></div>`;
}

/** A shortcut as Slack lists it in its menus: the shortcut's name, then the app it belongs to. */
function shortcutItem(shortcut: AppShortcut, command: string): string {
  return `<button type="button" class="shortcut-item"${attributes({ 'data-command': command, 'data-callback-id': shortcut.callbackId, title: shortcut.description || undefined })}><span class="shortcut-name">${escapeHtml(shortcut.name)}</span><small>Mockingbird</small></button>`;
}

/** A message's "More actions" (⋮): the app's message shortcuts, as Slack lists them there. */
function renderMoreActions(model: PageModel): string {
  if (model.shortcuts.message.length === 0) return '';
  const items = model.shortcuts.message
    .map((shortcut) => shortcutItem(shortcut, 'message-shortcut'))
    .join('');
  return `<div class="msg-actions"><button type="button" class="more-actions" data-command="menu" aria-label="More actions" title="More actions">⋮</button><div class="shortcut-menu" role="menu" hidden><h5>Message shortcuts</h5>${items}</div></div>`;
}

/** The composer's shortcut button (⚡), listing the app's global shortcuts as Slack's does. */
function renderShortcutButton(model: PageModel): string {
  if (model.shortcuts.global.length === 0) return '';
  const items = model.shortcuts.global.map((shortcut) => shortcutItem(shortcut, 'shortcut')).join('');
  return `<div class="composer-shortcuts"><button type="button" class="shortcuts-button" data-command="menu" aria-label="Shortcuts" title="Shortcuts">⚡</button><div class="shortcut-menu" role="menu" hidden><h5>Shortcuts</h5>${items}</div></div>`;
}

function renderConversation(model: PageModel, context: RenderContext): string {
  const { open } = model;
  const title =
    open.kind === 'channel'
      ? `<h2># ${escapeHtml(open.name)}</h2><small>${open.id === 'C0PRACTICE' ? 'The daily practice question lands here; answers go in its thread.' : 'Everyone in the community.'}</small>`
      : open.kind === 'app'
        ? `<h2>🐦 Mockingbird</h2><nav class="tabs"><a href="/?as=${model.viewer.id}&c=home">Home</a><a class="active">Messages</a></nav>`
        : `<h2>👥 ${escapeHtml(open.name)}</h2><small>A group message with you, ${escapeHtml(open.name)} and Mockingbird.</small>`;
  const messages = model.messages.length
    ? model.messages.map((message) => renderMessage(message, model, context)).join('')
    : `<div class="empty-conversation">${
        open.kind === 'app'
          ? '<p>This is your private conversation with Mockingbird.</p><p>Try <code>/mock help</code>, <code>/mock behavioural</code> or just <code>/mock</code> for the request form.</p>'
          : '<p>No messages yet.</p>'
      }</div>`;
  return `<div class="conv-head">${title}</div>
<div id="messages" class="messages">${messages}</div>
<form id="composer" class="composer" autocomplete="off">${renderShortcutButton(model)}<input name="text" placeholder="Message ${escapeHtml(open.kind === 'channel' ? `#${open.name}` : open.name)} — try /mock help" aria-label="Message"><button type="submit">Send</button></form>`;
}

function renderHome(model: PageModel, context: RenderContext): string {
  const view = model.home;
  const body = view
    ? `<div class="home" data-surface="view"${attributes({ 'data-view-id': String(view.id) })}>${renderBlocks(view.blocks, context)}</div>`
    : '<div class="empty-conversation"><p>Opening your Home tab…</p></div>';
  return `<div class="conv-head"><h2>🐦 Mockingbird</h2><nav class="tabs"><a class="active">Home</a><a href="/?as=${model.viewer.id}&c=${model.appDm}">Messages</a></nav></div><div class="messages home-scroll">${body}</div>`;
}

function renderModal(view: Record<string, unknown>, depth: number, context: RenderContext): string {
  const title = textOf(view.title, context);
  const submit = view.submit ? textOf(view.submit, context) : '';
  const close = view.close ? textOf(view.close, context) : depth > 1 ? 'Back' : 'Close';
  return `<div class="backdrop"><form class="modal" data-surface="view" novalidate${attributes({ 'data-view-id': String(view.id) })}>
<header class="modal-head"><span class="avatar app small">🐦</span><h3>${title}</h3><button type="button" class="modal-x" data-command="close-all" aria-label="Close">×</button></header>
<div class="modal-body">${renderBlocks(view.blocks, context)}<div class="modal-error" hidden></div></div>
<footer class="modal-foot"><button type="button" class="bk-button" data-command="close">${close}</button>${
    submit ? `<button type="submit" class="bk-button bk-primary">${submit}</button>` : ''
  }</footer>
</form></div>`;
}
