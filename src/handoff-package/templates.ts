import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packagePath } from '../util/paths.js';
import { mdCode, mdEscape, mdFence } from './markdown.js';

/**
 * The hand-off templates (templates/handoff/*.hbs) on an isolated Handlebars instance.
 * HTML templates rely on Handlebars' own escaping (`{{ }}`); Markdown templates pass user text through the `md`
 * and `code` helpers. No template uses `{{{ }}}`: trusted markup built in code (the SVG diagrams) arrives as a
 * SafeString. Values that end up in JSON are never templated (manifest.ts stringifies them).
 *
 * The package build precompiles every template (scripts/compile-templates.mjs → dist/handoff-package/
 * templates.compiled.cjs), so a `build` loads only Handlebars' small runtime and compiles nothing; from source
 * (tests) the templates are compiled here, once per process, with the same options.
 */

// Handlebars is CommonJS; require keeps loading synchronous and lets the runtime alone be loaded.
const require = createRequire(import.meta.url);
// Relative to this module's folder so it holds in dist/handoff-package and in the CLI bundle (dist/bundle) alike.
const PRECOMPILED = fileURLToPath(new URL('../handoff-package/templates.compiled.cjs', import.meta.url));
const TEMPLATE_DIR = 'templates/handoff/';
/** `strict` makes a misspelt field a build error, not a blank. Shared by run-time compiling and precompiling. */
export const TEMPLATE_OPTIONS = { strict: true } as const;

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

export interface Precompiled {
  templates: Record<string, TemplateSpecification>;
  partials: Record<string, TemplateSpecification>;
}

type HandlebarsEnvironment = typeof import('handlebars');

let environment:
  { hb: HandlebarsEnvironment; templates: Map<string, HandlebarsTemplateDelegate> } | undefined;

function loadPrecompiled(): Precompiled | undefined {
  try {
    return require(PRECOMPILED) as Precompiled;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'MODULE_NOT_FOUND' && e.message.includes('templates.compiled')) return undefined;
    throw error;
  }
}

/** An environment from precompiled specs (runtime only) or, from source, compiled from the .hbs files. */
export function createTemplateEnvironment(precompiled?: Precompiled): {
  hb: HandlebarsEnvironment;
  templates: Map<string, HandlebarsTemplateDelegate>;
} {
  const templates = new Map<string, HandlebarsTemplateDelegate>();
  if (precompiled) {
    const hb = (require('handlebars/runtime') as HandlebarsEnvironment).create();
    registerHelpers(hb);
    for (const [name, spec] of Object.entries(precompiled.partials))
      hb.registerPartial(name, hb.template(spec));
    for (const [name, spec] of Object.entries(precompiled.templates)) templates.set(name, hb.template(spec));
    return { hb, templates };
  }
  const hb = (require('handlebars') as HandlebarsEnvironment).create();
  registerHelpers(hb);
  const sources = templateSources();
  for (const [name, source] of Object.entries(sources.partials)) hb.registerPartial(name, source);
  for (const [name, source] of Object.entries(sources.templates))
    templates.set(name, hb.compile(source, TEMPLATE_OPTIONS));
  return { hb, templates };
}

function registerHelpers(hb: HandlebarsEnvironment): void {
  const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
  hb.registerHelper('md', (value: unknown) => new hb.SafeString(mdEscape(text(value))));
  hb.registerHelper('code', (value: unknown) => new hb.SafeString(mdCode(text(value))));
  hb.registerHelper('fence', (value: unknown) => new hb.SafeString(mdFence(text(value))));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('yesno', (value: unknown) => (value ? 'Yes' : 'No'));
}

function env() {
  return (environment ??= createTemplateEnvironment(loadPrecompiled()));
}

/** Renders `templates/handoff/<name>.hbs` with `model`. */
export function renderTemplate(name: string, model: object): string {
  const template = env().templates.get(name);
  if (!template) throw new Error(`no hand-off template named ${name}`);
  return template(model);
}

/** Marks markup built and escaped in code (the SVG diagrams) as safe for `{{ }}` in an HTML template. */
export function trustedMarkup(markup: string): { toHTML(): string; toString(): string } {
  return new (env().hb.SafeString)(markup);
}
