import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { packagePath } from '../util/paths.js';
import { mdCode, mdEscape, mdFence } from './markdown.js';

/**
 * The hand-off templates (templates/handoff/*.hbs) on an isolated Handlebars instance, compiled once per process.
 * HTML templates rely on Handlebars' own escaping (`{{ }}`); Markdown templates pass user text through the `md`
 * and `code` helpers. No template uses `{{{ }}}`: trusted markup built in code (the SVG diagrams) arrives as a
 * SafeString. Values that end up in JSON are never templated (manifest.ts stringifies them).
 */
const hb = Handlebars.create();
hb.registerHelper(
  'md',
  (value: unknown) => new hb.SafeString(mdEscape(value === undefined || value === null ? '' : String(value))),
);
hb.registerHelper(
  'code',
  (value: unknown) => new hb.SafeString(mdCode(value === undefined || value === null ? '' : String(value))),
);
hb.registerHelper(
  'fence',
  (value: unknown) => new hb.SafeString(mdFence(value === undefined || value === null ? '' : String(value))),
);
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hb.registerHelper('yesno', (value: unknown) => (value ? 'Yes' : 'No'));

const TEMPLATE_DIR = 'templates/handoff/';
const compiled = new Map<string, HandlebarsTemplateDelegate>();
let partialsLoaded = false;

function loadPartials(): void {
  if (partialsLoaded) return;
  const dir = packagePath(`${TEMPLATE_DIR}partials/`);
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.hbs')) continue;
    hb.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(`${dir}${file}`, 'utf8'));
  }
  partialsLoaded = true;
}

/** Renders `templates/handoff/<name>.hbs` with `model`; `strict` makes a misspelt field a build error, not a blank. */
export function renderTemplate(name: string, model: object): string {
  loadPartials();
  let template = compiled.get(name);
  if (!template) {
    const source = readFileSync(packagePath(`${TEMPLATE_DIR}${name}.hbs`), 'utf8');
    template = hb.compile(source, { strict: true });
    compiled.set(name, template);
  }
  return template(model);
}

/** Marks markup built and escaped in code (the SVG diagrams) as safe for `{{ }}` in an HTML template. */
export function trustedMarkup(markup: string): Handlebars.SafeString {
  return new hb.SafeString(markup);
}
