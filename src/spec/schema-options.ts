/** ajv settings shared by the run-time compile (src/spec/schema.ts) and the build-time one (scripts/compile-schema.mjs). */
export const ajvOptions = { allErrors: true, discriminator: true, strict: false, verbose: true } as const;
export const schemaFormats = ['email', 'uri'];
