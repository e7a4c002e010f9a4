import type { Outcome } from './availability/availability-schema.ts';
import { BUILT_IN_INTERVIEW_TYPES, findInterviewType } from './interview-types.ts';
import { LEVEL_WORDS } from './level-words.ts';
import type { Level } from './matching/types.ts';

/** `/mock question [type] [level]`: what the member asked for; anything unnamed is chosen for them. */
export interface PracticeQuestionRequest {
  interviewType: string | undefined;
  level: Level | undefined;
}

export const PRACTICE_QUESTION_USAGE = [
  'Usage: `/mock question [type] [level]`, for example `/mock question execution senior` or just `/mock question`.',
  `Types: ${BUILT_IN_INTERVIEW_TYPES.map((type) => `\`${type.slug}\``).join(', ')}.`,
  'Levels: `pm`, `senior`, `staff`, `director`.',
].join('\n');

/** Reads the words after `/mock question`, in any order; a word that is neither is named back. */
export function parsePracticeQuestionText(text: string): Outcome<PracticeQuestionRequest> {
  const request: PracticeQuestionRequest = { interviewType: undefined, level: undefined };
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const level = LEVEL_WORDS[word.toLowerCase()];
    const type = level ? undefined : findInterviewType(word);
    const shown = word.slice(0, 40).replace(/[`<>&]/g, '');
    if (level) {
      if (request.level && request.level !== level) {
        return { ok: false, message: `Name one level, not several. ${PRACTICE_QUESTION_USAGE}` };
      }
      request.level = level;
    } else if (type) {
      if (request.interviewType && request.interviewType !== type.slug) {
        return { ok: false, message: `Name one interview type, not several. ${PRACTICE_QUESTION_USAGE}` };
      }
      request.interviewType = type.slug;
    } else {
      return {
        ok: false,
        message: `\`${shown}\` is not an interview type or a level.\n${PRACTICE_QUESTION_USAGE}`,
      };
    }
  }
  return { ok: true, value: request };
}
