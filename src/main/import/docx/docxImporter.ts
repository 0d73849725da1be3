import type { BriefImporter } from '../BriefImporter';
import { ImportError } from '../ImportError';

export const docxImporter: BriefImporter = {
  format: 'docx',
  extensions: ['docx'],
  async import(_bytes, fileName) {
    throw new ImportError(
      'unsupported_format',
      `“${fileName}” is a Word document; Word import is not available yet.`,
    );
  },
};
