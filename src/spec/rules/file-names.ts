import { isWindowsReservedName } from '../../util/windows-names.js';
import type { RuleFinding, SpecRule } from './rule.js';

/** The connector's `name` names the files `build` writes (`<name>.flopack`, `<name>-<version>.zip`). */
export const fileNames: SpecRule = {
  name: 'file-names',
  codes: ['OC-SPEC-RESERVED-FILE-NAME'],
  description:
    'The connector name is not a device name Windows reserves (con, nul, aux, prn, com1-9, lpt1-9).',
  check({ spec }) {
    const findings: RuleFinding[] = [];
    if (isWindowsReservedName(spec.name)) {
      findings.push({
        code: 'OC-SPEC-RESERVED-FILE-NAME',
        severity: 'error',
        pointer: '/name',
        message: `the name "${spec.name}" would make ${spec.name}.flopack, a file name Windows reserves for a device`,
        hint: `choose another name, e.g. "${spec.name}_connector"`,
      });
    }
    return findings;
  },
};
