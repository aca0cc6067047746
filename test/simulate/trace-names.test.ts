import { describe, expect, it } from 'vitest';
import { withSpec } from '../spec/helpers.js';
import { runBuilt } from '../generate/run-action.js';

describe('trace names', () => {
  it('names hidden path cards by the field a person drags, never by a raw card id', async () => {
    const spec = withSpec(() => {});
    const { result } = await runBuilt(spec, 'Send Message', { from: 'f', to: 't' });
    const names = result.trace.flatMap((e) => (e.type === 'card' ? [e.card] : []));
    const paths = names.filter((n) => n.startsWith('Path: '));
    expect(paths).toContain('Path: Helper Flow › Connection › username, password, accountId');
    expect(paths.some((n) => n.startsWith('Path: Call httpHelper › body › ') && n.includes('id'))).toBe(true);
    const uuids = result.trace.flatMap((e) => (e.type === 'card' ? [e.uuid] : []));
    for (const n of names) expect(uuids).not.toContain(n);
  });
});
