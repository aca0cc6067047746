import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { buildConnector } from '../../src/handoff-package/build.js';
import { baseSpec } from '../spec/helpers.js';
import { onlyFlo, sample } from './helpers.js';

// A generator bug stand-in: a real export whose ordering points at a card that does not exist (reference §1.11 rule 11).
vi.mock('../../src/generate/index.js', () => ({
  planConnector: () => {
    const { data, ...rest } = sample('send_sms_via_twilio.flopack');
    const flo = onlyFlo({ ...rest, data });
    flo.data.orderings.broken = ['IorXgQAeL', 'noSuchCard'];
    const flow = { kind: 'helper', name: flo.name, floId: flo.id };
    return { flows: [{ ...flow, build: () => flo }], envelope: { ...rest, data: { ...data, flos: {} } } };
  },
  generatedFlow: ({ build: _build, ...flow }: { build: unknown }) => flow,
}));

describe('buildConnector when the generated flopack fails lint', () => {
  it('fails, says it is a bug in okta-connector, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oc-handoff-lint-'));
    writeFileSync(join(dir, 'connector.yaml'), stringify(baseSpec()));
    const result = await buildConnector(join(dir, 'connector.yaml'), { outDir: join(dir, 'dist') });
    expect(result.ok).toBe(false);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((d) => d.file === 'acme.flopack' && /bug in okta-connector/.test(d.hint ?? ''))).toBe(
      true,
    );
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
