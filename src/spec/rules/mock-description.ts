import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SpecRule } from './rule.js';

/** `mock: {openapi: <path>}` names a file next to the spec: simulate and test would otherwise fail much later. */
export const mockDescription: SpecRule = {
  name: 'mock-description',
  codes: ['OC-SPEC-MOCK-DESCRIPTION'],
  description: "The OpenAPI description named by `mock.openapi` exists, relative to the spec's folder.",
  check({ spec, specDir }) {
    if (typeof spec.mock !== 'object') return [];
    const path = resolve(specDir, spec.mock.openapi);
    if (existsSync(path) && statSync(path).isFile()) return [];
    return [
      {
        code: 'OC-SPEC-MOCK-DESCRIPTION',
        severity: 'error',
        pointer: '/mock/openapi',
        message: `the OpenAPI description "${spec.mock.openapi}" does not exist next to the spec (looked for ${path})`,
        hint: "give the path of the vendor's OpenAPI description (JSON or YAML) relative to this file",
      },
    ];
  },
};
