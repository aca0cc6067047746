import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

/**
 * A small non-Twilio connector for scenario tests: a Bearer token in the Authorization header, a JSON POST, a GET
 * with a query, and no mock of its own (so only stubs and cassettes serve it offline).
 */
export const NOTES_SPEC = {
  specVersion: 1,
  name: 'notes',
  displayName: 'Notes',
  description: 'A note-taking API.',
  version: '1.0.0',
  supportEmail: 'support@example.com',
  baseUrl: 'https://api.notes.example/v1',
  authentication: {
    type: 'custom',
    placement: 'header',
    name: 'Authorization',
    value: 'Bearer ${connection.token}',
  },
  connectionParameters: [
    { key: 'token', label: 'API Token', type: 'password', required: true },
    { key: 'team', label: 'Team', type: 'text', required: true },
  ],
  authping: { request: { method: 'GET', path: '/me' } },
  actions: [
    {
      name: 'Create Note',
      description: 'Creates a note.',
      inputs: [
        { key: 'title', label: 'Title', type: 'text', required: true },
        { key: 'tags', label: 'Tags', type: 'text', list: true },
      ],
      request: {
        method: 'POST',
        path: '/teams/${connection.team}/notes',
        body: { encoding: 'json', fields: { title: '${inputs.title}', tags: '${inputs.tags}' } },
      },
      outputs: [
        { key: 'id', label: 'ID', type: 'text', from: 'body', path: 'id' },
        { key: 'title', label: 'Title', type: 'text', from: 'body', path: 'title' },
      ],
      errors: { messagePath: 'error.message' },
    },
    {
      name: 'List Notes',
      description: 'Lists the notes with a tag.',
      inputs: [{ key: 'tag', label: 'Tag', type: 'text', required: true }],
      request: { method: 'GET', path: '/teams/${connection.team}/notes', query: { tag: '${inputs.tag}' } },
      outputs: [{ key: 'count', label: 'Count', type: 'number', from: 'body', path: 'count' }],
      errors: { messagePath: 'error.message' },
    },
  ],
};

/** A connector folder in a fresh temp dir with these scenarios as tests/s<i>.yaml; returns the folder. */
export function notesConnector(root: string, scenarios: Array<Record<string, unknown>> = []): string {
  const dir = mkdtempSync(join(root, 'notes-'));
  mkdirSync(join(dir, 'tests'), { recursive: true });
  writeFileSync(join(dir, 'connector.yaml'), stringify(NOTES_SPEC));
  scenarios.forEach((s, i) => writeFileSync(join(dir, 'tests', `s${i}.yaml`), stringify(s)));
  return dir;
}

export const tempRoot = (): string => mkdtempSync(join(tmpdir(), 'oc-notes-'));
