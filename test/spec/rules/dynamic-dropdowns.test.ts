import { describe, expect, it } from 'vitest';
import { dynamicDropdowns } from '../../../src/spec/rules/dynamic-dropdowns.js';
import type { Option } from '../../../src/spec/types.js';
import { runRule, withSpec } from '../helpers.js';

const withOption = (change: (o: Option) => void = () => {}) =>
  withSpec((s) => {
    const option: Option = {
      key: 'from',
      label: 'From',
      type: 'dropdown',
      dynamic: {
        request: { method: 'GET', path: '/accounts/${connection.accountId}/numbers' },
        items: 'numbers',
        label: 'name',
        value: 'number',
      },
    };
    change(option);
    s.actions[0]!.options = [option];
  });

describe('dynamic-dropdowns', () => {
  it('accepts a dropdown listed by a GET that reads only the connection', () => {
    expect(runRule(dynamicDropdowns, withOption())).toEqual([]);
  });

  it('refuses text, static values beside it, a POST and a request that reads an input', () => {
    const findings = runRule(
      dynamicDropdowns,
      withOption((o) => {
        o.type = 'text';
        o.values = [{ label: 'A', value: 'a' }];
        o.dynamic!.request = { method: 'POST', path: '/numbers', query: { owner: '${inputs.to}' } };
      }),
    );
    expect(findings.map((f) => f.pointer)).toEqual([
      '/actions/0/options/0/type',
      '/actions/0/options/0/values',
      '/actions/0/options/0/dynamic/request/method',
      '/actions/0/options/0/dynamic/request',
    ]);
    expect(findings[3]!.message).toContain('found ${inputs.to}');
  });

  it("refuses a dynamic input group listed by a POST or from the card's own inputs", () => {
    const spec = withSpec((s) => {
      s.actions[0]!.dynamicInputs = {
        key: 'custom',
        label: 'Custom',
        request: { method: 'POST', path: '/fields/${inputs.to}' },
        items: 'fields',
        name: 'id',
      };
    });
    expect(runRule(dynamicDropdowns, spec).map((f) => [f.pointer, f.message.slice(-14)])).toEqual([
      ['/actions/0/dynamicInputs/request/method', 'without a body'],
      ['/actions/0/dynamicInputs/request', 'd ${inputs.to}'],
    ]);
  });
});
