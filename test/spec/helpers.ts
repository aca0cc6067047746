import { stringify } from 'yaml';
import { parseSource } from '../../src/source/document.js';
import type { RuleFinding, SpecRule } from '../../src/spec/rules/rule.js';
import type { ConnectorSpec } from '../../src/spec/types.js';
import { validateSpec } from '../../src/spec/validate.js';

/** A small valid spec; each test changes one thing. */
export function baseSpec(): ConnectorSpec {
  return {
    specVersion: 1,
    name: 'acme',
    displayName: 'Acme',
    description: 'The Acme messaging API.',
    version: '1.0.0',
    supportEmail: 'support@acme.test',
    authentication: { type: 'basic', username: { label: 'Key' }, password: { label: 'Secret' } },
    connectionParameters: [{ key: 'accountId', label: 'Account ID', type: 'text', required: true }],
    baseUrl: 'https://api.acme.test/v1/accounts/${connection.accountId}',
    authping: { request: { method: 'GET', path: '/me' }, healthyStatuses: [200] },
    actions: [
      {
        name: 'Send Message',
        description: 'Send a message to a phone number.',
        options: [{ key: 'from', label: 'From', type: 'text', required: true }],
        inputs: [
          { key: 'to', label: 'To', type: 'text', required: true },
          { key: 'body', label: 'Body', type: 'text' },
        ],
        request: {
          method: 'POST',
          path: '/messages',
          body: {
            encoding: 'form',
            fields: { To: '${inputs.to}', From: '${options.from}', Body: '${inputs.body}' },
          },
        },
        outputs: [{ key: 'id', label: 'ID', type: 'text', from: 'body', path: 'id' }],
      },
    ],
  };
}

export function withSpec(change: (spec: ConnectorSpec) => void): ConnectorSpec {
  const spec = baseSpec();
  change(spec);
  return spec;
}

export function runRule(rule: SpecRule, spec: ConnectorSpec, specDir = process.cwd()): RuleFinding[] {
  return rule.check({ spec, specDir });
}

/** Validates a spec object written out as YAML, so findings carry real lines and columns. */
export function validateObject(spec: unknown, file = 'connector.yaml') {
  return validateSpec(parseSource(stringify(spec), file), process.cwd());
}
