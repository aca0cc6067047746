import { describe, expect, it } from 'vitest';
import type { OpenApiDescription } from '../../../src/openapi/load.js';
import { listOperations } from '../../../src/openapi/operations.js';
import { SampleGenerator } from '../../../src/mock/openapi/generate.js';
import { seededRandom } from '../../../src/mock/openapi/random.js';
import { SchemaConverter } from '../../../src/mock/openapi/schema-dialect.js';
import { schemaViolations, Validators } from '../../../src/mock/openapi/validators.js';
import { description, FIXTURES, SLACK_FILE, TWILIO_FILE } from './helpers.js';
import { loadOpenApiDescription } from '../../../src/openapi/load.js';

/**
 * Property: for every response schema of a description, the generated value is valid against that same schema,
 * as the mock's own validator reads it (response direction). The descriptions are real vendors' (Twilio: 3.0,
 * Slack: 2.0 converted) plus the two written for the tests (multi-file 3.0, 3.1).
 */
function generatedViolations(d: OpenApiDescription, seeds: string[]): string[] {
  const converter = new SchemaConverter(d.document);
  const validators = new Validators(converter.dialect);
  const generator = new SampleGenerator(d.document);
  const failures: string[] = [];
  let checked = 0;
  for (const op of listOperations(d.document)) {
    for (const [status, response] of Object.entries(op.responses)) {
      const schema = response.content?.['application/json']?.schema;
      if (!schema) continue;
      const validate = validators.compile(converter.convert(schema, 'response'), 'strict');
      for (const seed of seeds) {
        const value = generator.generate(schema, seededRandom(seed, op.path, status));
        checked += 1;
        if (!validate(value)) {
          const [v] = schemaViolations(validate.errors);
          failures.push(
            `${op.method} ${op.path} ${status} (seed ${seed}): ${v?.pointer} ${v?.rule} ${v?.message}`,
          );
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(0);
  return failures;
}

describe('generated responses satisfy their own schemas', () => {
  const seeds = ['0', '1', 'x'];
  it("for every JSON response of Twilio's description", async () => {
    expect(generatedViolations(await description(TWILIO_FILE), seeds)).toEqual([]);
  });
  it("for every JSON response of Slack's description", async () => {
    expect(generatedViolations(await description(SLACK_FILE), seeds)).toEqual([]);
  });
  it('for the multi-file 3.0 and the 3.1 fixtures', async () => {
    for (const file of ['petstore-multi/api.yaml', 'notes-3.1/notes.yaml']) {
      expect(generatedViolations(await loadOpenApiDescription(`${FIXTURES}${file}`), seeds)).toEqual([]);
    }
  });
});

describe('SampleGenerator', () => {
  const doc = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {},
    components: {
      schemas: {
        Node: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, child: { $ref: '#/components/schemas/Node' } },
        },
      },
    },
  } as const;
  const generator = new SampleGenerator(doc as never);

  it('is a function of the schema and the random source', () => {
    const schema = {
      type: 'object',
      properties: { id: { type: 'string', format: 'uuid' }, n: { type: 'integer' } },
    };
    const a = generator.generate(schema, seededRandom('s', 'r'));
    expect(generator.generate(schema, seededRandom('s', 'r'))).toEqual(a);
    expect(generator.generate(schema, seededRandom('t', 'r'))).not.toEqual(a);
  });

  it('uses the values the description gives before inventing any', () => {
    const r = () => seededRandom('0');
    expect(generator.generate({ type: 'string', example: 'given' }, r())).toBe('given');
    expect(generator.generate({ type: 'integer', default: 5 }, r())).toBe(5);
    expect(generator.generate({ const: 'c' }, r())).toBe('c');
    expect(generator.generate({ type: 'string', examples: ['first', 'second'] }, r())).toBe('first');
    expect(['a', 'b']).toContain(generator.generate({ type: 'string', enum: ['a', 'b'] }, r()));
  });

  it('honours ranges, multipleOf, lengths, patterns and formats', () => {
    for (let i = 0; i < 50; i++) {
      const r = seededRandom(String(i));
      const n = generator.generate({ type: 'integer', minimum: 10, maximum: 20, multipleOf: 5 }, r) as number;
      expect([10, 15, 20]).toContain(n);
      const x = generator.generate(
        { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1 },
        r,
      ) as number;
      expect(x > 0 && x <= 1).toBe(true);
      expect(
        (generator.generate({ type: 'string', minLength: 30, maxLength: 31 }, r) as string).length,
      ).toBeGreaterThanOrEqual(30);
      expect(generator.generate({ type: 'string', pattern: '^SM[0-9a-f]{32}$' }, r)).toMatch(
        /^SM[0-9a-f]{32}$/,
      );
      expect(generator.generate({ type: 'string', format: 'date-time' }, r)).toMatch(
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
      );
      expect(
        generator.generate({ type: 'array', items: { type: 'boolean' }, minItems: 2, maxItems: 2 }, r),
      ).toHaveLength(2);
    }
  });

  it('stops a recursive schema and keeps its required properties', () => {
    const value = generator.generate({ $ref: '#/components/schemas/Node' }, seededRandom('0')) as Record<
      string,
      unknown
    >;
    let depth = 0;
    for (let node: Record<string, unknown> | undefined = value; node; node = node.child as typeof node) {
      expect(typeof node.name).toBe('string');
      depth += 1;
    }
    expect(depth).toBeGreaterThan(1);
    expect(depth).toBeLessThan(6);
  });

  it('leaves writeOnly properties out of responses and readOnly ones out of requests', () => {
    const schema = {
      type: 'object',
      properties: { secret: { type: 'string', writeOnly: true }, id: { type: 'integer', readOnly: true } },
    };
    expect(Object.keys(generator.generate(schema, seededRandom('0'), 'response') as object)).toEqual(['id']);
    expect(Object.keys(generator.generate(schema, seededRandom('0'), 'request') as object)).toEqual([
      'secret',
    ]);
  });
});
