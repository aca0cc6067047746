import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RuleFinding, SpecRule } from './rule.js';

/**
 * What an Okta Integration Network submission needs (reference §2.8): help for every card, so every action needs a
 * description; and the icon the settings page shows must exist.
 */
export const connectorMetadata: SpecRule = {
  name: 'connector-metadata',
  codes: ['OC-SPEC-ICON', 'OC-SPEC-DESCRIPTION'],
  description: 'The icon file exists; every action has a description for its help topic.',
  check({ spec, specDir }) {
    const findings: RuleFinding[] = [];
    if (spec.icon) {
      const path = resolve(specDir, spec.icon);
      if (!existsSync(path) || !statSync(path).isFile()) {
        findings.push({
          code: 'OC-SPEC-ICON',
          severity: 'error',
          pointer: '/icon',
          message: `the icon "${spec.icon}" does not exist next to the spec (looked for ${path})`,
        });
      }
    }
    spec.actions.forEach((action, a) => {
      if (action.description.trim().length >= 10) return;
      findings.push({
        code: 'OC-SPEC-DESCRIPTION',
        severity: 'warning',
        pointer: `/actions/${a}/description`,
        message: `action "${action.name}" has ${action.description.trim() ? 'a very short' : 'no'} description; Okta requires a help topic for every action card`,
        hint: 'say what the card does in one sentence',
      });
    });
    return findings;
  },
};
