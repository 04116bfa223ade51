/** Settings normalisation (issue 19, fault 7): every field of a wrong type falls back to its documented default. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSettings, normalizeSettings } from '../../server/src/settings';
import { errorCodesSection } from '../../server/src/settingsSources';

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
    assert.deepEqual(errorCodesSection({ inlayHints: { enabled: false } }), { inlayHints: { enabled: false } });
  });
});
