import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINT_RULES, lintFile, lintFlopack } from '../../src/lint/index.js';
import { parseSource } from '../../src/source/document.js';

const FIXTURES = new URL('../fixtures/flopacks/', import.meta.url).pathname;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oc-lint-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lintFile', () => {
  it('reports with file, line and column of the offending value', async () => {
    const [d, ...rest] = await lintFile(`${FIXTURES}stale-ordering.flopack`, {
      displayName: 'stale.flopack',
    });
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'OC-FLOPACK-ORDERING',
      file: 'stale.flopack',
      line: 850,
      column: 8,
      where: 'flow "Send Greeting"',
    });
  });

  it('returns load failures as diagnostics', async () => {
    expect(await lintFile(join(dir, 'missing.flow'))).toMatchObject([
      { code: 'OC-SOURCE-READ', severity: 'error' },
    ]);
    const broken = join(dir, 'broken.flow');
    await writeFile(broken, '{"type": "flopack",\n  "data": {,}}');
    expect(await lintFile(broken)).toMatchObject([{ code: 'OC-SOURCE-SYNTAX', file: broken, line: 2 }]);
    await writeFile(join(dir, 'empty.flow'), '');
    expect(await lintFile(join(dir, 'empty.flow'))).toMatchObject([{ code: 'OC-SOURCE-EMPTY' }]);
  });

  it('accepts a YAML rendering of a flopack too (through the YAML loader)', async () => {
    const file = join(dir, 'doc.flopack');
    await writeFile(
      file,
      'type: flopack\nversion: 1.5.0\ncreated: x\nflags: {}\ndata:\n  flos: {}\n  configs: {}\n  tables: {}\n  groups: []\n',
    );
    expect(await lintFile(file)).toMatchObject([
      { code: 'OC-FLOPACK-TOP', pointer: '/data/groups', line: 9, column: 11 },
    ]);
  });
});

describe('lintFlopack', () => {
  it('adds positions from a SourceDocument and the file name', () => {
    const doc = parseSource('{\n "type": "flopack",\n "version": "x"\n}', 'x.flow');
    const found = lintFlopack(doc.data, { doc });
    const version = found.find((d) => d.pointer === '/version');
    expect(version).toMatchObject({ file: 'x.flow', line: 3, column: 13 });
  });

  it('is deterministic', () => {
    const data = {
      type: 'flopack',
      version: '1',
      data: { flos: { a: { name: 'x', data: { methods: [1] } } } },
    };
    expect(JSON.stringify(lintFlopack(data))).toBe(JSON.stringify(lintFlopack(structuredClone(data))));
  });
});

describe('LINT_RULES', () => {
  it('have unique codes, a description and CBDE codes as Okta spells them', () => {
    const codes = LINT_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of LINT_RULES) {
      expect(rule.code).toMatch(/^(OC-FLOPACK-[A-Z-]+|OC-CB-[A-Z-]+|CBDE00000[1-7]H)$/);
      expect(rule.description.length).toBeGreaterThan(10);
    }
    expect(codes.filter((c) => c.startsWith('CBDE')).sort()).toEqual([
      'CBDE000001H',
      'CBDE000003H',
      'CBDE000004H',
      'CBDE000005H',
      'CBDE000006H',
      'CBDE000007H',
    ]);
  });
});
