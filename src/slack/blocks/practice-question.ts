import type { KnownBlock } from '@slack/types';
import type { StoredQuestion } from '../../store/question-bank.ts';
import { escapeText } from './escape-text.ts';
import type { SlackMessage } from './help-message.ts';
import { bulletList, levelRange, quoted } from './question-text.ts';

export interface PracticeQuestionInput {
  question: Pick<StoredQuestion, 'text' | 'levels' | 'followUps' | 'rubricHints' | 'hint'>;
  typeLabel: string;
  /** The rubric's framework for the type, e.g. "CIRCLES"; null when the type has no rubric. */
  framework: string | null;
  /** The member has already been given every prompt of this pool. */
  repeat: boolean;
}

/** `/mock question`: everything needed to practise alone, privately. */
export function practiceQuestionMessage({
  question,
  typeLabel,
  framework,
  repeat,
}: PracticeQuestionInput): SlackMessage {
  const levels = levelRange(question.levels);
  const hintHeading = framework ? `*Hint* · a framework that fits: *${escapeText(framework)}*` : '*Hint*';
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*Practice question* · ${escapeText(typeLabel)} · ${levels}` },
    },
    { type: 'section', text: { type: 'mrkdwn', text: quoted(question.text) } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Follow-ups an interviewer might ask*\n${bulletList(question.followUps)}`,
      },
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*What a strong answer shows*\n${bulletList(question.rubricHints)}` },
    },
    { type: 'section', text: { type: 'mrkdwn', text: `${hintHeading}\n${escapeText(question.hint)}` } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: [
            'Only you can see this.',
            repeat ? 'You have had every question of this kind, so this one comes round again.' : '',
            'Run it again for another, or `/mock` to practise it live with a partner.',
          ]
            .filter(Boolean)
            .join(' '),
        },
      ],
    },
  ];
  return { text: `Practice question (${typeLabel}, ${levels}): ${question.text}`, blocks };
}
