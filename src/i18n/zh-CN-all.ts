// The whole Simplified Chinese catalogue, narration and interface, fetched as one piece the first
// time Chinese is chosen (index.ts loads it; English pages never do).
import { zhCN } from './zh-CN';
import { zhCNUi } from './zh-CN-ui';

export const chinese: { readonly [key: string]: string } = { ...zhCN, ...zhCNUi };
