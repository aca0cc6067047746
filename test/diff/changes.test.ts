import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../src/diff/changes.js';
import { baseSpec, withSpec } from '../spec/helpers.js';

describe('diffSpecs', () => {
  it('finds nothing between identical specs', () => {
    expect(diffSpecs(baseSpec(), baseSpec())).toEqual([]);
  });

  it('classifies removed and newly required fields as breaking', () => {
    const after = withSpec((s) => {
      s.actions[0]!.inputs = [
        { key: 'to', label: 'To', type: 'text', required: true },
        { key: 'body', label: 'Body', type: 'text', required: true },
      ];
      s.actions[0]!.outputs = [];
    });
    expect(diffSpecs(baseSpec(), after)).toEqual([
      { impact: 'breaking', subject: 'action "Send Message" › input "body"', message: 'now required' },
      {
        impact: 'breaking',
        subject: 'action "Send Message" › output "id"',
        message: 'output removed; cards that set or read it break',
      },
    ]);
  });

  it('classifies new optional inputs and new actions as additive, labels as cosmetic', () => {
    const after = withSpec((s) => {
      s.actions[0]!.inputs!.push({ key: 'media', label: 'Media', type: 'text' });
      s.actions[0]!.options![0]!.label = 'Sender';
      s.actions.push({ ...s.actions[0]!, name: 'Send Again' });
    });
    expect(diffSpecs(baseSpec(), after).map((c) => [c.impact, c.subject])).toEqual([
      ['cosmetic', 'action "Send Message" › option "from"'],
      ['additive', 'action "Send Message" › input "media"'],
      ['additive', 'action "Send Again"'],
    ]);
  });

  it('treats a type change, a renamed action and a new auth type as breaking', () => {
    const after = withSpec((s) => {
      s.actions[0]!.name = 'Send SMS';
      s.authentication = {
        type: 'custom',
        placement: 'header',
        name: 'X-Key',
        value: '${connection.accountId}',
      };
    });
    const changes = diffSpecs(baseSpec(), after);
    expect(changes.filter((c) => c.impact === 'breaking').map((c) => c.subject)).toEqual([
      'authentication',
      'action "Send Message"',
    ]);
    const typed = withSpec((s) => (s.actions[0]!.inputs![0]!.list = true));
    expect(diffSpecs(baseSpec(), typed)[0]).toMatchObject({
      impact: 'breaking',
      message: 'type changed from text to list of text',
    });
  });

  describe('OAuth 2.0 and custom authentication (issue 12)', () => {
    const oauth = (
      change: (a: Extract<ReturnType<typeof baseSpec>['authentication'], { type: 'oauth2' }>) => void,
    ) =>
      withSpec((s) => {
        s.authentication = {
          type: 'oauth2',
          grantType: 'authorization_code',
          authorizeUrl: 'https://acme.test/authorize',
          tokenUrl: 'https://acme.test/token',
          scopes: ['read', 'write'],
        };
        change(s.authentication);
      });
    const impacts = (after: ReturnType<typeof baseSpec>) =>
      diffSpecs(
        oauth(() => {}),
        after,
      ).map((c) => [c.impact, c.message]);

    it('calls a removed or added scope breaking, never cosmetic', () => {
      expect(impacts(oauth((a) => (a.scopes = ['read'])))).toEqual([
        ['breaking', 'scope write removed; actions that need them fail'],
      ]);
      expect(impacts(oauth((a) => a.scopes!.push('admin')))).toEqual([
        ['breaking', 'scope admin added; existing connections must be authorized again to grant them'],
      ]);
    });

    it('calls token URL and refresh changes breaking, a revoke URL added additive', () => {
      expect(impacts(oauth((a) => (a.tokenUrl = 'https://acme.test/v2/token')))[0]![0]).toBe('breaking');
      expect(impacts(oauth((a) => (a.refresh = false)))).toEqual([
        ['breaking', 'token refresh turned off; connections expire with their token'],
      ]);
      expect(impacts(oauth((a) => (a.revokeUrl = 'https://acme.test/revoke')))).toEqual([
        ['additive', 'revoke URL added'],
      ]);
    });

    it('calls a change of how a custom secret is sent breaking, a basic label cosmetic', () => {
      const custom = (value: string) =>
        withSpec(
          (s) => (s.authentication = { type: 'custom', placement: 'header', name: 'Authorization', value }),
        );
      expect(
        diffSpecs(custom('Bearer ${connection.accountId}'), custom('Token ${connection.accountId}'))[0]!
          .impact,
      ).toBe('breaking');
      const relabelled = withSpec((s) => {
        if (!Array.isArray(s.authentication) && s.authentication.type === 'basic')
          s.authentication.username = { label: 'API Key SID' };
      });
      expect(diffSpecs(baseSpec(), relabelled)).toEqual([
        { impact: 'cosmetic', subject: 'authentication', message: 'labels or help text changed' },
      ]);
    });
  });
});

describe('config values and several methods', () => {
  it('a redefined config value is breaking; relabelling it is cosmetic; a new method is breaking', () => {
    const withConfig = (value: string, label = 'Region') =>
      withSpec((s) => {
        (s.authentication as { configValues?: unknown }).configValues = [{ key: 'region', label, value }];
      });
    expect(diffSpecs(withConfig('eu'), withConfig('us'))[0]).toMatchObject({ impact: 'breaking' });
    expect(diffSpecs(withConfig('eu'), withConfig('eu', 'Data region'))).toEqual([
      { impact: 'cosmetic', subject: 'authentication', message: 'labels or help text changed' },
    ]);
    const two = withSpec((s) => {
      s.authentication = [
        { type: 'basic', key: 'basic', label: 'Password' },
        {
          type: 'custom',
          key: 'key',
          label: 'Key',
          placement: 'header',
          name: 'X-Key',
          value: '${connection.accountId}',
        },
      ];
    });
    expect(diffSpecs(baseSpec(), two)[0]).toMatchObject({ impact: 'breaking', subject: 'authentication' });
  });
});
