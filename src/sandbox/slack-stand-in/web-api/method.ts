/**
 * What a Web API method is to the fake: an auth rule and a default answer computed from the call.
 * Each family module (auth, chat, views…) exports a table of them; the readers below take
 * arguments the way Slack does, whether they came as form strings or as JSON values.
 */
import type { Json, TokenInfo } from '../types.ts';
import type { Workspace } from '../workspace/workspace.ts';

/** `token`: a bot or user token; `app`: an app-level token (Socket Mode); `none`: no token at all. */
export type AuthRule = 'token' | 'app' | 'none';

export interface CallContext {
  method: string;
  args: Json;
  token: string | undefined;
  auth: TokenInfo | undefined;
  basic: { id: string; secret: string } | undefined;
}

export interface MethodSpec {
  auth: AuthRule;
  run: (ctx: CallContext) => Json;
}

/** What a family of methods works with. */
export interface MethodEnv {
  workspace: Workspace;
  /** Wakes whoever waits on the fake (a method that changes what tests wait for calls it). */
  notify: () => void;
}

export type MethodTable = [method: string, spec: MethodSpec][];

export function stringArg(args: Json, key: string): string | undefined {
  const value = args[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function flagArg(args: Json, key: string): boolean {
  const value = args[key];
  return value === true || value === 1 || value === 'true' || value === '1';
}

export function objectArg(args: Json, key: string): Json | undefined {
  const value = args[key];
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : undefined;
    } catch {
      return undefined;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function listArg(args: Json, key: string): unknown[] | undefined {
  const value = args[key];
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      return Array.isArray(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
