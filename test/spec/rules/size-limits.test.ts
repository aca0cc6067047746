import { describe, expect, it } from 'vitest';
import { generateConnector } from '../../../src/generate/index.js';
import { serializeFlopack } from '../../../src/flopack/serialize.js';
import { MAX_REQUEST_VALUES, sizeLimits } from '../../../src/spec/rules/size-limits.js';
import { baseSpec, runRule, validateObject, withSpec } from '../helpers.js';

/** A form body with `count` fields, each the text input: the shape of issue 18 #1 (150,000 fields). */
function formWith(count: number) {
  return withSpec((s) => {
    const fields: Record<string, string> = {};
    for (let i = 0; i < count; i++) fields[`f${i}`] = '${inputs.body}';
    fields.To = '${inputs.to}';
    fields.From = '${options.from}';
    s.actions[0]!.request.body = { encoding: 'form', fields };
  });
}

describe('size-limits', () => {
  it('accepts the base spec', () => {
    expect(runRule(sizeLimits, baseSpec())).toEqual([]);
  });

  it('refuses a form body of 150,000 fields with a located error, without overflowing the stack', () => {
    const diagnostics = validateObject(formWith(150_000));
    const tooLarge = diagnostics.filter((d) => d.code === 'OC-SPEC-TOO-LARGE');
    expect(tooLarge).toHaveLength(1);
    expect(tooLarge[0]).toMatchObject({
      severity: 'error',
      pointer: '/actions/0/request',
      file: 'connector.yaml',
    });
    expect(tooLarge[0]!.line).toBeGreaterThan(0);
  }, 30_000);

  it('builds the largest request it accepts (validate OK means build OK)', () => {
    const spec = formWith(MAX_REQUEST_VALUES - 2);
    expect(validateObject(spec).filter((d) => d.severity === 'error')).toEqual([]);
    const generated = generateConnector(spec);
    expect(() => serializeFlopack(generated.flopack)).not.toThrow();
  }, 30_000);
});
