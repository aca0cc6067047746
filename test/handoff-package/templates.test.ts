import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  createTemplateEnvironment,
  renderTemplate,
  templateSources,
  trustedMarkup,
  TEMPLATE_OPTIONS,
  type Precompiled,
} from '../../src/handoff-package/templates.js';
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

describe('precompiled hand-off templates (what the package ships)', () => {
  /** What scripts/compile-templates.mjs writes, evaluated back into objects. */
  function precompiled(): Precompiled {
    const Handlebars = createRequire(import.meta.url)('handlebars') as typeof import('handlebars');
    const specs = (sources: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(sources).map(([name, source]) => [
          name,
          new Function(
            `return ${Handlebars.precompile(source, TEMPLATE_OPTIONS)}`,
          )() as TemplateSpecification,
        ]),
      );
    const { templates, partials } = templateSources();
    return { templates: specs(templates), partials: specs(partials) };
  }

  it('render every template of the Twilio connector to the same text as templates compiled at run time', async () => {
    const { spec } = await loadValidSpec(packagePath('connectors/twilio/connector.yaml'));
    const { flopack, flows } = generateConnector(spec);
    const common = { tool: { name: 't', version: '1' }, accent: '#000000', flopackFile: 'x' };
    const fromSource = createTemplateEnvironment();
    const shipped = createTemplateEnvironment(precompiled());
    expect([...shipped.templates.keys()]).toEqual([...fromSource.templates.keys()]);
    const sheet = buildSheetModel(spec, flopack, flows);
    const docs = { ...buildDocsModel(spec, flopack, flows), ...common };
    const specPath = packagePath('connectors/twilio/connector.yaml');
    const { scenarios } = await loadBuildScenarios(specPath, specPath);
    const tests = buildTestPackage(spec, { flopack, flows }, scenarios)!;
    const models: Record<string, object> = {
      'testing.md': tests.testing,
      'build-sheet.md': { ...sheet, ...common },
      'build-sheet.html': { ...sheet, ...common },
      'docs-index.md': docs,
      'docs-authorization.md': docs,
      'docs-action.md': { ...docs, action: docs.actions[0] },
      'docs.html': docs,
    };
    expect(Object.keys(models).sort()).toEqual([...fromSource.templates.keys()].sort());
    for (const [name, model] of Object.entries(models)) {
      const expected = fromSource.templates.get(name)!(model);
      expect(expected.length).toBeGreaterThan(200);
      expect(shipped.templates.get(name)!(model), name).toBe(expected);
    }
  });
});
