/**
 * Card addresses (reference §1.4): `root:kernel:<module>:0.0.1:<key>` for kernel (function) cards and
 * `root:channels:http:<channel>:<version>:<key>` for channel (connector, HTTP function) cards. The one parser of
 * them: every reader (lint, the simulator, the build sheet, the tests) asks here.
 */
export interface CardAddress {
  family: 'kernel' | 'channel';
  /** Kernel module (`control`, `string` …) or channel key (`httpfunctions`, `okta`). */
  module: string;
  version: string;
  key: string;
  /** `<module>:<key>` (`control:if`, `httpfunctions:raw`): the kind, whatever its version. */
  tail: string;
}

/**
 * The parts of an address, or undefined when it is neither shape. Kernel addresses have exactly five parts; a
 * channel address is read leniently (any `…:channels:…` with a channel key), as lint has always read it.
 */
export function parseAddress(address: string): CardAddress | undefined {
  const parts = address.split(':');
  if (parts.length === 5 && parts[0] === 'root' && parts[1] === 'kernel') {
    const [, , module = '', version = '', key = ''] = parts;
    return { family: 'kernel', module, version, key, tail: `${module}:${key}` };
  }
  if (parts[1] === 'channels' && parts.length > 3) {
    const module = parts[3] ?? '';
    const key = parts[parts.length - 1] ?? '';
    return { family: 'channel', module, version: parts[4] ?? '', key, tail: `${module}:${key}` };
  }
  return undefined;
}

/**
 * `control:if`, `httpfunctions:raw`: the kind of a card whatever its version. Addresses of no known shape fall back
 * to their third-last and last parts, so a hand-edited card still gets a name to report.
 */
export function addressTail(address: string): string {
  const parsed = parseAddress(address);
  if (parsed) return parsed.tail;
  const parts = address.split(':');
  return parts.length >= 3 ? `${parts[parts.length - 3]}:${parts[parts.length - 1]}` : address;
}

/** Kernel (function) cards run inside Workflows; everything else (channel cards) calls a service over HTTP. */
export function isKernelAddress(address: string): boolean {
  return address.startsWith('root:kernel:');
}

/** The kernel address of a card kind. */
export function kernelAddress(module: string, key: string): string {
  return `root:kernel:${module}:0.0.1:${key}`;
}

/** The address of a channel card kind at a version. */
export function channelAddress(channel: string, version: string, key: string): string {
  return `root:channels:http:${channel}:${version}:${key}`;
}
