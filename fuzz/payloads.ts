/**
 * Hostile text for free-text fields: template and Markdown injection, HTML and script breaking, shell and path
 * tricks, control characters, unicode edge cases, placeholders in the wrong place, and huge or pathological strings.
 */
export const INJECTION_PAYLOADS: readonly string[] = [
  '{{constructor.constructor("return process")()}}',
  '{{{lookup this "constructor"}}}',
  '{{#each this}}{{@key}}{{/each}}',
  '</script><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"; rm -rf / #',
  '$(touch /tmp/pwned)',
  '`id`',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '${connection.password}',
  '${inputs.__proto__}',
  '$${inputs.x}',
  '{{{text}}}',
  '__proto__',
  'constructor',
  '# heading\n- item\n| a | b |',
  '[link](javascript:alert(1))',
  'line1\r\nline2\u2028line3',
  'tab\tnull\u0000bell\u0007esc\u001b]0;title\u0007',
  '\u202egnp.exe',
  '\ud800 lone surrogate',
  '😀👍🏽 emoji',
  'A'.repeat(70_000),
  '{'.repeat(20_000),
  '${'.repeat(20_000),
  'https://user:pass@evil.example/',
];

/** Distinctive secret values: if one shows up in any output, file, log or trace, the harness reports it. */
export function plantedSecret(seed: number, n: number): string {
  return `PLANTED-${seed.toString(36)}-${n}-S3cr3tV4lue`;
}
