/**
 * `input` cut before each of `cuts`, in order: each cut taken modulo one more than the input's length (so that any
 * natural number a property test draws is a place, and a place from 0 to the length is itself), repeats ignored.
 * The pieces share the input's memory where they can (`subarray` for bytes).
 */
export function cutAt(input: string, cuts: readonly number[]): string[];
export function cutAt(input: Uint8Array, cuts: readonly number[]): Uint8Array[];
export function cutAt(input: string | Uint8Array, cuts: readonly number[]): (string | Uint8Array)[] {
  const points = [...new Set(cuts.map((cut) => cut % (input.length + 1)))].sort((a, b) => a - b);
  const piece = (from: number, to: number): string | Uint8Array =>
    typeof input === 'string' ? input.slice(from, to) : input.subarray(from, to);
  const pieces: (string | Uint8Array)[] = [];
  let from = 0;
  for (const point of points) {
    pieces.push(piece(from, point));
    from = point;
  }
  pieces.push(piece(from, input.length));
  return pieces;
}

/** Every piece a source gives (a `ByteSource`), read through once, each copied out of the source's memory. */
export async function piecesOf(source: { chunks(): AsyncIterable<Uint8Array> }): Promise<Uint8Array[]> {
  const pieces: Uint8Array[] = [];
  for await (const piece of source.chunks()) pieces.push(Uint8Array.from(piece));
  return pieces;
}
