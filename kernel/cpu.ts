// One CPU for the tools and the listeners, the listeners first on it: how the suite makes a close race deterministic.

/**
 * Both the tool and the listeners run on CPU 0. A server that closes right after its answer
 * (`Connection: close`) races the client that closes as soon as it has the body: on two CPUs
 * curl sometimes wins (about 1 run in 8 with the python stand-in; nginx or Go's docker-proxy close
 * within microseconds of their write and practically never lose). Sharing one CPU, with the
 * listeners at a real-time priority, the stand-in finishes what it does for a segment (answer,
 * close, relay) before the tool runs again, as a fast server would. Packets themselves are not
 * delayed: the stack's softirq work runs in whichever task sent them, as it always does.
 */
export const ON_TOOL_CPU = ['taskset', '-c', '0'] as const;

/** SCHED_FIFO 10 on the tools' CPU: no ordinary task (the tool included) preempts a listener. */
export const LISTENER_FIRST = [...ON_TOOL_CPU, 'chrt', '-f', '10'] as const;
