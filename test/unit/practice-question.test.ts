import { describe, expect, it } from 'vitest';
import { parsePracticeQuestionText } from '../../src/domain/practice-question.ts';

describe('parsePracticeQuestionText', () => {
  it.each([
    ['', { interviewType: undefined, level: undefined }],
    ['execution', { interviewType: 'execution', level: undefined }],
    ['senior', { interviewType: undefined, level: 'SENIOR' }],
    ['Execution Senior', { interviewType: 'execution', level: 'SENIOR' }],
    ['staff behavioral', { interviewType: 'behavioural', level: 'STAFF' }],
    ['product_sense  director', { interviewType: 'product-sense', level: 'DIRECTOR' }],
    ['exec execution', { interviewType: 'execution', level: undefined }],
  ])('%j → %j', (text, value) => {
    expect(parsePracticeQuestionText(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['dance', /`dance` is not an interview type or a level/],
    ['execution seniorish', /`seniorish` is not an interview type or a level/],
    ['execution strategy', /Name one interview type/],
    ['pm staff', /Name one level/],
    ['<!channel>', /`!channel` is not/],
  ])('%j is refused with a usage message', (text, message) => {
    const parsed = parsePracticeQuestionText(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toMatch(message);
    expect(parsed.message).toContain('/mock question [type] [level]');
  });
});
