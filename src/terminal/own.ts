// Looking user-typed words up in command tables: only a table's own entries, never what every
// JavaScript object inherits (`__proto__`, `constructor`, `toString`…), which are no commands.
export { own } from '../sim/own';
