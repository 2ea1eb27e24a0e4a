import { describe, it, expect } from 'vitest';
import { parse } from '../../src/shell/parser.ts';
import { plainWords } from '../../src/shell/expand.ts';
import type { SimpleNode } from '../../src/shell/ast.ts';

const words = (line: string) => (parse(line).items[0]!.node.first.cmds[0] as SimpleNode).words;

/** The fast path for words that expand to themselves: it must decline every word an expansion would change. */
describe('plainWords', () => {
  it('gives the texts of plain literal words', () => {
    expect(plainWords(words('etcdctl set /bench/k1 v1'))).toEqual(['etcdctl', 'set', '/bench/k1', 'v1']);
    expect(plainWords(words('curl -s -L http://127.0.0.1:2379/v2/keys/a=b'))).toEqual(['curl', '-s', '-L', 'http://127.0.0.1:2379/v2/keys/a=b']);
  });
  for (const line of ['echo $HOME', 'echo ~', 'ls *.txt', 'echo a?', 'echo [ab]', 'echo {a,b}', "echo 'q'", 'echo "q"', 'echo $(date)', 'echo ""']) {
    it(`declines: ${line}`, () => {
      expect(plainWords(words(line))).toBeUndefined();
    });
  }
});
