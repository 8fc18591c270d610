// The lesson and compare panels' own UI strings (en + zh-CN), and the language they follow.
import { useLang } from '../../hooks/useT';
import type { Lang } from '../../i18n/locale';
import type { DropReason, FlowResult } from '../../sim';

const en = {
  open: 'Lessons',
  panel: 'Lessons',
  close: 'Close lessons',
  guided: 'Guided lessons',
  labs: 'Failure labs',
  compare: 'Compare bridge · host · none',
  compareHint: 'The same request in the three modes, side by side.',
  back: 'All lessons',
  stepOf: 'Step {n} of {m}',
  checkOf: 'Check {n} of {m}',
  prev: 'Previous',
  next: 'Next',
  toCheck: 'Final check',
  finish: 'See the score',
  typed: 'Typed into the terminal',
  explore: 'Try in the terminal',
  look: 'Look here',
  predict: 'Predict',
  check: 'Check',
  waiting: 'Watch the packet: it stops at hop {n} for a question.',
  goQuestion: 'Go to the question',
  reveal: 'Show the answer',
  continue: 'Continue',
  right: 'Right',
  wrong: 'Not quite',
  engine: 'the right answer',
  yours: 'your choice',
  answerIs: 'The answer: {answer}.',
  outcome: 'Outcome',
  droppedAt: 'Dropped at {node}: {reason}',
  deliveredTo: 'Delivered to {node}',
  rule: 'Deciding rule',
  score: 'You got {correct} of {answered} right.',
  review: 'What you missed',
  reviewNone: 'Nothing missed.',
  reviewYours: 'You chose',
  reviewShow: 'Show this hop in the diagram',
  explained: 'Why',
  scoreNone: 'No questions answered.',
  done: 'Lesson complete',
  restart: 'Start again',
  questionLabel: 'Question',
  open_in_diagram: 'Open in the diagram',
  inbound: 'client → host port 80',
  outbound: 'web → server outside',
  path: 'Path',
  nat: 'NAT',
  noNat: 'no rewrite',
} as const;

export type LessonStringKey = keyof typeof en;

const zhCN: { readonly [K in LessonStringKey]: string } = {
  open: '课程',
  panel: '课程',
  close: '关闭课程',
  guided: '引导课程',
  labs: '故障实验',
  compare: '对比 bridge · host · none',
  compareHint: '同一个请求，在三种模式下并排对比。',
  back: '全部课程',
  stepOf: '第 {n} 步，共 {m} 步',
  checkOf: '测验 {n} / {m}',
  prev: '上一步',
  next: '下一步',
  toCheck: '课后测验',
  finish: '查看得分',
  typed: '已在终端中输入',
  explore: '在终端里试试',
  look: '看这里',
  predict: '先预测',
  check: '测验',
  waiting: '注意观察数据包：它会在第 {n} 跳停下来提问。',
  goQuestion: '跳到提问处',
  reveal: '直接看答案',
  continue: '继续',
  right: '答对了',
  wrong: '不对',
  engine: '正确答案',
  yours: '你的选择',
  answerIs: '答案：{answer}。',
  outcome: '结果',
  droppedAt: '在{node}被丢弃：{reason}',
  deliveredTo: '送达{node}',
  rule: '起决定作用的规则',
  score: '答对 {correct} 题，共答 {answered} 题。',
  review: '答错的题',
  reviewNone: '没有答错的题。',
  reviewYours: '你的选择',
  reviewShow: '在图中显示这一跳',
  explained: '为什么',
  scoreNone: '还没有回答任何问题。',
  done: '本课完成',
  restart: '重新开始',
  questionLabel: '问题',
  open_in_diagram: '在图中打开',
  inbound: 'client → 宿主机 80 端口',
  outbound: 'web → 外部 server',
  path: '路径',
  nat: 'NAT',
  noNat: '无改写',
};

const CATALOGUES: { readonly [L in Lang]: { readonly [K in LessonStringKey]: string } } = {
  en,
  'zh-CN': zhCN,
};

export function lessonText(
  lang: Lang,
  key: LessonStringKey,
  params: Record<string, string | number> = {},
): string {
  return CATALOGUES[lang][key].replace(/\{(\w+)\}/g, (hole, name: string) =>
    params[name] === undefined ? hole : String(params[name]),
  );
}

/** The app's language (the lesson panel follows the rest of the interface). */
export const useLessonLang = (): Lang => useLang();

const RESULT: { readonly [K in FlowResult['kind']]: readonly [string, string] } = {
  connected: ['Connected', '连接成功'],
  replied: ['Ping replied', 'ping 收到回复'],
  refused: ['Connection refused (TCP RST)', '连接被拒绝（TCP RST）'],
  'port-unreachable': ['ICMP port unreachable', 'ICMP 端口不可达'],
  timeout: ['No answer: dropped on the way', '没有应答：途中被丢弃'],
  unreachable: ['Network unreachable at the sender', '发送方报告网络不可达'],
  'udp-sent': ['UDP sent, no answer expected', 'UDP 已发出，无需应答'],
};

export const resultText = (lang: Lang, r: FlowResult): string =>
  RESULT[r.kind][lang === 'en' ? 0 : 1];

const DROP: { readonly [K in DropReason]: readonly [string, string] } = {
  policy: ['the chain policy is DROP', '链的默认策略是 DROP'],
  rule: ['an iptables rule drops it', '一条 iptables 规则丢弃了它'],
  'no-route': ['there is no route to the destination', '没有到目的地址的路由'],
  'no-listener': ['nothing listens on that port', '没有进程监听该端口'],
  'no-network': ['the namespace has no interface but lo', '网络命名空间里除了 lo 没有接口'],
  'arp-failed': ['nobody answered the ARP request', 'ARP 请求无人应答'],
  'forwarding-disabled': [
    'ip_forward is 0: the host does not route',
    'ip_forward 为 0：宿主机不转发',
  ],
  'ttl-exceeded': ['the TTL ran out', 'TTL 耗尽'],
  invalid: ['conntrack marks it INVALID', 'conntrack 将其标记为 INVALID'],
  lost: ['no one takes the frame', '没有谁接收这个帧'],
  'nf-budget': [
    'the lab stopped walking its tangled iptables rules',
    '模拟器不再继续走这些反复跳转的 iptables 规则',
  ],
};

export const dropText = (lang: Lang, reason: DropReason): string =>
  DROP[reason][lang === 'en' ? 0 : 1];
