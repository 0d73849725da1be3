import type { BriefImporter } from '../BriefImporter';
import { ImportError } from '../ImportError';

export const pdfImporter: BriefImporter = {
  format: 'pdf',
  extensions: ['pdf'],
  async import(_bytes, fileName) {
    throw new ImportError(
      'unsupported_format',
      `“${fileName}” is a PDF file; PDF import is not available yet.`,
    );
  },
};
