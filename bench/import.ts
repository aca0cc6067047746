import { join } from 'node:path';
import { median, round } from './support/stats.js';
import { scratchDir, timeNode } from './support/spawn.js';

export interface ImportPoint {
  description: string;
  operations: number;
  importMs: number;
  importPeakRssMiB: number;
  buildMs: number;
  buildPeakRssMiB: number;
}

const DESCRIPTIONS = [
  { name: 'twilio', file: 'test/fixtures/openapi/twilio/twilio_api_v2010.json', operations: 197 },
  { name: 'slack', file: 'test/fixtures/openapi/slack/slack_web_openapi_v2.json', operations: 174 },
];

/** `import openapi --all` on Twilio's and Slack's descriptions, then `build` of the result: whole processes, as users wait. */
export async function benchImport(runs = 5): Promise<ImportPoint[]> {
  const points: ImportPoint[] = [];
  for (const d of DESCRIPTIONS) {
    const imports: number[] = [];
    const importRss: number[] = [];
    const builds: number[] = [];
    const buildRss: number[] = [];
    for (let i = 0; i < runs; i++) {
      const spec = join(scratchDir(), `import-${d.name}-${i}.yaml`);
      const imported = await timeNode([
        'bin/okta-connector.js',
        'import',
        'openapi',
        d.file,
        '--all',
        '--out',
        spec,
      ]);
      if (imported.code !== 0) throw new Error(`import of ${d.file} failed`);
      imports.push(imported.ms);
      importRss.push(imported.peakRssMiB);
      const built = await timeNode([
        'bin/okta-connector.js',
        'build',
        spec,
        '--out',
        join(scratchDir(), `import-build-${d.name}-${i}`),
      ]);
      if (built.code !== 0) throw new Error(`build of the spec imported from ${d.file} failed`);
      builds.push(built.ms);
      buildRss.push(built.peakRssMiB);
    }
    points.push({
      description: d.name,
      operations: d.operations,
      importMs: round(median(imports)),
      importPeakRssMiB: round(median(importRss)),
      buildMs: round(median(builds)),
      buildPeakRssMiB: round(median(buildRss)),
    });
  }
  return points;
}
