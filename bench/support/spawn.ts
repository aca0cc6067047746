import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const rssHook = fileURLToPath(new URL('./report-rss.mjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'oc-bench-'));
let counter = 0;

export interface Timed {
  ms: number;
  peakRssMiB: number;
  /** User + system CPU time of the child (NaN when measured bare, without the hook). */
  cpuMs: number;
  code: number;
}

/**
 * Runs `node <args>` to completion and measures wall time and the child's peak RSS. `{ bare: true }` loads nothing
 * into the child (no RSS hook), for ratios against `node -e 0` where even a small preloaded module would count.
 */
export function timeNode(args: readonly string[], cwd = repoRoot, { bare = false } = {}): Promise<Timed> {
  const rssFile = join(scratch, `rss-${counter++}`);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, bare ? [...args] : ['--import', rssHook, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, OC_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let kib = NaN;
      let cpuMs = NaN;
      try {
        const [rss, cpu] = readFileSync(rssFile, 'utf8').split(' ');
        kib = Number(rss);
        cpuMs = Number(cpu) / 1000;
      } catch {
        /* the child died before its exit hook ran */
      }
      if (code !== 0 && code !== 1)
        reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms, peakRssMiB: kib / 1024, cpuMs, code: code ?? 0 });
    });
  });
}

export function scratchDir(): string {
  return scratch;
}
