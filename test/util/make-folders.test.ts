import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFolders } from '../../src/util/make-folders.js';

const root = mkdtempSync(join(tmpdir(), 'oc-make-folders-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('makeFolders (mkdir -p)', () => {
  it('makes the missing folders and returns the first one it made, as recursive mkdir does', () => {
    expect(makeFolders(join(root, 'a', 'b', 'c'))).toBe(join(root, 'a'));
    expect(statSync(join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
    expect(makeFolders(join(root, 'a', 'b', 'd'))).toBe(join(root, 'a', 'b', 'd'));
  });

  it('makes nothing, and returns nothing, when the folder is there', () => {
    expect(makeFolders(root)).toBeUndefined();
    expect(makeFolders(join(root, 'a', 'b'))).toBeUndefined();
  });

  it('fails with EEXIST where a file stands in the path', () => {
    writeFileSync(join(root, 'file'), 'x');
    expect(() => makeFolders(join(root, 'file', 'below'))).toThrow(
      expect.objectContaining({ code: 'EEXIST' }),
    );
    expect(existsSync(join(root, 'file', 'below'))).toBe(false);
  });

  it.runIf(existsSync('/proc/self'))(
    'fails with ENOENT, rather than looping, where no folder can be made',
    () => {
      expect(() => makeFolders('/proc/okta-connector/x')).toThrow(
        expect.objectContaining({ code: 'ENOENT' }),
      );
    },
  );
});
