import { didYouMeanHint } from '../../util/did-you-mean.js';
import type { RuleFinding, SpecRule } from './rule.js';
import { templatedStringsOf } from './templated.js';

/** Every `${source.key}` must be well-formed and name an input, option or connection value that exists there. */
export const placeholders: SpecRule = {
  name: 'placeholders',
  codes: ['OC-SPEC-PLACEHOLDER-SYNTAX', 'OC-SPEC-UNKNOWN-PLACEHOLDER'],
  description: 'Placeholders must be well-formed and name inputs, options or connection values in scope.',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const { string: s, parsed } of templatedStringsOf(ctx)) {
      const { parts, problems } = parsed;
      for (const p of problems) {
        findings.push({
          code: 'OC-SPEC-PLACEHOLDER-SYNTAX',
          severity: 'error',
          pointer: s.pointer,
          message: p.message,
        });
      }
      for (const part of parts) {
        if (part.kind !== 'ref') continue;
        const keys = s.scope[part.source];
        if (keys.has(part.key)) continue;
        const where = s.action ? `action "${s.action.name}"` : 'this part of the spec';
        const declared = [...keys];
        findings.push({
          code: 'OC-SPEC-UNKNOWN-PLACEHOLDER',
          severity: 'error',
          pointer: s.pointer,
          message:
            declared.length === 0
              ? `${part.raw} names ${part.source} "${part.key}", but ${where} has no ${part.source}`
              : `${part.raw} names ${part.source} "${part.key}", which ${where} does not declare; declared: ${declared.join(', ')}`,
          hint: didYouMeanHint(part.key, declared),
        });
      }
    }
    return findings;
  },
};
