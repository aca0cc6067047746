import { compose, isOutputRef, type ComposePart, type Value } from '../flopack/builder/index.js';
import { parseTemplate } from '../spec/placeholders.js';
import type { TemplateScope } from './template-scope.js';

export interface TextOptions {
  /** Percent-encode the literal text at build time (form values). */
  encodeText?: boolean;
  /** Percent-encode referenced values at run time with Encode Component (path segments, form values). */
  encodeRefs?: boolean;
  /** Card name for the Compose card, when one is needed. */
  name?: string;
}

/** The parts of a template as Compose parts (literal text and referenced outputs). */
export function templateParts(scope: TemplateScope, template: string, opts: TextOptions = {}): ComposePart[] {
  return parseTemplate(template).parts.map((p) => {
    if (p.kind === 'text') return opts.encodeText ? encodeURIComponent(p.text) : p.text;
    return opts.encodeRefs ? scope.encodedRef(p.source, p.key) : scope.refs.resolve(p.source, p.key);
  });
}

/**
 * A templated spec string as a value: the literal itself when it has no placeholders, the referenced output
 * when it is exactly one placeholder (type preserved), otherwise a Compose card (reference §1.6).
 */
export function textValue(
  scope: TemplateScope,
  path: string,
  template: string,
  opts: TextOptions = {},
): Value {
  const parts = templateParts(scope, template, opts);
  if (parts.every((p) => typeof p === 'string')) return parts.join('');
  if (parts.length === 1 && isOutputRef(parts[0])) return parts[0];
  return compose(scope.flow, path, parts, opts.name);
}
