// The sandbox page's script: turns what a member does into calls to the sandbox server (which
// sends the app exactly what Slack would), and swaps in fresh parts of the page whenever the
// server says something changed (server-sent events). No framework, no build step.
(() => {
  const body = document.body;
  const as = body.dataset.as;
  const open = body.dataset.open;
  const seenKey = `mockingbird-sandbox-seen:${as}`;

  async function post(path, data) {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as, ...data }),
    });
    const text = await response.text();
    let parsed = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { error: text };
    }
    if (!response.ok) throw new Error(parsed.error || `${response.status}`);
    return parsed;
  }

  // ------------------------------------------------------------------ page parts, kept fresh

  let refreshing = false;
  let again = false;
  async function refresh() {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    try {
      const response = await fetch(`/parts?as=${encodeURIComponent(as)}&c=${encodeURIComponent(open)}`);
      if (!response.ok) return;
      const parts = await response.json();
      swap('top', parts.top);
      swap('nav', parts.nav);
      swapMain(parts.main);
      const modal = document.getElementById('modal');
      if (modal.dataset.modalKey !== parts.modalKey) {
        modal.dataset.modalKey = parts.modalKey;
        modal.innerHTML = parts.modal;
        focusModal();
      }
      document.title = parts.title;
      markUnread();
    } finally {
      refreshing = false;
      if (again) {
        again = false;
        refresh();
      }
    }
  }

  function swap(id, html) {
    const element = document.getElementById(id);
    if (element && element.innerHTML !== html) {
      const active = document.activeElement;
      if (active && element.contains(active) && active.tagName === 'SELECT') return;
      element.innerHTML = html;
    }
  }

  /** The conversation, without losing what the member is typing or where they scrolled. */
  function swapMain(html) {
    const main = document.getElementById('main');
    const template = document.createElement('template');
    template.innerHTML = html;
    const freshMessages = template.content.getElementById('messages');
    const messages = document.getElementById('messages');
    if (
      freshMessages &&
      messages &&
      template.content.getElementById('composer') &&
      document.getElementById('composer')
    ) {
      if (messages.innerHTML === freshMessages.innerHTML) return;
      const atBottom = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 40;
      messages.innerHTML = freshMessages.innerHTML;
      if (atBottom) messages.scrollTop = messages.scrollHeight;
      return;
    }
    if (main.innerHTML !== html) main.innerHTML = html;
  }

  function markUnread() {
    const seen = JSON.parse(localStorage.getItem(seenKey) || '{}');
    for (const link of document.querySelectorAll('a.conv[data-latest]')) {
      const conv = link.dataset.open;
      const latest = link.dataset.latest || '';
      if (conv === open) {
        seen[conv] = latest;
        continue;
      }
      const dot = link.querySelector('.dot');
      if (dot) dot.hidden = !(latest && Number(latest) > Number(seen[conv] || 0));
    }
    localStorage.setItem(seenKey, JSON.stringify(seen));
  }

  const events = new EventSource('/events');
  events.onmessage = () => refresh();
  events.onopen = () => refresh();

  // ------------------------------------------------------------------ reading Block Kit back

  /** What one element holds now, as the server's PageValue. */
  function readElement(element) {
    const kind = element.dataset.bkElement;
    const base = { blockId: element.dataset.blockId, actionId: element.dataset.actionId };
    if (element.classList.contains('bk-external')) {
      const input = element.querySelector('input');
      return {
        ...base,
        value: input.dataset.selectedValue || null,
        text: input.dataset.selectedText || undefined,
      };
    }
    if (element.classList.contains('bk-chips') || element.classList.contains('bk-choices')) {
      return { ...base, values: [...element.querySelectorAll('input:checked')].map((input) => input.value) };
    }
    if (element.tagName === 'SELECT') return { ...base, values: element.value ? [element.value] : [] };
    if (kind === 'datetimepicker') return { ...base, value: element.value || null };
    return { ...base, value: element.value === '' ? null : element.value };
  }

  /** Every input block's element in a modal or Home tab: its state.values. */
  function stateOf(container) {
    if (!container) return [];
    return [
      ...container.querySelectorAll(
        '.bk-control[data-bk-element], .bk-select[data-bk-element], .bk-chips, .bk-choices, .bk-external, input[data-bk-element], textarea[data-bk-element]',
      ),
    ]
      .filter((element) => element.closest('.bk-block.bk-input'))
      .filter((element) => element.dataset.actionId)
      .map(readElement);
  }

  function surfaceOf(element) {
    const holder = element.closest('[data-surface]');
    if (!holder) return null;
    const kind = holder.dataset.surface;
    if (kind === 'view') return { surface: { kind, viewId: holder.dataset.viewId }, holder };
    if (kind === 'ephemeral') return { surface: { kind, id: holder.dataset.ephemeralId }, holder };
    return { surface: { kind: 'message', channel: holder.dataset.channel, ts: holder.dataset.ts }, holder };
  }

  async function dispatch(element, value) {
    const found = surfaceOf(element);
    if (!found) return;
    const state = found.surface.kind === 'view' ? stateOf(found.holder) : [];
    element.classList.add('busy');
    try {
      await post('/api/action', { surface: found.surface, element: value, state });
    } catch (error) {
      toast(`Could not send that: ${error.message}`);
    } finally {
      element.classList.remove('busy');
    }
  }

  /** A global shortcut (the composer's ⚡) or a message shortcut (a message's ⋮); the app opens its modal. */
  async function useShortcut(item, name) {
    const callbackId = item.dataset.callbackId;
    const message = item.closest('[data-surface="message"]');
    const request =
      name === 'shortcut'
        ? { kind: 'global', callbackId }
        : { kind: 'message', callbackId, channel: message.dataset.channel, ts: message.dataset.ts };
    try {
      const { status } = await post('/api/shortcut', request);
      if (status !== 200) toast(`Mockingbird did not answer that shortcut (status ${status}).`);
    } catch (error) {
      toast(`Could not send that: ${error.message}`);
    }
  }

  // ------------------------------------------------------------------ confirm dialogs and toasts

  function plain(object) {
    return object && typeof object.text === 'string' ? object.text : '';
  }

  function confirmFirst(element) {
    const raw = element.dataset.confirm || element.closest('[data-confirm]')?.dataset.confirm;
    if (!raw) return Promise.resolve(true);
    const confirm = JSON.parse(raw);
    return new Promise((resolve) => {
      const dialog = document.getElementById('dialog');
      dialog.innerHTML = `<div class="backdrop"><div class="modal confirm" role="dialog"><header class="modal-head"><h3></h3></header><div class="modal-body"><p class="confirm-text"></p></div><footer class="modal-foot"><button type="button" class="bk-button deny"></button><button type="button" class="bk-button bk-primary yes"></button></footer></div></div>`;
      dialog.querySelector('h3').textContent = plain(confirm.title) || 'Are you sure?';
      dialog.querySelector('.confirm-text').textContent = plain(confirm.text);
      const yes = dialog.querySelector('.yes');
      yes.textContent = plain(confirm.confirm) || 'Yes';
      if (confirm.style === 'danger') yes.classList.replace('bk-primary', 'bk-danger');
      dialog.querySelector('.deny').textContent = plain(confirm.deny) || 'Cancel';
      const finish = (answer) => {
        dialog.innerHTML = '';
        resolve(answer);
      };
      yes.onclick = () => finish(true);
      dialog.querySelector('.deny').onclick = () => finish(false);
      yes.focus();
    });
  }

  function toast(text) {
    const note = document.createElement('div');
    note.className = 'toast';
    note.textContent = text;
    document.body.append(note);
    setTimeout(() => note.remove(), 4000);
  }

  function focusModal() {
    const first = document.querySelector('#modal .modal input, #modal .modal select, #modal .modal textarea');
    if (first && !first.closest('.bk-choices') && !first.closest('.bk-chips'))
      first.focus({ preventScroll: true });
  }

  // ------------------------------------------------------------------ clicks

  document.addEventListener('click', async (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;

    const command = target.closest('[data-command]');
    // A shortcut menu stays open only while it is being used, as Slack's do.
    for (const menu of document.querySelectorAll('.shortcut-menu:not([hidden])')) {
      if (!menu.parentElement.contains(target)) menu.hidden = true;
    }
    if (command && command.tagName === 'BUTTON') {
      event.preventDefault();
      const name = command.dataset.command;
      if (name === 'menu') {
        const menu = command.parentElement.querySelector('.shortcut-menu');
        menu.hidden = !menu.hidden;
      } else if (name === 'shortcut' || name === 'message-shortcut') {
        command.closest('.shortcut-menu').hidden = true;
        await useShortcut(command, name);
      } else if (name === 'skip') {
        command.disabled = true;
        try {
          const { skipped } = await post('/api/skip', {});
          if (skipped) toast(`⏭ ${skipped.label}`);
        } finally {
          command.disabled = false;
        }
      } else if (name === 'reset') {
        if (!window.confirm('Start a fresh community? Everything that happened here is thrown away.')) return;
        command.disabled = true;
        command.textContent = 'Resetting…';
        await post('/api/reset', {}).catch(() => {});
        localStorage.removeItem(seenKey);
        location.href = `/?as=${encodeURIComponent(as)}&c=home`;
      } else if (name === 'heal') {
        await post('/api/fault', { status: '' });
      } else if (name === 'dismiss') {
        await post('/api/dismiss', { id: command.dataset.id });
      } else if (name === 'close' || name === 'close-all') {
        const form = command.closest('form.modal');
        await post('/api/close', {
          viewId: form.dataset.viewId,
          all: name === 'close-all',
          state: stateOf(form),
        });
      }
      return;
    }

    const button = target.closest('button[data-bk-element="button"]');
    if (button) {
      event.preventDefault();
      if (!(await confirmFirst(button))) return;
      if (button.dataset.url) window.open(button.dataset.url, '_blank', 'noopener');
      await dispatch(button, {
        blockId: button.dataset.blockId,
        actionId: button.dataset.actionId,
        value: button.dataset.value ?? null,
      });
      return;
    }

    const toggle = target.closest('.bk-overflow-toggle');
    if (toggle) {
      const menu = toggle.parentElement.querySelector('.bk-overflow-menu');
      menu.hidden = !menu.hidden;
      return;
    }
    const item = target.closest('.bk-overflow-item');
    if (item) {
      const overflow = item.closest('.bk-overflow');
      overflow.querySelector('.bk-overflow-menu').hidden = true;
      if (!(await confirmFirst(overflow))) return;
      await dispatch(overflow, {
        blockId: overflow.dataset.blockId,
        actionId: overflow.dataset.actionId,
        value: item.dataset.value,
      });
      return;
    }

    const suggestion = target.closest('.bk-suggest button');
    if (suggestion) {
      const external = suggestion.closest('.bk-external');
      const input = external.querySelector('input');
      input.value = suggestion.textContent;
      input.dataset.selectedValue = suggestion.dataset.value;
      input.dataset.selectedText = suggestion.textContent;
      external.querySelector('.bk-suggest').hidden = true;
      input.blur();
      if (external.dataset.dispatch === 'true') await dispatch(external, readElement(external));
    }
  });

  // ------------------------------------------------------------------ menus, choices, pickers

  document.addEventListener('change', async (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    if (target.matches('select[data-command="as"]')) {
      location.href = `/?as=${encodeURIComponent(target.value)}&c=${open === 'home' ? 'home' : encodeURIComponent(body.dataset.appDm === open ? 'dm' : open)}`;
      return;
    }
    if (target.matches('select[data-command="fault"]')) {
      if (target.value) await post('/api/fault', { status: target.value, seconds: 60 });
      return;
    }
    const element = target.closest('[data-bk-element]');
    if (element?.dataset.dispatch !== 'true') return;
    const chips = element.closest('.bk-chips');
    if (chips?.dataset.max) {
      const checked = chips.querySelectorAll('input:checked');
      if (checked.length > Number(chips.dataset.max)) {
        target.checked = false;
        return;
      }
    }
    if (!(await confirmFirst(element))) return;
    await dispatch(element, readElement(element));
  });

  // Multi-selects allow at most max_selected_items, as Slack's menu does.
  document.addEventListener('input', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    const chips = target.closest('.bk-chips');
    if (chips?.dataset.max && chips.querySelectorAll('input:checked').length > Number(chips.dataset.max)) {
      target.checked = false;
      toast(`At most ${chips.dataset.max}.`);
    }
    const external = target.closest('.bk-external');
    if (external) searchExternal(external, target);
  });

  // ------------------------------------------------------------------ external menus (options from the app)

  const timers = new WeakMap();
  // As in Slack, typing searches without dropping the current choice; only picking one changes it.
  function searchExternal(external, input, query = input.value) {
    clearTimeout(timers.get(external));
    timers.set(
      external,
      setTimeout(async () => {
        const minimum = Number(external.dataset.minQuery ?? 3);
        const list = external.querySelector('.bk-suggest');
        if (query.length < minimum) {
          list.hidden = true;
          return;
        }
        const found = surfaceOf(external);
        if (found?.surface.kind !== 'view') return;
        const { options } = await post('/api/options', {
          viewId: found.surface.viewId,
          blockId: external.dataset.blockId,
          actionId: external.dataset.actionId,
          value: query,
          state: stateOf(found.holder),
        });
        list.innerHTML = '';
        for (const option of options.slice(0, 30)) {
          const choice = document.createElement('button');
          choice.type = 'button';
          choice.dataset.value = option.value;
          choice.textContent = option.text;
          list.append(choice);
        }
        if (options.length === 0) list.innerHTML = '<p class="bk-no-match">No matches</p>';
        list.hidden = false;
      }, 200),
    );
  }

  document.addEventListener('focusin', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !target.classList.contains('bk-external-input')) return;
    const external = target.closest('.bk-external');
    // Opening the menu shows what it offers before anything is typed (min_query_length 0).
    if (Number(external.dataset.minQuery ?? 3) === 0) {
      target.select();
      searchExternal(external, target, '');
    }
  });

  // Picking from the list must not take the focus away from the menu first.
  document.addEventListener('mousedown', (event) => {
    if (event.target instanceof Element && event.target.closest('.bk-suggest')) event.preventDefault();
  });

  document.addEventListener('focusout', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !target.classList.contains('bk-external-input')) return;
    // Leaving without picking keeps the choice there was; the list closes once a pick has landed.
    setTimeout(() => {
      if (target.closest('.bk-external')?.contains(document.activeElement)) return;
      target.value = target.dataset.selectedText || '';
      const list = target.closest('.bk-external')?.querySelector('.bk-suggest');
      if (list) list.hidden = true;
    }, 200);
  });

  // ------------------------------------------------------------------ forms: the composer and modals

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    if (form.id === 'composer') {
      const input = form.elements.namedItem('text');
      const text = input.value.trim();
      if (!text) return;
      if (!text.startsWith('/')) {
        toast('Mockingbird listens for slash commands here: try /mock help.');
        return;
      }
      input.value = '';
      try {
        await post('/api/command', { channel: open === 'home' ? body.dataset.appDm : open, text });
      } catch (error) {
        toast(`Could not send that: ${error.message}`);
      }
      return;
    }
    if (form.classList.contains('modal')) {
      const submit = form.querySelector('button[type="submit"]');
      submit.disabled = true;
      for (const error of form.querySelectorAll('.bk-error')) {
        error.hidden = true;
        error.closest('.bk-block')?.classList.remove('bk-invalid');
      }
      const general = form.querySelector('.modal-error');
      general.hidden = true;
      try {
        const outcome = await post('/api/submit', { viewId: form.dataset.viewId, state: stateOf(form) });
        if (outcome.kind === 'errors') {
          for (const [blockId, message] of Object.entries(outcome.errors)) {
            const block = form.querySelector(`.bk-block[data-block-id="${CSS.escape(blockId)}"]`);
            const slot = block?.querySelector('.bk-error');
            if (slot) {
              slot.textContent = message;
              slot.hidden = false;
              block.classList.add('bk-invalid');
            } else {
              general.textContent = message;
              general.hidden = false;
            }
          }
          form.querySelector('.bk-invalid')?.scrollIntoView({ block: 'center' });
        } else if (outcome.kind === 'failed') {
          general.textContent = outcome.message;
          general.hidden = false;
        }
      } catch (error) {
        general.textContent = `Could not submit: ${error.message}`;
        general.hidden = false;
      } finally {
        submit.disabled = false;
      }
    }
  });

  document.addEventListener('keydown', (event) => {
    if (
      event.key === 'Escape' &&
      document.querySelector('#modal .modal') &&
      !document.querySelector('#dialog .modal')
    ) {
      document.querySelector('#modal [data-command="close"]')?.click();
    }
  });

  // ------------------------------------------------------------------ the Home tab opens like Slack's

  if (open === 'home') post('/api/home', {}).catch(() => {});
  const messages = document.getElementById('messages');
  if (messages) messages.scrollTop = messages.scrollHeight;
  markUnread();
})();
