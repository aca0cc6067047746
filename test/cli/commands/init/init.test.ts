import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toolVersion } from '../../../../src/cli/program.js';
import { run } from '../../../../src/cli/run.js';
import type { InitIo } from '../../../../src/cli/commands/init/index.js';
import { ScriptedPrompter, type Prompter } from '../../../../src/init/prompter.js';
import { parseScenario } from '../../../../src/scenario/load.js';
import { fakeIo } from '../../../helpers/fake-io.js';

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'oc-init-cli-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

/** A prompter that fails the test if anything is asked. */
const noPrompts: Prompter = {
  text: async (q) => Promise.reject(new Error(`prompted for ${q.id}`)),
  select: async (q) => Promise.reject(new Error(`prompted for ${q.id}`)),
  confirm: async (q) => Promise.reject(new Error(`prompted for ${q.id}`)),
};

function io(options: { interactive?: boolean; env?: NodeJS.ProcessEnv; prompter?: Prompter } = {}) {
  const base = fakeIo({ cwd, env: options.env });
  const result: ReturnType<typeof fakeIo> & InitIo = { ...base, interactive: options.interactive ?? false };
  result.prompter = options.prompter ?? noPrompts;
  return result;
}

async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

const BASE = ['--base-url', 'https://api.acme.example/v1'];

describe('okta-connector init (non-interactive)', () => {
  it('writes the scaffold into ./<name>, lists the files and the next commands', async () => {
    const t = io();
    expect(await run(['init', '--name', 'acme', '--yes', ...BASE], t)).toBe(0);
    expect(await tree(join(cwd, 'acme'))).toEqual([
      '.github/workflows/connector.yml',
      '.gitignore',
      'README.md',
      'connector.yaml',
      'package.json',
      'tests/get-item.yaml',
    ]);
    const out = t.out();
    expect(out).toContain('Created the Acme connector in acme:');
    expect(out).toContain('  tests/get-item.yaml');
    expect(out).toContain(
      `Next:\n  cd acme\n  npm install\n  npx okta-connector@${toolVersion()} validate connector.yaml`,
    );
    expect(t.err()).toBe('');
  });

  it('writes a spec that `okta-connector validate` accepts and a scenario the loader accepts', async () => {
    const args = [
      'init',
      'acme',
      '--display-name',
      'Acme CRM',
      '--auth',
      'custom',
      '--param',
      'region:Region',
      '--base-url',
      'https://${connection.subdomain}.acme.example/${connection.region}',
      '--action',
      'Create Contact',
      '--method',
      'post',
      '--path',
      '/contacts',
    ];
    expect(await run(args, io())).toBe(0);
    const v = fakeIo({ cwd: join(cwd, 'acme') });
    expect(await run(['validate', 'connector.yaml'], v)).toBe(0);
    const spec = parse(await readFile(join(cwd, 'acme', 'connector.yaml'), 'utf8'));
    expect(spec.name).toBe('acme_crm');
    expect(spec.authentication).toEqual({
      type: 'custom',
      placement: 'header',
      name: 'Authorization',
      value: 'Bearer ${connection.apiKey}',
    });
    expect(spec.connectionParameters.map((p: { key: string }) => p.key)).toEqual([
      'region',
      'subdomain',
      'apiKey',
    ]);
    const scenarioText = await readFile(join(cwd, 'acme', 'tests', 'create-contact.yaml'), 'utf8');
    expect(parseScenario(scenarioText, 'tests/create-contact.yaml').expect.requests).toEqual([
      { method: 'POST', path: '/${connection.region}/contacts' },
    ]);
  });

  it('never prompts when CI is set, even on a TTY', async () => {
    const t = io({ interactive: true, env: { CI: 'true' } });
    expect(await run(['init', '--name', 'acme', ...BASE], t)).toBe(0);
  });

  it('exits 2 naming the missing flags', async () => {
    const t = io();
    expect(await run(['init', '--yes'], t)).toBe(2);
    expect(t.err()).toContain(
      'missing --name (or --display-name, or a [dir] to take the name from), --base-url',
    );
    expect(await readdir(cwd)).toEqual([]);
    const o = io();
    expect(
      await run(['init', 'acme', '--auth', 'oauth2', '--grant-type', 'client_credentials', ...BASE], o),
    ).toBe(2);
    expect(o.err()).toContain('missing --token-url');
  });

  it('exits 2 on unknown choices', async () => {
    const t = io();
    expect(await run(['init', 'acme', '--auth', 'kerberos', ...BASE], t)).toBe(2);
    expect(t.err()).toMatch(/--auth.*kerberos/);
    expect(await run(['init', 'acme', '--method', 'FETCH', ...BASE], io())).toBe(2);
  });

  it('exits 1 on invalid answers, naming each flag, and writes nothing', async () => {
    const t = io();
    const code = await run(
      ['init', '--name', '../evil', '--action', 'Send-Message', '--param', 'x y:Label', ...BASE],
      t,
    );
    expect(code).toBe(1);
    expect(t.err()).toContain('--param "x y:Label"');
    const u = io();
    expect(await run(['init', '--name', '../evil', '--action', 'Send-Message', ...BASE], u)).toBe(1);
    expect(u.err()).toMatch(/--name: "..\/evil" is not a valid machine name/);
    expect(u.err()).toMatch(/--action: "Send-Message" is not a valid action name.*CBDE000003H/);
    expect(await readdir(cwd)).toEqual([]);
    expect(await readdir(join(cwd, '..'))).not.toContain('evil');
  });

  it('rejects a folder argument with control characters', async () => {
    const t = io();
    expect(await run(['init', 'a\u0000b', '--name', 'acme', ...BASE], t)).toBe(2);
    expect(t.err()).toContain('a\\u0000b');
  });

  it('refuses to overwrite without --force (exit 1), overwrites with it', async () => {
    await mkdir(join(cwd, 'acme'));
    await writeFile(join(cwd, 'acme', 'README.md'), 'my notes\n');
    const t = io();
    expect(await run(['init', '--name', 'acme', ...BASE], t)).toBe(1);
    expect(t.err()).toMatch(/refusing to overwrite README.md in acme; nothing was written. Use --force/);
    expect(await tree(join(cwd, 'acme'))).toEqual(['README.md']);
    expect(await run(['init', '--name', 'acme', '--force', ...BASE], io())).toBe(0);
    expect(await readFile(join(cwd, 'acme', 'README.md'), 'utf8')).toContain(
      '# Acme connector for Okta Workflows',
    );
  });

  it('writes into the current folder with `init .`, keeping an existing package.json', async () => {
    await writeFile(join(cwd, 'package.json'), '{"name":"mine"}\n');
    const t = io();
    expect(await run(['init', '.', '--name', 'acme', ...BASE], t)).toBe(0);
    expect(await readFile(join(cwd, 'package.json'), 'utf8')).toBe('{"name":"mine"}\n');
    expect(t.out()).toContain('in the current folder');
    expect(t.out()).toContain('package.json (exists; left as it was)');
    expect(t.out()).not.toContain('cd ');
  });

  it('is deterministic: the same answers give the same bytes', async () => {
    await run(['init', 'one', '--name', 'acme', ...BASE], io());
    await run(['init', 'two', '--name', 'acme', ...BASE], io());
    for (const f of await tree(join(cwd, 'one'))) {
      expect(await readFile(join(cwd, 'two', f), 'utf8'), f).toBe(
        await readFile(join(cwd, 'one', f), 'utf8'),
      );
    }
  });

  it('keeps quotes, newlines and unicode in answers as data', async () => {
    const description = 'Line "one": yes\n- not a list\n# not a comment ünïcode';
    expect(
      await run(
        ['init', 'acme', '--display-name', 'O\'Brien "CRM"', '--description', description, ...BASE],
        io(),
      ),
    ).toBe(0);
    const spec = parse(await readFile(join(cwd, 'acme', 'connector.yaml'), 'utf8'));
    expect(spec.description).toBe(description);
    expect(spec.displayName).toBe('O\'Brien "CRM"');
    expect(spec.name).toBe('obrien_crm');
    const pkg = JSON.parse(await readFile(join(cwd, 'acme', 'package.json'), 'utf8'));
    expect(pkg.description).toBe(description);
    expect(await readFile(join(cwd, 'acme', 'README.md'), 'utf8')).toContain(
      '# O\'Brien "CRM" connector for Okta Workflows',
    );
  });
});

describe('the scaffold works with the other commands', () => {
  it('builds, and a simulated run sends the request its scenario expects', async () => {
    const args = [
      'init',
      'acme',
      '--param',
      'region:Region',
      '--base-url',
      'https://api.acme.example/v1/${connection.region}',
      '--action',
      'Get Contact',
      '--path',
      '/contacts/${inputs.contactId}',
    ];
    expect(await run(args, io())).toBe(0);
    const dir = join(cwd, 'acme');
    const b = fakeIo({ cwd: dir });
    expect(await run(['build', 'connector.yaml', '--out', 'dist', '--no-zip'], b)).toBe(0);
    expect(await readdir(join(dir, 'dist', 'acme'))).toContain('acme.flopack');

    const scenario = parseScenario(
      await readFile(join(dir, 'tests', 'get-contact.yaml'), 'utf8'),
      'get-contact.yaml',
    );
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.setHeader('content-type', 'application/json');
      res.end('{"id":"c1"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const s = fakeIo({ cwd: dir, env: { OKTA_CONNECTOR_CONNECTION: JSON.stringify(scenario.connection) } });
      const inputs = Object.entries(scenario.inputs)
        .map(([k, v]) => ['--input', `${k}=${String(v)}`])
        .flat();
      const code = await run(
        [
          'simulate',
          'connector.yaml',
          '--action',
          'Get Contact',
          ...inputs,
          '--base-url',
          `http://127.0.0.1:${port}`,
        ],
        s,
      );
      expect(code, s.err()).toBe(0);
      expect(JSON.parse(s.out())).toEqual({ statusCode: 200, body: { id: 'c1' } });
    } finally {
      await new Promise((r) => server.close(r));
    }
    const expected = scenario.expect.requests?.[0];
    const path = String(expected?.path).replace('${connection.region}', String(scenario.connection?.region));
    expect(seen).toEqual([`${String(expected?.method)} ${path}`]);
  });
});

describe('okta-connector init (interactive)', () => {
  it('asks for what flags did not answer, then writes', async () => {
    const prompter = new ScriptedPrompter({
      'display-name': 'Acme CRM',
      'base-url': 'https://api.acme.example',
      auth: 'basic',
      'username-label': 'Client ID',
      'param.add': false,
      action: 'List Deals',
      path: '/deals',
    });
    const t = io({ interactive: true, prompter });
    expect(await run(['init', '--support-email', 'help@acme.example'], t)).toBe(0);
    expect(prompter.asked).not.toContain('support-email');
    expect(prompter.unused()).toEqual([]);
    const spec = parse(await readFile(join(cwd, 'acme_crm', 'connector.yaml'), 'utf8'));
    expect(spec.authentication.username).toEqual({ label: 'Client ID' });
    expect(spec.authping.request).toEqual({ method: 'GET', path: '/deals' });
    expect(spec.supportEmail).toBe('help@acme.example');
  });

  it('--yes turns prompts off', async () => {
    expect(await run(['init', '--name', 'acme', '--yes', ...BASE], io({ interactive: true }))).toBe(0);
  });

  it('a cancelled prompt exits 1 and writes nothing', async () => {
    const cancel = Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
    const prompter: Prompter = { ...noPrompts, text: async () => Promise.reject(cancel) };
    const t = io({ interactive: true, prompter });
    expect(await run(['init'], t)).toBe(1);
    expect(t.err()).toContain('init cancelled; nothing was written');
    expect(await readdir(cwd)).toEqual([]);
  });
});

it('init --help lists every answer flag', async () => {
  const t = io();
  expect(await run(['init', '--help'], t)).toBe(0);
  for (const flag of [
    '--name',
    '--display-name',
    '--description',
    '--auth',
    '--username-label',
    '--password-label',
    '--base-url',
    '--param',
    '--action',
    '--method',
    '--path',
    '--yes',
    '--force',
    '--support-email',
  ]) {
    expect(t.out()).toContain(flag);
  }
});
