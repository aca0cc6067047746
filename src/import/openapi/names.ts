import { CUSTOM_API_ACTION_NAME, HTTP_HELPER_FLOW_NAME } from '../../connector/contract.js';
import { isValidFlowName, suggestFlowName } from '../../connector/flow-names.js';
import { humanize } from '../../init/names.js';
import type { OpenApiOperation } from '../../openapi/operations.js';

/** Longest action name the spec schema allows. */
const MAX_NAME = 100;
/** A summary longer than this reads as a sentence, not a card name: the operationId is used instead. */
const MAX_SUMMARY_WORDS = 6;
const ARTICLES = new Set(['a', 'an', 'the']);
const SMALL_WORDS = new Set(['of', 'to', 'for', 'in', 'on', 'by', 'with', 'and', 'or', 'from', 'at', 'as']);
/** Operator characters in parameter names (Twilio's `DateSent<`) spelled as words, so keys stay distinct. */
const SYMBOL_WORDS: Record<string, string> = {
  '<': ' before ',
  '>': ' after ',
  '=': ' equals ',
  '@': ' at ',
};

/** `Send a message` → `Send Message`; `chat_postMessage` → `Chat Post Message`; undefined when nothing usable. */
function cardName(text: string): string | undefined {
  const words = (suggestFlowName(humanize(text.replace(/[_.\-/]+/g, ' '))) ?? '').split(' ').filter(Boolean);
  const kept = words.filter((w, i) => i === 0 || !ARTICLES.has(w.toLowerCase()));
  const named = kept
    .map((w, i) =>
      i > 0 && SMALL_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1),
    )
    .join(' ');
  return named === '' ? undefined : truncateWords(named, MAX_NAME);
}

function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max).trim();
}

/** Candidate names for an operation, best first: a short summary, the operationId, the method and path. */
export function nameCandidates(op: OpenApiOperation): string[] {
  const out: string[] = [];
  const summary = op.summary?.trim();
  if (summary && summary.split(/\s+/).length <= MAX_SUMMARY_WORDS) out.push(cardName(summary) ?? '');
  if (op.operationId) out.push(cardName(op.operationId) ?? '');
  out.push(cardName(`${op.method} ${op.path.replace(/[{}]/g, '')}`) ?? '');
  return out.filter((n) => n !== '' && isValidFlowName(n));
}

/**
 * Gives each operation a distinct action name under Okta's flow-name rule (CBDE000003H) and its uniqueness rule
 * (CBDE000001H, compared without case, generated flows included). A clash falls back to the next candidate, then a
 * number: deterministic for a given order of operations.
 */
export class ActionNamer {
  private readonly taken = new Set([
    CUSTOM_API_ACTION_NAME.toLowerCase(),
    HTTP_HELPER_FLOW_NAME.toLowerCase(),
  ]);

  name(op: OpenApiOperation): { name: string; numbered: boolean } {
    const candidates = nameCandidates(op);
    for (const candidate of candidates) {
      if (this.take(candidate)) return { name: candidate, numbered: false };
    }
    const base = truncateWords(candidates[0] ?? 'Operation', MAX_NAME - 4);
    for (let n = 2; ; n++) {
      const numbered = `${base} ${n}`;
      if (this.take(numbered)) return { name: numbered, numbered: true };
    }
  }

  private take(name: string): boolean {
    const key = name.toLowerCase();
    if (this.taken.has(key)) return false;
    this.taken.add(key);
    return true;
  }
}

/** `StatusCallback` → `statusCallback`, `thread_ts` → `threadTs`, `DateSent<` → `dateSentBefore`, `2fa` → `x2fa`. */
export function keyFor(name: string): string {
  const spaced = [...name].map((c) => SYMBOL_WORDS[c] ?? c).join('');
  const words = spaced
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const key = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  if (key === '') return 'value';
  return /^[A-Za-z]/.test(key) ? key : `x${key}`;
}

/** `StatusCallback` → `Status Callback`, `thread_ts` → `Thread Ts`, `DateSent<` → `Date Sent Before`. */
export function labelFor(name: string): string {
  const spaced = [...name].map((c) => SYMBOL_WORDS[c] ?? c).join('');
  return humanize(spaced.replace(/[^A-Za-z0-9]+/g, ' ').trim()) || name;
}

/** Hands out unique keys within one namespace (an action's options and inputs, its outputs, the connection). */
export class KeyAllocator {
  private readonly taken: Set<string>;
  constructor(reserved: Iterable<string> = []) {
    this.taken = new Set([...reserved].map((k) => k.toLowerCase()));
  }

  take(name: string): string {
    const base = keyFor(name);
    let key = base;
    for (let n = 2; this.taken.has(key.toLowerCase()); n++) key = `${base}${n}`;
    this.taken.add(key.toLowerCase());
    return key;
  }
}

/** Labels must be unique among an action's outputs (OC-SPEC-DUPLICATE-KEY compares them without case). */
export class LabelAllocator {
  private readonly taken = new Set<string>();
  take(label: string): string {
    let out = label;
    for (let n = 2; this.taken.has(out.toLowerCase()); n++) out = `${label} ${n}`;
    this.taken.add(out.toLowerCase());
    return out;
  }
}

/**
 * Markdown (as descriptions use it) to one plain paragraph: links keep their text, code marks and emphasis go,
 * whitespace collapses, and long text is cut at a sentence end.
 */
export function plainText(markdown: string | undefined, max = 300): string | undefined {
  if (!markdown) return undefined;
  const firstParagraph = markdown.trim().split(/\n\s*\n/)[0] ?? '';
  let text = firstParagraph
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > max) {
    const cut = text.slice(0, max);
    const end = cut.lastIndexOf('. ');
    text = end > max / 3 ? cut.slice(0, end + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
  }
  return text === '' ? undefined : text;
}
