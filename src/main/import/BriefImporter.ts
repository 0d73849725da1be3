import type { BriefDocument, BriefFormat } from '../../shared/model';
import type { ImportOptions } from './ImportOptions';

/** One file format: which extensions it claims and how it turns bytes into a brief. */
export interface BriefImporter {
  format: BriefFormat;
  extensions: readonly string[];
  import(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<BriefDocument>;
}
