import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectorMetadata } from '../../../src/spec/rules/connector-metadata.js';
import { baseSpec, runRule, withSpec } from '../helpers.js';

describe('connector-metadata', () => {
  it('accepts an existing icon and described actions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oc-icon-'));
    writeFileSync(join(dir, 'icon.svg'), '<svg/>');
    expect(
      runRule(
        connectorMetadata,
        withSpec((s) => (s.icon = 'icon.svg')),
        dir,
      ),
    ).toEqual([]);
    expect(runRule(connectorMetadata, baseSpec())).toEqual([]);
  });

  it('rejects a missing icon and warns about an undescribed action', () => {
    const spec = withSpec((s) => {
      s.icon = 'missing.svg';
      s.actions[0]!.description = '';
    });
    expect(runRule(connectorMetadata, spec, tmpdir()).map((f) => [f.code, f.severity, f.pointer])).toEqual([
      ['OC-SPEC-ICON', 'error', '/icon'],
      ['OC-SPEC-DESCRIPTION', 'warning', '/actions/0/description'],
    ]);
  });
});
