import { describe, expect, it } from 'vitest';
import { ERROR_BODY_EXCERPT_CHARS } from '../../src/connector/contract.js';
import type { HttpResponse } from '../../src/simulate/index.js';
import { withSpec } from '../spec/helpers.js';
import { runBuilt } from './run-action.js';

const VALUES = { from: '+1500', to: '+1415', body: 'hi' };

function answering(status: number, body: string, headers: Record<string, string> = {}): () => HttpResponse {
  return () => ({ status, headers, body });
}

describe('action flow: the error message when the service refuses', () => {
  const cases: Array<[string, string, string]> = [
    ['message', '{"message":"Not Found"}', 'Not Found'],
    ['error.message', '{"error":{"code":7,"message":"Bad key"}}', 'Bad key'],
    [
      'errors[0].message (GitHub)',
      '{"message":"","errors":[{"message":"Validation Failed"}]}',
      'Validation Failed',
    ],
    [
      'error_description (OAuth)',
      '{"error":"invalid_grant","error_description":"Token expired"}',
      'Token expired',
    ],
    ['a bare error string', '{"error":"rate_limited"}', 'rate_limited'],
    ['the body text when no path matches', '<html>Gone</html>', 'HTTP 410: <html>Gone</html>'],
  ];
  it.each(cases)('falls back to %s', async (_, body, message) => {
    const spec = withSpec((s) => (s.actions[0]!.errors = { messagePath: 'detail.text' }));
    const status = body.startsWith('<') ? 410 : 404;
    const { result } = await runBuilt(spec, 'Send Message', VALUES, undefined, answering(status, body));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ kind: 'return-error', statusCode: status, message });
  });

  it('never says "Return Error": an empty body gives the status', async () => {
    const { result } = await runBuilt(
      withSpec(() => {}),
      'Send Message',
      VALUES,
      undefined,
      answering(404, ''),
    );
    expect(!result.ok && result.error.message).toBe('HTTP 404: ');
  });

  it('truncates a long body to ERROR_BODY_EXCERPT_CHARS characters', async () => {
    const long = 'x'.repeat(1000);
    const { result } = await runBuilt(
      withSpec(() => {}),
      'Send Message',
      VALUES,
      undefined,
      answering(500, long),
    );
    expect(!result.ok && result.error.message).toBe(`HTTP 500: ${'x'.repeat(ERROR_BODY_EXCERPT_CHARS)}`);
  });

  it('takes the first of several messagePath candidates that gives a value', async () => {
    const spec = withSpec((s) => (s.actions[0]!.errors = { messagePath: ['fault.reason', 'fault.detail'] }));
    const body = '{"fault":{"detail":"second wins"},"message":"not this"}';
    const { result } = await runBuilt(spec, 'Send Message', VALUES, undefined, answering(400, body));
    expect(!result.ok && result.error.message).toBe('second wins');
  });
});

describe('action flow: header outputs', () => {
  it('read a response header whatever the case of its name, in the spec or on the wire', async () => {
    const spec = withSpec((s) => {
      s.actions[0]!.outputs = [
        { key: 'messageId', label: 'Message ID', type: 'text', from: 'headers', path: 'X-Message-Id' },
        { key: 'limit', label: 'Limit', type: 'text', from: 'headers', path: 'x-ratelimit-limit' },
      ];
    });
    const respond = answering(200, '{}', { 'x-message-id': 'm-1', 'X-RateLimit-Limit': '60' });
    const { result } = await runBuilt(spec, 'Send Message', VALUES, undefined, respond);
    expect(result.ok && result.outputs).toEqual({ messageId: 'm-1', limit: '60' });
  });
});

describe('action flow: a field from each item of a list', () => {
  it('labels.*.name gives the name of every label (List Pluck); labels.name alone would give nothing', async () => {
    const spec = withSpec((s) => {
      s.actions[0]!.outputs = [
        {
          key: 'labelNames',
          label: 'Label names',
          type: 'text',
          list: true,
          from: 'body',
          path: 'issue.labels.*.name',
        },
        { key: 'ids', label: 'IDs', type: 'number', list: true, from: 'body', path: '*.id' },
      ];
    });
    const body = JSON.stringify({ issue: { labels: [{ name: 'bug' }, { name: 'ui' }] } });
    const one = await runBuilt(spec, 'Send Message', VALUES, undefined, answering(200, body));
    expect(one.result.ok && one.result.outputs['labelNames']).toEqual(['bug', 'ui']);
    const list = await runBuilt(
      spec,
      'Send Message',
      VALUES,
      undefined,
      answering(200, '[{"id":1},{"id":2}]'),
    );
    expect(list.result.ok && list.result.outputs['ids']).toEqual([1, 2]);
  });
});
