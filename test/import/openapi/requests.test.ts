import { describe, expect, it } from 'vitest';
import { runFlow, type HttpTransport } from '../../../src/index.js';
import { listOperations } from '../../../src/openapi/operations.js';
import { loadOpenApiDescription } from '../../../src/openapi/load.js';
import { importOpenApi } from '../../../src/import/openapi/import.js';
import { operationLabel } from '../../../src/import/openapi/select.js';
import { ShapeReader } from '../../../src/import/openapi/schema.js';
import type { HttpRequest } from '../../../src/simulate/transport.js';
import { expectValidAndBuilds, SLACK, TWILIO } from './helpers.js';

/**
 * A property over every operation `--all` imports from Twilio's and Slack's descriptions: the built flows, run with
 * the example inputs the description suggests, send one request with the operation's method, a URL its path
 * template matches, and every required query parameter, header and body field the description names, except the
 * copies of the credential (Slack's `token`): the credential travels only where the security scheme puts it. (The
 * round trip against the OpenAPI-driven mock checks the rest: types, formats, patterns.)
 */
const CONNECTIONS = {
  twilio: {
    username: 'SK00000000000000000000000000000000',
    password: 'not-a-real-secret-7f3a',
    accountSid: 'AC' + '0'.repeat(32),
  },
  slack: { access_token: 'xoxb-not-a-real-token-7f3a' },
};
/** The value each connection's authentication must be the only one to send. */
const SECRETS = { twilio: CONNECTIONS.twilio.password, slack: CONNECTIONS.slack.access_token };
/** The parameters and form fields each description names for its credential beside its security scheme. */
const CREDENTIAL_COPIES = { twilio: new Set<string>(), slack: new Set(['token']) };

describe.each([
  ['twilio', TWILIO],
  ['slack', SLACK],
] as const)('every imported %s operation sends the request its description asks for', (name, file) => {
  it('method, path, required query, headers and body fields', async () => {
    const description = await loadOpenApiDescription(file);
    const result = importOpenApi(description, { all: true });
    const { flopack } = expectValidAndBuilds(result).generated;
    const operations = new Map(listOperations(description.document).map((op) => [operationLabel(op), op]));
    const shapes = new ShapeReader(description.document);
    const server = description.document.servers?.[0]?.url ?? '';
    const problems: string[] = [];
    for (const [i, action] of result.spec.actions.entries()) {
      const op = operations.get(result.summary.imported[i]!.operation)!;
      const sent: HttpRequest[] = [];
      const transport: HttpTransport = async (req) => {
        sent.push(req);
        return { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
      };
      const flow = await runFlow(
        flopack,
        action.name,
        { auth: CONNECTIONS[name], ...result.examples[action.name] },
        { transport },
      );
      const where = `${action.name} (${operationLabel(op)})`;
      if (!flow.ok || sent.length !== 1) {
        problems.push(`${where}: ${flow.ok ? `${sent.length} requests` : flow.error.message}`);
        continue;
      }
      const req = sent[0]!;
      const url = new URL(req.url);
      const template = new RegExp(
        '^' +
          (new URL(server).pathname.replace(/\/$/, '') + op.path)
            .split(/\{[^}]+\}/)
            .map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
            .join('[^/]+') +
          '$',
      );
      if (req.method !== op.method.toUpperCase()) problems.push(`${where}: sent ${req.method}`);
      if (!template.test(url.pathname))
        problems.push(`${where}: path ${url.pathname} does not match ${op.path}`);
      const copies = CREDENTIAL_COPIES[name];
      for (const p of op.parameters.filter((p) => p.required && !copies.has(p.name))) {
        if (p.in === 'query' && !url.searchParams.has(p.name)) problems.push(`${where}: no query ${p.name}`);
        if (
          p.in === 'header' &&
          !Object.keys(req.headers).some((h) => h.toLowerCase() === p.name.toLowerCase())
        )
          problems.push(`${where}: no header ${p.name}`);
      }
      // The body goes out in one of the media types the operation accepts, with every required field.
      const content = op.requestBody?.content ?? {};
      const sentType = (req.headers['Content-Type'] ?? '').split(';')[0]!.trim();
      const media = content[sentType];
      if (req.body && !media) problems.push(`${where}: sent a ${sentType || 'typeless'} body`);
      if (media) {
        const fields: Set<string> =
          sentType === 'application/x-www-form-urlencoded'
            ? new Set(new URLSearchParams(req.body ?? '').keys())
            : new Set(Object.keys(JSON.parse(req.body ?? '{}') as object));
        for (const field of shapes.read(media.schema).required)
          if (!fields.has(field) && !copies.has(field))
            problems.push(`${where}: no ${sentType} field ${field}`);
      }
      // Only the authentication carries the credential: no header, query parameter or body field repeats it.
      const secret = SECRETS[name];
      const elsewhere = [
        ...Object.entries(req.headers).filter(([h]) => h.toLowerCase() !== 'authorization'),
        ['url', req.url],
        ['body', req.body ?? ''],
      ].filter(([, value]) => value!.includes(secret));
      if (elsewhere.length > 0)
        problems.push(`${where}: the credential in ${elsewhere.map(([at]) => at).join(', ')}`);
    }
    expect(problems).toEqual([]);
    expect(result.spec.actions.length).toBe(result.summary.imported.length);
  });
});
