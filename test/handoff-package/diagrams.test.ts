import { describe, expect, it } from 'vitest';
import { toSvg, xml } from '../../src/handoff-package/diagram-svg.js';
import { buildFlowGraph, flattenGraph } from '../../src/handoff-package/flow-graph.js';
import { mermaidText, toMermaid } from '../../src/handoff-package/mermaid.js';
import { HOSTILE, onlyFlo, sample } from './helpers.js';

function hostileGraph() {
  const flo = onlyFlo(sample('telephony_inline_hook_whatsapp_sms.flow'));
  const graph = buildFlowGraph(flo);
  flattenGraph(graph.steps).forEach((node, i) => (node.name = HOSTILE[i % HOSTILE.length] as string));
  return graph;
}

describe('toMermaid', () => {
  it('writes a flowchart TD with one node per visible card and labelled lane edges', () => {
    const graph = buildFlowGraph(onlyFlo(sample('telephony_inline_hook_whatsapp_sms.flow')));
    const text = toMermaid(graph);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart TD');
    expect(lines.filter((l) => /^ {2}n[0-9_]+\[/.test(l))).toHaveLength(flattenGraph(graph.steps).length);
    expect(text).toContain('n3 -->|"True"| n3_1_1');
    expect(text).toContain('n3 -->|"False"| n3_2_1');
    expect(text).toContain('n7_1_3 --> n8');
    expect(text).toContain('n7_2_2 --> n8');
  });

  it('keeps hostile card names inside their quoted labels', () => {
    const text = toMermaid(hostileGraph());
    for (const line of text.trimEnd().split('\n').slice(1)) {
      // Every line is a node `id["…"]` or an edge; no raw quote, bracket, backtick or newline escapes a label.
      expect(line).toMatch(
        /^ {2}(n[0-9_]+\["[^"`<>\n]*<br\/>[^"`<>\n]*"\]|n[0-9_]+ -->(\|"[^"]*"\|)? n[0-9_]+)$/,
      );
    }
    expect(text).not.toContain('</script>');
    expect(mermaidText('a"b#c')).toBe('a#34;b#35;c');
  });
});

describe('toSvg', () => {
  it('draws one box per card, lanes side by side, with no script or external reference', () => {
    const graph = buildFlowGraph(onlyFlo(sample('telephony_inline_hook_whatsapp_sms.flow')));
    const svg = toSvg(graph, 'flow-1');
    expect(svg.match(/<rect /g)).toHaveLength(flattenGraph(graph.steps).length);
    expect(svg).not.toMatch(/<script|href=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const xs = (n: string) => {
      const i = svg.indexOf(`>${n}.`);
      return Number(/<rect x="([\d.-]+)"/.exec(svg.slice(svg.lastIndexOf('<g', i)))?.[1]);
    };
    // The True and False branches sit side by side; the card after the If/Else is centred again.
    expect(xs('3.1.1')).toBeLessThan(xs('3.2.1'));
    expect(xs('4')).toBe(xs('1'));
  });

  it('escapes hostile names as XML text', () => {
    const svg = toSvg(hostileGraph(), 'x"y');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('"]; click');
    expect(svg).toContain('&lt;/script&gt;');
    expect(svg).toContain('id="x_y-arrow"');
    expect(xml('<a href="x">&\u0007</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});
