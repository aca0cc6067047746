import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import { packagePath } from '../util/paths.js';

/** Where the shipped schema lives; editors reach it through `# yaml-language-server: $schema=...`. */
export const CONNECTOR_SCHEMA_PATH = packagePath('schema/connector.schema.json');

let compiled: ValidateFunction | undefined;

/** The connector schema, compiled once per process (ajv compilation is the slow part of `validate`). */
export function connectorSchemaValidator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(CONNECTOR_SCHEMA_PATH, 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, discriminator: true, strict: false, verbose: true });
    // ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
    const addFormats = ajvFormats.default as unknown as (ajv: Ajv, formats: string[]) => Ajv;
    addFormats(ajv, ['email', 'uri']);
    compiled = ajv.compile(schema);
  }
  return compiled;
}
