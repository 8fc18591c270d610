import { describe, expect, it } from 'vitest';
import { formatColumns } from './columns';

describe('listing completions like bash', () => {
  it('fills columns top to bottom, each as wide as the longest word plus two', () => {
    const words = ['connect', 'create', 'disconnect', 'inspect', 'ls', 'prune', 'rm'];
    // cell = 12; 40 columns hold 3 cells, so 3 rows.
    expect(formatColumns(words, 40)).toEqual([
      'connect     inspect     rm',
      'create      ls',
      'disconnect  prune',
    ]);
  });

  it('puts one word per line when the terminal is narrower than a cell', () => {
    expect(formatColumns(['network', 'node'], 5)).toEqual(['network', 'node']);
  });

  it('lists nothing for no candidates', () => {
    expect(formatColumns([], 80)).toEqual([]);
  });
});
