import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type Format, type ValidateFunction } from 'ajv';

/**
 * Slack's published JSON Schema for app manifests (kept in test/fixtures/slack-manifest-schema
 * with its licence), loaded the way test/unit/manifest.test.ts loads it, for tests that check a
 * manifest from somewhere else than manifest.yml itself (the Slack CLI's get-manifest hook).
 */

const SCHEMA_PATH = fileURLToPath(
  new URL('../fixtures/slack-manifest-schema/manifest.schema.json', import.meta.url),
);

/** Every `format` the schema names, so each can be given a checker (ajv-formats is not installed). */
function formatsUsedIn(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) formatsUsedIn(item, found);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'format' && typeof value === 'string') found.add(value);
      else formatsUsedIn(value, found);
    }
  }
  return found;
}

/** Real checks for the formats we know; any other format the schema may gain is accepted as is. */
const FORMAT_CHECKS: Record<string, Format> = {
  uri: (value: string) => URL.canParse(value),
};

let validator: ValidateFunction | undefined;

/** What Slack's schema finds wrong with `manifest`, as ajv reports it; empty when valid. */
export function manifestSchemaErrorObjects(manifest: unknown): ErrorObject[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    const formats = Object.fromEntries(
      [...formatsUsedIn(schema)].map((name): [string, Format] => [name, FORMAT_CHECKS[name] ?? true]),
    );
    // Slack's schema carries keywords of its own ("regex", "_note") and a few type-less
    // constraints that ajv's strict mode rejects; they do not change what is valid.
    validator = new Ajv({ allErrors: true, strict: false, formats }).compile(schema);
  }
  return validator(manifest) ? [] : [...(validator.errors ?? [])];
}

/** What Slack's schema finds wrong with `manifest`, one "path message" line each; empty when valid. */
export function manifestSchemaErrors(manifest: unknown): string[] {
  return manifestSchemaErrorObjects(manifest).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`,
  );
}
