// Build step: compiles schema/connector.schema.json into standalone validation code
// (dist/spec/connector-validator.cjs) so `validate` neither loads ajv's compiler nor compiles the schema at run time.
// src/spec/schema.ts compiles at run time when the file is absent (tests run from src/).
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ajvOptions, schemaFormats } from '../dist/spec/schema-options.js';

const require = createRequire(import.meta.url);
const { Ajv } = require('ajv');
const standaloneCode = require('ajv/dist/standalone').default;
const addFormats = require('ajv-formats');

const root = new URL('../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schema/connector.schema.json', root), 'utf8'));
const ajv = new Ajv({ ...ajvOptions, code: { source: true } });
addFormats(ajv, schemaFormats);
mkdirSync(new URL('dist/spec/', root), { recursive: true });
writeFileSync(new URL('dist/spec/connector-validator.cjs', root), standaloneCode(ajv, ajv.compile(schema)));
