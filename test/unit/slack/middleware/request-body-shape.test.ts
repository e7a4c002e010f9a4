import { describe, expect, it } from 'vitest';
import { isObjectBody, isSslCheck } from '../../../../src/slack/middleware/request-body-shape.ts';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('isObjectBody', () => {
  it("passes Slack's own bodies: commands, interactive payloads, events", () => {
    expect(isObjectBody(form({ command: '/mock', text: 'help', user_id: 'U1' }), FORM)).toBe(true);
    expect(isObjectBody(form({ payload: JSON.stringify({ type: 'block_actions' }) }), FORM)).toBe(true);
    expect(isObjectBody(`payload=${JSON.stringify({ type: 'block_actions' })}`, FORM)).toBe(true);
    expect(isObjectBody(JSON.stringify({ type: 'event_callback', event: {} }), JSON_TYPE)).toBe(true);
    expect(isObjectBody(' \n{"type":"url_verification"}', JSON_TYPE)).toBe(true);
  });

  it('refuses a payload or a JSON body that parses to anything but an object', () => {
    for (const value of ['null', ' null ', '[]', '[{"type":"block_actions"}]', '1', '"x"', 'true']) {
      expect(isObjectBody(form({ payload: value }), FORM), `payload=${value}`).toBe(false);
      expect(isObjectBody(value, JSON_TYPE), value).toBe(false);
    }
  });

  it('reads the payload field wherever it stands, as Bolt does', () => {
    expect(isObjectBody(`token=x&${form({ payload: 'null' })}`, FORM)).toBe(false);
    expect(isObjectBody(`token=x&${form({ payload: '{"type":"view_submission"}' })}`, FORM)).toBe(true);
    expect(isObjectBody('p%61yload=null', FORM)).toBe(false);
  });

  it('leaves what is no JSON at all to Bolt, which answers 400 itself', () => {
    expect(isObjectBody('payload=%7Bbroken', FORM)).toBe(true);
    expect(isObjectBody('{"this is": not json', JSON_TYPE)).toBe(true);
    expect(isObjectBody('nonsense', JSON_TYPE)).toBe(true);
  });
});

describe('isSslCheck', () => {
  it("is Slack's unsigned form post with ssl_check=1, nothing else", () => {
    expect(isSslCheck('ssl_check=1&token=x', FORM)).toBe(true);
    expect(isSslCheck('ssl_check=1', JSON_TYPE)).toBe(false);
    expect(isSslCheck('ssl_check=0', FORM)).toBe(false);
    expect(isSslCheck('command=%2Fmock', FORM)).toBe(false);
  });
});
