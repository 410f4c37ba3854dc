import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { segmentOf, uint64BigEndian, verifyWheelRound, webCryptoDigest, type Digest } from './verify';

// The reference: Node's own SHA-256, and the protocol's formula written out with Buffer.readBigUInt64BE.
const nodeSha256 = (text: string) => createHash('sha256').update(text, 'ascii').digest();
const referenceSegment = (seed: string, giftEventId: string, count: number) =>
  Number(nodeSha256(`${seed}:${giftEventId}`).readBigUInt64BE(0) % BigInt(count));

const digest: Digest = webCryptoDigest()!;
const seed = '00'.repeat(32);
const giftEventId = 'u_x:1';
const segments = ['x2', 'dance', 'song', 'pushups', 'hat', 'dab', 'story'];

describe('spin-wheel verification', () => {
  it('has WebCrypto to hash with', () => {
    expect(webCryptoDigest()).not.toBeNull();
  });

  it('reads the first 8 bytes as an unsigned big-endian 64-bit integer', () => {
    const bytes = Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0x12]);
    expect(uint64BigEndian(bytes)).toBe(18446744073709551614n);
    expect(uint64BigEndian(Uint8Array.from([0, 0, 0, 0, 0, 0, 1, 0]))).toBe(256n);
    expect(segmentOf(bytes, 10)).toBe(4);
  });

  it('verifies a round computed with Node’s crypto', async () => {
    const seedHash = nodeSha256(seed).toString('hex');
    const segmentIndex = referenceSegment(seed, giftEventId, segments.length);

    const result = await verifyWheelRound({ seed, committedSeedHash: seedHash, giftEventId, segments, segmentIndex }, digest);

    expect(result.ok).toBe(true);
    expect(result.seed).toEqual({ ok: true, computed: seedHash, expected: seedHash, wellFormed: true });
    expect(result.segment).toMatchObject({
      ok: true,
      input: `${seed}:${giftEventId}`,
      hash: nodeSha256(`${seed}:${giftEventId}`).toString('hex'),
      uint64: nodeSha256(`${seed}:${giftEventId}`).readBigUInt64BE(0).toString(),
      segmentCount: segments.length,
      computed: segmentIndex,
      expected: segmentIndex,
    });
  });

  it('agrees with the reference for every wheel size and several gifts', async () => {
    for (let count = 2; count <= 12; count++) {
      for (const id of ['u_x:1', 'u_4f0c2a9e:17', 'u_z:999']) {
        const result = await verifyWheelRound(
          {
            seed: 'ab'.repeat(32),
            committedSeedHash: nodeSha256('ab'.repeat(32)).toString('hex'),
            giftEventId: id,
            segments: segments.concat(segments).slice(0, count),
            segmentIndex: referenceSegment('ab'.repeat(32), id, count),
          },
          digest,
        );
        expect(result.ok).toBe(true);
      }
    }
  });

  it('compares the committed hash in any case', async () => {
    const seedHash = nodeSha256(seed).toString('hex').toUpperCase();
    const segmentIndex = referenceSegment(seed, giftEventId, 3);
    const result = await verifyWheelRound({ seed, committedSeedHash: seedHash, giftEventId, segments: segments.slice(0, 3), segmentIndex }, digest);
    expect(result.seed.ok).toBe(true);
  });

  it('fails the seed check when the revealed seed is not the committed one', async () => {
    const other = '11'.repeat(32);
    const result = await verifyWheelRound(
      {
        seed: other,
        committedSeedHash: nodeSha256(seed).toString('hex'),
        giftEventId,
        segments,
        segmentIndex: referenceSegment(other, giftEventId, segments.length),
      },
      digest,
    );
    expect(result.seed.ok).toBe(false);
    expect(result.segment.ok).toBe(true);
    expect(result.ok).toBe(false);
  });

  it('fails the segment check when the announced segment is not the one the hash picks', async () => {
    const right = referenceSegment(seed, giftEventId, segments.length);
    const result = await verifyWheelRound(
      {
        seed,
        committedSeedHash: nodeSha256(seed).toString('hex'),
        giftEventId,
        segments,
        segmentIndex: (right + 1) % segments.length,
      },
      digest,
    );
    expect(result.seed.ok).toBe(true);
    expect(result.segment).toMatchObject({ ok: false, computed: right });
    expect(result.ok).toBe(false);
  });

  it('notices a seed that is not 64 hex characters', async () => {
    const result = await verifyWheelRound(
      { seed: 'abc', committedSeedHash: nodeSha256('abc').toString('hex'), giftEventId, segments, segmentIndex: 0 },
      digest,
    );
    expect(result.seed).toMatchObject({ ok: true, wellFormed: false });
  });
});
