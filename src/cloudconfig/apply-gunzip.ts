/**
 * gzip decompression for `write_files` with a gz encoding (config.DecodeContent uses Go's
 * gzip.NewReader): the member header, then a plain DEFLATE decoder (RFC 1951). Returns undefined
 * for anything malformed. Synchronous, so it runs inside the boot's world event.
 */
export function gunzip(data: Uint8Array): Uint8Array | undefined {
  try {
    if (data.length < 18 || data[0] !== 0x1f || data[1] !== 0x8b || data[2] !== 8) return undefined;
    const flags = data[3]!;
    let pos = 10;
    if (flags & 4) pos += 2 + (data[pos]! | (data[pos + 1]! << 8)); // FEXTRA
    if (flags & 8) while (data[pos++] !== 0) if (pos >= data.length) return undefined; // FNAME
    if (flags & 16) while (data[pos++] !== 0) if (pos >= data.length) return undefined; // FCOMMENT
    if (flags & 2) pos += 2; // FHCRC
    return inflate(data, pos);
  } catch {
    return undefined;
  }
}

class Bits {
  private bit = 0;
  constructor(
    readonly data: Uint8Array,
    public pos: number,
  ) {}

  read(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) {
      if (this.pos >= this.data.length) throw new Error('unexpected EOF');
      v |= ((this.data[this.pos]! >> this.bit) & 1) << i;
      if (++this.bit === 8) {
        this.bit = 0;
        this.pos++;
      }
    }
    return v;
  }

  alignToByte(): void {
    if (this.bit !== 0) {
      this.bit = 0;
      this.pos++;
    }
  }
}

/** A canonical Huffman code: symbol counts per length and symbols in code order. */
interface Huffman {
  counts: number[];
  symbols: number[];
}

function huffman(lengths: number[]): Huffman {
  const counts = new Array<number>(16).fill(0);
  for (const l of lengths) counts[l]!++;
  counts[0] = 0;
  const offs = new Array<number>(16).fill(0);
  for (let i = 1; i < 16; i++) offs[i] = offs[i - 1]! + counts[i - 1]!;
  const symbols = new Array<number>(lengths.length).fill(0);
  lengths.forEach((l, s) => {
    if (l) symbols[offs[l]!++] = s;
  });
  return { counts, symbols };
}

function decodeSym(b: Bits, h: Huffman): number {
  let code = 0;
  let first = 0;
  let index = 0;
  for (let len = 1; len < 16; len++) {
    code |= b.read(1);
    const count = h.counts[len]!;
    if (code - first < count) return h.symbols[index + code - first]!;
    index += count;
    first = (first + count) << 1;
    code <<= 1;
  }
  throw new Error('bad code');
}

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

function fixedCodes(): [Huffman, Huffman] {
  const l: number[] = [];
  for (let i = 0; i < 288; i++) l.push(i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8);
  return [huffman(l), huffman(new Array<number>(30).fill(5))];
}

function dynamicCodes(b: Bits): [Huffman, Huffman] {
  const hlit = b.read(5) + 257;
  const hdist = b.read(5) + 1;
  const hclen = b.read(4) + 4;
  const cl = new Array<number>(19).fill(0);
  for (let i = 0; i < hclen; i++) cl[CL_ORDER[i]!] = b.read(3);
  const clCode = huffman(cl);
  const lengths: number[] = [];
  while (lengths.length < hlit + hdist) {
    const sym = decodeSym(b, clCode);
    if (sym < 16) lengths.push(sym);
    else if (sym === 16) {
      if (lengths.length === 0) throw new Error('repeat with no length');
      const prev = lengths[lengths.length - 1]!;
      for (let n = 3 + b.read(2); n > 0; n--) lengths.push(prev);
    } else for (let n = sym === 17 ? 3 + b.read(3) : 11 + b.read(7); n > 0; n--) lengths.push(0);
  }
  return [huffman(lengths.slice(0, hlit)), huffman(lengths.slice(hlit))];
}

function inflate(data: Uint8Array, start: number): Uint8Array {
  const b = new Bits(data, start);
  const out: number[] = [];
  let final = 0;
  while (!final) {
    final = b.read(1);
    const type = b.read(2);
    if (type === 0) {
      b.alignToByte();
      const len = data[b.pos]! | (data[b.pos + 1]! << 8);
      b.pos += 4;
      if (b.pos + len > data.length) throw new Error('short stored block');
      for (let i = 0; i < len; i++) out.push(data[b.pos++]!);
      continue;
    }
    if (type === 3) throw new Error('bad block type');
    const [lit, dist] = type === 1 ? fixedCodes() : dynamicCodes(b);
    for (;;) {
      const sym = decodeSym(b, lit);
      if (sym < 256) out.push(sym);
      else if (sym === 256) break;
      else {
        const i = sym - 257;
        if (i >= 29) throw new Error('bad length');
        const len = LEN_BASE[i]! + b.read(LEN_EXTRA[i]!);
        const d = decodeSym(b, dist);
        if (d >= 30) throw new Error('bad distance');
        const back = DIST_BASE[d]! + b.read(DIST_EXTRA[d]!);
        if (back > out.length) throw new Error('distance too far');
        for (let k = 0; k < len; k++) out.push(out[out.length - back]!);
      }
    }
  }
  return Uint8Array.from(out);
}
