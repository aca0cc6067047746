import type { Io } from '../../io.js';
import { ExitCode } from '../../exit-codes.js';
import type { RecordedRequest } from '../../../mock/http/record.js';
import { packagePath } from '../../../util/paths.js';
import { mockConnection, startEmbeddedMock, type EmbeddedMock } from '../../../run/embedded-mock.js';
import { runTargetFlow } from '../../../run/execute.js';
import { formatFlowError, scrubSecrets } from '../../../run/format.js';
import { selectFlow } from '../../../run/select.js';
import { loadTarget, type Target } from '../../../run/target.js';

const FROM = '+15005550006';
const TO = '+14155550100';

/**
 * `okta-connector demo`: builds the bundled Twilio connector in memory, starts the embedded mock and runs Send
 * Message, the authping and Get Message, printing what happened. Needs no account and no configuration.
 */
export async function demoCli(io: Io): Promise<number> {
  const { paint } = io;
  const target = await loadTarget(packagePath('connectors/twilio/connector.yaml'), io.cwd);
  const connection = await mockConnection();
  const out = (s = '') => io.stdout.write(scrubSecrets(s, connection, ['password']) + '\n');
  const flowNames = target.flows.map((f) => f.name);
  out(
    paint.bold(`1. Built the ${target.spec?.displayName ?? 'Twilio'} connector in memory`) +
      ` from ${target.file}`,
  );
  out(`   ${flowNames.length} flows: ${flowNames.join(', ')}`);
  const mock = await startEmbeddedMock();
  try {
    out(
      paint.bold(`2. Started the mock Twilio at ${mock.url}`) +
        ` (account ${connection.accountSid}, API key ${connection.username})`,
    );
    const steps: Array<{ title: string; run: () => Promise<Record<string, unknown> | undefined> }> = [];
    let sid = '';
    steps.push({
      title: `3. Send Message from ${FROM} to ${TO}`,
      run: () =>
        runStep(
          io,
          target,
          mock,
          { action: 'Send Message' },
          { from: FROM },
          { to: TO, body: 'Hello from okta-connector' },
          connection,
        ),
    });
    steps.push({
      title: '4. _authping (the connection health check)',
      run: () => runStep(io, target, mock, { authping: true }, {}, {}, connection),
    });
    steps.push({
      title: '5. Get Message on the new SID',
      run: () => runStep(io, target, mock, { action: 'Get Message' }, {}, { sid }, connection),
    });
    for (const step of steps) {
      out();
      out(paint.bold(step.title));
      const seenBefore = mock.requests().length;
      const outputs = await step.run();
      for (const r of mock.requests().slice(seenBefore)) out(describeRequest(r));
      if (!outputs) return ExitCode.flowFailed;
      out(`   outputs: ${JSON.stringify(outputs)}`);
      if (typeof outputs.sid === 'string' && !sid) sid = outputs.sid;
    }
    out();
    out(paint.green('Done: the generated flows ran card by card against the mock.') + ' Next:');
    out('   okta-connector simulate connectors/twilio/connector.yaml --action "Send Message" \\');
    out(`       --option from=${FROM} --input to=${TO} --input body=hi --trace`);
    out('   okta-connector test connectors/twilio        # run the scenario suite');
    out('   okta-connector build connectors/twilio/connector.yaml   # write the flopack to import');
    return ExitCode.ok;
  } finally {
    await mock.close();
  }
}

async function runStep(
  io: Io,
  target: Target,
  mock: EmbeddedMock,
  choice: { action?: string; authping?: boolean },
  options: Record<string, unknown>,
  inputs: Record<string, unknown>,
  connection: Record<string, string>,
): Promise<Record<string, unknown> | undefined> {
  const flow = selectFlow(target, choice);
  const result = await runTargetFlow({ target, flow, options, inputs, connection, serverUrl: mock.url });
  if (result.ok) return result.outputs;
  io.stderr.write(
    scrubSecrets(`${io.paint.red('flow failed:')} ${formatFlowError(result.error)}`, connection, [
      'password',
    ]),
  );
  return undefined;
}

function describeRequest(r: RecordedRequest): string {
  const form = r.form ? ` ${new URLSearchParams(flatten(r.form)).toString()}` : '';
  const query = Object.keys(r.query).length ? `?${new URLSearchParams(flatten(r.query)).toString()}` : '';
  return `   the mock saw: ${r.method} ${r.path}${query}${form} (user ${r.authUser ?? '-'}) → ${r.status}`;
}

function flatten(o: Record<string, string | string[]>): Array<[string, string]> {
  return Object.entries(o).flatMap(([k, v]) =>
    Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v]],
  );
}
