import { groupInputKeys } from './card-groups.js';
import { toPointer } from '../source/document.js';
import { append } from '../util/append.js';
import { walkJson } from '../util/json-walk.js';
import type { Action, ConnectorSpec, RequestTemplate } from './types.js';
import { authConnectionKeys, authMethods, configValuesOf } from './auth-types.js';

/** Which placeholder keys a templated string may use. */
export interface TemplateScope {
  inputs: ReadonlySet<string>;
  options: ReadonlySet<string>;
  connection: ReadonlySet<string>;
}

export interface TemplatedString {
  pointer: string;
  template: string;
  scope: TemplateScope;
  /** The action it belongs to, when it is part of an action's request. */
  action?: Action;
  actionIndex?: number;
}

/** Keys a `${connection.x}` placeholder may name: the auth fields plus every connection parameter. */
export function connectionKeys(spec: ConnectorSpec): Set<string> {
  const keys = new Set((spec.connectionParameters ?? []).map((p) => p.key));
  for (const k of authConnectionKeys(spec)) keys.add(k);
  return keys;
}

/** The connection parameters' keys alone (what a config value's helper flow may read). */
export function parameterKeys(spec: ConnectorSpec): Set<string> {
  return new Set((spec.connectionParameters ?? []).map((p) => p.key));
}

export function requestStrings(
  request: RequestTemplate,
  base: (string | number)[],
  scope: TemplateScope,
  extra: Pick<TemplatedString, 'action' | 'actionIndex'>,
): TemplatedString[] {
  // Every pointer starts with the request's: built once, not once per value from a copied path (issue 17).
  const at = toPointer(base);
  const add = (pointer: string, template: string) => {
    const s: TemplatedString = { pointer, template, scope };
    if (extra.action) s.action = extra.action;
    if (extra.actionIndex !== undefined) s.actionIndex = extra.actionIndex;
    out.push(s);
  };
  const out: TemplatedString[] = [];
  add(`${at}/path`, request.path);
  for (const part of ['query', 'headers'] as const) {
    const values = request[part];
    if (values) for (const k of Object.keys(values)) add(`${at}/${part}${toPointer([k])}`, values[k]!);
  }
  const body = request.body;
  if (body?.encoding === 'text') add(`${at}/body/content`, body.content);
  else if (body) collectJsonStrings(body.fields, `${at}/body/fields`, add);
  return out;
}

function collectJsonStrings(value: unknown, prefix: string, add: (pointer: string, s: string) => void): void {
  walkJson(value, (visit) => {
    if (typeof visit.value === 'string') add(prefix + toPointer(visit.path), visit.value);
  });
}

/** Every string in the spec that may hold placeholders, with the keys in scope there. */
export function templatedStrings(spec: ConnectorSpec): TemplatedString[] {
  const connection = connectionKeys(spec);
  const none = new Set<string>();
  const out: TemplatedString[] = [
    { pointer: '/baseUrl', template: spec.baseUrl, scope: { inputs: none, options: none, connection } },
  ];
  for (const [k, v] of Object.entries(spec.defaultHeaders ?? {})) {
    out.push({
      pointer: toPointer(['defaultHeaders', k]),
      template: v,
      scope: { inputs: none, options: none, connection },
    });
  }
  const several = Array.isArray(spec.authentication);
  authMethods(spec).forEach((auth, i) => {
    const at: (string | number)[] = several ? ['authentication', i] : ['authentication'];
    if (auth.type === 'custom')
      out.push({
        pointer: toPointer([...at, 'value']),
        template: auth.value,
        scope: { inputs: none, options: none, connection },
      });
    if (auth.type === 'custom' && auth.revoke)
      append(
        out,
        requestStrings(
          auth.revoke.request,
          [...at, 'revoke', 'request'],
          { inputs: none, options: none, connection },
          {},
        ),
      );
    configValuesOf(auth).forEach((config, c) => {
      const base = [...at, 'configValues', c];
      if (config.value !== undefined)
        out.push({
          pointer: toPointer([...base, 'value']),
          template: config.value,
          scope: { inputs: none, options: none, connection },
        });
      // A config value's helper flow reads only what the person entered: the connection's parameters.
      if (config.helperFlow)
        append(
          out,
          requestStrings(
            config.helperFlow.request,
            [...base, 'helperFlow', 'request'],
            { inputs: none, options: none, connection: parameterKeys(spec) },
            {},
          ),
        );
    });
  });
  append(
    out,
    requestStrings(
      spec.authping.request,
      ['authping', 'request'],
      { inputs: none, options: none, connection },
      {},
    ),
  );
  spec.actions.forEach((action, actionIndex) => {
    // A dynamic or extensible input group is one object input, Selected Outputs one text (card-groups.ts).
    const inputs = new Set<string>();
    for (const input of action.inputs ?? []) inputs.add(input.key);
    for (const group of groupInputKeys(action)) inputs.add(group.key);
    const options = new Set<string>();
    for (const option of action.options ?? []) options.add(option.key);
    const scope = { inputs, options, connection };
    append(
      out,
      requestStrings(action.request, ['actions', actionIndex, 'request'], scope, { action, actionIndex }),
    );
  });
  return out;
}
