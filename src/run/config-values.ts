import { CONNECTION_INPUT_KEY, CONFIG_VALUE_FLOW, configValueFlowName } from '../connector/contract.js';
import type { Flopack } from '../flopack/types.js';
import { isSecretName, REDACTED, SecretScrubber } from '../simulate/redact.js';
import type { FlowResult, SimulateOptions, TraceEvent } from '../simulate/types.js';
import { allConfigValues, configValuesOf, selectedMethod } from '../spec/auth-types.js';
import type { ConfigValue, ConnectorSpec } from '../spec/types.js';
import type { Connection } from './connection.js';

/** The connection as the platform completes it, the values to keep out of traces, and what running it showed. */
export interface CompletedConnection {
  connection: Connection;
  secrets: string[];
  /** Keys of the secret config values: redacted by name in the flow's trace. */
  secretKeys: string[];
  trace: TraceEvent[];
  steps: number;
  /** A config value's helper flow failed: the run stops here, as a connection cannot be created. */
  failure?: Extract<FlowResult, { ok: false }>;
}

/**
 * What Connector Builder adds to a connection besides what the person entered (contract CONFIG_VALUE_FLOW), for
 * the method the connection uses: each static config value, and each value a config value's helper flow computes from the connection's
 * parameters. The platform runs those flows when a connection is created; a simulated run stands for a fresh
 * connection, so they run first, through the same transport as the flow (the mock or --base-url). A Password
 * config value, or one whose key names a secret, never reaches a trace: the helper flow's own events are scrubbed
 * of it before they are passed on.
 */
export async function completeConnection(args: {
  spec: ConnectorSpec;
  flopack: Flopack;
  connection: Connection;
  run: (
    floId: string,
    inputs: Record<string, unknown>,
    options: Partial<SimulateOptions>,
  ) => Promise<FlowResult>;
  onEvent?: (event: TraceEvent) => void;
}): Promise<CompletedConnection> {
  const connection: Connection = { ...args.connection };
  const secrets: string[] = [];
  const secretKeys: string[] = [];
  const trace: TraceEvent[] = [];
  let steps = 0;
  // Config values belong to a method: only those of the method the connection uses (its Selected Auth) are filled.
  for (const config of configValuesOf(selectedMethod(args.spec, connection))) {
    const secret = config.type === 'password' || isSecretName(config.key);
    if (secret) secretKeys.push(config.key);
    if (config.value !== undefined) {
      connection[config.key] = config.value;
      if (secret) secrets.push(config.value);
      continue;
    }
    if (!config.helperFlow) continue;
    const name = configValueFlowName(config.label);
    const flo = Object.values(args.flopack.data.flos).find((f) => f.name === name);
    if (!flo) continue; // not a flopack generated from this spec: nothing to run
    const result = await args.run(
      flo.id,
      {},
      {
        platformInputs: { [CONNECTION_INPUT_KEY]: { ...connection } },
        collectTrace: true,
        secrets,
        secretKeys,
      },
    );
    steps += result.steps;
    const value = result.ok ? result.outputs[CONFIG_VALUE_FLOW.output] : undefined;
    const text = value === undefined || value === null ? '' : String(value);
    const scrubber = new SecretScrubber();
    for (const k of secretKeys) scrubber.addSecretKey(k);
    if (secret) scrubber.add(text);
    for (const s of secrets) scrubber.add(s);
    for (const event of result.trace) {
      const clean = scrubber.scrub(event);
      trace.push(clean);
      args.onEvent?.(clean);
    }
    if (!result.ok) {
      return {
        connection,
        secrets,
        secretKeys,
        trace,
        steps,
        failure: {
          ...result,
          error: {
            ...result.error,
            message: `the connection's ${config.label} could not be computed (flow "${name}"): ${scrubber.text(result.error.message)}`,
          },
          trace,
          steps,
        },
      };
    }
    connection[config.key] = text;
    if (secret && text) secrets.push(text);
  }
  return { connection, secrets, secretKeys, trace, steps };
}

/** The config value a flow computes, when the flow is a config value's helper flow (by its contract name). */
export function configValueOfFlow(spec: ConnectorSpec, flowName: string): ConfigValue | undefined {
  return allConfigValues(spec).find(
    ({ config }) => config.helperFlow && configValueFlowName(config.label) === flowName,
  )?.config;
}

/**
 * A config value's helper flow run on its own (`simulate --flow "<Label> Config Value"`): a Password value, or
 * one with a secret-looking key, is redacted in its outputs and trace, as Connector Builder shows a Password
 * config value only redacted.
 */
export function maskConfigValueResult(config: ConfigValue, result: FlowResult): FlowResult {
  if (!result.ok || (config.type !== 'password' && !isSecretName(config.key))) return result;
  const value = result.outputs[CONFIG_VALUE_FLOW.output];
  const scrubber = new SecretScrubber();
  scrubber.add(value === undefined || value === null ? '' : String(value));
  return {
    ...result,
    outputs: { ...result.outputs, [CONFIG_VALUE_FLOW.output]: REDACTED },
    trace: result.trace.map((e) => scrubber.scrub(e)),
  };
}
