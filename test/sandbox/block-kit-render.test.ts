import { describe, expect, it } from 'vitest';
import { renderMrkdwn } from '../../src/sandbox/page/block-kit/mrkdwn.ts';
import {
  blockIdOf,
  type RenderContext,
  renderBlocks,
} from '../../src/sandbox/page/block-kit/render-blocks.ts';
import { formatSlackDate } from '../../src/sandbox/page/block-kit/slack-date.ts';

/**
 * The page's Block Kit renderer: blocks in, HTML out, everything escaped, and Slack's mrkdwn read
 * the way Slack's client reads it (https://api.slack.com/reference/surfaces/formatting).
 */

// 2026-12-07 14:00 UTC, a Monday.
const NOW = Date.UTC(2026, 11, 7, 14, 0);

const context: RenderContext = {
  viewer: { id: 'U0ANA', tz: 'America/Sao_Paulo', nowMs: NOW },
  userName: (id) => ({ U0ANA: 'Ana', U0BO: 'Bo <3' })[id] ?? id,
  channelName: (id) => (id === 'C0PRACTICE' ? 'interview-practice' : id),
  members: [
    { id: 'U0ANA', name: 'Ana Souza' },
    { id: 'U0BO', name: 'Bo Berg' },
  ],
  conversations: [{ id: 'C0PRACTICE', name: 'interview-practice' }],
};

const mrkdwn = (text: string) => renderMrkdwn(text, context);

describe('mrkdwn', () => {
  it('escapes what is not markup, and decodes the three characters Slack escapes', () => {
    expect(mrkdwn('<script>alert(1)</script> & "quotes"')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;',
    );
    expect(mrkdwn('5 &lt; 6 &amp;&amp; 7 &gt; 3')).toBe('5 &lt; 6 &amp;&amp; 7 &gt; 3');
  });

  it('shows mentions by name (the reader highlighted), channels by name, and @here', () => {
    const html = mrkdwn('<@U0ANA> and <@U0BO> in <#C0PRACTICE> or <#C0OTHER|other>: <!here>');
    expect(html).toContain('<span class="bk-mention bk-mention-me" data-user="U0ANA">@Ana</span>');
    expect(html).toContain('@Bo &lt;3</span>');
    expect(html).toContain('<span class="bk-channel">#interview-practice</span>');
    expect(html).toContain('<span class="bk-channel">#other</span>');
    expect(html).toContain('@here');
  });

  it('links http(s) and mailto only, with their labels escaped', () => {
    expect(mrkdwn('<https://meet.example.com/ana?x=1&amp;y=2|join &lt;now&gt;>')).toBe(
      '<a class="bk-link" href="https://meet.example.com/ana?x=1&amp;y=2" target="_blank" rel="noopener noreferrer">join &lt;now&gt;</a>',
    );
    // Tokens do not nest: a raw "<" inside one is not a link, and is shown escaped.
    expect(mrkdwn('<https://x.example|a <b>>')).not.toContain('<a ');
    expect(mrkdwn('<javascript:alert(1)|click>')).toBe('&lt;javascript:alert(1)|click&gt;');
    expect(mrkdwn('<mailto:ana@example.com>')).toContain('href="mailto:ana@example.com"');
  });

  it('formats bold, italic, strike and code, leaving code and words with marks inside alone', () => {
    expect(mrkdwn('*bold* _italic_ ~gone~ `*not bold*`')).toBe(
      '<strong>bold</strong> <em>italic</em> <del>gone</del> <code class="bk-code">*not bold*</code>',
    );
    expect(mrkdwn('snake_case_name and 2*3*4')).toBe('snake_case_name and 2*3*4');
    expect(mrkdwn('*<@U0BO>*')).toContain('<strong><span class="bk-mention"');
    expect(mrkdwn('```line 1\n<b>2</b>```')).toBe('<pre class="bk-pre">line 1\n&lt;b&gt;2&lt;/b&gt;</pre>');
  });

  it('quotes, bullets and line breaks, as the lines say', () => {
    expect(mrkdwn('> quoted\n&gt; too\nplain\n• one\n2. two')).toBe(
      '<blockquote class="bk-quote">quoted<br>too</blockquote>plain<br><span class="bk-li"><span class="bk-bullet">•</span>one</span><span class="bk-li"><span class="bk-bullet">2.</span>two</span>',
    );
  });

  it('shows emoji shortcodes it knows, and keeps the others', () => {
    expect(mrkdwn(':wave: :white_check_mark: :not-an-emoji:')).toBe('👋 ✅ :not-an-emoji:');
  });

  it('shows <!date^…> in the reader’s timezone, with today and tomorrow on the reader’s calendar', () => {
    // 2026-12-07 23:30 UTC is 20:30 the same day in São Paulo, but already the 8th in Berlin.
    const seconds = Date.UTC(2026, 11, 7, 23, 30) / 1000;
    const token = `<!date^${seconds}^{date_long_pretty} at {time}|2026-12-07 23:30 UTC>`;
    expect(mrkdwn(token)).toContain('>today at 8:30 PM</time>');
    const berlin = renderMrkdwn(token, { ...context, viewer: { ...context.viewer, tz: 'Europe/Berlin' } });
    expect(berlin).toContain('>tomorrow at 12:30 AM</time>');
    expect(mrkdwn(token)).toContain('title="2026-12-07 23:30 UTC · shown in America/Sao_Paulo"');
  });
});

describe('Slack date formats', () => {
  const viewer = { tz: 'Europe/London', nowMs: NOW };
  const at = Date.UTC(2026, 1, 18, 6, 39, 42) / 1000;
  it.each([
    ['{date_num}', '2026-02-18'],
    ['{date}', 'February 18th, 2026'],
    ['{date_short}', 'Feb 18, 2026'],
    ['{date_long}', 'Wednesday, February 18th, 2026'],
    ['{date_pretty}', 'February 18th, 2026'],
    ['{date_short_pretty}', 'Feb 18, 2026'],
    ['{time}', '6:39 AM'],
    ['{time_secs}', '6:39:42 AM'],
    ['{date_short} at {time} {unknown}', 'Feb 18, 2026 at 6:39 AM {unknown}'],
  ])('%s', (format, shown) => {
    expect(formatSlackDate(at, format, viewer)).toBe(shown);
  });

  it('{date_pretty} says yesterday, today and tomorrow', () => {
    const day = 24 * 3600;
    expect(formatSlackDate(NOW / 1000 - day, '{date_pretty}', viewer)).toBe('yesterday');
    expect(formatSlackDate(NOW / 1000, '{date_pretty}', viewer)).toBe('today');
    expect(formatSlackDate(NOW / 1000 + day, '{date_pretty}', viewer)).toBe('tomorrow');
  });
});

describe('blocks', () => {
  it('renders a section with fields and a button accessory carrying its ids, value and confirm dialog', () => {
    const html = renderBlocks(
      [
        {
          type: 'section',
          block_id: 'slot',
          text: { type: 'mrkdwn', text: '*Proposed:* soon' },
          fields: [
            { type: 'mrkdwn', text: '*Who*\nAna' },
            { type: 'plain_text', text: 'Why <not>' },
          ],
          accessory: {
            type: 'button',
            action_id: 'pick',
            style: 'danger',
            value: 'session-1|2026',
            text: { type: 'plain_text', text: 'Cancel :x:' },
            confirm: {
              title: { type: 'plain_text', text: 'Sure?' },
              text: { type: 'mrkdwn', text: 'It "counts"' },
              confirm: { type: 'plain_text', text: 'Yes' },
              deny: { type: 'plain_text', text: 'No' },
            },
          },
        },
      ],
      context,
    );
    expect(html).toContain('data-block-id="slot"');
    expect(html).toContain('<strong>Proposed:</strong> soon');
    expect(html).toContain('<div class="bk-field"><strong>Who</strong><br>Ana</div>');
    expect(html).toContain('<div class="bk-field">Why &lt;not&gt;</div>');
    expect(html).toContain('class="bk-button bk-danger"');
    expect(html).toContain('data-action-id="pick"');
    expect(html).toContain('data-value="session-1|2026"');
    expect(html).toContain('data-confirm="{&quot;title&quot;:{&quot;type&quot;:&quot;plain_text&quot;');
    expect(html).toContain('>Cancel ❌</button>');
  });

  it('renders header, divider, context (text and images) and an actions row of every element Mockingbird uses', () => {
    const html = renderBlocks(
      [
        { type: 'header', text: { type: 'plain_text', text: 'Your progress' } },
        { type: 'divider' },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: '_small_' },
            { type: 'image', image_url: 'https://example.com/a.png', alt_text: 'a "pic"' },
            { type: 'image', image_url: 'javascript:alert(1)', alt_text: 'no' },
          ],
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'static_select',
              action_id: 'level',
              placeholder: { type: 'plain_text', text: 'Pick' },
              option_groups: [
                {
                  label: { type: 'plain_text', text: 'Group' },
                  options: [{ text: { type: 'plain_text', text: 'Senior' }, value: 'SENIOR' }],
                },
              ],
            },
            {
              type: 'overflow',
              action_id: 'more',
              options: [{ text: { type: 'plain_text', text: 'Snooze' }, value: 'snooze' }],
            },
            { type: 'datepicker', action_id: 'day', initial_date: '2026-12-08' },
          ],
        },
      ],
      context,
    );
    expect(html).toContain('<h3 class="bk-header-text">Your progress</h3>');
    expect(html).toContain('<hr class="bk-divider-line">');
    expect(html).toContain('<em>small</em>');
    expect(html).toContain('src="https://example.com/a.png" alt="a &quot;pic&quot;"');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<optgroup label="Group"><option value="SENIOR">Senior</option></optgroup>');
    expect(html).toContain('data-bk-element="overflow"');
    expect(html).toContain('<input type="date" class="bk-control" data-bk-element="datepicker"');
    expect(html).toContain('value="2026-12-08"');
    // Outside input blocks every element sends block_actions at once.
    expect(html.match(/data-dispatch="true"/g)?.length).toBe(3);
  });

  it('renders input blocks as form fields with labels, hints, optional marks, initial values and inline errors', () => {
    const blocks = [
      {
        type: 'input',
        block_id: 'types',
        label: { type: 'plain_text', text: 'Interview type' },
        element: {
          type: 'multi_static_select',
          action_id: 'value',
          max_selected_items: 3,
          options: [
            { text: { type: 'plain_text', text: 'Execution' }, value: 'execution' },
            { text: { type: 'plain_text', text: 'Strategy' }, value: 'strategy' },
          ],
          initial_options: [{ text: { type: 'plain_text', text: 'Execution' }, value: 'execution' }],
        },
      },
      {
        type: 'input',
        block_id: 'role',
        label: { type: 'plain_text', text: 'Role' },
        element: {
          type: 'radio_buttons',
          action_id: 'value',
          options: [
            {
              text: { type: 'plain_text', text: 'Both' },
              value: 'BOTH',
              description: { type: 'plain_text', text: 'Swap' },
            },
            { text: { type: 'plain_text', text: 'Interviewer' }, value: 'INTERVIEWER' },
          ],
          initial_option: { text: { type: 'plain_text', text: 'Both' }, value: 'BOTH' },
        },
      },
      {
        type: 'input',
        block_id: 'note',
        optional: true,
        label: { type: 'plain_text', text: 'Note' },
        hint: { type: 'plain_text', text: 'For your partner' },
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: 300,
          initial_value: '</textarea><b>',
        },
      },
      {
        type: 'input',
        label: { type: 'plain_text', text: 'When' },
        element: { type: 'timepicker', action_id: 'value', initial_time: '09:00' },
      },
      {
        type: 'input',
        block_id: 'zone',
        label: { type: 'plain_text', text: 'Timezone' },
        element: {
          type: 'external_select',
          action_id: 'timezone-search',
          min_query_length: 0,
          initial_option: { text: { type: 'plain_text', text: 'London (GMT)' }, value: 'Europe/London' },
        },
      },
      {
        type: 'input',
        block_id: 'who',
        label: { type: 'plain_text', text: 'Who' },
        element: { type: 'multi_users_select', action_id: 'value', initial_users: ['U0BO'] },
      },
      {
        type: 'input',
        block_id: 'where',
        label: { type: 'plain_text', text: 'Where' },
        element: { type: 'conversations_select', action_id: 'value', initial_conversation: 'C0PRACTICE' },
      },
      {
        type: 'input',
        block_id: 'count',
        label: { type: 'plain_text', text: 'Hours' },
        element: {
          type: 'number_input',
          action_id: 'value',
          is_decimal_allowed: false,
          min_value: '1',
          max_value: '72',
        },
      },
    ];
    const html = renderBlocks(blocks, context, { errors: { note: 'Too <long>' } });
    expect(html).toContain(
      '<label class="bk-chip"><input type="checkbox" value="execution" checked><span>Execution</span></label>',
    );
    expect(html).toContain('data-max="3"');
    expect(html).toContain('<input type="radio" name="role::value" value="BOTH" checked>');
    expect(html).toContain('<small class="bk-choice-description">Swap</small>');
    expect(html).toContain('<span class="bk-optional">(optional)</span>');
    expect(html).toContain('<div class="bk-hint">For your partner</div>');
    expect(html).toContain('&lt;/textarea&gt;&lt;b&gt;</textarea>');
    expect(html).toContain('<div class="bk-error">Too &lt;long&gt;</div>');
    expect(html).toContain('bk-invalid');
    expect(html).toContain('data-block-id="sandbox-block-3"');
    expect(html).toContain(
      'type="time" class="bk-control" data-bk-element="timepicker" data-block-id="sandbox-block-3" data-action-id="value" value="09:00"',
    );
    expect(html).toContain('data-selected-value="Europe/London"');
    expect(html).toContain('data-min-query="0"');
    expect(html).toContain('<input type="checkbox" value="U0BO" checked><span>Bo Berg</span>');
    expect(html).toContain('<option value="C0PRACTICE" selected>#interview-practice</option>');
    expect(html).toContain('type="number" min="1" max="72" step="1"');
    expect(html).not.toContain('data-dispatch');
  });

  it('says so for blocks and elements it does not know, rather than dropping them silently', () => {
    expect(renderBlocks([{ type: 'video' }], context)).toContain('[video block]');
    expect(
      renderBlocks([{ type: 'actions', elements: [{ type: 'rich_text_input', action_id: 'x' }] }], context),
    ).toContain('[rich_text_input]');
    expect(renderBlocks('not blocks', context)).toBe('');
  });

  it('gives a block without block_id a stable id, the one payloads use', () => {
    expect(blockIdOf({ type: 'divider' }, 4)).toBe('sandbox-block-4');
    expect(blockIdOf({ type: 'divider', block_id: 'mine' }, 4)).toBe('mine');
  });
});
