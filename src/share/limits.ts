// How big a shared lab may be: generous for a classroom, small enough that a hostile link cannot hang the page.
export const LIMITS = {
  /** Characters of base64url after `#lab=` (a URL this long still works in every browser we target). */
  fragmentChars: 200_000,
  /** Bytes of JSON after decompression (stops a deflate bomb) and of an imported file. */
  jsonBytes: 2_000_000,
  containers: 1000,
  networks: 64,
  remotes: 32,
  endpoints: 16,
  ports: 64,
  listeners: 16,
  commandArgs: 32,
  httpBody: 4096,
  routerRoutes: 64,
  chainsPerTable: 512,
  rulesPerChain: 8192,
  conntrack: 8192,
  neighNodes: 1100,
  neighPerNode: 1100,
  fdbBridges: 64,
  fdbPerBridge: 2048,
} as const;
