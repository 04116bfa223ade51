/**
 * Settings normalisation (issue 19, fault 7): every field of a wrong type falls back to its documented default. The one
 * reader (issue 27): the section found in every shape a settings file or a client sends, and the defaults that of
 * package.json.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultSettings, normalizeSettings, readSettings } from '../../server/src/settings';
import { root } from '../helpers';

const GARBAGE: unknown[] = [null, false, true, '', '7', [], [7], {}, NaN, Infinity, -1, () => 1];

describe('settings: typed fallbacks (issue 19, fault 7)', () => {
  it('maxDiagnostics of a wrong type is 1000, not 0, 1 or 7', () => {
    for (const v of GARBAGE) assert.equal(normalizeSettings({ maxDiagnostics: v }).maxDiagnostics, 1000, `maxDiagnostics ${String(v)}`);
    assert.equal(normalizeSettings({ maxDiagnostics: 0 }).maxDiagnostics, 0, 'zero is a valid choice');
    assert.equal(normalizeSettings({ maxDiagnostics: 12.9 }).maxDiagnostics, 12);
    assert.equal(normalizeSettings({ maxDiagnostics: 1e9 }).maxDiagnostics, 100000, 'capped at the maximum');
  });

  it('every other field of a wrong type is its default', () => {
    for (const v of GARBAGE) {
      const s = normalizeSettings({ enable: v, vendors: v, codeKeys: v, unknownCodeSeverity: v, registryFiles: v, ignore: v });
      const label = String(v);
      if (typeof v !== 'boolean') assert.equal(s.enable, defaultSettings.enable, `enable ${label}`);
      assert.deepEqual(s.vendors, {}, `vendors ${label}`);
      if (!Array.isArray(v)) assert.deepEqual(s.codeKeys, defaultSettings.codeKeys, `codeKeys ${label}`);
      assert.equal(s.unknownCodeSeverity, defaultSettings.unknownCodeSeverity, `unknownCodeSeverity ${label}`);
      if (!Array.isArray(v)) assert.deepEqual(s.registryFiles, [], `registryFiles ${label}`);
      if (!Array.isArray(v)) assert.deepEqual(s.ignore, [], `ignore ${label}`);
    }
    assert.deepEqual(normalizeSettings({ ignore: ['5099', 5099, null, 'did-you-mean'] }).ignore, ['5099', 'did-you-mean'], 'only strings ignore');
    const mixed = normalizeSettings({ vendors: { faceki: false, http: 'no', riset: 0 }, codeKeys: ['status', 5, null, '', 'x'.repeat(201), 'code'] });
    assert.deepEqual(mixed.vendors, { faceki: false }, 'non-boolean vendor switches dropped');
    assert.deepEqual(mixed.codeKeys, ['status', 'code'], 'non-string and empty keys dropped');
    for (const raw of GARBAGE) assert.deepEqual(normalizeSettings(raw), defaultSettings, `section ${String(raw)}`);
  });

  it('inlayHints: each switch of a wrong type is its default (on, HTTP statuses off); a bare section with it is recognised', () => {
    for (const v of GARBAGE) {
      assert.deepEqual(normalizeSettings({ inlayHints: v }).inlayHints, { enabled: true, httpStatuses: false }, `inlayHints ${String(v)}`);
      assert.deepEqual(normalizeSettings({ inlayHints: { enabled: v, httpStatuses: v } }).inlayHints, typeof v === 'boolean' ? { enabled: v, httpStatuses: v } : { enabled: true, httpStatuses: false });
    }
    assert.deepEqual(normalizeSettings({ inlayHints: { httpStatuses: true } }).inlayHints, { enabled: true, httpStatuses: true });
    assert.deepEqual(readSettings({ inlayHints: { enabled: false } })?.inlayHints, { enabled: false, httpStatuses: false });
  });
});

describe('settings: one reader for every shape (issue 27)', () => {
  it('a settings file: flat errorCodes.* keys (nested ones too) and a nested errorCodes object, the flat keys winning', () => {
    const flat = readSettings({ 'errorCodes.vendors': { http: false }, 'errorCodes.mcp.enabled': false, 'editor.tabSize': 2 })!;
    assert.deepEqual(flat.vendors, { http: false });
    assert.equal(flat.mcp.enabled, false);
    const both = readSettings({ errorCodes: { maxDiagnostics: 5, enable: true, mcp: { enabled: false } }, 'errorCodes.enable': false })!;
    assert.deepEqual([both.maxDiagnostics, both.enable, both.mcp.enabled], [5, false, false]);
    assert.deepEqual(readSettings({ errorCodes: { maxDiagnostics: 5 } }), { ...defaultSettings, maxDiagnostics: 5 });
  });

  it("a client's payload: { settings: { errorCodes } }, { settings: {...} }, { errorCodes }, bare; flat keys under settings too", () => {
    const expected = { ...defaultSettings, unknownCodeSeverity: 'error' };
    for (const raw of [
      { settings: { errorCodes: { unknownCodeSeverity: 'error' } } },
      { settings: { unknownCodeSeverity: 'error' } },
      { settings: { 'errorCodes.unknownCodeSeverity': 'error' } },
      { errorCodes: { unknownCodeSeverity: 'error' } },
      { unknownCodeSeverity: 'error', diagnosticsDelayMs: 0 },
    ]) {
      assert.deepEqual(readSettings(raw), expected, JSON.stringify(raw));
    }
  });

  it('none in {}, null, arrays, other tools’ settings or options that are not settings: the caller keeps what it has', () => {
    for (const raw of [{}, null, undefined, [1], 'x', { settings: {} }, { 'editor.tabSize': 2 }, { typescript: { format: {} } }, { diagnosticsDelayMs: 0 }, { errorCodes: [] }]) {
      assert.equal(readSettings(raw), undefined, JSON.stringify(raw));
    }
  });

  it('every errorCodes.* setting of package.json has its default here (trace.server is the LSP library’s)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default: unknown }> } } };
    const properties = Object.entries(pkg.contributes.configuration.properties).filter(([key]) => key !== 'errorCodes.trace.server');
    assert.ok(properties.length >= 9);
    const defaults = defaultSettings as unknown as Record<string, unknown>;
    for (const [key, { default: value }] of properties) {
      const at = key.slice('errorCodes.'.length).split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], defaults);
      assert.deepEqual(at, value, key);
    }
    // And nothing here that package.json does not declare.
    const declared = new Set(properties.map(([key]) => key.slice('errorCodes.'.length).split('.')[0]));
    assert.deepEqual(Object.keys(defaultSettings).filter((k) => !declared.has(k)), []);
  });
});
