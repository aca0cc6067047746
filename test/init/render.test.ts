import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  renderScaffold,
  renderWorkflow,
  SCHEMA_PATH,
  TEST_BASE_URL_VARIABLE,
} from '../../src/init/render.js';
import { buildSpec } from '../../src/init/spec.js';
import { packagePath } from '../../src/util/paths.js';
import { existsSync } from 'node:fs';
import { answers } from './fixtures.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

describe('the CI workflow', () => {
  const workflow = parse(renderWorkflow('1.2.3')) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: { check: { steps: Step[] } };
  };
  const steps = workflow.jobs.check.steps;

  it('runs on pushes and pull requests with read-only permissions on Node 20', () => {
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(steps.find((s) => s.uses === 'actions/setup-node@v4')?.with).toEqual({ 'node-version': 20 });
  });

  it('installs the pinned tool, runs that exact version to validate with annotations, builds and keeps the package', () => {
    const runs = steps.map((s) => s.run).filter(Boolean);
    expect(runs.slice(0, 3)).toEqual([
      'npm install --no-audit --no-fund',
      'npx okta-connector@1.2.3 validate connector.yaml --format github',
      'npx okta-connector@1.2.3 build connector.yaml --out dist --format github',
    ]);
    expect(steps.find((s) => s.uses === 'actions/upload-artifact@v4')?.with).toEqual({
      name: 'connector-package',
      path: 'dist/',
    });
  });

  it('runs the scenarios only when a test server URL is configured', () => {
    const test = steps.find((s) => s.run?.startsWith('npx okta-connector@1.2.3 test'));
    expect(test?.if).toBe(`\${{ vars.${TEST_BASE_URL_VARIABLE} != '' }}`);
    expect(test?.run).toBe(`npx okta-connector@1.2.3 test --base-url "$${TEST_BASE_URL_VARIABLE}"`);
  });
});

describe('renderScaffold', () => {
  it('lists the files in order; only package.json and .gitignore may be kept when they exist', async () => {
    const a = answers();
    const files = await renderScaffold(a, buildSpec(a).spec, { toolVersion: '1.2.3' });
    expect(files.map((f) => [f.path, f.ifExists])).toEqual([
      ['connector.yaml', 'refuse'],
      ['tests/get-contact.yaml', 'refuse'],
      ['README.md', 'refuse'],
      ['.github/workflows/connector.yml', 'refuse'],
      ['package.json', 'keep'],
      ['.gitignore', 'keep'],
    ]);
    const pkg = JSON.parse(files.find((f) => f.path === 'package.json')?.content ?? '');
    // The exact version that wrote the scaffold: a range could install one it was never tested with.
    expect(pkg.devDependencies).toEqual({ 'okta-connector': '1.2.3' });
    // The schema line's path is where npm puts this package's schema once package.json is installed.
    expect(SCHEMA_PATH.replace('node_modules/okta-connector/', '')).toBe('schema/connector.schema.json');
    expect(existsSync(packagePath('schema/connector.schema.json'))).toBe(true);
    const gitignore = files.find((f) => f.path === '.gitignore')?.content ?? '';
    expect(gitignore.split('\n')).toEqual(expect.arrayContaining(['node_modules/', 'dist/', '.env']));
  });

  it('writes a README that names the connector, its auth, parameters and the first action', async () => {
    const a = answers({ params: [{ key: 'region', label: 'Region', type: 'text', required: true }] });
    const files = await renderScaffold(a, buildSpec(a).spec, { toolVersion: '1.2.3' });
    const readme = files.find((f) => f.path === 'README.md')?.content ?? '';
    expect(readme.split('\n')[0]).toBe('# Acme CRM connector for Okta Workflows');
    expect(readme).toContain(
      'Basic authentication: the connection asks for "API Key SID" and "API Key Secret".',
    );
    expect(readme).toContain('- `region`: Region (text, required)');
    expect(readme).toContain(
      'npx okta-connector@1.2.3 simulate connector.yaml --action "Get Contact" --input contactId=...',
    );
    expect(readme).toContain('npm install --save-dev ./okta-connector-1.2.3.tgz');
    expect(readme).not.toMatch(/npx okta-connector(?!@1\.2\.3\b)/);
    expect(readme).toContain('`tests/get-contact.yaml` checks the request "Get Contact" sends');
    expect(readme).not.toMatch(/&#x27;|&quot;|\{\{/);
  });
});
