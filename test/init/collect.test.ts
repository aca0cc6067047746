import { describe, expect, it } from 'vitest';
import { collectAnswers } from '../../src/init/collect.js';
import { InvalidAnswersError, MissingAnswersError } from '../../src/init/errors.js';
import { ScriptedPrompter } from '../../src/init/prompter.js';

describe('collectAnswers, interactive', () => {
  it('asks every question not answered by a flag, in a sensible order, with derived defaults', async () => {
    const prompter = new ScriptedPrompter({
      'display-name': 'Acme CRM',
      'base-url': 'https://api.acme.example/v1/',
      auth: 'custom',
      'auth-placement': 'header',
      'auth-name': 'X-Api-Key',
      'param.add': [true, true, false],
      'param.key': ['subdomain', 'region'],
      'param.label': ['Subdomain', 'Region'],
      'param.type': ['text', 'text'],
      'param.required': [true, false],
      action: 'Get Contact',
      method: 'GET',
      path: '/contacts/${inputs.id}',
    });
    const answers = await collectAnswers({}, { prompter });
    expect(prompter.asked).toEqual([
      'display-name',
      'name',
      'description',
      'support-email',
      'base-url',
      'auth',
      'auth-placement',
      'auth-name',
      'auth-value',
      'param.add',
      'param.key',
      'param.label',
      'param.type',
      'param.required',
      'param.add',
      'param.key',
      'param.label',
      'param.type',
      'param.required',
      'param.add',
      'action',
      'method',
      'path',
    ]);
    expect(prompter.unused()).toEqual([]);
    expect(answers).toEqual({
      name: 'acme_crm',
      displayName: 'Acme CRM',
      description: 'Okta Workflows connector for Acme CRM.',
      supportEmail: 'support@example.com',
      baseUrl: 'https://api.acme.example/v1',
      auth: { type: 'custom', placement: 'header', name: 'X-Api-Key', value: '${connection.apiKey}' },
      params: [
        { key: 'subdomain', label: 'Subdomain', type: 'text', required: true },
        { key: 'region', label: 'Region', type: 'text', required: false },
      ],
      action: { name: 'Get Contact', method: 'GET', path: '/contacts/${inputs.id}' },
    });
  });

  it('re-asks invalid answers (Okta action-name rule, machine name, duplicate parameter key)', async () => {
    const prompter = new ScriptedPrompter({
      'display-name': 'Acme',
      name: ['Acme-CRM', 'acme'],
      'base-url': ['api.acme.example', 'https://api.acme.example'],
      'param.add': [true, true, false],
      'param.key': ['region', 'region', 'tenant'],
      action: ['Get-Contact', 'Custom API Action', 'Get Contact'],
    });
    const answers = await collectAnswers({}, { prompter });
    expect(answers.name).toBe('acme');
    expect(answers.action.name).toBe('Get Contact');
    expect(answers.params.map((p) => p.key)).toEqual(['region', 'tenant']);
    expect(prompter.rejected.map((r) => [r.id, r.value])).toEqual([
      ['name', 'Acme-CRM'],
      ['base-url', 'api.acme.example'],
      ['param.key', 'region'],
      ['action', 'Get-Contact'],
      ['action', 'Custom API Action'],
    ]);
    expect(prompter.rejected.find((r) => r.id === 'action')?.problem).toMatch(/CBDE000003H/);
  });

  it('skips questions answered by flags and asks OAuth 2.0 questions for oauth2', async () => {
    const prompter = new ScriptedPrompter({
      'grant-type': 'authorization_code',
      'authorize-url': 'https://auth.acme.example/authorize',
      'token-url': 'https://auth.acme.example/token',
      scopes: 'read, write',
      'param.add': false,
    });
    const answers = await collectAnswers(
      {
        name: 'acme',
        baseUrl: 'https://api.acme.example',
        auth: 'oauth2',
        action: 'List Deals',
        method: 'GET',
        path: '/deals',
      },
      { prompter },
    );
    expect(prompter.asked).toEqual([
      'display-name',
      'description',
      'support-email',
      'grant-type',
      'authorize-url',
      'token-url',
      'scopes',
      'param.add',
    ]);
    expect(answers.displayName).toBe('Acme');
    expect(answers.auth).toEqual({
      type: 'oauth2',
      grantType: 'authorization_code',
      authorizeUrl: 'https://auth.acme.example/authorize',
      tokenUrl: 'https://auth.acme.example/token',
      scopes: ['read', 'write'],
    });
  });

  it('reports invalid flags before asking anything', async () => {
    const prompter = new ScriptedPrompter({});
    await expect(collectAnswers({ action: 'Send-Message', name: 'Bad Name' }, { prompter })).rejects.toThrow(
      InvalidAnswersError,
    );
    expect(prompter.asked).toEqual([]);
  });
});

describe('collectAnswers, non-interactive', () => {
  it('uses flags and defaults and never prompts', async () => {
    const answers = await collectAnswers({ baseUrl: 'https://api.acme.example' }, { dirName: 'acme-crm' });
    expect(answers).toMatchObject({
      name: 'acme_crm',
      displayName: 'Acme Crm',
      auth: { type: 'basic', usernameLabel: 'Username', passwordLabel: 'Password' },
      params: [],
      action: { name: 'Get Item', method: 'GET', path: '/items/${inputs.id}' },
    });
    const post = await collectAnswers({ name: 'acme', baseUrl: 'https://a.example', method: 'POST' }, {});
    expect(post.action.path).toBe('/items');
  });

  it('names every missing flag that has no default', async () => {
    const missing = await collectAnswers({ auth: 'oauth2' }, {}).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(MissingAnswersError);
    expect((missing as MissingAnswersError).flags).toEqual([
      '--name (or --display-name, or a [dir] to take the name from)',
      '--base-url',
      '--authorize-url',
      '--token-url',
    ]);
    const underivable = await collectAnswers({ displayName: '日本', baseUrl: 'https://a.example' }, {}).catch(
      (e: unknown) => e,
    );
    expect((underivable as MissingAnswersError).flags).toEqual(['--name (none can be derived from "日本")']);
  });

  it('lists every invalid flag with its name', async () => {
    const error = await collectAnswers(
      { name: 'ok_name', baseUrl: 'http//x', action: 'A/B', path: 'no-slash', supportEmail: 'nobody' },
      {},
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidAnswersError);
    expect((error as InvalidAnswersError).problems.map((p) => p.split(':')[0])).toEqual([
      '--support-email',
      '--base-url',
      '--action',
      '--path',
    ]);
  });
});

describe('collectAnswers, a session token from a token request (flags only)', () => {
  it('makes the Session Token the default auth value and keeps the token path', async () => {
    const answers = await collectAnswers(
      {
        displayName: 'Acme',
        baseUrl: 'https://api.acme.example',
        auth: 'custom',
        sessionPath: '/oauth/session',
        sessionValue: 'data.token',
      },
      { flagsOnly: true },
    );
    expect(answers.auth).toEqual({
      type: 'custom',
      placement: 'header',
      name: 'Authorization',
      value: 'Bearer ${connection.sessionToken}',
      session: { path: '/oauth/session', value: 'data.token' },
    });
  });

  it('refuses a token path that is not a path, and a value that is not a dot path', async () => {
    await expect(
      collectAnswers(
        {
          displayName: 'Acme',
          baseUrl: 'https://api.acme.example',
          auth: 'custom',
          sessionPath: 'oauth session',
          sessionValue: 'data..token',
        },
        { flagsOnly: true },
      ),
    ).rejects.toThrow(InvalidAnswersError);
  });
});
