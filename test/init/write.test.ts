import { mkdtemp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScaffoldFile } from '../../src/init/render.js';
import { isInside, writeScaffold } from '../../src/init/write.js';
import { UserError } from '../../src/errors.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'oc-init-write-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const files: ScaffoldFile[] = [
  { path: 'connector.yaml', content: 'spec\n', ifExists: 'refuse' },
  { path: 'tests/a.yaml', content: 'scenario\n', ifExists: 'refuse' },
  { path: '.github/workflows/connector.yml', content: 'ci\n', ifExists: 'refuse' },
  { path: 'package.json', content: '{}\n', ifExists: 'keep' },
];

async function listAll(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

describe('writeScaffold', () => {
  it('creates the folder and every file', async () => {
    const dir = join(root, 'new', 'acme');
    const result = await writeScaffold(dir, files, { force: false });
    expect(result).toEqual({ written: files.map((f) => f.path), kept: [] });
    expect(await readFile(join(dir, 'tests/a.yaml'), 'utf8')).toBe('scenario\n');
    expect(await listAll(dir)).toEqual([
      '.github',
      '.github/workflows',
      '.github/workflows/connector.yml',
      'connector.yaml',
      'package.json',
      'tests',
      'tests/a.yaml',
    ]);
  });

  it('refuses when any file exists, writing nothing, and lists the conflicts', async () => {
    await writeFile(join(root, 'connector.yaml'), 'mine\n');
    const error = await writeScaffold(root, files, { force: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /refusing to overwrite connector.yaml in .*nothing was written. Use --force/,
    );
    expect(await listAll(root)).toEqual(['connector.yaml']);
    expect(await readFile(join(root, 'connector.yaml'), 'utf8')).toBe('mine\n');
  });

  it("overwrites with --force but keeps a project's own package.json", async () => {
    await writeFile(join(root, 'connector.yaml'), 'mine\n');
    await writeFile(join(root, 'package.json'), '{"name":"mine"}\n');
    const result = await writeScaffold(root, files, { force: true });
    expect(result.kept).toEqual(['package.json']);
    expect(await readFile(join(root, 'connector.yaml'), 'utf8')).toBe('spec\n');
    expect(await readFile(join(root, 'package.json'), 'utf8')).toBe('{"name":"mine"}\n');
  });

  it('will not write through a symlinked folder, even with --force', async () => {
    const outside = join(root, 'outside');
    await mkdir(outside);
    const dir = join(root, 'acme');
    await mkdir(dir);
    await symlink(outside, join(dir, 'tests'));
    await expect(writeScaffold(dir, files, { force: true })).rejects.toThrow(
      /tests \(a symlink or special file\) is in the way/,
    );
    expect(await readdir(outside)).toEqual([]);
  });

  it('refuses a target that is a file, or a folder where a file goes', async () => {
    await writeFile(join(root, 'file'), 'x');
    await expect(writeScaffold(join(root, 'file'), files, { force: true })).rejects.toThrow(
      /exists and is not a folder/,
    );
    await mkdir(join(root, 'd', 'connector.yaml'), { recursive: true });
    await expect(writeScaffold(join(root, 'd'), files, { force: true })).rejects.toThrow(
      /connector.yaml \(a folder\)/,
    );
  });

  it('rolls back what it created when a write fails', async () => {
    const dir = join(root, 'acme');
    // A leftover temporary file makes the exclusive create of the last file fail after the others were written.
    await mkdir(join(dir, '.github', 'workflows'), { recursive: true });
    await writeFile(join(dir, '.github', 'workflows', '.connector.yml.okta-connector-init.tmp'), 'stale');
    await expect(writeScaffold(dir, files, { force: false })).rejects.toThrow(
      /could not write .*EEXIST.*nothing was written/,
    );
    expect(await listAll(dir)).toEqual(['.github', '.github/workflows']);
  });

  it('refuses paths that would leave the folder', async () => {
    for (const path of ['../x', 'a/../../x', '/etc/x', 'a\0b', '']) expect(isInside(root, path)).toBe(false);
    expect(isInside(root, 'tests/a.yaml')).toBe(true);
    await expect(
      writeScaffold(root, [{ path: '../escape', content: '', ifExists: 'refuse' }], { force: true }),
    ).rejects.toThrow(/escapes/);
    expect(await readdir(join(root, '..'))).not.toContain('escape');
  });
});
