export type ApiOperation =
  | 'messages.create'
  | 'messages.list'
  | 'messages.fetch'
  | 'messages.update'
  | 'messages.delete'
  | 'incomingPhoneNumbers.list'
  | 'incomingPhoneNumbers.fetch'
  | 'incomingPhoneNumbers.update';

export type Route =
  | { kind: 'api'; op: ApiOperation; accountSid: string; sid?: string }
  | { kind: 'inspect'; name: string }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed' };

const PREFIX = '/2010-04-01/Accounts/';

/** Maps a method and path to an operation: the `.json` Messages routes (reference §2.1, §8.1) and the list of numbers. */
export function route(method: string, path: string): Route {
  if (path.startsWith('/__mock/')) return { kind: 'inspect', name: path.slice('/__mock/'.length) };
  if (!path.startsWith(PREFIX)) return { kind: 'not-found' };
  const parts = path.slice(PREFIX.length).split('/');
  const accountSid = parts[0] ?? '';
  if (accountSid === '' || parts[1] === undefined) return { kind: 'not-found' };
  if (parts.length === 2 && parts[1] === 'Messages.json') {
    if (method === 'POST') return { kind: 'api', op: 'messages.create', accountSid };
    if (method === 'GET') return { kind: 'api', op: 'messages.list', accountSid };
    return { kind: 'method-not-allowed' };
  }
  if (parts.length === 2 && parts[1] === 'IncomingPhoneNumbers.json') {
    if (method === 'GET') return { kind: 'api', op: 'incomingPhoneNumbers.list', accountSid };
    return { kind: 'method-not-allowed' };
  }
  if (parts.length === 3 && parts[1] === 'IncomingPhoneNumbers' && parts[2]!.endsWith('.json')) {
    const sid = parts[2]!.slice(0, -'.json'.length);
    if (sid === '') return { kind: 'not-found' };
    if (method === 'GET') return { kind: 'api', op: 'incomingPhoneNumbers.fetch', accountSid, sid };
    if (method === 'POST') return { kind: 'api', op: 'incomingPhoneNumbers.update', accountSid, sid };
    return { kind: 'method-not-allowed' };
  }
  if (parts.length === 3 && parts[1] === 'Messages' && parts[2]!.endsWith('.json')) {
    const sid = parts[2]!.slice(0, -'.json'.length);
    if (sid === '') return { kind: 'not-found' };
    if (method === 'GET') return { kind: 'api', op: 'messages.fetch', accountSid, sid };
    if (method === 'POST') return { kind: 'api', op: 'messages.update', accountSid, sid };
    if (method === 'DELETE') return { kind: 'api', op: 'messages.delete', accountSid, sid };
    return { kind: 'method-not-allowed' };
  }
  return { kind: 'not-found' };
}
