import { CONNECTION_INPUT_KEY } from '../../connector/contract.js';
import type { Input, Option } from '../../spec/types.js';
import { Comments } from './comments.js';
import { exampleValue } from './examples.js';
import { EXPRESSIBLE } from './expressible.js';
import { KeyAllocator, labelFor, plainText } from './names.js';
import { dropdownValues, effectiveType, fieldType, isScalar, type Shape } from './schema.js';

/** Where a value goes in the request: each place can carry different shapes (see expressible.ts). */
export type Place = 'path' | 'query' | 'header' | 'form' | 'json' | 'text';

/** The options and inputs of one action as they are added, with comments relative to the action. */
export class ActionFields {
  /** `auth` is the connection input every action flow already has. */
  private readonly keys = new KeyAllocator([CONNECTION_INPUT_KEY]);
  readonly options: Option[] = [];
  readonly inputs: Input[] = [];
  readonly comments = new Comments();
  /** Lines for the summary: what was left out or simplified, and why. */
  readonly notes: string[] = [];
  /** Where the description asks for the credential again (`header token`): never sent (see credentialRole). */
  readonly credentialCopies = new Set<string>();
  /** A value the description suggests for each option and input (see examples.ts), keyed like them. */
  readonly examples: Record<string, unknown> = {};

  /**
   * A field for one value of the request, or the reason it cannot be one. String enums become dropdown options
   * (chosen when the card is placed), everything else an input typed after the schema.
   */
  add(
    name: string,
    shape: Shape,
    opts: { required: boolean; place: Place; description?: string; explodedList?: boolean },
  ): { template: string } | { problem: string } {
    const problem = shapeProblem(shape, opts.place, opts.explodedList !== false);
    if (problem) return { problem: `${name} is ${problem}` };
    const description = describe(opts.description ?? shape.description, shape);
    const values = effectiveType(shape) === 'string' ? dropdownValues(shape) : undefined;
    const key = this.keys.take(name);
    if (values) {
      const fallback =
        typeof shape.default === 'string' && values.includes(shape.default) ? shape.default : undefined;
      this.options.push({
        key,
        label: labelFor(name),
        type: 'dropdown',
        ...(opts.required && { required: true }),
        ...(description && { description }),
        values: values.map((v) => ({ label: v, value: v })),
        ...(fallback !== undefined && !opts.required && { default: fallback }),
      });
      this.examples[key] = exampleValue(shape);
      return { template: `\${options.${key}}` };
    }
    const list = effectiveType(shape) === 'array';
    const type = list
      ? shape.items && isScalar(shape.items)
        ? fieldType(shape.items)
        : 'object'
      : fieldType(shape);
    const input: Input = {
      key,
      label: labelFor(name),
      type,
      ...(list && { list: true }),
      ...(opts.required && { required: true }),
      ...(description && { description }),
    };
    const fallback = defaultFor(shape, type, list);
    if (!opts.required && fallback !== undefined) input.default = fallback;
    this.inputs.push(input);
    this.examples[key] = exampleValue(shape);
    if (
      type === 'object' &&
      !list &&
      opts.place === 'json' &&
      (shape.choices || Object.keys(shape.properties).length > 0)
    ) {
      this.comments.note(
        ['inputs', this.inputs.length - 1],
        `${name}: one Object input, sent as given (its fields are not spelled out: ${
          shape.choices ? 'the schema allows several shapes' : 'it has optional or deeply nested fields'
        })`,
      );
    }
    return { template: `\${inputs.${key}}` };
  }
}

/** Why a value of this shape cannot go to this place (undefined when it can), per EXPRESSIBLE. */
function shapeProblem(shape: Shape, place: Place, explodedList: boolean): string | undefined {
  const type = effectiveType(shape);
  const scalar = isScalar(shape);
  if (scalar || (!type && !shape.choices && place !== 'json')) return undefined;
  if (place === 'json') return undefined;
  if (type === 'array' && shape.items && isScalar(shape.items)) {
    if (place === 'query')
      return explodedList
        ? EXPRESSIBLE.queryExplodedArrays
          ? undefined
          : 'a list'
        : EXPRESSIBLE.queryOtherArrayStyles
          ? undefined
          : 'a list joined into one value (style other than form/explode)';
    if (place === 'form')
      return EXPRESSIBLE.formArrays ? undefined : 'a list, and form bodies hold text values only';
    if (place === 'header') return EXPRESSIBLE.headerLists ? undefined : 'a list, and headers are text';
    return 'a list';
  }
  if (place === 'query') return EXPRESSIBLE.queryObjects ? undefined : 'an object (deepObject or exploded)';
  if (place === 'form')
    return EXPRESSIBLE.formObjects ? undefined : 'an object, and form bodies hold text values only';
  return `${type === 'array' ? 'a list of objects' : 'an object or a choice of shapes'}, which a ${place} value cannot be`;
}

function describe(text: string | undefined, shape: Shape): string | undefined {
  const parts = [plainText(text)];
  const values = shape.enum ?? shape.items?.enum;
  if (values && !(effectiveType(shape) === 'string' && dropdownValues(shape)))
    parts.push(
      `One of: ${values
        .slice(0, 20)
        .map((v) => JSON.stringify(v))
        .join(', ')}${values.length > 20 ? ', …' : ''}.`,
    );
  return parts.filter(Boolean).join(' ') || undefined;
}

function defaultFor(shape: Shape, type: Input['type'], list: boolean): unknown {
  const value = shape.default;
  if (value === undefined || list) return undefined;
  if (type === 'text' && typeof value === 'string') return value;
  if (type === 'number' && typeof value === 'number' && Number.isFinite(value)) return value;
  if (type === 'boolean' && typeof value === 'boolean') return value;
  return undefined;
}
