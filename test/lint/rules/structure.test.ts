import { describe, expect, it } from 'vitest';
import { CALLER_ID, HELPER_ID, validFlopack } from '../../fixtures/flopacks/builder.js';
import { lintFlopack } from '../../../src/lint/index.js';
import { parseSource } from '../../../src/source/document.js';
import { floPointer, lintCode, one } from '../helpers.js';

const CODE = 'OC-FLOPACK-STRUCTURE';

describe(CODE, () => {
  it('accepts the shapes of an export', () => {
    expect(lintCode(validFlopack(), CODE)).toEqual([]);
  });

  it('reports a card that is not an object', () => {
    const fp = validFlopack();
    fp.data.flos[HELPER_ID].data.methods.push('oops');
    expect(one(lintCode(fp, CODE))).toMatchObject({
      severity: 'error',
      where: 'flow "Send Greeting"',
      pointer: `${floPointer(HELPER_ID)}/methods/5`,
    });
  });

  it('reports methods that are not a list and a flow without data', () => {
    const fp = validFlopack();
    fp.data.flos[HELPER_ID].data.methods = {};
    delete fp.data.flos[CALLER_ID].data;
    expect(
      lintCode(fp, CODE)
        .map((d) => d.pointer)
        .sort(),
    ).toEqual([`${floPointer(HELPER_ID)}/methods`, `/data/flos/${CALLER_ID}`]);
  });

  it('never throws on arbitrarily broken cards', () => {
    const fp = validFlopack();
    const cards = fp.data.flos[HELPER_ID].data.methods;
    cards[0].node = 5;
    cards[1].pins = { outText001: 'x' };
    cards[2].node.model.inputs.data = [1, 2];
    cards[3].node.model.inputs.data.inFlo00001.value.data = { methods: 'no' };
    expect(() => lintFlopack(fp)).not.toThrow();
    expect(lintFlopack(fp).some((d) => d.code === 'OC-LINT-INTERNAL')).toBe(false);
  });

  it('reports an inline flo that contains itself (YAML anchors) instead of looping', () => {
    const yaml = [
      'type: flopack',
      'data:',
      '  flos:',
      '    f1:',
      '      name: Loop',
      '      data: &d',
      '        methods:',
      '          - uuid: tryCatch01',
      '            address: root:kernel:control:0.0.1:tryCatch',
      '            node: {model: {inputs: {data: {i1: {id: i1, key: flo, value: {type: flo, data: *d}}}}}}',
    ].join('\n');
    const doc = parseSource(yaml, 'loop.yaml');
    const d = one(lintFlopack(doc.data, { doc }).filter((x) => x.code === CODE));
    expect(d).toMatchObject({
      message: 'an inline flo contains itself',
      where: 'flow "Loop" › card "tryCatch" (tryCatch01)',
      line: 10,
    });
  });
});
