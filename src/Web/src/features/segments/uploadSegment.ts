import type { RestClient } from '../../api/rest';
import type { SegmentView } from '../../api/contract';

/** Where an interrupted upload of a file is remembered, so that choosing the same file again resumes it. */
function resumeKey(file: File): string {
  return `lsx.upload:${file.name}:${file.size}:${file.lastModified}`;
}

export interface UploadStatus {
  /** Bytes the server has. */
  sent: number;
  total: number;
  resumed: boolean;
}

/**
 * Uploads `file` in chunks: the server says the chunk size; only the chunks it does not have yet are sent (an upload
 * of the same file that was cut off resumes where it stopped), then the upload is completed and processing starts.
 */
export async function uploadSegment(
  api: Pick<RestClient, 'createSegment' | 'getSegmentChunks' | 'putSegmentChunk' | 'completeSegment'>,
  file: File,
  title: string,
  onProgress: (status: UploadStatus) => void,
  signal?: AbortSignal,
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = localStorage,
): Promise<SegmentView> {
  const key = resumeKey(file);
  let segmentId = storage.getItem(key);
  let progress = null;
  if (segmentId) {
    progress = await api.getSegmentChunks(segmentId, signal).catch(() => null);
  }
  const resumed = progress !== null;
  if (!segmentId || !progress) {
    const created = await api.createSegment(title, file.size);
    segmentId = created.id;
    storage.setItem(key, segmentId);
    progress = { chunkSize: created.chunkSize, chunkCount: created.chunkCount, received: [], missing: [...Array(created.chunkCount).keys()] };
  }

  const chunkBytes = (index: number) => Math.min(progress.chunkSize, file.size - index * progress.chunkSize);
  let sent = progress.received.reduce((sum, index) => sum + chunkBytes(index), 0);
  onProgress({ sent, total: file.size, resumed });
  // Chunk 0 first: its bytes tell the server the container.
  for (const index of [...progress.missing].sort((a, b) => a - b)) {
    const start = index * progress.chunkSize;
    await api.putSegmentChunk(segmentId, index, file.slice(start, start + chunkBytes(index)), signal);
    sent += chunkBytes(index);
    onProgress({ sent, total: file.size, resumed });
  }
  const completed = await api.completeSegment(segmentId);
  storage.removeItem(key);
  return completed;
}
