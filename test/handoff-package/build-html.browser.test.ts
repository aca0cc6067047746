import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnector } from '../../src/handoff-package/build.js';
import type { BuildResult } from '../../src/handoff-package/types.js';
import { packagePath } from '../../src/util/paths.js';
import { Browser, findChromium, type Page } from '../support/chromium.js';

/**
 * build.html as a person sees it: the Twilio connector built to a temp folder and opened in headless Chromium. The
 * test follows every link of the table of contents and checks each flow's section (diagram drawn, every card step
 * listed). Screenshots go to OC_SCREENSHOT_DIR when set (to look at them), else to the temp folder.
 */
const chromium = findChromium();
const why = 'no Chromium or Chrome binary on PATH (set CHROMIUM_PATH, or apt-get install chromium)';

describe.skipIf(!chromium)(`build.html in headless Chromium${chromium ? '' : ` (skipped: ${why})`}`, () => {
  const root = mkdtempSync(join(tmpdir(), 'oc-browser-'));
  let result: BuildResult;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    cpSync(packagePath('connectors/twilio'), join(root, 'twilio'), { recursive: true });
    result = await buildConnector(join(root, 'twilio', 'connector.yaml'), {
      outDir: join(root, 'dist'),
      zip: false,
    });
    expect(result.ok).toBe(true);
    browser = Browser.launch(chromium as string);
    page = await browser.open(pathToFileURL(join(root, 'dist', 'twilio', 'build.html')).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('follows every link of the table of contents to its heading', async () => {
    const links = await page.evaluate<string[]>(
      `[...document.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))`,
    );
    // Settings, Authentication and one link per flow.
    expect(links).toHaveLength(2 + result.flows.length);
    for (const href of links) {
      expect(href, 'a table-of-contents link').toMatch(/^#./);
      const landed = await page.evaluate<{ target: string | null; top: number; atBottom: boolean }>(`
        new Promise((resolve) => {
          document.querySelector('nav a[href="${href}"]').click();
          requestAnimationFrame(() => requestAnimationFrame(() => {
            const target = document.querySelector(':target');
            resolve({
              target: target ? target.id : null,
              top: target ? target.getBoundingClientRect().top : NaN,
              atBottom: innerHeight + scrollY >= document.documentElement.scrollHeight - 1,
            });
          }));
        })`);
      expect(landed.target, href).toBe(href.slice(1));
      // The heading is scrolled to the top of the window (or the page cannot scroll further).
      if (!landed.atBottom) expect(Math.abs(landed.top), href).toBeLessThan(2);
    }
  });

  it('shows every flow with its diagram drawn and every card as a numbered step', async () => {
    const sections = await page.evaluate<
      Array<{
        id: string;
        name: string;
        svg: { w: number; h: number; shapes: number } | null;
        declared: number;
        steps: string[];
      }>
    >(`[...document.querySelectorAll('section')].map((s) => {
      const h = s.querySelector('h3');
      const svg = s.querySelector('.diagram svg');
      const box = svg && svg.getBoundingClientRect();
      const count = [...s.querySelectorAll('p')].map((p) => p.textContent).find((t) => /^Cards, in order \\(\\d+\\):$/.test(t));
      return {
        id: h ? h.id : '',
        name: h ? h.textContent : '',
        svg: svg ? { w: box.width, h: box.height, shapes: svg.querySelectorAll('rect, path, line, polyline, polygon').length } : null,
        declared: count ? Number(/\\((\\d+)\\)/.exec(count)[1]) : -1,
        steps: [...s.querySelectorAll('.card > p:first-child > strong')].map((x) => x.textContent),
      };
    })`);
    expect(sections.map((s) => s.name)).toEqual(result.flows.map((f) => f.name));
    for (const [i, s] of sections.entries()) {
      const flow = result.flows[i]!;
      expect(s.svg, `${s.name}: diagram`).not.toBeNull();
      expect(s.svg!.w, `${s.name}: diagram width`).toBeGreaterThan(50);
      expect(s.svg!.h, `${s.name}: diagram height`).toBeGreaterThan(50);
      expect(s.svg!.shapes, `${s.name}: diagram shapes`).toBeGreaterThan(0);
      expect(s.declared, `${s.name}: card count`).toBe(flow.cards);
      expect(s.steps.length, `${s.name}: steps`).toBe(flow.cards);
      // Steps are numbered 1, 2, 3…; cards inside an If Error branch as 14.1.1, 14.2.1… under their card.
      const numbers = s.steps.map((t) => /^(\d+(?:\.\d+)*)\. \S/.exec(t)?.[1] ?? `not numbered: ${t}`);
      const top = numbers.filter((n) => !n.includes('.'));
      expect(top, `${s.name}: step numbers`).toEqual(top.map((_, n) => String(n + 1)));
      for (const n of numbers.filter((x) => x.includes('.')))
        expect(top, `${s.name}: step ${n} under its card`).toContain(n.split('.')[0]);
      expect(new Set(numbers).size, `${s.name}: unique step numbers`).toBe(numbers.length);
    }
  });

  it('draws every card label inside its box', async () => {
    const overflowing = await page.evaluate<
      string[]
    >(`[...document.querySelectorAll('.diagram g.card')].flatMap((g) => {
      const box = g.querySelector('rect').getBBox();
      return [...g.querySelectorAll('text')]
        .filter((t) => { const b = t.getBBox(); return b.x < box.x + 2 || b.x + b.width > box.x + box.width - 2; })
        .map((t) => t.textContent);
    })`);
    expect(overflowing).toEqual([]);
  });

  it('takes screenshots of the top of the sheet and of two flows', async () => {
    const dir = process.env.OC_SCREENSHOT_DIR ?? join(root, 'screenshots');
    mkdirSync(dir, { recursive: true });
    const anchors = await page.evaluate<string[]>(
      `[...document.querySelectorAll('section h3')].map((h) => h.id)`,
    );
    const shots: Array<[string, string]> = [
      ['top', 'scrollTo(0, 0)'],
      ['helper', `document.getElementById(${JSON.stringify(anchors[0])}).scrollIntoView()`],
      ['helper-diagram', `document.querySelector('section .diagram').scrollIntoView()`],
      ['action', `document.getElementById(${JSON.stringify(anchors[2])}).scrollIntoView()`],
    ];
    for (const [name, script] of shots) {
      await page.evaluate(script);
      const png = await page.screenshot();
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000);
      writeFileSync(join(dir, `build-html-${name}.png`), png);
    }
    // Nothing wider than the window: a person never scrolls sideways to read a step.
    expect(
      await page.evaluate<number>(`document.documentElement.scrollWidth - innerWidth`),
    ).toBeLessThanOrEqual(0);
  });
});
