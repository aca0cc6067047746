import { parseTemplate } from '../placeholders.js';
import { templatedStrings, type TemplatedString } from '../walk.js';
import type { RuleContext } from './rule.js';

/** A templated string of the spec with its placeholders parsed. */
export interface ParsedTemplatedString {
  string: TemplatedString;
  parsed: ReturnType<typeof parseTemplate>;
}

const byContext = new WeakMap<RuleContext, readonly ParsedTemplatedString[]>();

/**
 * The spec's templated strings (walk.ts), each parsed once. Four rules read them; listing them (a pointer for each)
 * and parsing them again in every rule was a fifth of validating a 1,000-action spec (issue 17). They are kept per
 * rule context, which validateSpec shares among its rules, so a spec changed between two checks is never read stale.
 * Actions repeat their templates (`${inputs.id}`, the same header in every request), so each distinct text is parsed
 * once and its parse shared: the rules only read it.
 */
export function templatedStringsOf(ctx: RuleContext): readonly ParsedTemplatedString[] {
  let strings = byContext.get(ctx);
  if (!strings) {
    const parses = new Map<string, ReturnType<typeof parseTemplate>>();
    strings = templatedStrings(ctx.spec).map((string) => {
      let parsed = parses.get(string.template);
      if (!parsed) {
        parsed = parseTemplate(string.template);
        parses.set(string.template, parsed);
      }
      return { string, parsed };
    });
    byContext.set(ctx, strings);
  }
  return strings;
}
