/** A colour per Raft term for log entries: distinct neighbours, repeating after eight terms. */
const PALETTE = ['#b5c95a', '#5aa9ff', '#3fcf8e', '#c297ff', '#ff9b50', '#4dd4d4', '#ff7eb6', '#f5b942'];

export function termColor(term: number): string {
  return PALETTE[((term % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}
