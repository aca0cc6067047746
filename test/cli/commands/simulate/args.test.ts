import { describe, it, expect } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  collectPairs,
  looseJson,
  parseKeyValue,
  readObjectArg,
} from '../../../../src/cli/commands/simulate/args.js';
import { DiagnosticsError, UsageError } from '../../../../src/errors.js';

describe('--input key=value', () => {
  it('parses JSON-looking values and keeps the rest as text', () => {
    expect(looseJson('3')).toBe(3);
    expect(looseJson('true')).toBe(true);
    expect(looseJson('{"a":1}')).toEqual({ a: 1 });
    expect(looseJson('[1,2]')).toEqual([1, 2]);
    expect(looseJson('+14155550100')).toBe('+14155550100');
    expect(looseJson('hi there')).toBe('hi there');
    expect(looseJson('{not json')).toBe('{not json');
  });
  it('splits at the first =, so values may contain =', () => {
    expect(parseKeyValue('body=a=b', '--input')).toEqual(['body', 'a=b']);
    expect(parseKeyValue('Relative URL=/x', '--input')).toEqual(['Relative URL', '/x']);
  });
  it('rejects a missing key or =, and repeated keys', () => {
    expect(() => parseKeyValue('body', '--input')).toThrow(UsageError);
    expect(() => parseKeyValue('=x', '--input')).toThrow(/key=value/);
    expect(() => collectPairs(['a=1', 'a=2'], '--input')).toThrow(/more than once/);
    expect(collectPairs(['a=1', 'b=x'], '--input')).toEqual({ a: 1, b: 'x' });
  });
});

describe('--input-file', () => {
  it('reads JSON from stdin with @-', async () => {
    const v = await readObjectArg('@-', '--input-file', '/', async () => '{"to":"+1","body":"hi"}');
    expect(v).toEqual({ to: '+1', body: 'hi' });
  });
  it('reads a YAML file and reports bad content with its location', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oc-args-'));
    await writeFile(join(dir, 'in.yaml'), 'to: "+1"\nbody: hi\n');
    expect(await readObjectArg('in.yaml', '--input-file', dir, async () => '')).toEqual({
      to: '+1',
      body: 'hi',
    });
    await writeFile(join(dir, 'bad.json'), '{"to": }');
    await expect(readObjectArg('bad.json', '--input-file', dir, async () => '')).rejects.toBeInstanceOf(
      DiagnosticsError,
    );
    await writeFile(join(dir, 'list.json'), '[1]');
    await expect(readObjectArg('list.json', '--input-file', dir, async () => '')).rejects.toThrow(/object/);
  });
});
