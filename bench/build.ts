import { join } from 'node:path';
import { linearFit, median, range, round } from './support/stats.js';
import { scratchDir, timeNode } from './support/spawn.js';
import { writeSyntheticSpec } from './support/synthetic-spec.js';

export interface BuildPoint {
  actions: number;
  format: 'yaml' | 'json';
  ms: number;
  /** Min and max wall time of the runs. */
  msRange: [number, number];
  peakRssMiB: number;
  /** User + system CPU time: on a shared machine, the figure other load disturbs least. */
  cpuMs: number;
  /** `node -e 0`, run alternately with the builds (median): the floor the build is a ratio of. */
  floorMs: number;
}

export interface BuildResult {
  runs: number;
  twilio: BuildPoint;
  synthetic: BuildPoint[];
  /** The 1,000-action spec as YAML: the same build, plus the YAML parser's cost. */
  yaml1000: BuildPoint;
  /** The 1,000-action JSON build into the package it wrote before (an edit-and-rebuild loop), run by run beside it. */
  rebuild1000: BuildPoint;
  /** Milliseconds and MiB per extra action, and how straight the line is (R² near 1 = linear). */
  timeFit: { msPerAction: number; r2: number };
  memoryFit: { mibPerAction: number; r2: number };
  /** The regression guard (bench/run.ts): the 1,000-action JSON build as a ratio of `node -e 0`, and its peak RSS. */
  ratio1000: number;
  peakMiB1000: number;
}

/** Where a measured build writes: a folder of its own, or the package the run before it wrote. */
type BuildMode = 'fresh' | 'rebuild';

/**
 * `runs` builds of `spec` per mode, each run alternated with `node -e 0` and the modes taking turns first (so a
 * drift of the machine's speed hits them alike); one point per mode, in the order of `modes`.
 */
async function measure(
  spec: string,
  actions: number,
  runs: number,
  format: 'yaml' | 'json',
  modes: readonly BuildMode[] = ['fresh'],
): Promise<BuildPoint[]> {
  const samples = modes.map(() => ({ ms: [] as number[], rss: [] as number[], cpu: [] as number[] }));
  const floor: number[] = [];
  const buildInto = async (out: string) => {
    const t = await timeNode(['bin/okta-connector.js', 'build', spec, '--out', out]);
    if (t.code !== 0) throw new Error(`build of ${spec} failed`);
    return t;
  };
  const previous = join(scratchDir(), `rebuild-${actions}-${format}`);
  if (modes.includes('rebuild')) await buildInto(previous);
  for (let i = 0; i < runs; i++) {
    floor.push((await timeNode(['-e', '0'], undefined, { bare: true })).ms);
    const order = modes.map((_, m) => m);
    if (i % 2 === 1) order.reverse();
    for (const m of order) {
      const t = await buildInto(
        modes[m] === 'rebuild' ? previous : join(scratchDir(), `build-${actions}-${format}-${i}`),
      );
      samples[m]!.ms.push(t.ms);
      samples[m]!.rss.push(t.peakRssMiB);
      samples[m]!.cpu.push(t.cpuMs);
    }
  }
  return samples.map(({ ms, rss, cpu }) => ({
    actions,
    format,
    ms: round(median(ms)),
    msRange: range(ms),
    peakRssMiB: round(median(rss)),
    cpuMs: round(median(cpu)),
    floorMs: round(median(floor)),
  }));
}

/**
 * `okta-connector build` end to end (process start included, as a user waits for it) on the Twilio spec and on 10,
 * 100, 1,000 and 3,000 actions (and 1,000 again from YAML, and rebuilt into their own package): wall time and the
 * process's peak RSS, medians of `runs`.
 */
export async function benchBuild(runs = 5): Promise<BuildResult> {
  const [twilio] = await measure('connectors/twilio/connector.yaml', 6, runs, 'yaml');
  const synthetic: BuildPoint[] = [];
  let rebuild1000: BuildPoint | undefined;
  for (const n of [10, 100, 1000, 3000]) {
    // At 1,000 actions, also rebuilt into its package, side by side with the build into a new folder.
    const [fresh, again] = await measure(
      writeSyntheticSpec(n),
      n,
      runs,
      'json',
      n === 1000 ? ['fresh', 'rebuild'] : ['fresh'],
    );
    synthetic.push(fresh!);
    rebuild1000 ??= again;
  }
  const [yaml1000] = await measure(writeSyntheticSpec(1000, 'yaml'), 1000, runs, 'yaml');
  const guard = synthetic.find((p) => p.actions === 1000)!;
  const xs = synthetic.map((p) => p.actions);
  const time = linearFit(
    xs,
    synthetic.map((p) => p.ms),
  );
  const memory = linearFit(
    xs,
    synthetic.map((p) => p.peakRssMiB),
  );
  return {
    runs,
    twilio: twilio!,
    synthetic,
    yaml1000: yaml1000!,
    rebuild1000: rebuild1000!,
    timeFit: { msPerAction: round(time.slope, 3), r2: round(time.r2, 4) },
    memoryFit: { mibPerAction: round(memory.slope, 4), r2: round(memory.r2, 4) },
    ratio1000: round(guard.ms / guard.floorMs),
    peakMiB1000: guard.peakRssMiB,
  };
}
