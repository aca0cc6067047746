import { describe, expect, it } from 'vitest';
import { renderTemplate, trustedMarkup } from '../../src/handoff-package/templates.js';
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
