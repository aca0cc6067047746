import type {
  Action,
  Authentication,
  ConnectorSpec,
  FieldType,
  Input,
  Option,
  RequestBody,
} from '../../src/spec/types.js';

/** mulberry32: a tiny seeded PRNG, so every property-test case can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'Send',
  'Get',
  'List',
  'Delete',
  'Update',
  'Item',
  'Message',
  'User',
  'Group',
  'Call',
  'Note',
  'Ticket',
];
const TEXT = [
  '',
  'plain ',
  'a/b?c=d&e ',
  '{{x}} ',
  '{{{y}}} ',
  '</script> ',
  'ünï 🚀 ',
  '"q" \\ ',
  'line\nbreak ',
  '$${lit} ',
  '+1 555 ',
];
const TYPES: FieldType[] = ['text', 'number', 'boolean', 'datetime', 'object'];

/** A random connector spec that a schema-valid spec could be: declared keys only, unique flow names. */
export function randomSpec(seed: number): ConnectorSpec {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;
  const key = (prefix: string, i: number) => `${prefix}${i}`;
  const params = Array.from({ length: Math.floor(r() * 3) }, (_, i) => ({
    key: key('param', i),
    label: `Param ${i} ${pick(TEXT)}`,
    type: pick(['text', 'password', 'dropdown'] as const),
    required: chance(0.7),
  }));
  // Custom auth takes its secret from a connection parameter (a literal secret is refused by lint).
  if (params.length === 0) params.push({ key: 'apiKey', label: 'API Key', type: 'password', required: true });
  const connRef = () => `\${connection.${pick(params).key}}`;
  const auths: Authentication[] = [
    { type: 'basic', username: { label: 'User' }, password: { label: 'Secret' } },
    { type: 'custom', placement: 'header', name: 'X-Api-Key', value: `Key ${connRef()}` },
    { type: 'custom', placement: 'query', name: 'api_key', value: connRef() },
    {
      type: 'oauth2',
      grantType: 'client_credentials',
      tokenUrl: 'https://auth.example.com/token',
      ...(chance(0.5) ? { revokeUrl: 'https://auth.example.com/revoke' } : {}),
    },
  ];
  const template = (refs: string[]) => {
    let s = pick(TEXT);
    for (let i = 0; i < 1 + Math.floor(r() * 2); i++)
      s += (refs.length && chance(0.8) ? pick(refs) : '') + pick(TEXT);
    return s;
  };
  const used = new Set<string>();
  const actions: Action[] = [];
  for (let a = 0; a < 1 + Math.floor(r() * 5); a++) {
    let name = `${pick(WORDS)} ${pick(WORDS)} ${a}`;
    while (used.has(name)) name += ' x';
    used.add(name);
    const inputs: Input[] = Array.from({ length: Math.floor(r() * 5) }, (_, i) => ({
      key: key('in', i),
      label: `Input ${i} ${pick(TEXT)}`.trim(),
      type: pick(TYPES),
      required: chance(0.5),
      ...(chance(0.2) ? { list: true } : {}),
    }));
    const options: Option[] = Array.from({ length: Math.floor(r() * 3) }, (_, i) => ({
      key: key('opt', i),
      label: `Option ${i}`,
      type: chance(0.5) ? 'dropdown' : 'text',
      required: chance(0.5),
      values: [
        { label: 'A', value: 'a' },
        { label: 'B "b"', value: 'b' },
      ],
    }));
    const refs = [
      ...inputs.filter((i) => i.type !== 'object' && !i.list).map((i) => `\${inputs.${i.key}}`),
      ...options.map((o) => `\${options.${o.key}}`),
      ...params.map((p) => `\${connection.${p.key}}`),
    ];
    const fields = () =>
      Object.fromEntries(
        Array.from({ length: Math.floor(r() * 4) }, (_, i) => [
          `F${i} ${pick(['', 'ä', '&='])}`,
          template(refs),
        ]),
      );
    const bodies: Array<RequestBody | undefined> = [
      undefined,
      { encoding: 'form', fields: fields() },
      {
        encoding: 'json',
        fields: { ...fields(), nested: { deep: template(refs), n: 1 }, list: [1, 'two'], flag: true },
      },
      {
        encoding: 'text',
        content: template(refs),
        ...(chance(0.5) ? { contentType: 'application/xml' } : {}),
      },
    ];
    actions.push({
      name,
      description: `Does ${pick(TEXT)} things`,
      inputs,
      options,
      request: {
        method: pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const),
        path: `/v1/${template(refs).replace(/^\/*/, '')}`,
        ...(chance(0.5) ? { query: fields() } : {}),
        ...(chance(0.3) ? { headers: { 'X-Trace': template(refs) } } : {}),
        body: pick(bodies),
      },
      outputs: [
        { key: 'status', label: 'Status', type: 'number', from: 'status' },
        { key: 'id', label: 'ID', type: 'text', from: 'body', path: pick(['id', 'data.0.id', '']) },
        { key: 'etag', label: 'ETag', type: 'text', from: 'headers', path: 'etag' },
      ],
      ...(chance(0.5)
        ? {
            errors: {
              statuses: [pick([404, '400-499', '500-599', '429', 'nonsense']), 401],
              messagePath: pick(['message', 'error.detail', '']),
            },
          }
        : {}),
    });
  }
  return {
    specVersion: 1,
    name: `conn_${seed}`,
    displayName: `Conn ${pick(TEXT)}${seed}`,
    description: pick(TEXT),
    version: '1.0.0',
    supportEmail: 'support@example.com',
    authentication: pick(auths),
    connectionParameters: params,
    baseUrl: `https://api.example.com/${connRef()}/v2/`,
    defaultHeaders: chance(0.5) ? { Accept: 'application/json' } : {},
    authping: {
      request: {
        method: 'GET',
        path: `/ping/${connRef()}`,
        ...(chance(0.5) ? { query: { q: connRef() } } : {}),
      },
      ...(chance(0.5) ? { healthyStatuses: chance(0.5) ? [200, 204] : [200] } : {}),
    },
    actions,
    customApiAction: chance(0.8),
  };
}
