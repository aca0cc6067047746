import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { pointerSegments, type Position, type SourceDocument } from '../source/document.js';

/** A SourceDocument whose positions can be looked up for many pointers in one pass over the text. */
export interface BatchLocatingDocument extends SourceDocument {
  locateMany(pointers: readonly string[]): Map<string, Position | undefined>;
}

interface TrieNode {
  offset?: number;
  children: Map<string, TrieNode>;
}

/**
 * A SourceDocument for JSON text parsed with JSON.parse. Building a YAML AST for a 400-flow folder takes seconds;
 * this scans the raw text only when positions are asked for, once for all of them, skipping subtrees no pointer
 * enters. Like document.ts, a pointer that goes past what exists resolves to its deepest existing ancestor.
 */
export function jsonSourceDocument(rawText: string, data: unknown, file: string): BatchLocatingDocument {
  const text = rawText.replace(/^\uFEFF/, '');
  let lineStarts: number[] | undefined;
  const position = (offset: number): Position => {
    lineStarts ??= computeLineStarts(text);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const locateMany = (pointers: readonly string[]) => {
    const root: TrieNode = { children: new Map() };
    const paths = pointers.map((p) => pointerSegments(p));
    for (const segments of paths) {
      let node = root;
      for (const seg of segments) {
        let next = node.children.get(seg);
        if (!next) node.children.set(seg, (next = { children: new Map() }));
        node = next;
      }
    }
    new Scanner(text).scanValue(root);
    const result = new Map<string, Position | undefined>();
    pointers.forEach((pointer, i) => {
      let node: TrieNode | undefined = root;
      let best = root.offset;
      for (const seg of paths[i]!) {
        node = node.children.get(seg);
        if (node?.offset === undefined) break;
        best = node.offset;
      }
      result.set(pointer, best === undefined ? undefined : position(best));
    });
    return result;
  };
  const locate = (pointer: string) => locateMany([pointer]).get(pointer);
  return {
    file,
    text: rawText,
    data,
    locate,
    locateMany,
    at: (pointer: string, d: Omit<Diagnostic, 'file' | 'line' | 'column' | 'pointer'>) => ({
      ...d,
      file,
      pointer,
      ...locate(pointer),
    }),
  };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A minimal scanner over text already known to be valid JSON (JSON.parse accepted it). */
class Scanner {
  private i = 0;
  constructor(private readonly text: string) {}

  scanValue(node: TrieNode): void {
    this.ws();
    node.offset = this.i;
    const c = this.text[this.i];
    if (node.children.size === 0) return this.skipValue();
    if (c === '{') return this.scanObject(node);
    if (c === '[') return this.scanArray(node);
    this.skipValue();
  }

  private scanObject(node: TrieNode): void {
    this.i++;
    for (;;) {
      this.ws();
      if (this.text[this.i] === '}') return void this.i++;
      const key = this.readString();
      this.ws();
      this.i++; // ':'
      const next = node.children.get(key);
      if (next) this.scanValue(next);
      else this.skipValue();
      this.ws();
      if (this.text[this.i] === ',') this.i++;
    }
  }

  private scanArray(node: TrieNode): void {
    this.i++;
    for (let index = 0; ; index++) {
      this.ws();
      if (this.text[this.i] === ']') return void this.i++;
      const next = node.children.get(String(index));
      if (next) this.scanValue(next);
      else this.skipValue();
      this.ws();
      if (this.text[this.i] === ',') this.i++;
    }
  }

  private readString(): string {
    const start = this.i;
    this.skipString();
    const raw = this.text.slice(start, this.i);
    return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  private skipString(): void {
    const text = this.text;
    let i = this.i + 1;
    for (;;) {
      const q = text.indexOf('"', i);
      if (q === -1) {
        this.i = text.length;
        return;
      }
      let backslashes = 0;
      for (let j = q - 1; text[j] === '\\'; j--) backslashes++;
      i = q + 1;
      if (backslashes % 2 === 0) break;
    }
    this.i = i;
  }

  private skipValue(): void {
    this.ws();
    const text = this.text;
    const c = text[this.i];
    if (c === '"') return this.skipString();
    if (c === '{' || c === '[') {
      let depth = 0;
      while (this.i < text.length) {
        const ch = text[this.i];
        if (ch === '"') {
          this.skipString();
          continue;
        }
        if (ch === '{' || ch === '[') depth++;
        else if (ch === '}' || ch === ']') {
          depth--;
          if (depth === 0) {
            this.i++;
            return;
          }
        }
        this.i++;
      }
      return;
    }
    while (this.i < text.length && !',}] \t\r\n'.includes(text[this.i]!)) this.i++;
  }

  private ws(): void {
    const text = this.text;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) break;
      this.i++;
    }
  }
}
