import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import { packagePath } from '../util/paths.js';
import { ajvOptions, schemaFormats } from './schema-options.js';

/** Where the shipped schema lives; editors reach it through `# yaml-language-server: $schema=...`. */
export const CONNECTOR_SCHEMA_PATH = packagePath('schema/connector.schema.json');

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

// ajv and its standalone output are CommonJS; require keeps this synchronous.
const require = createRequire(import.meta.url);
// Relative to this module's folder so it holds in dist/spec and in the CLI bundle (dist/bundle) alike.
const PRECOMPILED = fileURLToPath(new URL('../spec/connector-validator.cjs', import.meta.url));
let validator: SchemaValidator | undefined;

/**
 * The connector schema's validator. The build precompiles it (scripts/compile-schema.mjs) so a cold `validate`
 * loads neither ajv's compiler nor the schema; from source (tests) it is compiled here, once per process.
 */
export function connectorSchemaValidator(): SchemaValidator {
  if (!validator) validator = loadPrecompiled() ?? compileAtRunTime();
  return validator;
}

function loadPrecompiled(): SchemaValidator | undefined {
  try {
    return require(PRECOMPILED) as SchemaValidator;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'MODULE_NOT_FOUND' && e.message.includes('connector-validator')) return undefined;
    throw error;
  }
}

function compileAtRunTime(): SchemaValidator {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const addFormats = require('ajv-formats') as (ajv: unknown, formats: string[]) => void;
  const ajv = new Ajv(ajvOptions);
  addFormats(ajv, schemaFormats);
  return ajv.compile(JSON.parse(readFileSync(CONNECTOR_SCHEMA_PATH, 'utf8')) as object);
}
