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
    // A letter away from a command: asked about, never acted on.
    [
      'questions',
      { kind: 'did-you-mean', word: 'questions', command: 'question', asType: 'reverse-interview' },
    ],
    ['stauts', { kind: 'did-you-mean', word: 'stauts', command: 'status', asType: null }],
    ['cancle now', { kind: 'did-you-mean', word: 'cancle', command: 'cancel', asType: null }],
    ['stat', { kind: 'did-you-mean', word: 'stat', command: 'stats', asType: null }],
    // Spelled-out types stay requests, however close to a command they look.
    ['strategy now', { kind: 'request', text: 'strategy now' }],
    ['reverse now', { kind: 'request', text: 'reverse now' }],
    ['admin', { kind: 'admin', text: '' }],
    ['admin daily', { kind: 'admin', text: 'daily' }],
    ['admin export', { kind: 'admin-export', text: '' }],
    ['Admin  Export  2026-11-01 2026-11-30', { kind: 'admin-export', text: '2026-11-01 2026-11-30' }],
    ['admin export last 30 days', { kind: 'admin-export', text: 'last 30 days' }],
    ['admin exports', { kind: 'admin', text: 'exports' }],
    ['weekly', { kind: 'weekly', text: '' }],
    ['weekly execution senior weekdays 18-21', { kind: 'weekly', text: 'execution senior weekdays 18-21' }],
    ['weekly off', { kind: 'weekly', text: 'off' }],
  ])('%j → %j', (text, expected) => {
    expect(parseMockCommand(text)).toEqual(expected);
  });
});
