/**
 * Compiles the hand-off templates (Handlebars syntax, parsed by Handlebars itself, standalone-line whitespace rules
 * included) into plain JavaScript that appends strings: one function per template, blocks as inline loops and
 * branches, contexts as local variables. Same output as Handlebars' strict mode for the subset the templates use
 * (`{{path}}`, `{{helper param}}`, `#if`, `#unless`, `#each`, `#with`, `{{else}}`, `@first`, `@last`, `../`,
 * `{{> partial}}`); anything else is refused when compiling, so a template can never silently render differently.
 * Run at package build time (scripts/compile-templates.mjs) and, from source, by templates.ts.
 */

/** The parts of Handlebars' AST (hbs.AST) that the compiler reads. */
interface Node {
  type: string;
  [key: string]: unknown;
}
interface Program extends Node {
  body: Node[];
}
interface PathNode extends Node {
  data: boolean;
  depth: number;
  parts: string[];
  original: string;
}

export type Parse = (source: string) => Program;

/** Known helper names, and which of them produce markup that `{{ }}` must not escape again. */
export interface HelperInfo {
  safe: boolean;
}

interface Scope {
  /** Context variables, innermost last (`../` walks back; `#if` adds none, as in Handlebars). */
  contexts: string[];
  /** The innermost `#each`'s @first / @last variables. */
  data: { first: string; last: string } | null;
}

class Compiler {
  private counter = 0;
  constructor(
    private readonly name: string,
    private readonly helpers: Record<string, HelperInfo>,
    private readonly partials: ReadonlySet<string>,
  ) {}

  fail(node: Node, what: string): never {
    const loc = node.loc as { start?: { line: number; column: number } } | undefined;
    const at = loc?.start ? `:${loc.start.line}:${loc.start.column + 1}` : '';
    throw new Error(`template ${this.name}${at}: ${what} is not supported by the template compiler`);
  }

  fresh(prefix: string): string {
    return `${prefix}${++this.counter}`;
  }

  program(program: Program | null | undefined, scope: Scope, out: string[]): void {
    if (!program) return;
    for (const node of program.body) this.statement(node, scope, out);
  }

  statement(node: Node, scope: Scope, out: string[]): void {
    switch (node.type) {
      case 'ContentStatement':
        if (node.value) out.push(`o += ${JSON.stringify(node.value)};`);
        return;
      case 'CommentStatement':
        return;
      case 'MustacheStatement':
        out.push(`o += ${this.mustache(node, scope)};`);
        return;
      case 'BlockStatement':
        this.block(node, scope, out);
        return;
      case 'PartialStatement':
        this.partial(node, scope, out);
        return;
      default:
        this.fail(node, node.type);
    }
  }

  /** A path's value; `strictTerminal` as Handlebars' strict mode does for `{{path}}` (not for helper params). */
  path(path: PathNode, scope: Scope, strictTerminal: boolean): string {
    if (path.data) {
      if (path.depth || path.parts.length !== 1 || !scope.data) this.fail(path, `@${path.original}`);
      const name = path.parts[0];
      if (name === 'first') return scope.data.first;
      if (name === 'last') return scope.data.last;
      this.fail(path, `@${name}`);
    }
    const index = scope.contexts.length - 1 - path.depth;
    if (index < 0) this.fail(path, `"${path.original}" (above the root)`);
    let expr = scope.contexts[index]!;
    const parts = path.parts;
    const last = strictTerminal ? parts.length - 1 : parts.length;
    for (let i = 0; i < last; i++) expr = `${expr}${access(parts[i]!)}`;
    if (strictTerminal && parts.length > 0) expr = strictLookup(expr, parts.at(-1)!);
    return expr;
  }

  param(node: Node, scope: Scope): string {
    switch (node.type) {
      case 'PathExpression':
        return this.path(node as PathNode, scope, false);
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
        return JSON.stringify(node.value);
      case 'NullLiteral':
        return 'null';
      case 'UndefinedLiteral':
        return 'undefined';
      default:
        return this.fail(node, node.type);
    }
  }

  mustache(node: Node, scope: Scope): string {
    if (node.escaped !== true) this.fail(node, 'triple-stash {{{ }}}');
    if (node.hash) this.fail(node, 'a hash argument');
    const path = node.path as PathNode;
    const params = node.params as Node[];
    const context = scope.contexts.at(-1)!;
    if (path.type !== 'PathExpression') this.fail(node, path.type);
    // A bare name may be a helper (`{{yesno}}`); `this.x`, `./x` and `../x` never are (Handlebars' simple ids).
    const simple =
      !path.data && path.depth === 0 && path.parts.length === 1 && path.original === path.parts[0];
    const helper = simple ? this.helpers[path.parts[0]!] : undefined;
    if (params.length > 0 || helper) {
      if (!helper) this.fail(node, `the helper "${path.original}"`);
      const args = params.map((p) => this.param(p, scope)).join(', ');
      const call = `r.helpers${access(path.parts[0]!)}.fn(${args})`;
      return helper.safe ? `String(${call})` : `r.escape(${call})`;
    }
    if (path.parts.length === 0 && !path.data) return `r.escape(${this.path(path, scope, true)})`;
    return `r.escape(r.lambda(${this.path(path, scope, true)}, ${context}))`;
  }

  block(node: Node, scope: Scope, out: string[]): void {
    const path = node.path as PathNode;
    const params = node.params as Node[];
    const name = path.parts[0];
    if (node.hash) this.fail(node, 'a hash argument');
    if (path.depth || path.data || path.parts.length !== 1 || params.length !== 1)
      this.fail(node, `the block {{#${path.original}}}`);
    if ((node.program as Program | null)?.blockParams) this.fail(node, 'block parameters');
    const value = this.param(params[0]!, scope);
    const context = scope.contexts.at(-1)!;
    const program = node.program as Program | null;
    const inverse = node.inverse as Program | null;
    switch (name) {
      case 'if':
      case 'unless': {
        const [yes, no] = name === 'if' ? [program, inverse] : [inverse, program];
        out.push(`if (r.truthy(${value}, ${context})) {`);
        this.program(yes, scope, out);
        out.push('} else {');
        this.program(no, scope, out);
        out.push('}');
        return;
      }
      case 'with': {
        const v = this.fresh('w');
        out.push(`{ const ${v} = r.lambda(${value}, ${context});`);
        out.push(`if (r.present(${v})) {`);
        this.program(program, { contexts: [...scope.contexts, v], data: scope.data }, out);
        out.push('} else {');
        this.program(inverse, scope, out);
        out.push('} }');
        return;
      }
      case 'each': {
        const list = this.fresh('a');
        const i = this.fresh('i');
        const item = this.fresh('c');
        const data = { first: `(${i} === 0)`, last: `(${i} === ${list}.length - 1)` };
        out.push(`{ const ${list} = r.items(${value}, ${context});`);
        out.push(`for (let ${i} = 0; ${i} < ${list}.length; ${i}++) { const ${item} = ${list}[${i}];`);
        this.program(program, { contexts: [...scope.contexts, item], data }, out);
        // Long outputs leave in pieces (see compileTemplate): no rope of a million strings, no 25 MB flattening.
        out.push(`if (sink !== undefined && o.length > ${FLUSH_AT}) { sink(o); o = ''; }`);
        out.push('}');
        if (inverse) {
          out.push(`if (${list}.length === 0) {`);
          this.program(inverse, scope, out);
          out.push('}');
        }
        out.push('}');
        return;
      }
      default:
        this.fail(node, `the block helper "${path.original}"`);
    }
  }

  partial(node: Node, scope: Scope, out: string[]): void {
    const name = node.name as Node;
    if (name.type !== 'PathExpression' || (node.params as Node[]).length > 0 || node.hash)
      this.fail(node, 'a partial with arguments');
    const partial = (name as PathNode).original;
    if (!this.partials.has(partial)) this.fail(node, `the unknown partial "${partial}"`);
    const call = `partials[${JSON.stringify(partial)}](${scope.contexts.at(-1)})`;
    const by = typeof node.indent === 'string' ? node.indent : '';
    out.push(`o += ${by ? `r.indent(${call}, ${JSON.stringify(by)})` : call};`);
  }
}

/**
 * `r.strict(parent, name)` with the common case inline: a plain object that has the field is read at the call site,
 * where the engine caches the object's shape (inside `r.strict` every field of every template shares one lookup).
 * Anything else goes through `r.strict`, which reads it or throws as Handlebars' strict mode does. `s` is a
 * scratch variable of the template function; the parent expression never contains a strict lookup itself.
 */
function strictLookup(parent: string, name: string): string {
  const key = JSON.stringify(name);
  return `(typeof (s = ${parent}) === 'object' && s !== null && ${key} in s ? s${access(name)} : r.strict(s, ${key}))`;
}

/** `.name` when it is an identifier, else `["name"]`. */
function access(part: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`;
}

/** Characters of output a template holds before handing them to its sink. */
const FLUSH_AT = 32 * 1024;

/**
 * One template as the source of `function (c0, sink) { ... return o; }` over the runtime `r` and `partials`.
 * Without `sink` it returns the whole text; with one, it passes the text on in pieces as it goes and returns the
 * rest.
 */
export function compileTemplate(
  name: string,
  source: string,
  parse: Parse,
  helpers: Record<string, HelperInfo>,
  partials: ReadonlySet<string>,
): string {
  const compiler = new Compiler(name, helpers, partials);
  const out: string[] = [];
  compiler.program(parse(source), { contexts: ['c0'], data: null }, out);
  return `function (c0, sink) {\nlet o = '', s;\n${out.join('\n')}\nreturn o;\n}`;
}

/**
 * Every template and partial as the source of a CommonJS module exporting `(r) => ({ templates, partials })`,
 * `r` being template-runtime.ts's `runtime`.
 */
export function compileTemplateModule(
  sources: { templates: Record<string, string>; partials: Record<string, string> },
  parse: Parse,
  helpers: Record<string, HelperInfo>,
): string {
  const partialNames = new Set(Object.keys(sources.partials));
  const entries = (group: Record<string, string>) =>
    Object.entries(group)
      .map(
        ([name, source]) =>
          `  ${JSON.stringify(name)}: ${compileTemplate(name, source, parse, helpers, partialNames)},`,
      )
      .join('\n');
  return (
    `'use strict';\nmodule.exports = function (r) {\n` +
    `const partials = {\n${entries(sources.partials)}\n};\n` +
    `const templates = {\n${entries(sources.templates)}\n};\n` +
    `return { templates, partials };\n};\n`
  );
}
