import { authMethods } from '../spec/auth-types.js';
import type {
  Action,
  Authentication,
  ConnectorSpec,
  Input,
  OAuth2Authentication,
  Option,
  Output,
} from '../spec/types.js';

/** How a change affects flows already built on the connector. */
export type Impact = 'breaking' | 'additive' | 'cosmetic';

export interface SpecChange {
  impact: Impact;
  /** Where in the new (or, for removals, the old) spec, e.g. `action "Send Message" › input "to"`. */
  subject: string;
  message: string;
}

const byKey = <T extends { key: string }>(items: readonly T[] | undefined) =>
  new Map((items ?? []).map((i) => [i.key, i]));

function fieldChanges<T extends Input | Option | Output>(
  kind: 'input' | 'option' | 'output',
  owner: string,
  before: readonly T[] | undefined,
  after: readonly T[] | undefined,
): SpecChange[] {
  const changes: SpecChange[] = [];
  const old = byKey(before);
  const now = byKey(after);
  for (const key of old.keys()) {
    if (!now.has(key)) {
      changes.push({
        impact: 'breaking',
        subject: `${owner} › ${kind} "${key}"`,
        message: `${kind} removed; cards that set or read it break`,
      });
    }
  }
  for (const [key, field] of now) {
    const subject = `${owner} › ${kind} "${key}"`;
    const prev = old.get(key);
    const required = 'required' in field && Boolean(field.required);
    if (!prev) {
      const breaking = kind !== 'output' && required;
      changes.push({
        impact: breaking ? 'breaking' : 'additive',
        subject,
        message: breaking ? `new required ${kind}; existing cards have no value for it` : `${kind} added`,
      });
      continue;
    }
    if (prev.type !== field.type || Boolean((prev as Input).list) !== Boolean((field as Input).list)) {
      const show = (f: T) => `${(f as Input).list ? 'list of ' : ''}${f.type}`;
      changes.push({
        impact: 'breaking',
        subject,
        message: `type changed from ${show(prev)} to ${show(field)}`,
      });
    }
    const wasRequired = 'required' in prev && Boolean(prev.required);
    if (!wasRequired && required) changes.push({ impact: 'breaking', subject, message: 'now required' });
    if (wasRequired && !required)
      changes.push({ impact: 'additive', subject, message: 'no longer required' });
    if (kind === 'output') {
      const [p, f] = [prev as Output, field as Output];
      if (p.from !== f.from || (p.path ?? '') !== (f.path ?? '')) {
        changes.push({
          impact: 'breaking',
          subject,
          message: `now mapped from ${f.from}${f.path ? ` "${f.path}"` : ''} (was ${p.from}${p.path ? ` "${p.path}"` : ''})`,
        });
      }
    }
    if (prev.label !== field.label || (prev.description ?? '') !== (field.description ?? '')) {
      changes.push({
        impact: 'cosmetic',
        subject,
        message:
          prev.label !== field.label ? `label "${prev.label}" → "${field.label}"` : 'description changed',
      });
    }
  }
  return changes;
}

function actionChanges(before: Action, after: Action): SpecChange[] {
  const owner = `action "${after.name}"`;
  const changes = [
    ...fieldChanges('option', owner, before.options, after.options),
    ...fieldChanges('input', owner, before.inputs, after.inputs),
    ...fieldChanges('output', owner, before.outputs, after.outputs),
  ];
  const req = (a: Action) => `${a.request.method} ${a.request.path}`;
  if (req(before) !== req(after)) {
    changes.push({
      impact: 'breaking',
      subject: owner,
      message: `request changed from ${req(before)} to ${req(after)}`,
    });
  } else if (JSON.stringify(before.request) !== JSON.stringify(after.request)) {
    changes.push({
      impact: 'additive',
      subject: owner,
      message: 'request query, headers or body changed; review the behaviour',
    });
  }
  if (before.description !== after.description)
    changes.push({ impact: 'cosmetic', subject: owner, message: 'description changed' });
  return changes;
}

/**
 * Changes within one authentication type. OAuth 2.0: a scope removed breaks the actions that need it, a scope added
 * or a new grant, token, authorize or separator setting takes effect only when each connection is authorized again,
 * and turning refresh off lets connections expire: all breaking. Custom: where and how the secret is sent is what
 * the service checks: breaking. Labels and help text: cosmetic.
 */
function authenticationChanges(before: Authentication, after: Authentication): SpecChange[] {
  const changes: SpecChange[] = [];
  const subject = 'authentication';
  const breaking = (message: string) => changes.push({ impact: 'breaking', subject, message });
  if (before.type === 'oauth2' && after.type === 'oauth2') {
    const was = new Set(before.scopes ?? []);
    const now = new Set(after.scopes ?? []);
    const removed = [...was].filter((s) => !now.has(s));
    const added = [...now].filter((s) => !was.has(s));
    if (removed.length)
      breaking(
        `scope${removed.length > 1 ? 's' : ''} ${removed.join(', ')} removed; actions that need them fail`,
      );
    if (added.length)
      breaking(
        `scope${added.length > 1 ? 's' : ''} ${added.join(', ')} added; existing connections must be authorized again to grant them`,
      );
    for (const key of ['grantType', 'tokenUrl', 'authorizeUrl', 'scopeSeparator'] as const) {
      if ((before[key] ?? '') !== (after[key] ?? ''))
        breaking(
          `${key} changed from ${before[key] ?? '(none)'} to ${after[key] ?? '(none)'}; existing connections must be authorized again`,
        );
    }
    const refreshes = (a: OAuth2Authentication) => a.refresh ?? a.grantType === 'authorization_code';
    if (refreshes(before) && !refreshes(after))
      breaking('token refresh turned off; connections expire with their token');
    if (!refreshes(before) && refreshes(after))
      changes.push({ impact: 'additive', subject, message: 'token refresh turned on' });
    if ((before.revokeUrl ?? '') !== (after.revokeUrl ?? '')) {
      if (!after.revokeUrl) breaking('revoke URL removed: the _revoke flow is gone');
      else if (!before.revokeUrl) changes.push({ impact: 'additive', subject, message: 'revoke URL added' });
      else breaking(`revoke URL changed from ${before.revokeUrl} to ${after.revokeUrl}`);
    }
  } else if (before.type === 'custom' && after.type === 'custom') {
    if (before.placement !== after.placement || before.name !== after.name || before.value !== after.value)
      breaking(
        `the secret is now sent as ${after.placement} ${after.name}: ${after.value} (was ${before.placement} ${before.name}: ${before.value})`,
      );
  }
  // Config values are part of every connection: a new, removed or redefined one needs connections re-created.
  const definition = (a: Authentication) =>
    JSON.stringify((a.configValues ?? []).map(({ label: _l, visible: _v, ...rest }) => rest));
  if (definition(before) !== definition(after))
    breaking('config values changed (added, removed or redefined); every connection must be re-created');
  if (changes.length === 0 && JSON.stringify(before) !== JSON.stringify(after))
    changes.push({ impact: 'cosmetic', subject, message: 'labels or help text changed' });
  return changes;
}

/** Every difference between two versions of a spec that a connector's users could notice, classified. */
export function diffSpecs(before: ConnectorSpec, after: ConnectorSpec): SpecChange[] {
  const changes: SpecChange[] = [];
  if (before.name !== after.name) {
    changes.push({
      impact: 'breaking',
      subject: 'connector',
      message: `name changed from "${before.name}" to "${after.name}": a different connector to Okta`,
    });
  }
  const was = authMethods(before);
  const now = authMethods(after);
  const describe = (methods: Authentication[]) =>
    methods.map((m) => (m.key ? `${m.key} (${m.type})` : m.type)).join(', ');
  if (
    was.length !== now.length ||
    was.some((m, i) => m.type !== now[i]!.type || (m.key ?? '') !== (now[i]!.key ?? ''))
  ) {
    changes.push({
      impact: 'breaking',
      subject: 'authentication',
      message: `type changed from ${describe(was)} to ${describe(now)}; every connection must be re-created`,
    });
  } else {
    was.forEach((m, i) => changes.push(...authenticationChanges(m, now[i]!)));
  }
  const oldParams = byKey(before.connectionParameters);
  const newParams = byKey(after.connectionParameters);
  for (const key of oldParams.keys()) {
    if (!newParams.has(key))
      changes.push({ impact: 'breaking', subject: `connection parameter "${key}"`, message: 'removed' });
  }
  for (const [key, p] of newParams) {
    const prev = oldParams.get(key);
    if (!prev) {
      changes.push({
        impact: p.required ? 'breaking' : 'additive',
        subject: `connection parameter "${key}"`,
        message: p.required ? 'new required parameter; existing connections lack it' : 'added',
      });
    } else if (prev.type !== p.type || (!prev.required && p.required)) {
      changes.push({
        impact: 'breaking',
        subject: `connection parameter "${key}"`,
        message: 'type changed or now required',
      });
    }
  }
  if (before.baseUrl !== after.baseUrl) {
    changes.push({
      impact: 'breaking',
      subject: 'baseUrl',
      message: `changed from ${before.baseUrl} to ${after.baseUrl}`,
    });
  }
  const oldActions = new Map(before.actions.map((a) => [a.name, a]));
  const newActions = new Map(after.actions.map((a) => [a.name, a]));
  for (const name of oldActions.keys()) {
    if (!newActions.has(name)) {
      changes.push({
        impact: 'breaking',
        subject: `action "${name}"`,
        message: 'removed (or renamed); flows using the card break',
      });
    }
  }
  for (const [name, action] of newActions) {
    const prev = oldActions.get(name);
    if (!prev) changes.push({ impact: 'additive', subject: `action "${name}"`, message: 'added' });
    else changes.push(...actionChanges(prev, action));
  }
  const capia = (s: ConnectorSpec) => s.customApiAction !== false;
  if (capia(before) && !capia(after))
    changes.push({ impact: 'breaking', subject: 'Custom API Action', message: 'removed' });
  if (!capia(before) && capia(after))
    changes.push({ impact: 'additive', subject: 'Custom API Action', message: 'added' });
  if (before.description !== after.description || before.displayName !== after.displayName) {
    changes.push({
      impact: 'cosmetic',
      subject: 'connector',
      message: 'display name or description changed',
    });
  }
  return changes;
}
