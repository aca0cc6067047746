import { SELECTED_AUTH, configValueFlowName } from '../../connector/contract.js';
import { authFieldKeys, authMethods, configValuesOf } from '../auth-types.js';
import type { RuleContext, RuleFinding, SpecRule } from './rule.js';
import { templatedStringsOf } from './templated.js';

/**
 * Several authentication methods (Connector Builder's Add Authentication, at most five) and config values (Static
 * Value or Value from Helper Flow): what Connector Builder needs to tell them apart, and what our flows need.
 */
export const authMethodsRule: SpecRule = {
  name: 'auth-methods',
  codes: ['OC-SPEC-AUTH-METHODS', 'OC-SPEC-CONFIG-VALUE'],
  description:
    'Several authentication methods have distinct keys and labels; each config value has one definition (a static value or a helper flow), a key of its own, and is used.',
  check(ctx) {
    const { spec } = ctx;
    const findings: RuleFinding[] = [];
    const several = Array.isArray(spec.authentication);
    const methods = authMethods(spec);
    const at = (i: number) => (several ? `/authentication/${i}` : '/authentication');

    // Methods: the Auth Selection Key tells httpHelper which one a connection uses; the label is what a person picks.
    const keys = new Map<string, number>();
    const labels = new Map<string, number>();
    methods.forEach((auth, i) => {
      if (!several) {
        if (auth.key !== undefined || auth.label !== undefined)
          findings.push({
            code: 'OC-SPEC-AUTH-METHODS',
            severity: 'warning',
            pointer: `${at(i)}/${auth.key !== undefined ? 'key' : 'label'}`,
            message:
              'key and label only tell several authentication methods apart; with one they are never used',
            hint: 'remove them, or make authentication a list of 2 to 5 methods',
          });
        return;
      }
      for (const [map, value, what] of [
        [keys, auth.key?.toLowerCase(), 'key'],
        [labels, auth.label?.trim().toLowerCase(), 'label'],
      ] as const) {
        if (value === undefined) continue;
        const first = map.get(value);
        if (first !== undefined)
          findings.push({
            code: 'OC-SPEC-AUTH-METHODS',
            severity: 'error',
            pointer: `${at(i)}/${what}`,
            message: `authentication ${what} "${what === 'key' ? auth.key : auth.label}" is also method ${first + 1}'s; ${what === 'key' ? 'httpHelper could not tell which method a connection uses' : 'a person could not tell the methods apart'}`,
          });
        else map.set(value, i);
      }
    });

    // Config values: their keys share the connection object with the parameters and the auth fields.
    const reserved = new Map<string, string>();
    for (const p of spec.connectionParameters ?? []) reserved.set(p.key, `connection parameter "${p.key}"`);
    for (const auth of methods)
      for (const k of authFieldKeys(auth)) reserved.set(k, `the ${auth.type} field "${k}"`);
    if (several) reserved.set(SELECTED_AUTH.key, `the ${SELECTED_AUTH.label} field`);
    const flowNames = new Map<string, string>(
      spec.actions.map((a) => [a.name.trim().toLowerCase(), `action "${a.name}"`]),
    );
    const used = usedConnectionKeys(ctx);
    methods.forEach((auth, i) => {
      configValuesOf(auth).forEach((config, c) => {
        const pointer = `${at(i)}/configValues/${c}`;
        const report = (severity: 'error' | 'warning', where: string, message: string, hint?: string) =>
          findings.push({
            code: 'OC-SPEC-CONFIG-VALUE',
            severity,
            pointer: `${pointer}${where}`,
            message,
            ...(hint ? { hint } : {}),
          });
        const defined = (config.value !== undefined ? 1 : 0) + (config.helperFlow ? 1 : 0);
        if (defined !== 1)
          report(
            'error',
            '',
            defined === 0
              ? `config value "${config.key}" has no definition: give value (Static Value) or helperFlow (Value from Helper Flow)`
              : `config value "${config.key}" has both value and helperFlow; Connector Builder's Definition is one or the other`,
          );
        const clash = reserved.get(config.key);
        if (clash)
          report(
            'error',
            '/key',
            `config value key "${config.key}" is already ${clash}; the connection holds one value per key`,
          );
        else reserved.set(config.key, `config value "${config.key}"`);
        if (config.type === 'password' && config.value !== undefined)
          report(
            'warning',
            '/value',
            `config value "${config.key}" is a Password with a static value: every connection gets it, written in the connector`,
            'a secret belongs to each connection: compute it with helperFlow, or ask for it as a password connection parameter',
          );
        if (config.helperFlow) {
          const path = config.helperFlow.value;
          if (path.split('.').some((s) => s === ''))
            report(
              'error',
              '/helperFlow/value',
              `"${path}" is not a dot path into the response body (an empty segment)`,
            );
          const name = configValueFlowName(config.label).toLowerCase();
          const other = flowNames.get(name);
          if (other)
            report(
              'error',
              '/label',
              `its helper flow "${configValueFlowName(config.label)}" would have the name of ${other} (CBDE000001H)`,
              'give the config value another label',
            );
          else flowNames.set(name, `config value "${config.key}"'s helper flow`);
          if (config.helperFlow.url?.startsWith('http://'))
            report(
              'warning',
              '/helperFlow/url',
              "the request sends the connection's credentials over plain http",
              'use https',
            );
        }
        if (!used.has(config.key))
          report(
            'warning',
            '/key',
            `config value "${config.key}" is never used: no request, header or authentication value reads \${connection.${config.key}}`,
          );
      });
    });
    return findings;
  },
};

/** Connection keys some templated string of the spec reads. */
function usedConnectionKeys(ctx: RuleContext): Set<string> {
  const used = new Set<string>();
  for (const { parsed } of templatedStringsOf(ctx))
    for (const p of parsed.parts) if (p.kind === 'ref' && p.source === 'connection') used.add(p.key);
  return used;
}
