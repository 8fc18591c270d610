// The one model of network namespaces (see README: where namespaces come from).
export type * from './types';
export { namespacesOf, namespaceOf, containerNamespace } from './build';
export { isLocal, onlyLoopback, lookupRoute, deviceWithAddress } from './lookup';
