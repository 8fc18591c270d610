// 简体中文界面文字：与 en.ts 中非叙述类（不属于 WHY_EN）的键一一对应。en.ts 目前只有叙述键，故此表暂为空。
// Keyed identically to src/i18n/en.ts; zh-CN.test.ts fails as soon as en.ts gains a key missing here.
export const zhCNUi: { readonly [key: string]: string } = {};
