import type { Paint } from '../diagnostics/format.js';
import { noPaint } from '../diagnostics/format.js';
import { REDACTED, redactHttp, redactValues } from '../simulate/redact.js';
import type { FlowError, TraceEvent } from '../simulate/types.js';

/**
 * The error as Okta's execution history shows a failed card: `Error 400: <message>` when the failure carries an
 * HTTP status (Return Error If, an HTTP card's non-2xx), else the message alone; then where it happened.
 */
export function formatFlowError(error: FlowError): string {
  const head =
    error.statusCode !== undefined
      ? `Error ${error.statusCode}: ${error.message}`
      : `Error: ${error.message}`;
  const where = error.card
    ? `flow "${error.flow}", card "${error.card.name}" (${error.card.uuid})`
    : `flow "${error.flow}"`;
  return `${head}\n  at ${where}\n`;
}

/** Outputs as pretty JSON keyed by output key, or by label when `labels` maps keys to labels. */
export function formatOutputs(outputs: Record<string, unknown>, labels?: Record<string, string>): string {
  const shown = labels
    ? Object.fromEntries(Object.entries(outputs).map(([k, v]) => [labels[k] ?? k, v]))
    : outputs;
  return JSON.stringify(shown, null, 2) + '\n';
}

/** Trace events safe to write anywhere: HTTP headers and secret-named values redacted (again, defensively). */
export function redactTrace(events: readonly TraceEvent[]): TraceEvent[] {
  return events.map((e) => {
    switch (e.type) {
      case 'http':
        return {
          ...e,
          request: redactHttp(e.request),
          ...(e.response ? { response: redactHttp(e.response) } : {}),
        };
      case 'card':
        return { ...e, inputs: redactValues(e.inputs), outputs: redactValues(e.outputs) };
      case 'flow-start':
        return { ...e, inputs: redactValues(e.inputs) };
      case 'flow-end':
        return e.outputs ? { ...e, outputs: redactValues(e.outputs) } : e;
    }
  });
}

const MAX_VALUE = 60;

/** A readable card-by-card trace for stderr: card name, key inputs and outputs (truncated), time; HTTP exchanges. */
export function formatTrace(events: readonly TraceEvent[], paint: Paint = noPaint): string {
  const lines: string[] = [];
  // HTTP events carry no depth: they belong to the innermost flow running.
  const flows: number[] = [];
  for (const e of redactTrace(events)) {
    if (e.type === 'flow-start') {
      flows.push(e.depth);
      lines.push(`${pad(e.depth)}${paint.bold('▶')} ${paint.bold(e.flow)}`);
    } else if (e.type === 'flow-end') {
      flows.pop();
      const how = e.ok ? paint.green('returned') : paint.red(`failed: ${e.error?.message ?? ''}`);
      lines.push(`${pad(e.depth)}${paint.dim('◀')} ${e.flow} ${how}`);
    } else if (e.type === 'card') {
      lines.push(`${pad(e.depth + 1)}${paint.cyan('●')} ${e.card} ${paint.dim(ms(e.ms))}`);
      const ins = summarize(e.inputs);
      const outs = summarize(e.outputs);
      if (ins) lines.push(`${pad(e.depth + 2)}${paint.dim('in ')} ${ins}`);
      if (outs) lines.push(`${pad(e.depth + 2)}${paint.dim('out')} ${outs}`);
    } else {
      const indent = pad((flows[flows.length - 1] ?? 0) + 1);
      const r = e.request;
      const attempt = e.attempt > 1 ? paint.dim(` (attempt ${e.attempt})`) : '';
      lines.push(`${indent}${paint.yellow('→')} ${r.method} ${r.url}${attempt}`);
      if (e.artifactUrl) lines.push(`${indent}    ${paint.dim(`(the flow asked for ${e.artifactUrl})`)}`);
      for (const [k, v] of Object.entries(r.headers)) lines.push(`${indent}    ${k}: ${v}`);
      if (r.body) lines.push(`${indent}    ${truncate(r.body, 200)}`);
      if (e.response) {
        const s = e.response.status;
        const status = s >= 400 ? paint.red(String(s)) : paint.green(String(s));
        lines.push(
          `${indent}${paint.yellow('←')} ${status} ${paint.dim(ms(e.ms))} ${truncate(e.response.body, 200)}`,
        );
      } else {
        lines.push(`${indent}${paint.red('←')} no response ${paint.dim(ms(e.ms))}`);
      }
    }
  }
  return lines.join('\n') + '\n';
}

function ms(n: number): string {
  return `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
}

function pad(depth: number): string {
  return '  '.repeat(depth);
}

/** `key=value, ...` for the non-empty entries, each value truncated. */
function summarize(values: Record<string, unknown>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${truncate(typeof v === 'string' ? JSON.stringify(v) : safeJson(v), MAX_VALUE)}`)
    .join(', ');
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function truncate(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/**
 * Last line of defence: replaces every occurrence of the given secret values (and their Basic-auth and URL
 * encodings) in text about to be written to stdout, stderr or a trace file.
 */
export function scrubSecrets(
  text: string,
  connection: Record<string, unknown>,
  secretKeys: readonly string[],
): string {
  const secrets = new Set<string>();
  for (const key of secretKeys) {
    const v = connection[key];
    if (typeof v === 'string' && v.length >= 4) {
      secrets.add(v);
      secrets.add(encodeURIComponent(v));
    }
  }
  const user = connection.username;
  const pass = connection.password;
  if (typeof user === 'string' && typeof pass === 'string' && pass) {
    secrets.add(Buffer.from(`${user}:${pass}`).toString('base64'));
  }
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(REDACTED);
  return out;
}
