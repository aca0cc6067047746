import { append } from '../../util/append.js';
import { groupInputKeys } from '../card-groups.js';
import type { RuleFinding, SpecRule } from './rule.js';

function duplicates<T>(items: readonly T[], key: (t: T) => string): Array<[index: number, first: number]> {
  const out: Array<[number, number]> = [];
  if (items.length < 2) return out;
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else out.push([i, first]);
  });
  return out;
}

/** Two fields with one key would overwrite each other in the generated cards. */
export const duplicateKeys: SpecRule = {
  name: 'duplicate-keys',
  codes: ['OC-SPEC-DUPLICATE-KEY'],
  description:
    'Keys of connection parameters, and of each action’s options, inputs and outputs, must be unique.',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    const report = (pointer: string, what: string, key: string, first: string) =>
      findings.push({
        code: 'OC-SPEC-DUPLICATE-KEY',
        severity: 'error',
        pointer,
        message: `${what} key "${key}" is used twice; the first is at ${first}`,
        hint: 'keys must be unique: rename one of them',
      });
    const params = spec.connectionParameters ?? [];
    for (const [i, first] of duplicates(params, (p) => p.key)) {
      report(
        `/connectionParameters/${i}/key`,
        'connection parameter',
        params[i]!.key,
        `/connectionParameters/${first}`,
      );
    }
    spec.actions.forEach((action, a) => {
      const base = `/actions/${a}`;
      // Where a field is, as a pointer only for a finding: a string for each of thousands of fields cost more.
      const fields: Array<{ key: string; at: string; index?: number }> = [];
      for (const at of ['options', 'inputs'] as const)
        (action[at] ?? []).forEach((f, index) => fields.push({ key: f.key, at, index }));
      append(fields, groupInputKeys(action));
      const pointerOf = (f: { at: string; index?: number }) =>
        f.index === undefined ? `${base}/${f.at}` : `${base}/${f.at}/${f.index}`;
      for (const [i, first] of duplicates(fields, (f) => f.key)) {
        report(
          `${pointerOf(fields[i]!)}/key`,
          `action "${action.name}" option/input`,
          fields[i]!.key,
          pointerOf(fields[first]!),
        );
      }
      const outputs = action.outputs ?? [];
      for (const [i, first] of duplicates(outputs, (o) => o.key)) {
        report(
          `${base}/outputs/${i}/key`,
          `action "${action.name}" output`,
          outputs[i]!.key,
          `${base}/outputs/${first}`,
        );
      }
      for (const [i, first] of duplicates(outputs, (o) => o.label.toLowerCase())) {
        report(
          `${base}/outputs/${i}/label`,
          `action "${action.name}" output label`,
          outputs[i]!.label,
          `${base}/outputs/${first}`,
        );
      }
    });
    return findings;
  },
};
