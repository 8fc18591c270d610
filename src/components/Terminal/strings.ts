// The terminal panel's own UI strings (en + zh-CN), kept here while the shared i18n catalogues move.

export type TerminalLang = 'en' | 'zh-CN';

const en = {
  panel: 'Terminal',
  log: 'Terminal output',
  input: 'Command',
  placeholder: 'type a command — Tab completes, ↑ recalls',
  whereHost: 'host',
  whereContainer: 'container {name}',
  whereLabel: 'You are on: {where}',
  clear: 'Clear',
  clearTitle: 'Clear the screen (Ctrl+L)',
  hint: 'Enter runs the command. Up and Down walk the history, Tab completes (twice lists the choices), Ctrl+C abandons the line, Ctrl+L clears the screen, Shift+Tab leaves the terminal. Pasted lines run one by one.',
  stderr: 'error:',
  jump: 'Jump to latest output',
  pasting: 'Running pasted lines: {done} of {total} (Ctrl+C stops)',
  expand: 'Enlarge',
  expandTitle: 'Enlarge the terminal over the diagram (Esc puts it back)',
  dockTitle: 'Put the terminal back in the dock',
} as const;

export type TerminalStringKey = keyof typeof en;
export type TerminalStrings = { readonly [K in TerminalStringKey]: string };

const zhCN: TerminalStrings = {
  panel: '终端',
  log: '终端输出',
  input: '命令',
  placeholder: '输入命令 — Tab 补全，↑ 调出历史',
  whereHost: '宿主机',
  whereContainer: '容器 {name}',
  whereLabel: '当前位置：{where}',
  clear: '清屏',
  clearTitle: '清屏（Ctrl+L）',
  hint: '回车执行命令。上下方向键浏览历史，Tab 补全（按两次列出候选），Ctrl+C 放弃当前行，Ctrl+L 清屏，Shift+Tab 离开终端。粘贴的多行会逐行执行。',
  stderr: '错误：',
  jump: '跳到最新输出',
  pasting: '正在执行粘贴的命令：{done} / {total}（Ctrl+C 停止）',
  expand: '放大',
  expandTitle: '把终端放大到图的上方（Esc 还原）',
  dockTitle: '把终端放回下方面板',
};

const CATALOGUE: { readonly [L in TerminalLang]: TerminalStrings } = { en, 'zh-CN': zhCN };

/** zh, zh-CN, zh-Hans, zh-SG speak Simplified Chinese; anything else falls back to English. */
export function pickLang(tag: string | null | undefined): TerminalLang {
  const t = (tag ?? '').trim().toLowerCase().replace(/_/g, '-');
  return t === 'zh' || t === 'zh-cn' || t === 'zh-sg' || t.startsWith('zh-hans') ? 'zh-CN' : 'en';
}

export function terminalStrings(lang: TerminalLang): TerminalStrings {
  return CATALOGUE[lang];
}

/** Fills `{name}` holes. */
export function fill(template: string, params: { readonly [k: string]: string }): string {
  return template.replace(/\{(\w+)\}/g, (hole, k: string) => params[k] ?? hole);
}
