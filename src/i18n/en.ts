// English narration: the engine's own sentences (src/sim/messages.ts WHY_EN), not a copy of them.
// The sim owns them because the headless trace prints them and the sim never imports the UI's
// catalogues; zh-CN.ts is typed against the same keys.
export { WHY_EN as en } from '../sim';
