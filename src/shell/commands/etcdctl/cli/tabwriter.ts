/**
 * Go's text/tabwriter as codegangsta/cli uses it for help output:
 * `tabwriter.NewWriter(out, 0, 8, 1, '\t', 0)` — minwidth 0, tabwidth 8, padding 1, padded with
 * tabs. Cells are tab-terminated; the text after a line's last tab belongs to no column. A column
 * block is a run of consecutive lines that all have a cell in that column; each block gets the
 * width of its widest cell plus the padding, rounded up to a multiple of the tab width.
 */
const TAB_WIDTH = 8;
const PADDING = 1;

interface Cell {
  text: string;
  width: number;
}

/** Rune count, which is what tabwriter measures (no East Asian width handling). */
function runeWidth(s: string): number {
  return [...s].length;
}

export function tabwrite(text: string): string {
  const lines: Cell[][] = text.split('\n').map((line) => line.split('\t').map((t) => ({ text: t, width: runeWidth(t) })));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i]!;
      let s = '';
      line.forEach((c, j) => {
        s += c.text;
        // Every cell but the last is followed by padding up to its column's width.
        if (j < line.length - 1 && j < widths.length) s += padding(c.width, widths[j]!);
      });
      out.push(s);
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur]!.length - 1) continue;
      // This line starts a block of lines having a cell in `column`.
      writeLines(line0, cur);
      line0 = cur;
      let width = 0;
      for (; cur < line1; cur++) {
        const line = lines[cur]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + PADDING);
      }
      widths.push(width);
      format(line0, cur);
      widths.pop();
      line0 = cur;
      cur--; // the for-loop's increment re-examines the line that ended the block
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}

function padding(textWidth: number, cellWidth: number): string {
  const cellw = Math.ceil(cellWidth / TAB_WIDTH) * TAB_WIDTH;
  const n = cellw - textWidth;
  return '\t'.repeat(Math.ceil(n / TAB_WIDTH));
}
