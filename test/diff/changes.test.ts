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
});
