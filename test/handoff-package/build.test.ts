import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildConnector, WRITE_AHEAD_ACTIONS } from '../../src/handoff-package/build.js';
import type { ConnectorSpec } from '../../src/spec/types.js';
import type { Manifest } from '../../src/handoff-package/manifest.js';
import { packagePath } from '../../src/util/paths.js';
import { baseSpec } from '../spec/helpers.js';
import { extractZip, listZip } from './zip-reader.js';
import { HOSTILE } from './helpers.js';
import { TWILIO_FLOW_KINDS } from '../helpers/twilio.js';

const root = mkdtempSync(join(tmpdir(), 'oc-handoff-'));
const twilioSpec = packagePath('connectors/twilio/connector.yaml');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of a spec in its own folder, with the output next to it. */
function workspace(name: string, spec: string | object): { spec: string; out: string } {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'connector.yaml');
  if (typeof spec === 'string') copyFileSync(spec, path);
  else writeFileSync(path, stringify(spec));
  return { spec: path, out: join(dir, 'dist') };
}

/** Every file under dir → its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    const full = join(dir, entry);
    if (statSync(full).isFile()) out.set(relative(dir, full).split(sep).join('/'), readFileSync(full));
  }
  return out;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('buildConnector (Twilio)', async () => {
  const ws = workspace('twilio', twilioSpec);
  const result = await buildConnector(ws.spec, { outDir: ws.out });
  const dir = join(ws.out, 'twilio');
  const files = snapshot(dir);
  const text = (p: string) => files.get(p)?.toString('utf8') ?? '';

  it('writes the flopack, build sheet, docs, manifest and zip', () => {
    expect(result.ok).toBe(true);
    expect(result.packageDir).toBe(dir);
    expect([...files.keys()].sort()).toEqual(result.files.map((f) => f.path));
    // Nothing written ahead is left behind (the flopack's partial file, the staged docs pages' folder).
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
    for (const p of [
      'twilio.flopack',
      'BUILD.md',
      'build.html',
      'docs/index.md',
      'docs/authorization.md',
      'docs/index.html',
      'manifest.json',
      'twilio-1.0.0.zip',
    ]) {
      expect(files.has(p), p).toBe(true);
    }
    for (const slug of [
      'send-message',
      'send-whatsapp',
      'send-message-via-messaging-service',
      'get-message',
      'list-messages',
      'delete-message',
      'custom-api-action',
    ]) {
      expect(text(`docs/actions/${slug}.md`), slug).toContain('version 1.0.0 of the Twilio connector');
    }
    expect(result.flows.map((f) => f.kind)).toEqual(TWILIO_FLOW_KINDS);
  });

  it('lists every artifact in manifest.json with its sha256 and size, and the spec by relative path', () => {
    const manifest = JSON.parse(text('manifest.json')) as Manifest;
    expect(manifest.tool.name).toBe('okta-connector');
    expect(manifest.connector).toEqual({ name: 'twilio', version: '1.0.0' });
    expect(manifest.spec).toEqual({ path: '../../connector.yaml', sha256: sha(readFileSync(ws.spec)) });
    const listed = manifest.artifacts.map((a) => a.path);
    expect(listed).toEqual([...listed].sort());
    expect(listed).toEqual(
      [...files.keys()].filter((p) => p !== 'manifest.json' && !p.endsWith('.zip')).sort(),
    );
    for (const a of manifest.artifacts) {
      const bytes = files.get(a.path) as Buffer;
      expect(a.sha256).toBe(sha(bytes));
      expect(a.bytes).toBe(bytes.length);
    }
    expect(text('manifest.json')).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });

  it('zips every other file under twilio/', () => {
    const entries = listZip(files.get('twilio-1.0.0.zip') as Buffer);
    const expected = [...files.keys()].filter((p) => !p.endsWith('.zip')).sort();
    expect(entries.map((e) => e.name)).toEqual(expected.map((p) => `twilio/${p}`));
    for (const e of entries) expect(e.size).toBe(files.get(e.name.slice('twilio/'.length))?.length);
  });

  it('gives identical bytes for every file, zip included, when built again or elsewhere', async () => {
    const again = await buildConnector(ws.spec, { outDir: ws.out });
    expect(again.ok).toBe(true);
    const other = workspace('twilio-again', twilioSpec);
    await buildConnector(other.spec, { outDir: other.out });
    for (const snap of [snapshot(dir), snapshot(join(other.out, 'twilio'))]) {
      expect([...snap.keys()]).toEqual([...files.keys()]);
      for (const [p, bytes] of files) expect(snap.get(p)?.equals(bytes), p).toBe(true);
    }
  });

  it('walks every flow of the flopack card by card in BUILD.md', () => {
    const md = text('BUILD.md');
    const flopack = JSON.parse(text('twilio.flopack')) as {
      data: { flos: Record<string, { name: string }> };
    };
    expect(md).toMatch(/^# Build sheet: Twilio 1\.0\.0$/m);
    expect(md).toContain('## Settings');
    expect(md).toContain('| Username | API Key SID |');
    expect(md).toContain('| Password | API Key Secret |');
    expect(md).toContain('| Account SID | `accountSid` | Text | Yes |');
    const sections = md.split(/^<a id="flow-\d+"><\/a>\n/m).slice(1);
    expect(sections).toHaveLength(Object.keys(flopack.data.flos).length);
    result.flows.forEach((flow, i) => {
      const section = sections[i] as string;
      expect(section.split('\n')[0]).toBe(`### ${flow.name.replace(/_/g, '\\_')}`);
      expect(section).toMatch(/```mermaid\nflowchart TD\n/);
      expect(section).toContain(`Cards, in order (${flow.cards}):`);
      const cards = section.match(/^\*\*\d+(\.\d+)*\. /gm) ?? [];
      expect(cards).toHaveLength(flow.cards);
      expect(section.match(/^ {2}n[0-9_]+\[/gm)).toHaveLength(flow.cards);
    });
    const sendMessage = sections.find((x) => x.startsWith('### Send Message\n'))!;
    expect(sendMessage).toContain('click **Action**');
    expect(sendMessage).toContain(
      '| From | Dropdown: Dynamic, choose the flow "Send Message From Values" | Yes |',
    );
    expect(sendMessage).toMatch(/choose the flow \*\*httpHelper\*\*/);
    expect(sections[1]).toContain('click **Authping**');
  });

  it('draws each flow in build.html as inline SVG with no script or external resource', () => {
    const html = text('build.html');
    expect(html.match(/<svg /g)).toHaveLength(result.flows.length);
    expect(html).not.toMatch(/<script|<link|src=|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)[^\s<"]*"/i);
  });

  it('--check passes on fresh output and names changed, missing and extra files without writing', async () => {
    expect((await buildConnector(ws.spec, { outDir: ws.out, check: true })).stale).toEqual({
      changed: [],
      missing: [],
      extra: [],
    });
    writeFileSync(join(dir, 'BUILD.md'), 'edited');
    rmSync(join(dir, 'docs/actions/get-message.md'));
    writeFileSync(join(dir, 'docs/notes.txt'), 'mine');
    const before = snapshot(dir);
    const check = await buildConnector(ws.spec, { outDir: ws.out, check: true });
    expect(check.ok).toBe(false);
    expect(check.stale).toEqual({
      changed: ['BUILD.md'],
      missing: ['docs/actions/get-message.md'],
      extra: ['docs/notes.txt'],
    });
    const after = snapshot(dir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [p, bytes] of before) expect(after.get(p)?.equals(bytes)).toBe(true);
    await buildConnector(ws.spec, { outDir: ws.out });
    rmSync(join(dir, 'docs/notes.txt'));
  });
});

describe('buildConnector writing the documents ahead (as they are made) or at the end', () => {
  /** The Twilio spec with its actions repeated under new names, past WRITE_AHEAD_ACTIONS. */
  const manyActions = (): object => {
    const twilio = parse(readFileSync(twilioSpec, 'utf8')) as ConnectorSpec;
    const count = WRITE_AHEAD_ACTIONS + 10;
    const actions = Array.from({ length: count }, (_, i) => ({
      ...twilio.actions[i % twilio.actions.length]!,
      name: `Copy ${'ABCDEFGHIJ'[Math.floor(i / 10)]}${'ABCDEFGHIJ'[i % 10]}`,
    }));
    return { ...twilio, name: 'many', actions };
  };

  for (const [name, spec] of [
    ['twilio', twilioSpec],
    ['many', manyActions()],
  ] as const) {
    it(`gives the same bytes both ways, and leaves nothing staged behind (${name})`, async () => {
      const ws = workspace(`ahead-${name}`, spec);
      const packages = [];
      for (const writeAhead of [true, false]) {
        const out = join(ws.out, String(writeAhead));
        const result = await buildConnector(ws.spec, { outDir: out, writeAhead });
        expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
        const dir = join(out, result.packageDir!.split(sep).pop()!);
        expect(readdirSync(dir).filter((entry) => entry.startsWith('.'))).toEqual([]);
        packages.push(snapshot(dir));
      }
      const [ahead, atTheEnd] = packages as [Map<string, Buffer>, Map<string, Buffer>];
      expect([...ahead.keys()]).toEqual([...atTheEnd.keys()]);
      for (const [path, bytes] of ahead) expect(bytes.equals(atTheEnd.get(path)!), path).toBe(true);
      // Each zip entry inflates to the file beside it (its deflated data was made ahead, piece by piece).
      const zipPath = [...ahead.keys()].find((p) => p.endsWith('.zip'))!;
      const root = zipPath.replace(/-[^-]*\.zip$/, '');
      for (const [entry, bytes] of extractZip(ahead.get(zipPath)!))
        expect(bytes.equals(ahead.get(entry.slice(root.length + 1))!), entry).toBe(true);
    });
  }
});

describe('buildConnector', () => {
  it('removes files of a previous build that the spec no longer produces, and nothing else', async () => {
    const spec = baseSpec();
    const ws = workspace('shrink', spec);
    await buildConnector(ws.spec, { outDir: ws.out });
    const dir = join(ws.out, 'acme');
    writeFileSync(join(dir, 'mine.txt'), 'keep me');
    spec.actions[0]!.name = 'Post Message';
    spec.version = '1.1.0';
    writeFileSync(ws.spec, stringify(spec));
    const result = await buildConnector(ws.spec, { outDir: ws.out });
    expect(result.removed).toEqual(['acme-1.0.0.zip', 'docs/actions/send-message.md']);
    expect(existsSync(join(dir, 'docs/actions/post-message.md'))).toBe(true);
    expect(existsSync(join(dir, 'acme-1.1.0.zip'))).toBe(true);
    expect(readFileSync(join(dir, 'mine.txt'), 'utf8')).toBe('keep me');
  });

  it('returns the diagnostics of an invalid spec and writes nothing', async () => {
    const spec = baseSpec() as unknown as Record<string, unknown>;
    delete spec.baseUrl;
    const ws = workspace('invalid', spec);
    const result = await buildConnector(ws.spec, { outDir: ws.out, displayName: 'connector.yaml' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.some((d) => d.severity === 'error' && d.file === 'connector.yaml')).toBe(true);
    expect(existsSync(ws.out)).toBe(false);
  });

  it('says which folder it cannot write, and why, when the output path runs through a file', async () => {
    const ws = workspace('through-a-file', baseSpec());
    writeFileSync(ws.out, 'a file where the output folder should be');
    await expect(buildConnector(ws.spec, { outDir: ws.out })).rejects.toMatchObject({
      name: 'UserError',
      message: expect.stringMatching(
        /^cannot write the package to .*dist[\\/]acme: a part of the path is a file/,
      ),
    });
    expect(readFileSync(ws.out, 'utf8')).toBe('a file where the output folder should be');
  });

  it.runIf(existsSync('/proc/self'))(
    'says so, and returns, where no folder can be made (Node 20 recursive mkdir loops forever in /proc)',
    async () => {
      const ws = workspace('in-proc', baseSpec());
      await expect(buildConnector(ws.spec, { outDir: '/proc/okta-connector-out' })).rejects.toMatchObject({
        name: 'UserError',
        message:
          'cannot write the package to /proc/okta-connector-out/acme: a file or folder cannot be made there (ENOENT)',
      });
    },
  );

  it('refuses to write a credential hard-coded in the spec into any artifact', async () => {
    const spec = baseSpec();
    spec.defaultHeaders = { Authorization: 'Bearer sk_live_do_not_ship' };
    const ws = workspace('credential', spec);
    const result = await buildConnector(ws.spec, { outDir: ws.out });
    expect(result.ok).toBe(false);
    // The spec rules catch it first; the build's own scan (credentials.test.ts) is the second line.
    expect(
      result.diagnostics.some((d) => d.code === 'OC-SPEC-LITERAL-SECRET' || d.code === 'OC-BUILD-CREDENTIAL'),
    ).toBe(true);
    expect(JSON.stringify(result)).not.toContain('sk_live_do_not_ship');
    expect(existsSync(ws.out)).toBe(false);
  });

  it('skips the zip with zip: false, and --check then ignores an old zip', async () => {
    const ws = workspace('nozip', baseSpec());
    await buildConnector(ws.spec, { outDir: ws.out });
    const result = await buildConnector(ws.spec, { outDir: ws.out, zip: false });
    expect(result.files.some((f) => f.path.endsWith('.zip'))).toBe(false);
    expect((await buildConnector(ws.spec, { outDir: ws.out, zip: false, check: true })).ok).toBe(true);
  });
});

describe('buildConnector with hostile text', async () => {
  const text = HOSTILE.join(' | ');
  const spec = baseSpec();
  spec.displayName = 'Acme "x" \\ {{danger}} </script> ü🚀\nz';
  spec.description = text;
  spec.authentication = {
    type: 'basic',
    username: { label: `User ${HOSTILE[3]}`, description: text },
    password: { label: 'Secret', description: text },
  };
  spec.connectionParameters![0]!.label = HOSTILE[4] as string;
  spec.connectionParameters![0]!.description = text;
  const action = spec.actions[0]!;
  action.description = text;
  action.options![0]!.label = HOSTILE[5] as string;
  action.options![0]!.description = text;
  action.inputs![0]!.label = HOSTILE[0] as string;
  action.inputs![0]!.description = text;
  action.outputs![0]!.label = HOSTILE[1] as string;
  const ws = workspace('hostile', spec);
  const result = await buildConnector(ws.spec, { outDir: ws.out });
  const files = snapshot(join(ws.out, 'acme'));
  const read = (p: string) => files.get(p)?.toString('utf8') ?? '';

  it('still builds valid JSON', () => {
    expect(result.ok).toBe(true);
    expect(() => JSON.parse(read('manifest.json'))).not.toThrow();
    expect(JSON.parse(read('acme.flopack')).data.groups).toBeTruthy();
  });

  it('shows the text in HTML as escaped text, never as markup or template code', () => {
    for (const page of ['build.html', 'docs/index.html']) {
      const html = read(page);
      expect(html, page).not.toMatch(/<script/i);
      expect(html, page).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html, page).toContain('{{danger}} and {{{raw}}}');
      expect(html, page).toContain('ünïcödé ✓ 日本語 🚀');
    }
  });

  it('shows the text in Markdown escaped, on one line', () => {
    for (const [p] of files) {
      if (!p.endsWith('.md')) continue;
      // Code spans and fences show their content literally; everywhere else the text must be escaped.
      const md = read(p)
        .replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '')
        .replace(/(`+)[\s\S]*?\1/g, '');
      expect(md, p).not.toMatch(/(^|[^\\])<\/?script/m);
      expect(md, p).not.toMatch(/(^|[^\\])\{\{danger/);
      expect(md, p).not.toMatch(/^line two/m);
    }
    expect(read('BUILD.md')).toContain('\\{\\{danger\\}\\} and \\{\\{\\{raw\\}\\}\\}');
  });
});
