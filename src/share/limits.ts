// How big a shared lab may be: the lab's own limits (src/sim/limits.ts, the same ones every operation
// keeps) and the two that only a link or a file has.
import { LIMITS as LAB_LIMITS } from '../sim';

export const LIMITS = {
  ...LAB_LIMITS,
  /** Characters of base64url after `#lab=` (a URL this long still works in every browser we target). */
  fragmentChars: 200_000,
  /** Bytes of JSON after decompression (stops a deflate bomb) and of an imported file. */
  jsonBytes: 2_000_000,
} as const;
