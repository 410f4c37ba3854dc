import { describe, expect, it } from 'vitest';
import type { SegmentView, UploadProgress } from '../../api/contract';
import { uploadSegment } from './uploadSegment';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

function fakeApi(received: number[] | null) {
  const sent: number[] = [];
  const created: string[] = [];
  const api = {
    createSegment: (title: string) => {
      created.push(title);
      return Promise.resolve({ id: 'sg_new', chunkSize: 4, chunkCount: 3 } as SegmentView);
    },
    getSegmentChunks: () =>
      received === null
        ? Promise.reject(new Error('gone'))
        : Promise.resolve<UploadProgress>({ chunkSize: 4, chunkCount: 3, received, missing: [0, 1, 2].filter((i) => !received.includes(i)) }),
    putSegmentChunk: (_id: string, index: number, chunk: Blob) => {
      sent.push(index);
      expect(chunk.size).toBe(index === 2 ? 2 : 4);
      return Promise.resolve({} as UploadProgress);
    },
    completeSegment: (id: string) => Promise.resolve({ id, status: 'processing' } as SegmentView),
  };
  return { api, sent, created };
}

const file = new File([new Uint8Array(10)], 'clip.mp4', { lastModified: 1 });

describe('uploadSegment', () => {
  it('sends every chunk of a new upload, first to last, and completes it', async () => {
    const storage = memoryStorage();
    const { api, sent, created } = fakeApi(null);
    const result = await uploadSegment(api, file, 'My clip', () => {}, undefined, storage);
    expect(created).toEqual(['My clip']);
    expect(sent).toEqual([0, 1, 2]);
    expect(result.status).toBe('processing');
    expect(storage.items.size).toBe(0);
  });

  it('resumes an interrupted upload with only the chunks the server lacks', async () => {
    const storage = memoryStorage();
    storage.setItem('lsx.upload:clip.mp4:10:1', 'sg_old');
    const { api, sent, created } = fakeApi([0, 2]);
    const progress: number[] = [];
    await uploadSegment(api, file, 'My clip', (s) => progress.push(s.sent), undefined, storage);
    expect(created).toEqual([]);
    expect(sent).toEqual([1]);
    expect(progress).toEqual([6, 10]);
  });
});
