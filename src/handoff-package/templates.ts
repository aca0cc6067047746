import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packagePath } from '../util/paths.js';
import { compileTemplateModule, type Parse } from './template-compiler.js';
import { HELPERS, runtime, SafeString, type TemplateRuntime } from './template-runtime.js';

/**
 * The hand-off templates (templates/handoff/*.hbs, Handlebars syntax) compiled to plain JavaScript by
 * template-compiler.ts, with Handlebars' strict-mode semantics. HTML templates rely on `{{ }}` escaping; Markdown
 * templates pass user text through the `md` and `code` helpers. No template uses `{{{ }}}`: trusted markup built in
 * code (the SVG diagrams) arrives as a SafeString. Values that end up in JSON are never templated (manifest.ts
 * stringifies them).
 *
 * The package build compiles every template (scripts/compile-templates.mjs → dist/handoff-package/
 * templates.compiled.cjs), so a `build` loads neither Handlebars nor a compiler; from source (tests) the templates
 * are compiled here, once per process, by the same compiler.
 */

// createRequire keeps loading synchronous, in dist and in the CLI bundle alike.
const require = createRequire(import.meta.url);
// Relative to this module's folder so it holds in dist/handoff-package and in the CLI bundle (dist/bundle) alike.
const PRECOMPILED = fileURLToPath(new URL('../handoff-package/templates.compiled.cjs', import.meta.url));
const TEMPLATE_DIR = 'templates/handoff/';

type TemplateFn = (model: object, sink?: (text: string) => void) => string;
export type TemplateModule = (r: TemplateRuntime) => {
  templates: Record<string, TemplateFn>;
  partials: Record<string, TemplateFn>;
};

/** The template and partial sources, by name (file name without `.hbs`), in name order. */
export function templateSources(): { templates: Record<string, string>; partials: Record<string, string> } {
  const read = (dir: string): Record<string, string> =>
    Object.fromEntries(
      readdirSync(packagePath(dir))
        .filter((file) => file.endsWith('.hbs'))
        .sort()
        .map((file) => [file.replace(/\.hbs$/, ''), readFileSync(packagePath(`${dir}${file}`), 'utf8')]),
    );
  return { templates: read(TEMPLATE_DIR), partials: read(`${TEMPLATE_DIR}partials/`) };
}

/** The source of templates.compiled.cjs: every template compiled, Handlebars used only to parse them. */
export function compiledTemplateSource(): string {
  const handlebars = require('handlebars') as { parse: Parse };
  return compileTemplateModule(templateSources(), (source) => handlebars.parse(source), HELPERS);
}

/** Evaluates a compiled module's source (what `require` does with templates.compiled.cjs). */
export function evaluateTemplateModule(source: string): TemplateModule {
  const module = { exports: undefined as unknown };
  new Function('module', 'exports', source)(module, module.exports);
  return module.exports as TemplateModule;
}

function loadCompiled(): TemplateModule | undefined {
  try {
    return require(PRECOMPILED) as TemplateModule;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'MODULE_NOT_FOUND' && e.message.includes('templates.compiled')) return undefined;
    throw error;
  }
}

let templates: Record<string, TemplateFn> | undefined;

function loaded(): Record<string, TemplateFn> {
  return (templates ??= (loadCompiled() ?? evaluateTemplateModule(compiledTemplateSource()))(
    runtime,
  ).templates);
}

/** Renders `templates/handoff/<name>.hbs` with `model`. */
export function renderTemplate(name: string, model: object): string {
  const template = loaded()[name];
  if (!template) throw new Error(`no hand-off template named ${name}`);
  return template(model);
}

/** `renderTemplate` as UTF-8, encoded piece by piece while it renders (build sheets reach tens of MB). */
export function renderTemplateBytes(name: string, model: object): Buffer {
  const parts = renderTemplateParts(name, model);
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** The pieces of `renderTemplateBytes`, not joined (a large build sheet is then never held twice). */
export function renderTemplateParts(name: string, model: object): Buffer[] {
  const template = loaded()[name];
  if (!template) throw new Error(`no hand-off template named ${name}`);
  const parts: Buffer[] = [];
  const rest = template(model, (text) => parts.push(utf8(text)));
  parts.push(utf8(rest));
  return parts;
}

/**
 * Rendered text is encoded into a shared slab, each piece a view of it: Buffer.from gives every piece over 4 KB
 * (each flow's section of the build sheets) a buffer of its own, and allocating those cost about as much as encoding.
 * A slab is freed once no view of it is left.
 */
const SLAB_BYTES = 1024 * 1024;
let slab = Buffer.alloc(0);
let slabUsed = 0;

function utf8(text: string): Buffer {
  // UTF-8 needs at most 3 bytes per UTF-16 code unit.
  const most = text.length * 3;
  if (most > slab.length - slabUsed) {
    // Large pieces get their own buffer: a new slab for them would mostly go unused.
    if (most > SLAB_BYTES / 8) return Buffer.from(text, 'utf8');
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    slabUsed = 0;
  }
  const start = slabUsed;
  slabUsed += slab.write(text, start, 'utf8');
  return slab.subarray(start, slabUsed);
}

/** Marks markup built and escaped in code (the SVG diagrams) as safe for `{{ }}` in an HTML template. */
export function trustedMarkup(markup: string): SafeString {
  return new SafeString(markup);
}
