// The lesson recorder's own UI strings (en + zh-CN): loaded with the recorder, not the first paint
// (the typed catalogue src/i18n/en-ui.ts is in the first download, which has no room left).
import type { Lang } from '../../i18n/locale';

const en = {
  yours: 'Your own lessons',
  record: 'Record a lesson',
  recordHint: 'Every command that changes the lab and every flow you send become steps.',
  resume: 'Back to the recording',
  openFile: 'Open a lesson file…',
  recording: 'Recording',
  paused: 'Recording stopped',
  recordingHint:
    'Type commands or click: each command that changes the lab is a step’s setup, each flow sent its flow. A command after a flow starts the next step.',
  writingIn: 'You are writing in English; switch the language to add Chinese.',
  lessonTitle: 'Lesson title',
  step: 'Step {n}',
  stepTitle: 'Step title',
  note: 'Note for the students',
  nothingYet: 'Nothing recorded yet: type a command or send a flow.',
  noQuestion: 'No question',
  ownChoices: 'Question with my choices',
  kindAsk: 'Question',
  question: 'Question',
  choice: 'Choice {n}',
  right: 'right answer',
  addChoice: '+ Choice',
  atHop: 'At hop {n} of the flow',
  noHop: 'No hop chosen',
  useHop: 'Use the hop on screen',
  hopNeedsFlow: 'Send this step’s flow first, then step to the hop.',
  newStep: '+ New step',
  finish: 'Finish and export',
  keepRecording: 'Keep recording',
  discard: 'Discard',
  discardHint: 'Discard the recording and bring back the lab you had before',
  download: 'Download the lesson file',
  copyLink: 'Copy the link',
  copied: 'Link copied.',
  copyBelow: 'Copy the link below.',
  linkLabel: 'Link to the lesson',
  tryIt: 'Play it now',
  ready: 'Ready: every step replays ({steps} in all). Students open the link or the file.',
  refused: 'Not ready: {reason}',
  skipped: 'Not recorded (typed inside a container): {lines}',
  'dst-after': 'Destination after that hop (engine)',
  'src-after': 'Source after that hop (engine)',
  'next-node': 'Where the packet goes next (engine)',
  'deciding-chain': 'Which chain decides (engine)',
};

export type TeacherKey = keyof typeof en;

const zhCN: { readonly [K in TeacherKey]: string } = {
  yours: '自己的课',
  record: '录制一节课',
  recordHint: '每条改变实验环境的命令、每次发送的流量，都会成为课程的步骤。',
  resume: '回到录制',
  openFile: '打开课程文件…',
  recording: '正在录制',
  paused: '录制已停止',
  recordingHint:
    '输入命令或点击操作：改变实验环境的命令成为步骤的准备，发送的流量成为步骤的流量。流量之后的命令开始下一步。',
  writingIn: '你正在用中文填写；切换语言即可补充英文。',
  lessonTitle: '课程标题',
  step: '第 {n} 步',
  stepTitle: '步骤标题',
  note: '给学生的说明',
  nothingYet: '还没有录到内容：输入一条命令或发送一次流量。',
  noQuestion: '不提问',
  ownChoices: '我自己出选项的问题',
  kindAsk: '问题',
  question: '问题',
  choice: '选项 {n}',
  right: '正确答案',
  addChoice: '+ 选项',
  atHop: '在流量的第 {n} 跳',
  noHop: '还没有选定某一跳',
  useHop: '使用屏幕上的这一跳',
  hopNeedsFlow: '先发送这一步的流量，再步进到那一跳。',
  newStep: '+ 新的一步',
  finish: '完成并导出',
  keepRecording: '继续录制',
  discard: '放弃',
  discardHint: '放弃这次录制，恢复录制前的实验环境',
  download: '下载课程文件',
  copyLink: '复制链接',
  copied: '链接已复制。',
  copyBelow: '请复制下面的链接。',
  linkLabel: '课程链接',
  tryIt: '现在试玩',
  ready: '已就绪：每一步都能重放（共 {steps} 步）。学生打开链接或文件即可。',
  refused: '还不能导出：{reason}',
  skipped: '未录制（在容器内输入的）：{lines}',
  'dst-after': '经过那一跳后的目的地址（由引擎作答）',
  'src-after': '经过那一跳后的源地址（由引擎作答）',
  'next-node': '数据包下一步到哪里（由引擎作答）',
  'deciding-chain': '由哪条链作出决定（由引擎作答）',
};

const CATALOGUES: { readonly [L in Lang]: { readonly [K in TeacherKey]: string } } = {
  en,
  'zh-CN': zhCN,
};

export function teacherText(
  lang: Lang,
  key: TeacherKey,
  params: { readonly [name: string]: string | number } = {},
): string {
  return CATALOGUES[lang][key].replace(/\{(\w+)\}/g, (hole, name: string) =>
    params[name] === undefined ? hole : String(params[name]),
  );
}
