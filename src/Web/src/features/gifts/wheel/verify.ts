// Checks a spin-wheel round in the browser, as PROTOCOL.md "The spin wheel, verifiably" defines it:
//   seedHash = hex(SHA-256(seed))                                   (seed: 64 hex characters, hashed as ASCII)
//   segment  = uint64_be(SHA-256(seed + ":" + giftEventId)[0..8]) mod segments.length
// Pure apart from the digest, which is WebCrypto's unless one is passed in.

/** SHA-256 of some bytes. */
export type Digest = (data: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer | Uint8Array>;

/** WebCrypto's SHA-256, or null where the page has none (it needs a secure context: https or localhost). */
export function webCryptoDigest(): Digest | null {
  const subtle = globalThis.crypto?.subtle;
  return subtle ? (data) => subtle.digest('SHA-256', data) : null;
}

/** A seed as the server draws it: 64 hex characters. */
export const SEED_PATTERN = /^[0-9a-fA-F]{64}$/;

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The bytes hashed: the text's code points as ASCII (UTF-8, which is the same for ASCII text). */
export function asciiBytes(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

export async function sha256(text: string, digest: Digest): Promise<Uint8Array> {
  return new Uint8Array(await digest(asciiBytes(text)));
}

/** The first 8 bytes as an unsigned 64-bit big-endian integer. */
export function uint64BigEndian(bytes: Uint8Array): bigint {
  if (bytes.length < 8) {
    throw new RangeError('uint64BigEndian needs at least 8 bytes.');
  }
  let value = 0n;
  for (let i = 0; i < 8; i++) {
    value = (value << 8n) | BigInt(bytes[i]!);
  }
  return value;
}

/** The segment a hash picks among `segmentCount`. */
export function segmentOf(hash: Uint8Array, segmentCount: number): number {
  if (!Number.isInteger(segmentCount) || segmentCount < 1) {
    throw new RangeError('segmentCount must be a positive integer.');
  }
  return Number(uint64BigEndian(hash) % BigInt(segmentCount));
}

/** What to check: the revealed round, and the hash the stream committed to before the spin. */
export interface WheelRoundToVerify {
  seed: string;
  /** The commitment: from `wheel:commit` when this page saw it, else the hash the spin or the result carried. */
  committedSeedHash: string;
  giftEventId: string;
  segments: readonly string[];
  segmentIndex: number;
}

export interface SeedCheck {
  ok: boolean;
  /** hex(SHA-256(seed)), computed here. */
  computed: string;
  /** The committed hash, lower-cased. */
  expected: string;
  /** The seed is 64 hex characters, as the protocol says it is. */
  wellFormed: boolean;
}

export interface SegmentCheck {
  ok: boolean;
  /** `seed:giftEventId`, the text hashed. */
  input: string;
  /** hex(SHA-256(input)), computed here. */
  hash: string;
  /** Its first 8 bytes, big-endian, in decimal. */
  uint64: string;
  segmentCount: number;
  /** uint64 mod segmentCount, computed here. */
  computed: number;
  /** The segment the server said. */
  expected: number;
}

export interface WheelVerification {
  ok: boolean;
  seed: SeedCheck;
  segment: SegmentCheck;
}

/** Recomputes both hashes of a round and compares them with what the server committed to and announced. */
export async function verifyWheelRound(round: WheelRoundToVerify, digest: Digest): Promise<WheelVerification> {
  const seedHash = toHex(await sha256(round.seed, digest));
  const expectedHash = round.committedSeedHash.trim().toLowerCase();
  const seed: SeedCheck = {
    ok: seedHash === expectedHash,
    computed: seedHash,
    expected: expectedHash,
    wellFormed: SEED_PATTERN.test(round.seed),
  };

  const input = `${round.seed}:${round.giftEventId}`;
  const hash = await sha256(input, digest);
  const segmentCount = round.segments.length;
  const computed = segmentCount > 0 ? segmentOf(hash, segmentCount) : -1;
  const segment: SegmentCheck = {
    ok: segmentCount > 0 && computed === round.segmentIndex,
    input,
    hash: toHex(hash),
    uint64: uint64BigEndian(hash).toString(),
    segmentCount,
    computed,
    expected: round.segmentIndex,
  };

  return { ok: seed.ok && segment.ok, seed, segment };
}
