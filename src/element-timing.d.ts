// The Element Timing API's attribute (https://wicg.github.io/element-timing/), not yet in React's types.
import 'react';

declare module 'react' {
  // Declarations merge only with the same type parameter as React's own (unused here).
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface SVGAttributes<T> {
    /** Names the element in PerformanceElementTiming entries (its first paint). */
    elementtiming?: string;
  }
}
