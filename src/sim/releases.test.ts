import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILES, RELEASES, profileNamed } from './releases';

describe('profiles named by release', () => {
  it('are found by id, by major version and by their old names', () => {
    expect(profileNamed('docker-27')).toBe('docker-27');
    expect(profileNamed('27')).toBe('docker-27');
    expect(profileNamed('classic')).toBe('docker-27');
    expect(profileNamed('docker-29')).toBe('docker-29');
    expect(profileNamed('29')).toBe('docker-29');
    expect(profileNamed('current')).toBe('docker-29');
  });
  it('refuses any other name', () => {
    for (const name of ['28', 'docker-28', 'latest', '', null, undefined, 'Classic'])
      expect(profileNamed(name)).toBeNull();
  });
  it("the README names each release by this table's version, beside its profile", () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    for (const id of PROFILES)
      expect(readme).toMatch(
        new RegExp(`\\*\\*Docker ${RELEASES[id].version.replace(/\./g, '\\.')}\\*\\* \\(\`${id}\``),
      );
  });
  it('each id names the major version of its release', () => {
    for (const id of PROFILES) expect(id).toBe(`docker-${RELEASES[id].version.split('.')[0]}`);
  });
});
