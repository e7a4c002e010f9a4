import { describe, expect, it } from 'vitest';
import { parseMockCommand } from '../../src/domain/mock-command.ts';

describe('parseMockCommand', () => {
  it.each([
    ['', { kind: 'request-form' }],
    ['   ', { kind: 'request-form' }],
    ['help', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['--help', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['profile', { kind: 'profile' }],
    ['  Profile  extra words', { kind: 'profile' }],
    ['me', { kind: 'profile' }],
    ['status', { kind: 'status' }],
    ['cancel', { kind: 'cancel' }],
    ['execution senior now', { kind: 'request', text: 'execution senior now' }],
    ['behavioral,strategy', { kind: 'request', text: 'behavioral,strategy' }],
    ['forget-me', { kind: 'forget-me' }],
    ['stats', { kind: 'stats' }],
    ['FORGET-ME', { kind: 'forget-me' }],
    ['dance', { kind: 'unknown', word: 'dance' }],
    ['Dance now', { kind: 'unknown', word: 'Dance' }],
    ['x'.repeat(100), { kind: 'unknown', word: 'x'.repeat(40) }],
    ['question', { kind: 'question', text: '' }],
    ['Question execution senior', { kind: 'question', text: 'execution senior' }],
    ['prompt dance', { kind: 'question', text: 'dance' }],
    ['questions', { kind: 'request', text: 'questions' }],
    ['admin', { kind: 'admin', text: '' }],
    ['admin daily', { kind: 'admin', text: 'daily' }],
  ])('%j → %j', (text, expected) => {
    expect(parseMockCommand(text)).toEqual(expected);
  });
});
