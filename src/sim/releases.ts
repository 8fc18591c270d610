// The Docker releases whose rules the lab reproduces: one entry per profile, with the strings the
// terminal (`docker --version`, `docker version`, `docker info`) and the README print. A profile is named by its
// release; the names it had before (`classic`, `current`) stay as aliases, because shared links
// (`?profile=`), stored labs and `lab profile …` used them.
//
// Where the strings come from (checked, not invented):
// - 27.5.1: `Docker version 27.5.1, build 9f9e405` (the CLI's own line, as printed on many hosts);
//   server API 1.47 (minimum version 1.24), git commit 4c9b3b0 (docker/cli docs, version.md).
// - 29.0.4: `Docker version 29.0.4, build 3247a5a`; server API 1.52 (minimum version 1.44), git
//   commit 4612690 (docker/docs content/reference/api/engine/_index.md, docs PR 23773). The rules
//   of the 29 profile are moby's iptables backend after the DOCKER-ISOLATION chains were dropped
//   (moby#49981, in 29.0): DOCKER-FORWARD, DOCKER-CT, DOCKER-INTERNAL, DOCKER-BRIDGE and the raw
//   table's direct-access DROP (docker-current.ts).

export interface Release {
  /** What `docker --version` and `docker version` print as the version. */
  readonly version: string;
  /** The CLI's git commit, as `docker --version` prints it after `build`. */
  readonly build: string;
  /** The engine's git commit. */
  readonly engineCommit: string;
  /** The API version client and engine speak, and the oldest the engine accepts. */
  readonly api: string;
  readonly minApi: string;
  /** The releases whose iptables layout this profile reproduces (README, `lab profile`). */
  readonly rules: string;
  /** The profile's name before it was named by its release. */
  readonly alias: 'classic' | 'current';
}

export const RELEASES = {
  'docker-27': {
    version: '27.5.1',
    build: '9f9e405',
    engineCommit: '4c9b3b0',
    api: '1.47',
    minApi: '1.24',
    rules: 'Docker 20.10–27',
    alias: 'classic',
  },
  'docker-29': {
    version: '29.0.4',
    build: '3247a5a',
    engineCommit: '4612690',
    api: '1.52',
    minApi: '1.44',
    rules: 'Docker 29',
    alias: 'current',
  },
} as const satisfies { readonly [id: string]: Release };

/** A profile: the Docker release whose rules, MACs and messages the world reproduces. */
export type Profile = keyof typeof RELEASES;

export const PROFILES = Object.keys(RELEASES) as readonly Profile[];

/** The profile of a fresh world. */
export const DEFAULT_PROFILE: Profile = 'docker-27';

/**
 * The profile a name stands for: its id (`docker-29`), its major version (`29`) or its old name
 * (`current`); null for anything else.
 */
export function profileNamed(name: string | null | undefined): Profile | null {
  for (const id of PROFILES) {
    const r: Release = RELEASES[id];
    if (name === id || name === r.alias || name === r.version.split('.')[0]) return id;
  }
  return null;
}
