import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  compiledTemplateSource,
  evaluateTemplateModule,
  renderTemplate,
  renderTemplateBytes,
  renderTemplateParts,
  templateSources,
  trustedMarkup,
} from '../../src/handoff-package/templates.js';
import { compileTemplateModule } from '../../src/handoff-package/template-compiler.js';
import { HELPERS, runtime } from '../../src/handoff-package/template-runtime.js';
import { mdCode, mdEscape, mdFence } from '../../src/handoff-package/markdown.js';
import { buildTestPackage, loadBuildScenarios } from '../../src/handoff-package/test-package.js';
import { buildSheetModel } from '../../src/handoff-package/sheet-model.js';
import { loadValidSpec } from '../../src/spec/validate.js';
import { packagePath } from '../../src/util/paths.js';
import { buildDocsModel } from '../../src/handoff-package/docs-model.js';
import { generateConnector } from '../../src/generate/index.js';
import { baseSpec } from '../spec/helpers.js';

/** A docs model whose every user string is hostile. */
function hostileDocs(text: string) {
  const spec = baseSpec();
  spec.displayName = text;
  spec.description = text;
  spec.supportEmail = text;
  const action = spec.actions[0];
  if (!action) throw new Error('base spec changed');
  action.description = text;
  for (const input of action.inputs ?? []) input.description = text;
  const { flopack, flows } = generateConnector(spec);
  return {
    ...buildDocsModel(spec, flopack, flows),
    tool: { name: 't', version: '1' },
    accent: '#000000',
    flopackFile: 'x',
  };
}

describe('hand-off templates', () => {
  it('render {{ and </script> in user text as text, never as template code or markup (HTML)', () => {
    const html = renderTemplate('docs.html', hostileDocs('{{connector.name}} {{{x}}} </script><b>x</b>'));
    expect(html).toContain('{{connector.name}} {{{x}}} &lt;/script&gt;&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('</script>');
    expect(html).not.toContain('<b>x</b>');
  });

  it('render {{ and </script> in user text as escaped Markdown text', () => {
    const model = hostileDocs('{{connector.name}} </script> *x*');
    const md = renderTemplate('docs-action.md', { ...model, action: model.actions[0] });
    expect(md).toContain('\\{\\{connector.name\\}\\} \\</script\\> \\*x\\*');
    expect(md).not.toMatch(/(^|[^\\])<\/script>/);
  });

  it('inserts trusted markup (diagrams) only through SafeString', () => {
    const markup = trustedMarkup('<svg></svg>');
    expect(String(markup)).toBe('<svg></svg>');
  });
});

describe('compiled hand-off templates (what the package ships)', () => {
  /** The same templates rendered by Handlebars itself (strict mode): the reference the compiler must match. */
  function handlebarsTemplates(): Map<string, (model: object) => string> {
    const Handlebars = createRequire(import.meta.url)('handlebars') as typeof import('handlebars');
    const hb = Handlebars.create();
    const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
    hb.registerHelper('md', (v: unknown) => new hb.SafeString(mdEscape(text(v))));
    hb.registerHelper('code', (v: unknown) => new hb.SafeString(mdCode(text(v))));
    hb.registerHelper('fence', (v: unknown) => new hb.SafeString(mdFence(text(v))));
    hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    hb.registerHelper('yesno', (v: unknown) => (v ? 'Yes' : 'No'));
    const { templates, partials } = templateSources();
    for (const [name, source] of Object.entries(partials)) hb.registerPartial(name, source);
    return new Map(
      Object.entries(templates).map(([name, source]) => [name, hb.compile(source, { strict: true })]),
    );
  }

  /** Diagrams as Handlebars' own SafeString, for the reference renderer. */
  function forHandlebars(model: Record<string, unknown>): object {
    const Handlebars = createRequire(import.meta.url)('handlebars') as typeof import('handlebars');
    const flows = model.flows as Array<Record<string, unknown>> | undefined;
    return Array.isArray(flows) && flows.every((f) => 'svg' in f)
      ? {
          ...model,
          flows: flows.map((f) => ({
            ...f,
            mermaid: new Handlebars.SafeString(String(f.mermaid)),
            svg: new Handlebars.SafeString(String(f.svg)),
          })),
        }
      : model;
  }

  async function models(): Promise<Record<string, Record<string, unknown>>> {
    const { spec } = await loadValidSpec(packagePath('connectors/twilio/connector.yaml'));
    const { flopack, flows } = generateConnector(spec);
    const common = { tool: { name: 't', version: '1' }, accent: '#000000', flopackFile: 'x' };
    const sheet = buildSheetModel(spec, flopack, flows);
    const sheetView = {
      ...sheet,
      ...common,
      flows: sheet.flows.map((f) => ({ ...f, mermaid: trustedMarkup(f.mermaid), svg: trustedMarkup(f.svg) })),
    };
    // The richest section: an action flow with options, inputs, outputs and an If Error lane.
    const actionSection = sheetView.flows.find((f) => f.name === 'Send Message')!;
    const docs = { ...buildDocsModel(spec, flopack, flows), ...common };
    const hostile = hostileDocs('{{x}} </script> *x* & "q" \'a\' `b` =');
    const specPath = packagePath('connectors/twilio/connector.yaml');
    const { scenarios } = await loadBuildScenarios(specPath, specPath);
    const tests = buildTestPackage(spec, { flopack, flows }, scenarios)!;
    return {
      'testing.md': tests.testing as unknown as Record<string, unknown>,
      'build-sheet.md': sheetView,
      'build-sheet.html': sheetView,
      'build-sheet-flow.md': actionSection,
      'build-sheet-flow.html': actionSection,
      'build-sheet-tail.md': sheetView,
      'build-sheet-tail.html': sheetView,
      'docs-index.md': docs,
      'docs-authorization.md': docs,
      'docs-action.md': { ...docs, action: docs.actions[0] },
      'docs.html': docs,
      'hostile docs.html': hostile,
      'hostile docs-action.md': { ...hostile, action: hostile.actions[0] },
    };
  }

  it('render every template of the Twilio connector (and hostile text) to the same text as Handlebars', async () => {
    const reference = handlebarsTemplates();
    const shipped = evaluateTemplateModule(compiledTemplateSource())(runtime).templates;
    expect(Object.keys(shipped).sort()).toEqual([...reference.keys()].sort());
    const all = await models();
    expect(new Set(Object.keys(all).map((k) => k.replace(/^hostile /, '')))).toEqual(
      new Set(reference.keys()),
    );
    for (const [key, model] of Object.entries(all)) {
      const name = key.replace(/^hostile /, '');
      const expected = reference.get(name)!(forHandlebars(model));
      expect(expected.length).toBeGreaterThan(50);
      expect(shipped[name]!(model), key).toBe(expected);
      expect(renderTemplate(name, model), key).toBe(expected);
      expect(renderTemplateBytes(name, model).toString('utf8'), key).toBe(expected);
    }
  });

  it('render to bytes in shared slabs: every piece keeps its bytes as later renders fill and replace slabs', async () => {
    const all = await models();
    const section = all['build-sheet-flow.html']!;
    // A section too large for a slab (its own buffer) among ones that share slabs.
    const huge = { ...section, description: `${'x'.repeat(50_000)} › ${'y'.repeat(50_000)}` };
    const cases: Array<[string, object]> = [
      ['build-sheet-flow.md', all['build-sheet-flow.md']!],
      ['build-sheet-flow.html', section],
      ['build-sheet-flow.html', huge],
      ['docs-action.md', all['docs-action.md']!],
    ];
    const expected = cases.map(([name, model]) => Buffer.from(renderTemplate(name, model), 'utf8'));
    const rendered = Array.from({ length: 400 }, (_, i) => renderTemplateParts(...cases[i % cases.length]!));
    const slabs = new Set(rendered.flat().map((part) => part.buffer));
    expect(slabs.size).toBeGreaterThan(2);
    expect(slabs.size).toBeLessThan(rendered.flat().length / 4);
    rendered.forEach((parts, i) =>
      expect(Buffer.concat(parts).equals(expected[i % cases.length]!)).toBe(true),
    );
  });

  it('refuses template syntax it does not compile, naming the template and the place', () => {
    const Handlebars = createRequire(import.meta.url)('handlebars') as typeof import('handlebars');
    const parse = (source: string) => Handlebars.parse(source) as never;
    const compile = (source: string) =>
      compileTemplateModule({ templates: { t: source }, partials: {} }, parse, HELPERS);
    expect(() => compile('a\n{{{raw}}}')).toThrow(/template t:2:1: triple-stash/);
    expect(() => compile('{{#each xs as |x|}}{{x}}{{/each}}')).toThrow(/block parameters/);
    expect(() => compile('{{lookup a b}}')).toThrow(/the helper "lookup"/);
    expect(() => compile('{{@index}}')).toThrow(/@index/);
    expect(() => compile('{{> missing}}')).toThrow(/unknown partial "missing"/);
  });

  it('keeps Handlebars strict mode: a missing field is an error, not a blank', () => {
    const { accent, ...model } = hostileDocs('x');
    expect(renderTemplate('docs.html', { ...model, accent })).toContain('<html');
    expect(() => renderTemplate('docs.html', model)).toThrow('"accent" not defined');
  });
});
