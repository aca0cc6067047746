import { stringify } from 'yaml';
import type { RecordedRequest } from '../mock/http/record.js';
import { flowLabel, type TargetFlow } from '../run/target.js';
import type { FlowResult } from '../simulate/types.js';

/** Values that differ on every run: they are recorded as patterns, not as the values seen. */
const VOLATILE: Array<[RegExp, string]> = [
  [/^(SM|MM)[0-9a-f]{32}$/, '^(SM|MM)[0-9a-f]{32}$'],
  [/^RQ[0-9a-f]{32}$/, '^RQ[0-9a-f]{32}$'],
  [
    /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/,
    '^\\w{3}, \\d{2} \\w{3} \\d{4} [\\d:]{8} \\+0000$',
  ],
  [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, '^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z$'],
];

function generalize(value: unknown, replace: (s: string) => string): unknown {
  if (typeof value === 'string') {
    const volatile = VOLATILE.find(([re]) => re.test(value));
    return volatile ? { match: volatile[1] } : replace(value);
  }
  if (Array.isArray(value)) return value.map((v) => generalize(v, replace));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, generalize(v, replace)]));
  }
  return value;
}

export interface RecordInput {
  flow: Pick<TargetFlow, 'kind' | 'name' | 'action'>;
  options: Record<string, unknown>;
  inputs: Record<string, unknown>;
  result: FlowResult;
  /** What the embedded mock saw during the run. */
  requests: readonly RecordedRequest[];
  /** The connection's non-secret values (e.g. accountSid), written back as `${connection.<key>}` placeholders. */
  connectionIds: Record<string, string>;
  /**
   * A run recorded as a cassette (`--base-url`): the cassette's path relative to the scenario, which the scenario
   * replays as its mock (it checks every request strictly, so no `expect.requests` is written), and the cassette's
   * masking, applied to every value written so the scenario hides what the cassette hides.
   */
  cassette?: { path: string; mask: (text: string) => string };
}

/**
 * `simulate --save-scenario`: turns a run against the embedded mock (or, through its cassette, any server) into a
 * scenario file for `okta-connector test`, so a checked-by-hand run becomes a regression test. Run-specific values (SIDs, dates) become patterns, the
 * connection's identifiers become placeholders, and no credential is written.
 */
export function recordScenario(r: RecordInput): string {
  const ids = Object.entries(r.connectionIds).filter(([, v]) => v.length >= 6);
  const mask = r.cassette?.mask ?? ((s: string) => s);
  const replace = (s: string) =>
    ids.reduce((text, [k, v]) => text.split(v).join(`\${connection.${k}}`), mask(s));
  const expect: Record<string, unknown> = r.result.ok
    ? { outputs: generalize(r.result.outputs, replace) }
    : {
        error: {
          ...(r.result.error.statusCode !== undefined ? { statusCode: r.result.error.statusCode } : {}),
          message: replace(r.result.error.message),
        },
      };
  if (!r.cassette)
    expect.requests = r.requests.map((q) =>
      generalize(
        {
          method: q.method,
          path: q.path,
          ...(Object.keys(q.query).length ? { query: q.query } : {}),
          ...(q.form && Object.keys(q.form).length ? { form: q.form } : {}),
          status: q.status,
        },
        replace,
      ),
    );
  const scenario = {
    name: `${r.flow.name} (recorded)`,
    ...(r.flow.kind === 'authping' ? { authping: true } : { action: flowLabel(r.flow) }),
    ...(Object.keys(r.options).length ? { options: maskDeep(r.options, mask) } : {}),
    ...(Object.keys(r.inputs).length ? { inputs: maskDeep(r.inputs, mask) } : {}),
    // Replayed with the recorded identifiers (they are in the cassette's paths); secrets become placeholders.
    ...(r.cassette && Object.keys(r.connectionIds).length
      ? { connection: Object.fromEntries(Object.entries(r.connectionIds).filter(([, v]) => mask(v) === v)) }
      : {}),
    ...(r.cassette ? { mock: { cassette: r.cassette.path } } : {}),
    expect,
  };
  const head = r.cassette
    ? `# Recorded by \`okta-connector simulate --save-scenario\`; replays ${r.cassette.path} offline. Run it with \`okta-connector test\`.\n`
    : '# Recorded by `okta-connector simulate --save-scenario` against the embedded mock; run it with `okta-connector test`.\n';
  return head + stringify(scenario, { lineWidth: 0 });
}

function maskDeep<T>(value: T, mask: (s: string) => string): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => maskDeep(v, mask)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, mask)])) as T;
  return value;
}
