import type { BriefImporter } from '../BriefImporter';
import { ImportError } from '../ImportError';

export const htmlImporter: BriefImporter = {
  format: 'html',
  extensions: ['html', 'htm', 'xhtml'],
  async import(_bytes, fileName) {
    throw new ImportError(
      'unsupported_format',
      `“${fileName}” is a web page; HTML import is not available yet.`,
    );
  },
};
