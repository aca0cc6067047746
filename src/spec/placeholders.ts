/**
 * Placeholders in templated spec strings: `${inputs.to}`, `${options.from}`, `${connection.accountSid}`,
 * with literal text around them (`whatsapp:${inputs.to}`). `$${` is an escaped, literal `${`.
 */
export type PlaceholderSource = 'inputs' | 'options' | 'connection';
export const PLACEHOLDER_SOURCES: readonly PlaceholderSource[] = ['inputs', 'options', 'connection'];

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'ref'; source: PlaceholderSource; key: string; raw: string; offset: number };

export interface TemplateProblem {
  /** Character offset of the problem in the template string. */
  offset: number;
  raw: string;
  message: string;
}

/**
 * The body of a placeholder stops at the next `{` as well as at `}`: with `[^}]*` a text of 100,000 `${` was scanned
 * to its end from each one (quadratic, 7 s); now each scan stops at the next `${`, so the whole pass is linear.
 */
const TOKEN = /\$\$\{|\$\{([^{}]*)\}|\$\{/g;

/** Splits a template into literal text and references; malformed references are returned as problems. */
export function parseTemplate(template: string): { parts: TemplatePart[]; problems: TemplateProblem[] } {
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  // Every token holds "${": most strings (labels, literal values) have none and are all text.
  if (!template.includes('${')) {
    if (template) parts.push({ kind: 'text', text: template });
    return { parts, problems };
  }
  let text = '';
  let last = 0;
  // An exec loop on the one regex rather than matchAll, which clones the regex for every template.
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(template); m !== null; m = TOKEN.exec(template)) {
    const offset = m.index;
    text += template.slice(last, offset);
    last = offset + m[0].length;
    if (m[0] === '$${') {
      text += '${';
      continue;
    }
    if (m[1] === undefined) {
      problems.push({ offset, raw: m[0], message: 'unterminated placeholder: expected `${source.key}`' });
      text += m[0];
      continue;
    }
    // `source.key`, where the key is everything after the first dot (it may hold dots itself).
    const body = m[1].trim();
    const dot = body.indexOf('.');
    const source = dot < 0 ? body : body.slice(0, dot);
    const key = dot < 0 ? '' : body.slice(dot + 1);
    if (!PLACEHOLDER_SOURCES.includes(source as PlaceholderSource) || key === '') {
      problems.push({
        offset,
        raw: m[0],
        message: `placeholder ${m[0]} must look like \${inputs.<key>}, \${options.<key>} or \${connection.<key>}`,
      });
      text += m[0];
      continue;
    }
    if (text) parts.push({ kind: 'text', text });
    text = '';
    parts.push({ kind: 'ref', source: source as PlaceholderSource, key, raw: m[0], offset });
  }
  text += template.slice(last);
  if (text) parts.push({ kind: 'text', text });
  return { parts, problems };
}

/** The references in a template, in order. */
export function templateRefs(template: string): Array<Extract<TemplatePart, { kind: 'ref' }>> {
  return parseTemplate(template).parts.filter(
    (p): p is Extract<TemplatePart, { kind: 'ref' }> => p.kind === 'ref',
  );
}

/** Whether the template is exactly one placeholder with no literal text (its value passes through untouched). */
export function isSingleRef(template: string): boolean {
  const { parts } = parseTemplate(template);
  return parts.length === 1 && parts[0]?.kind === 'ref';
}

/** Every placeholder in a request's path, query values and header values (design-time and polling GETs). */
export function requestRefs(request: {
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}): Array<Extract<TemplatePart, { kind: 'ref' }>> {
  return [
    request.path,
    ...Object.values(request.query ?? {}),
    ...Object.values(request.headers ?? {}),
  ].flatMap((text) => templateRefs(text));
}
