import { UserError } from '../errors.js';
import { parseTemplate } from '../spec/placeholders.js';
import type { Action, ConnectorSpec } from '../spec/types.js';

/**
 * The Twilio request a telephony flow sends, read from the connector spec's "Send WhatsApp" / "Send Message"
 * actions: base URL + path, headers, and the form fields with `${inputs.to}` / `${inputs.body}` left for the flow
 * to fill at run time. Options and connection values are fixed at generation time (the From numbers, the Account
 * SID in the base URL); fields naming other inputs are optional inputs the hook has no value for, so they are left
 * out, as the connector leaves out empty fields.
 */
export type FieldPart = { text: string } | { input: 'to' | 'body' };

export interface SendPlan {
  action: string;
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  fields: Array<{ name: string; parts: FieldPart[] }>;
}

export interface PlanValues {
  /** `${options.<key>}` values (e.g. `from`). */
  options: Record<string, string>;
  /** `${connection.<key>}` values (e.g. `accountSid`). */
  connection: Record<string, string>;
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

export function planSend(spec: ConnectorSpec, actionName: string, values: PlanValues): SendPlan {
  const action = spec.actions.find((a) => a.name === actionName);
  if (!action) {
    const names = spec.actions.map((a) => `"${a.name}"`).join(', ');
    throw new UserError(`the connector "${spec.name}" has no action "${actionName}" (it has ${names})`);
  }
  const where = `action "${actionName}"`;
  const { request } = action;
  if (request.method !== 'POST' || request.body?.encoding !== 'form')
    throw new UserError(`${where} must be a POST with a form body to send a message`);
  const literal = (template: string, what: string) => literalText(template, values, `${where} ${what}`);
  const url = literal(spec.baseUrl, 'base URL').replace(/\/+$/, '') + literal(request.path, 'path');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...spec.defaultHeaders, ...request.headers }))
    headers[k] = literal(v, `header ${k}`);
  if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type'))
    headers['Content-Type'] = FORM_CONTENT_TYPE;

  const fields: SendPlan['fields'] = [];
  for (const [name, template] of Object.entries(request.body.fields)) {
    const parts = fieldParts(template, values, action, `${where} field ${name}`);
    if (parts) fields.push({ name, parts });
  }
  for (const key of ['to', 'body'] as const)
    if (!fields.some((f) => f.parts.some((p) => 'input' in p && p.input === key)))
      throw new UserError(`${where} never uses \${inputs.${key}}; the hook needs it to send the code`);
  return { action: actionName, method: 'POST', url, headers, fields };
}

/** Undefined when the field names an input the hook does not have (an optional input: the field is omitted). */
function fieldParts(
  template: string,
  values: PlanValues,
  action: Action,
  where: string,
): FieldPart[] | undefined {
  const parts: FieldPart[] = [];
  for (const p of parseTemplate(template).parts) {
    if (p.kind === 'text') parts.push({ text: p.text });
    else if (p.source === 'inputs') {
      if (p.key === 'to' || p.key === 'body') parts.push({ input: p.key });
      else if (action.inputs?.find((i) => i.key === p.key)?.required)
        throw new UserError(
          `${where} needs the required input "${p.key}", which a telephony hook cannot provide`,
        );
      else return undefined;
    } else parts.push({ text: resolve(p.source, p.key, values, where) });
  }
  return parts;
}

function literalText(template: string, values: PlanValues, where: string): string {
  return parseTemplate(template)
    .parts.map((p) => {
      if (p.kind === 'text') return p.text;
      if (p.source === 'inputs')
        throw new UserError(`${where} uses \${inputs.${p.key}}, which must be fixed here`);
      return resolve(p.source, p.key, values, where);
    })
    .join('');
}

function resolve(source: 'options' | 'connection', key: string, values: PlanValues, where: string): string {
  const value = values[source][key];
  if (value === undefined)
    throw new UserError(`${where} uses \${${source}.${key}}, which hook telephony cannot fill`);
  return value;
}
