import { describe, expect, it } from 'vitest';
import { SchemaConverter } from '../../../src/mock/openapi/schema-dialect.js';
import { Validators } from '../../../src/mock/openapi/validators.js';

const doc30 = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: {},
  components: {
    schemas: {
      Id: { type: 'integer', readOnly: true },
      Pet: {
        type: 'object',
        required: ['id', 'name', 'secret'],
        properties: {
          id: { $ref: '#/components/schemas/Id' },
          name: { type: 'string' },
          secret: { type: 'string', writeOnly: true },
        },
      },
      Cat: {
        type: 'object',
        required: ['kind', 'lives'],
        properties: { kind: { type: 'string' }, lives: { type: 'integer' } },
      },
      Dog: {
        type: 'object',
        required: ['kind', 'bark'],
        properties: { kind: { type: 'string' }, bark: { type: 'boolean' } },
      },
      Animal: {
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
        discriminator: { propertyName: 'kind', mapping: { dog: 'Dog' } },
      },
    },
  },
} as const;

function checker(doc: object, schema: unknown, direction: 'request' | 'response' = 'request') {
  const converter = new SchemaConverter(doc as never);
  const validate = new Validators(converter.dialect).compile(converter.convert(schema, direction), 'strict');
  return (value: unknown) =>
    validate(value)
      ? 'valid'
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`).join('; ');
}

describe('SchemaConverter, OpenAPI 3.0', () => {
  it('nullable adds null to the type and the enum', () => {
    const check = checker(doc30, { type: 'string', enum: ['a'], nullable: true });
    expect([check('a'), check(null), check('b')]).toEqual(['valid', 'valid', ' enum']);
    expect(checker(doc30, { type: 'string' })(null)).toBe(' type');
  });
  it('boolean exclusiveMinimum/Maximum become the draft-07 numbers', () => {
    const check = checker(doc30, {
      type: 'number',
      minimum: 0,
      exclusiveMinimum: true,
      maximum: 1,
      exclusiveMaximum: true,
    });
    expect([check(0), check(0.5), check(1)]).toEqual([' exclusiveMinimum', 'valid', ' exclusiveMaximum']);
  });
  it('readOnly properties are not required in requests, writeOnly ones not in responses', () => {
    const pet = { $ref: '#/components/schemas/Pet' };
    expect(checker(doc30, pet, 'request')({ name: 'n', secret: 's' })).toBe('valid');
    expect(checker(doc30, pet, 'request')({ id: 1, name: 'n' })).toBe(' required');
    expect(checker(doc30, pet, 'response')({ id: 1, name: 'n' })).toBe('valid');
    expect(checker(doc30, pet, 'response')({ name: 'n' })).toBe(' required');
  });
  it('a discriminator picks the branch by mapping or by schema name', () => {
    const check = checker(doc30, { $ref: '#/components/schemas/Animal' });
    expect(check({ kind: 'dog', bark: true })).toBe('valid');
    expect(check({ kind: 'Cat', lives: 9 })).toBe('valid');
    expect(check({ kind: 'dog', lives: 9 })).toContain(' required');
    expect(check({ kind: 'fish' })).toContain('/kind enum');
  });
  it('drops annotations and a pattern JavaScript cannot compile, keeps the rest', () => {
    const converter = new SchemaConverter(doc30 as never);
    expect(
      converter.convert(
        { type: 'string', pattern: '(unclosed', example: 'x', 'x-vendor': 1, description: 'd', maxLength: 3 },
        'request',
      ),
    ).toEqual({
      type: 'string',
      maxLength: 3,
    });
  });
  it('copies only the reachable components, under their pointers', () => {
    const converted = new SchemaConverter(doc30 as never).convert(
      { $ref: '#/components/schemas/Pet' },
      'request',
    ) as Record<string, object>;
    expect(Object.keys(converted.definitions!)).toEqual([
      '/components/schemas/Pet',
      '/components/schemas/Id',
    ]);
  });
});

describe('SchemaConverter, OpenAPI 3.1 (JSON Schema 2020-12)', () => {
  const doc31 = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {},
    components: { schemas: { Id: { type: 'string' } } },
  };
  it('keeps 2020-12 as it is: type arrays, const, prefixItems, $ref with siblings', () => {
    expect(checker(doc31, { type: ['integer', 'null'] })(null)).toBe('valid');
    expect(checker(doc31, { const: 1 })(2)).toBe(' const');
    const tuple = checker(doc31, { type: 'array', prefixItems: [{ type: 'string' }], items: false });
    expect([tuple(['a']), tuple(['a', 'b'])]).toEqual(['valid', ' items']);
    expect(checker(doc31, { $ref: '#/components/schemas/Id', maxLength: 2 })('abc')).toBe(' maxLength');
  });
});
