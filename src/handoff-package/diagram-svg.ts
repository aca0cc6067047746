import { boundedMemo } from '../util/bounded-memo.js';
import type { FlowGraph, GraphNode } from './flow-graph.js';

/**
 * Draws a flow graph as a self-contained SVG at build time, so build.html shows every flow offline with no script:
 * boxes top to bottom, lanes (If/Else branches, If Error try/error) side by side, then merging again.
 * All text is XML-escaped here; the result is trusted markup for the HTML template.
 */
const BOX_W = 272;
const BOX_H = 46;
const GAP = 30;
const LABEL_H = 18;
const LANE_GAP = 24;
const MERGE_H = 18;
const PAD = 16;
/** Room for a label inside a box: its width less a margin on each side. */
const LABEL_ROOM = BOX_W - 16;

interface Size {
  width: number;
  height: number;
}

export function toSvg(graph: FlowGraph, idPrefix: string): string {
  const safeId = idPrefix.replace(/[^A-Za-z0-9_-]/g, '_');
  const size = measureSequence(graph.steps);
  const width = Math.max(size.width, BOX_W) + PAD * 2;
  const height = Math.max(size.height, BOX_H) + PAD * 2;
  const out: string[] = [];
  drawSequence(graph.steps, width / 2, PAD, out, `url(#${safeId}-arrow)`);
  if (graph.steps.length === 0) out.push(text(width / 2, PAD + BOX_H / 2, '(no cards)', 'svg-type'));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="flow-diagram" role="img" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" aria-label="${xml(`Diagram of the flow ${graph.name}`)}">` +
    `<defs><marker id="${safeId}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" ` +
    `orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>` +
    out.join('') +
    `</svg>`
  );
}

function measureNode(node: GraphNode): Size {
  if (node.lanes.length === 0) return { width: BOX_W, height: BOX_H };
  const lanes = node.lanes.map((l) => measureSequence(l.steps));
  const lanesWidth = lanes.reduce((w, l) => w + Math.max(l.width, BOX_W), 0) + LANE_GAP * (lanes.length - 1);
  const laneHeight = Math.max(0, ...lanes.map((l) => l.height));
  return { width: Math.max(BOX_W, lanesWidth), height: BOX_H + GAP + LABEL_H + laneHeight + MERGE_H };
}

function measureSequence(steps: readonly GraphNode[]): Size {
  let width = 0;
  let height = 0;
  steps.forEach((node, i) => {
    const s = measureNode(node);
    width = Math.max(width, s.width);
    height += s.height + (i > 0 ? GAP : 0);
  });
  return { width, height };
}

/** Draws the steps centred on `cx` from `top`; returns the bottom y. */
function drawSequence(
  steps: readonly GraphNode[],
  cx: number,
  top: number,
  out: string[],
  marker: string,
): number {
  let y = top;
  steps.forEach((node, i) => {
    if (i > 0) {
      out.push(line(`${cx},${y} ${cx},${y + GAP}`, marker));
      y += GAP;
    }
    y = drawNode(node, cx, y, out, marker);
  });
  return y;
}

function drawNode(node: GraphNode, cx: number, top: number, out: string[], marker: string): number {
  const x = cx - BOX_W / 2;
  const event = node.number === '1';
  out.push(
    `<g class="card"><title>${xml(`${node.number}. ${node.name} (${node.type})`)}</title>` +
      `<rect x="${x}" y="${top}" width="${BOX_W}" height="${BOX_H}" rx="6" ry="6" ` +
      `fill="${event ? '#e8f0fe' : '#ffffff'}" stroke="${event ? '#1a56db' : '#666'}" stroke-width="1.2"/>` +
      text(cx, top + 19, clip(`${node.number}. ${node.name}`, NAME_FONT), 'svg-name') +
      text(cx, top + 36, clipSmall(node.type), 'svg-type') +
      `</g>`,
  );
  if (node.lanes.length === 0) return top + BOX_H;
  const sizes = node.lanes.map((l) => measureSequence(l.steps));
  const widths = sizes.map((s) => Math.max(s.width, BOX_W));
  const total = widths.reduce((a, b) => a + b, 0) + LANE_GAP * (widths.length - 1);
  const laneTop = top + BOX_H + GAP + LABEL_H;
  const mergeY = laneTop + Math.max(0, ...sizes.map((s) => s.height)) + MERGE_H;
  let left = cx - total / 2;
  node.lanes.forEach((lane, k) => {
    const lx = left + (widths[k] as number) / 2;
    left += (widths[k] as number) + LANE_GAP;
    const forkY = top + BOX_H + GAP / 2;
    out.push(
      line(
        `${cx},${top + BOX_H} ${cx},${forkY} ${lx},${forkY} ${lx},${laneTop}`,
        lane.steps.length ? marker : undefined,
      ),
    );
    out.push(text(lx + 4, laneTop - 5, clipSmall(lane.label), 'svg-lane', 'start'));
    const bottom = lane.steps.length ? drawSequence(lane.steps, lx, laneTop, out, marker) : laneTop;
    out.push(line(`${lx},${bottom} ${lx},${mergeY} ${cx},${mergeY}`));
  });
  return mergeY;
}

/**
 * A polyline through `points` ("x,y x,y …"). The points come as text: arrays of coordinates were small-integer or
 * double arrays by turns, and the optimized code of each kind was thrown away on meeting the other.
 */
function line(points: string, marker?: string): string {
  return `<polyline points="${points}" fill="none" stroke="#555" stroke-width="1.2"${marker ? ` marker-end="${marker}"` : ''}/>`;
}

function text(x: number, y: number, value: string, cls: string, anchor = 'middle'): string {
  const style =
    cls === 'svg-name'
      ? 'font-size="13" font-weight="600" fill="#111"'
      : cls === 'svg-lane'
        ? 'font-size="11" font-style="italic" fill="#1a56db"'
        : 'font-size="11" fill="#555"';
  return `<text x="${x}" y="${y}" text-anchor="${anchor}" font-family="system-ui, sans-serif" ${style}>${xml(value)}</text>`;
}

const NAME_FONT = { px: 13, bold: true };
const TYPE_FONT = { px: 11, bold: false };

/** A card type or lane label clipped: a flow has many cards but a few dozen kinds, measured once each. */
const clipSmall = boundedMemo((label: string) => clip(label, TYPE_FONT));

/**
 * Estimated width in em of each ASCII character (anything else: 0.64), on the wide side (a bold system-ui face; the
 * browser test measures the drawn text), since the SVG is drawn before any font is known. A table, not a regex per
 * character: every card's name and type is measured.
 */
const OTHER_EM = 0.64;
const ASCII_EM = Float64Array.from({ length: 128 }, (_, code) => {
  const c = String.fromCharCode(code);
  return /[iIl.,:;!|'`j ]/.test(c)
    ? 0.34
    : /[frt()[\]{}\-]/.test(c)
      ? 0.45
      : /[MWmw@]/.test(c)
        ? 1
        : /[A-Z]/.test(c)
          ? 0.76
          : OTHER_EM;
});

/** Whitespace that `\s+` → ' ' would change: anything but a lone space. */
const FOLDABLE_SPACE = /[^\S ]|\s\s/;

/** The label cut (with …) to what fits in a box (exported for its test). */
export function clip(s: string, font: { px: number; bold: boolean }): string {
  // Most labels have no run of whitespace to fold: skip the replace.
  const flat = FOLDABLE_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s;
  const scale = font.px * (font.bold ? 1.08 : 1);
  // One pass: labels may be very long (fuzzed names run to megabytes).
  const ellipsis = OTHER_EM * scale;
  let used = 0;
  let end = 0;
  let fitsWithEllipsis = 0;
  for (let i = 0; i < flat.length;) {
    const code = flat.charCodeAt(i);
    used += (code < 128 ? ASCII_EM[code]! : OTHER_EM) * scale;
    if (used > LABEL_ROOM) {
      return `${flat.slice(0, fitsWithEllipsis).trimEnd()}…`;
    }
    // A character is a code point: never cut a surrogate pair in two.
    i += code >= 0xd800 && code <= 0xdbff && isLowSurrogate(flat.charCodeAt(i + 1)) ? 2 : 1;
    end = i;
    if (used + ellipsis <= LABEL_ROOM) fitsWithEllipsis = end;
  }
  return flat;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** XML text and attribute escaping. */
export function xml(s: string): string {
  // Most labels need nothing: one test instead of two replaces.
  if (!XML_SPECIAL.test(s)) return s;
  // Control characters are not allowed in XML 1.0 at all, even escaped.
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
    );
}

const XML_SPECIAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF&<>"']/;
