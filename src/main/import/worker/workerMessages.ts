import type { BriefDocument } from '../../../shared/model';
import type { ImportErrorCode } from '../ImportError';
import type { ImportProgress } from '../ImportOptions';

export interface WorkerRequest {
  fileName: string;
  bytes: Uint8Array;
}

export type WorkerReply =
  | { kind: 'progress'; progress: ImportProgress }
  | { kind: 'done'; document: BriefDocument }
  | { kind: 'failed'; code: ImportErrorCode; message: string }
  | { kind: 'crashed'; message: string };
