// The challenge panel's own words (en + zh-CN), fetched with it: kept out of the first download's
// catalogue (src/i18n/en-ui.ts), which holds the initial bundle's budget.
import type { Lang } from '../../i18n/locale';

const TEXT = {
  menu: ['Break-fix challenges', '故障排除挑战'],
  kicker: ['Challenge', '挑战'],
  goal: ['Goal', '目标'],
  goals: ['What the lab checks', '实验室检查的内容'],
  succeeds: ['must get through', '必须能通'],
  fails: ['must be blocked', '必须被挡住'],
  met: ['✓ met', '✓ 已达成'],
  unmet: ['✗ not yet', '✗ 尚未达成'],
  now: ['now: {result}', '现在：{result}'],
  sees: ['and {server} must see it come from {source}', '并且 {server} 看到的来源必须是 {source}'],
  seenNow: ['{server} sees {seen}', '{server} 看到的是 {seen}'],
  seenNone: ['nothing reached {server}', '没有包到达 {server}'],
  show: ['Send it in the diagram', '在示意图中发送'],
  check: ['Check', '检查'],
  notChecked: [
    'Use the terminal and the diagram to find what is wrong, then fix it with real commands. The lab checks after each command that changes it.',
    '用终端和示意图找出哪里出了问题，再用真实的命令修好它。每条改变实验环境的命令之后，实验室都会自动检查。',
  ],
  broken: ['Still broken: {n} of {m} goals not met.', '仍未修好：{m} 个目标中有 {n} 个未达成。'],
  solved: ['Solved: every goal holds.', '已解决：所有目标都达成了。'],
  hint: ['Hint {n} of {m}', '提示 {n}/{m}'],
  moreHint: ['Show a hint', '显示一条提示'],
  why: ['What was wrong, and why the fix works', '哪里出了问题，修复为什么有效'],
  restart: ['Start again, broken', '重新开始（回到故障状态）'],
} as const satisfies { readonly [key: string]: readonly [string, string] };

export type ChallengeTextKey = keyof typeof TEXT;

/** The word in this language, `{holes}` filled. */
export function challengeText(
  lang: Lang,
  key: ChallengeTextKey,
  params: Record<string, string | number> = {},
): string {
  return TEXT[key][lang === 'en' ? 0 : 1].replace(/\{(\w+)\}/g, (hole, name: string) =>
    params[name] === undefined ? hole : String(params[name]),
  );
}
