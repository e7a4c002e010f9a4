import type { Surface } from '../../observability/metrics.ts';

/**
 * Which surface a Slack request body belongs to, told apart the way Bolt does
 * (`getTypeAndConversation`): slash commands carry `command`, everything else a `type`.
 */
export function surfaceOf(body: Record<string, unknown>): Surface {
  if (typeof body.command === 'string') return 'command';
  switch (body.type) {
    case 'event_callback':
      return 'event';
    case 'block_actions':
    case 'interactive_message':
    case 'dialog_submission':
      return 'action';
    case 'view_submission':
    case 'view_closed':
      return 'view';
    case 'block_suggestion':
    case 'dialog_suggestion':
      return 'options';
    case 'shortcut':
    case 'message_action':
      return 'shortcut';
    default:
      return 'other';
  }
}
