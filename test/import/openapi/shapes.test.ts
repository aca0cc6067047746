import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descriptionFolder, expectValidAndBuilds, importFile } from './helpers.js';

/** A bearer-key JSON mail API shaped like SendGrid's v3 mail send, with the shapes today's generator cannot send. */
const MAIL_API = `
openapi: 3.0.3
info: {title: Mail API, version: "3", contact: {email: api@mail.example}}
servers: [{url: "https://api.mail.example/v3/"}]
security: [{bearer: []}]
components:
  securitySchemes:
    bearer: {type: http, scheme: bearer, bearerFormat: API key}
  schemas:
    Address:
      type: object
      required: [email]
      properties: {email: {type: string, format: email}, name: {type: string}}
paths:
  /mail/send:
    post:
      operationId: sendMail
      summary: Send an email
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [personalizations, from, subject, tracking]
              properties:
                personalizations:
                  type: array
                  items: {type: object, properties: {to: {type: array, items: {$ref: "#/components/schemas/Address"}}}}
                from: {$ref: "#/components/schemas/Address"}
                subject: {type: string}
                categories: {type: array, items: {type: string}}
                priority: {type: string, enum: [low, normal, high], default: normal}
                tracking:
                  type: object
                  required: [clicks, opens]
                  properties: {clicks: {type: boolean}, opens: {type: boolean}}
                kind: {type: string, enum: [mail]}
                send_at: {type: integer}
      responses:
        "202": {description: accepted}
        "400":
          description: bad
          content:
            application/json:
              schema: {type: object, properties: {errors: {type: array, items: {type: object, properties: {message: {type: string}, field: {type: string}}}}}}
  /mail/batch:
    post:
      operationId: sendBatch
      requestBody:
        content: {application/json: {schema: {type: array, items: {type: object}}}}
      responses: {"200": {description: ok}}
  /attachments:
    post:
      operationId: uploadAttachment
      requestBody:
        content: {multipart/form-data: {schema: {type: object, properties: {file: {type: string, format: binary}}}}}
      responses: {"201": {description: ok}}
  /attachments/{id}/content:
    get:
      operationId: downloadAttachment
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok, content: {application/pdf: {schema: {type: string, format: binary}}}}}
  /webhooks:
    post:
      operationId: createWebhook
      requestBody:
        content: {application/json: {schema: {type: object, required: [url], properties: {url: {type: string}}}}}
      callbacks:
        event: {"{$request.body#/url}": {post: {responses: {"200": {description: ok}}}}}
      responses: {"201": {description: ok, content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}}}
  /user/profile:
    get:
      operationId: getProfile
      parameters: [{name: fields, in: query, schema: {type: array, items: {type: string}}, style: form, explode: false}]
      responses: {"200": {description: ok, content: {application/json: {schema: {type: object, properties: {username: {type: string}}}}}}}
`;

describe('a bearer-key JSON API', async () => {
  const dir = descriptionFolder({ 'mail.yaml': MAIL_API });
  const result = await importFile(join(dir, 'mail.yaml'), { all: true });

  it('validates and builds', () => {
    expectValidAndBuilds(result);
  });

  it('bearer → custom Authorization header from a password connection parameter; the trailing slash of the server goes', () => {
    expect(result.spec.authentication).toEqual({
      type: 'custom',
      placement: 'header',
      name: 'Authorization',
      value: 'Bearer ${connection.accessToken}',
    });
    expect(result.spec.connectionParameters).toEqual([
      expect.objectContaining({ key: 'accessToken', type: 'password', required: true }),
    ]);
    expect(result.spec.baseUrl).toBe('https://api.mail.example/v3');
    expect(result.spec.authping.request).toEqual({ method: 'GET', path: '/user/profile' });
  });

  it('JSON fields: lists pass whole, objects with optional fields become one Object input, required objects are spelled out', () => {
    const send = result.spec.actions.find((a) => a.name === 'Send Email')!;
    expect(send.request.body).toEqual({
      encoding: 'json',
      fields: {
        personalizations: '${inputs.personalizations}',
        from: '${inputs.from}',
        subject: '${inputs.subject}',
        categories: '${inputs.categories}',
        priority: '${options.priority}',
        tracking: { clicks: '${inputs.trackingClicks}', opens: '${inputs.trackingOpens}' },
        kind: '${options.kind}',
        send_at: '${inputs.sendAt}',
      },
    });
    expect(send.inputs).toEqual([
      expect.objectContaining({ key: 'personalizations', type: 'object', list: true, required: true }),
      expect.objectContaining({ key: 'from', type: 'object', required: true }),
      expect.objectContaining({ key: 'subject', type: 'text', required: true }),
      expect.objectContaining({ key: 'categories', type: 'text', list: true }),
      expect.objectContaining({ key: 'trackingClicks', type: 'boolean', required: true }),
      expect.objectContaining({ key: 'trackingOpens', type: 'boolean', required: true }),
      expect.objectContaining({ key: 'sendAt', type: 'number' }),
    ]);
    expect(send.options).toEqual([
      expect.objectContaining({ key: 'priority', type: 'dropdown', default: 'normal' }),
      expect.objectContaining({ key: 'kind', type: 'dropdown', values: [{ label: 'mail', value: 'mail' }] }),
    ]);
    expect(send.outputs).toEqual([
      { key: 'statusCode', label: 'Status Code', type: 'number', from: 'status' },
    ]);
    expect(send.errors).toEqual({ messagePath: 'errors.0.message' });
    expect(result.text).toMatch(/# from: one Object input, sent as given/);
  });

  it('skips what cannot be sent, with the reason; notes callbacks and left-out parameters', () => {
    expect(result.summary.skipped).toEqual([
      {
        operation: 'POST /mail/batch',
        operationId: 'sendBatch',
        reason: expect.stringMatching(/JSON body is a list/),
      },
      {
        operation: 'POST /attachments',
        operationId: 'uploadAttachment',
        reason: expect.stringMatching(/multipart upload/),
      },
      {
        operation: 'GET /attachments/{id}/content',
        operationId: 'downloadAttachment',
        reason: expect.stringMatching(/binary \(application\/pdf\)/),
      },
    ]);
    const notes = Object.fromEntries(result.summary.imported.map((a) => [a.operationId, a.notes.join('\n')]));
    expect(notes['createWebhook']).toMatch(/callbacks \(event\) are not imported/);
    expect(notes['getProfile']).toMatch(/fields is a list joined into one value/);
  });
});

describe('authentication and servers', () => {
  it('OAuth 2.0 client credentials with the scopes the operations ask for; other schemes named in a comment', async () => {
    const dir = descriptionFolder({
      'api.json': {
        openapi: '3.0.0',
        info: { title: 'Issue Tracker', version: '1' },
        servers: [
          {
            url: 'https://{tenant}.tracker.example/api/{version}',
            variables: {
              tenant: { default: 'acme', description: 'Your tenant.' },
              version: { default: 'v2', enum: ['v2'] },
            },
          },
        ],
        components: {
          securitySchemes: {
            oauth: {
              type: 'oauth2',
              flows: {
                clientCredentials: {
                  tokenUrl: '/oauth/token',
                  scopes: { 'issues:read': '', 'issues:write': '', admin: '' },
                },
              },
            },
            key: { type: 'apiKey', in: 'header', name: 'X-Key' },
          },
        },
        paths: {
          '/issues': {
            get: {
              operationId: 'listIssues',
              security: [{ oauth: ['issues:read'] }],
              parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
              responses: {
                '200': {
                  description: 'ok',
                  content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } },
                },
              },
            },
            post: {
              operationId: 'createIssue',
              security: [{ oauth: ['issues:write'] }],
              requestBody: {
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { title: { type: 'string' } } },
                  },
                },
              },
              responses: { '201': { description: 'ok' } },
            },
          },
          '/admin': {
            delete: {
              operationId: 'wipe',
              security: [{ key: [] }],
              responses: { '204': { description: 'ok' } },
            },
          },
        },
      },
    });
    const result = await importFile(join(dir, 'api.json'), { all: true });
    expectValidAndBuilds(result);
    expect(result.spec.authentication).toEqual({
      type: 'oauth2',
      grantType: 'client_credentials',
      tokenUrl: 'https://acme.tracker.example/oauth/token',
      scopes: ['issues:read', 'issues:write'],
    });
    expect(result.spec.baseUrl).toBe('https://${connection.tenant}.tracker.example/api/v2');
    expect(result.spec.connectionParameters).toEqual([
      expect.objectContaining({
        key: 'tenant',
        type: 'text',
        required: true,
        description: 'Your tenant. Default: acme.',
      }),
    ]);
    expect(result.spec.authping.request).toEqual({ method: 'GET', path: '/issues', query: { limit: '1' } });
    expect(result.summary.skipped).toEqual([
      {
        operation: 'DELETE /admin',
        operationId: 'wipe',
        reason: 'it uses "key", not the connector\'s "oauth"',
      },
    ]);
    expect(result.text).toMatch(
      /# REVIEW: the description also declares "key"; "oauth" is used by the most selected operations/,
    );
  });

  it('an API key in the query → custom query authentication; the parameter it duplicates is not an input', async () => {
    const dir = descriptionFolder({
      'weather.yaml': `
openapi: 3.1.0
info: {title: Weather, version: "2.5"}
servers: [{url: "https://api.weather.example/data/2.5"}]
security: [{appid: []}]
components: {securitySchemes: {appid: {type: apiKey, in: query, name: appid}}}
paths:
  /weather:
    get:
      operationId: currentWeather
      parameters:
        - {name: appid, in: query, required: true, schema: {type: string}}
        - {name: q, in: query, required: true, schema: {type: string}, description: "City name"}
        - {name: units, in: query, schema: {type: [string, "null"], enum: [standard, metric, imperial]}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: object, properties: {name: {type: [string, "null"]}, main: {type: object}}}}}}
`,
    });
    const result = await importFile(join(dir, 'weather.yaml'), { operations: ['GET /weather'] });
    expectValidAndBuilds(result);
    expect(result.spec.authentication).toEqual({
      type: 'custom',
      placement: 'query',
      name: 'appid',
      value: '${connection.apiKey}',
    });
    const [action] = result.spec.actions;
    expect(action!.request.query).toEqual({ q: '${inputs.q}', units: '${options.units}' });
    expect(action!.outputs!.map((o) => [o.key, o.type])).toEqual([
      ['name', 'text'],
      ['main', 'object'],
      ['response', 'object'],
    ]);
    // No GET needs only the connection (q is required): a placeholder health check, flagged for review.
    expect(result.spec.authping.request).toEqual({ method: 'GET', path: '/' });
    expect(result.text).toMatch(/# REVIEW: the health check calls no GET/);
  });

  it('a copy of the credential (header, query, form or JSON field) is never sent nor asked for: only the scheme carries it', async () => {
    const dir = descriptionFolder({
      'chat.yaml': `
openapi: 3.0.3
info: {title: Chat, version: "1"}
servers: [{url: "https://chat.example/api"}]
security: [{bearer: []}]
components: {securitySchemes: {bearer: {type: http, scheme: bearer}}}
paths:
  /me:
    get:
      operationId: me
      parameters: [{name: token, in: header, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
  /rooms:
    get:
      operationId: listRooms
      parameters:
        - {name: access_token, in: query, required: true, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses: {"200": {description: ok}}
  /rooms/{id}/topic:
    post:
      operationId: setTopic
      parameters: [{name: id, in: path, required: true, schema: {type: string, pattern: "^R[0-9A-F]{8}$"}}]
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema: {type: object, required: [token, topic], properties: {token: {type: string}, topic: {type: string}}}
      responses: {"200": {description: ok}}
  /messages:
    post:
      operationId: postMessage
      requestBody:
        required: true
        content:
          application/json:
            schema: {type: object, required: [token, text], properties: {token: {type: string}, text: {type: string}}}
      responses: {"200": {description: ok}}
`,
    });
    const result = await importFile(join(dir, 'chat.yaml'), { all: true });
    expectValidAndBuilds(result);
    const { spec, examples } = result;
    expect(spec.authping.request).toEqual({ method: 'GET', path: '/me' });
    expect(spec.actions.map((a) => a.request)).toEqual([
      { method: 'GET', path: '/me' },
      { method: 'GET', path: '/rooms', query: { limit: '${inputs.limit}' } },
      {
        method: 'POST',
        path: '/rooms/${inputs.id}/topic',
        body: { encoding: 'form', fields: { topic: '${inputs.topic}' } },
      },
      { method: 'POST', path: '/messages', body: { encoding: 'json', fields: { text: '${inputs.text}' } } },
    ]);
    expect(spec.actions.flatMap((a) => a.inputs ?? []).map((i) => i.key)).toEqual([
      'limit',
      'id',
      'topic',
      'text',
    ]);
    expect(result.text).toContain(
      '# the description asks for the credential again as JSON field token, form field token, header token, query parameter access_token: it is sent only in the Authorization header (Bearer), as its security scheme says',
    );
    // The example a pattern asks for: its plainest match.
    expect(examples['Set Topic']).toEqual({ id: 'R00000000', topic: 'example' });
  });

  it('no security scheme, but the operations take an API key parameter: that is where the key goes, once', async () => {
    const dir = descriptionFolder({
      'quotes.yaml': `
openapi: 3.0.3
info: {title: Quotes, version: "1"}
servers: [{url: "https://quotes.example"}]
paths:
  /quotes:
    get:
      operationId: listQuotes
      parameters:
        - {name: api_key, in: query, required: true, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses: {"200": {description: ok}}
  /quotes/random:
    get:
      operationId: randomQuote
      parameters: [{name: api_key, in: query, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
`,
    });
    const result = await importFile(join(dir, 'quotes.yaml'), { all: true });
    expectValidAndBuilds(result);
    expect(result.spec.authentication).toEqual({
      type: 'custom',
      placement: 'query',
      name: 'api_key',
      value: '${connection.apiKey}',
    });
    expect(result.spec.actions.map((a) => a.request.query)).toEqual([
      { limit: '${inputs.limit}' },
      undefined,
    ]);
    expect(result.summary.authentication).toBe(
      'custom: API key in the query "api_key" (assumed from the operations\' parameters: no usable security scheme)',
    );
    expect(result.text).toMatch(
      /# REVIEW: the description declares no security scheme; the query parameter "api_key" the operations take is the credential/,
    );
  });

  it('a multi-file YAML description (local $refs across files)', async () => {
    const dir = descriptionFolder({
      'api.yaml': [
        'openapi: 3.0.3',
        'info: {title: Pets, version: "1"}',
        'servers: [{url: "https://pets.example/v1"}]',
        'components: {securitySchemes: {basic: {type: http, scheme: basic}}}',
        'security: [{basic: []}]',
        'paths:',
        '  /me: {get: {operationId: me, responses: {"200": {description: ok}}}}',
        '  /pets/{id}: {$ref: "paths/pet.yaml"}',
      ].join('\n'),
      'paths/pet.yaml': [
        'parameters: [{name: id, in: path, required: true, schema: {type: integer}}]',
        'get:',
        '  operationId: getPet',
        '  summary: Get a pet',
        '  responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "../schemas.yaml#/Pet"}}}}}',
      ].join('\n'),
      'schemas.yaml':
        'Pet: {type: object, properties: {name: {type: string}, tags: {type: array, items: {type: string}}}}\n',
    });
    const result = await importFile(join(dir, 'api.yaml'), { operations: ['getPet'] });
    expectValidAndBuilds(result);
    const [action] = result.spec.actions;
    expect(action).toMatchObject({
      name: 'Get Pet',
      inputs: [{ key: 'id', type: 'number', required: true }],
      request: { method: 'GET', path: '/pets/${inputs.id}' },
    });
    expect(action!.outputs!.map((o) => [o.key, o.type, o.list ?? false])).toEqual([
      ['name', 'text', false],
      ['tags', 'text', true],
      ['response', 'object', false],
    ]);
    expect(result.spec.authping.request).toEqual({ method: 'GET', path: '/me' });
  });
});
