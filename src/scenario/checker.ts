import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toPointer, type SourceDocument } from '../source/document.js';
import { didYouMean } from '../util/did-you-mean.js';

export const SCENARIO_CODES = {
  shape: 'OC-SCENARIO-SHAPE',
  unknownKey: 'OC-SCENARIO-UNKNOWN-KEY',
  required: 'OC-SCENARIO-REQUIRED',
  regex: 'OC-SCENARIO-REGEX',
} as const;

export type Path = Array<string | number>;
export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Hand checks that record located diagnostics instead of throwing, so one run reports every problem. */
export class Checker {
  constructor(
    private readonly doc: SourceDocument,
    private readonly out: Diagnostic[],
  ) {}

  error(path: Path, code: string, message: string, hint?: string): void {
    this.out.push(
      this.doc.at(toPointer(path), { severity: 'error', code, message, ...(hint ? { hint } : {}) }),
    );
  }

  /** Like error(), but at the key itself: the document locates values, and a block value starts a line later. */
  errorAtKey(path: Path, code: string, message: string, hint?: string): void {
    const key = String(path[path.length - 1]);
    const d = this.doc.at(toPointer(path), { severity: 'error', code, message, ...(hint ? { hint } : {}) });
    const lines = this.doc.text.split('\n');
    const pattern = new RegExp(`(^|[\\s{,])(["']?)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\2\\s*:`);
    for (let line = d.line ?? 0; line >= Math.max(1, (d.line ?? 0) - 3); line--) {
      const m = pattern.exec(lines[line - 1] ?? '');
      if (m) {
        this.out.push({ ...d, line, column: m.index + m[1]!.length + 1 });
        return;
      }
    }
    this.out.push(d);
  }

  object(v: unknown, path: Path, what: string, optional = false): Obj | undefined {
    if (v === undefined || v === null) {
      if (!optional) this.error(path, SCENARIO_CODES.shape, `${what} must be a mapping`);
      return undefined;
    }
    if (!isObj(v)) {
      this.error(path, SCENARIO_CODES.shape, `${what} must be a mapping (key: value), found ${describe(v)}`);
      return undefined;
    }
    return v;
  }

  keys(o: Obj, path: Path, allowed: readonly string[]): void {
    for (const key of Object.keys(o)) {
      if (allowed.includes(key)) continue;
      const guess = didYouMean(key, allowed);
      this.errorAtKey(
        [...path, key],
        SCENARIO_CODES.unknownKey,
        `unknown key "${key}"${path.length ? ` in ${path.filter((p) => typeof p === 'string').join('.')}` : ''}; expected one of ${allowed.join(', ')}`,
        guess ? `did you mean "${guess}"?` : undefined,
      );
    }
  }

  string(v: unknown, path: Path, required: boolean): string | undefined {
    if (v === undefined || v === null) {
      if (required) this.error(path, SCENARIO_CODES.required, `\`${path.join('.')}\` is required`);
      return undefined;
    }
    if (typeof v !== 'string' || v === '') {
      this.error(
        path,
        SCENARIO_CODES.shape,
        `\`${path.join('.')}\` must be a non-empty string, found ${describe(v)}`,
      );
      return undefined;
    }
    return v;
  }

  boolean(v: unknown, path: Path): boolean | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') {
      this.error(
        path,
        SCENARIO_CODES.shape,
        `\`${path.join('.')}\` must be true or false, found ${describe(v)}`,
      );
      return undefined;
    }
    return v;
  }

  integer(v: unknown, path: Path, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
      this.error(
        path,
        SCENARIO_CODES.shape,
        `\`${path.join('.')}\` must be an integer ${range}, found ${describe(v)}`,
      );
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(v: unknown, path: Path, allowed: readonly T[], required: boolean): T | undefined {
    if (v === undefined || v === null) {
      if (required)
        this.error(
          path,
          SCENARIO_CODES.required,
          `\`${path.join('.')}\` is required (one of ${allowed.join(', ')})`,
        );
      return undefined;
    }
    if (typeof v !== 'string' || !allowed.includes(v as T)) {
      const guess = typeof v === 'string' ? didYouMean(v, allowed) : undefined;
      this.error(
        path,
        SCENARIO_CODES.shape,
        `\`${path.join('.')}\` must be one of ${allowed.join(', ')}, found ${describe(v)}`,
        guess ? `did you mean "${guess}"?` : undefined,
      );
      return undefined;
    }
    return v as T;
  }

  /** Every `{ match: ... }` under `expect` must hold a valid regular expression. */
  matchers(v: unknown, path: Path): void {
    if (Array.isArray(v)) return v.forEach((x, i) => this.matchers(x, [...path, i]));
    if (!isObj(v)) return;
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === 'match') {
      const pattern = v.match;
      if (typeof pattern !== 'string') {
        this.error([...path, 'match'], SCENARIO_CODES.regex, '`match` must be a regular expression string');
        return;
      }
      try {
        new RegExp(pattern);
      } catch (error) {
        this.error(
          [...path, 'match'],
          SCENARIO_CODES.regex,
          `invalid regular expression: ${(error as Error).message}`,
        );
      }
      return;
    }
    for (const [k, x] of Object.entries(v)) this.matchers(x, [...path, k]);
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}
