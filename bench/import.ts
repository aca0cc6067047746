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
const SLACK = 'connectors/slack/openapi/slack_web_openapi_v2.json';
const DESCRIPTIONS = [
  { name: 'twilio', file: TWILIO, operations: 197 },
  { name: 'slack', file: SLACK, operations: 174 },
];

/**
 * A description `copies` times as large: its paths again under `/copyN` prefixes with unique operationIds and
 * summaries. GitHub's REST API has about 1,000 operations and is not vendored; Twilio's five times over (985
 * operations, form bodies with many optional fields) and Slack's six times over (1,044) stand in for it.
 */
function copiesOf(
  name: string,
  source: string,
  copies: number,
): { name: string; file: string; operations: number } {
  const description = JSON.parse(readFileSync(source, 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string; summary?: string }>>;
  };
  const paths: typeof description.paths = {};
  let operations = 0;
  for (let copy = 1; copy <= copies; copy++) {
    for (const [path, item] of Object.entries(description.paths)) {
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
  const file = join(scratchDir(), `${name.split(' ')[0]}.json`);
  writeFileSync(file, JSON.stringify({ ...description, paths }));
  return { name, file, operations };
}

/**
 * `import openapi --all` on Twilio's and Slack's descriptions and on each several times over, then `build` of the
 * result: whole processes, as users wait.
 */
export async function benchImport(runs = 5): Promise<ImportPoint[]> {
  const points: ImportPoint[] = [];
  const large = [
    copiesOf('github-sized (synthetic)', TWILIO, 5),
    copiesOf('slack-x6 (Slack six times)', SLACK, 6),
  ];
  for (const d of [...DESCRIPTIONS, ...large]) {
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
