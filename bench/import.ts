import { readFileSync, writeFileSync } from 'node:fs';
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

const TWILIO = 'test/fixtures/openapi/twilio/twilio_api_v2010.json';
const DESCRIPTIONS = [
  { name: 'twilio', file: TWILIO, operations: 197 },
  { name: 'slack', file: 'connectors/slack/openapi/slack_web_openapi_v2.json', operations: 174 },
];

/**
 * A GitHub-sized description (GitHub's REST API has about 1,000 operations; it is not vendored): Twilio's paths
 * five times over under `/copyN` prefixes with unique operationIds and summaries, so 985 real-world operations.
 */
function githubSizedDescription(copies = 5): { name: string; file: string; operations: number } {
  const twilio = JSON.parse(readFileSync(TWILIO, 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string; summary?: string }>>;
  };
  const paths: typeof twilio.paths = {};
  let operations = 0;
  for (let copy = 1; copy <= copies; copy++) {
    for (const [path, item] of Object.entries(twilio.paths)) {
      const renamed = structuredClone(item);
      for (const [method, op] of Object.entries(renamed)) {
        if (!['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(method)) continue;
        op.operationId = `${op.operationId ?? method}Copy${copy}`;
        op.summary = `${op.summary ?? op.operationId} copy ${copy}`;
        operations++;
      }
      paths[`/copy${copy}${path}`] = renamed;
    }
  }
  const file = join(scratchDir(), 'github-sized.json');
  writeFileSync(file, JSON.stringify({ ...twilio, paths }));
  return { name: 'github-sized (synthetic)', file, operations };
}

/** `import openapi --all` on Twilio's and Slack's descriptions, then `build` of the result: whole processes, as users wait. */
export async function benchImport(runs = 5): Promise<ImportPoint[]> {
  const points: ImportPoint[] = [];
  for (const d of [...DESCRIPTIONS, githubSizedDescription()]) {
    const imports: number[] = [];
    const importRss: number[] = [];
    const builds: number[] = [];
    const buildRss: number[] = [];
    for (let i = 0; i < runs; i++) {
      const spec = join(scratchDir(), `import-${d.name.split(' ')[0]}-${i}.yaml`);
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
        join(scratchDir(), `import-build-${d.name.split(' ')[0]}-${i}`),
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
