/** Reads a Web API request the way slack.com/api does: query, form, JSON or multipart arguments. */
import { SlackApiError } from '../slack-api-error.ts';
import type { Json } from '../types.ts';

// Fields that carry user text: never decoded as JSON even when they look like it.
const FREE_TEXT_FIELDS = new Set([
  'text',
  'markdown_text',
  'initial_comment',
  'title',
  'alt_text',
  'content',
  'query',
  'private_metadata',
  'purpose',
  'topic',
  'reason',
  'comment',
  'name',
  'username',
]);

export async function parseArguments(url: URL, contentType: string | undefined, body: Buffer): Promise<Json> {
  const args: Json = {};
  for (const [key, value] of url.searchParams) args[key] = decodeFormField(key, value);
  if (body.length === 0) return args;
  const type = mediaType(contentType);
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new SlackApiError('invalid_json');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new SlackApiError('json_not_object');
    return { ...args, ...(parsed as Json) };
  }
  if (type === 'multipart/form-data') {
    for (const [key, value] of await multipartForm(contentType!, body)) {
      args[key] =
        typeof value === 'string' ? decodeFormField(key, value) : Buffer.from(await value.arrayBuffer());
    }
    return args;
  }
  for (const [key, value] of new URLSearchParams(body.toString('utf8')))
    args[key] = decodeFormField(key, value);
  return args;
}

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function multipartForm(contentType: string, body: Buffer): Promise<FormData> {
  return new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
}

export function parseBasicAuth(header: string): { id: string; secret: string } | undefined {
  const encoded = /^Basic\s+(\S+)$/i.exec(header)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * WebClient form-encodes every argument and JSON-stringifies objects and arrays (blocks, view,
 * files…), so such fields are decoded back; fields that hold user text stay strings.
 */
function decodeFormField(key: string, value: string): unknown {
  if (FREE_TEXT_FIELDS.has(key)) return value;
  const trimmed = value.trim();
  const looksJson =
    (trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'));
  if (!looksJson) return value;
  try {
    return JSON.parse(trimmed);
  } catch {
    return value;
  }
}
