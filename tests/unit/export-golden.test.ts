import { beforeAll, describe, expect, it } from 'vitest';
import { exportBriefMarkdown } from '../../src/main/export/exportBriefMarkdown';
import type { ExportOptions } from '../../src/shared/exportOptions';
import type { Brief } from '../../src/shared/model';
import { loadSampleBrief, sampleAnnotations } from './helpers/exportSample';

const EXPORTED_AT = new Date('2026-11-27T18:04:00.731Z');

let brief: Brief;
beforeAll(async () => {
  brief = await loadSampleBrief();
});

function exportSample(options: Partial<ExportOptions> = {}): string {
  return exportBriefMarkdown(brief, sampleAnnotations(brief), {
    exportedAt: EXPORTED_AT,
    ...options,
  });
}

describe('the reviewed exports of the sample brief with notes and highlights', () => {
  it.each([
    ['default options', {}, 'export-sample-highlights.md'],
    ['all sections', { includeAllSections: true }, 'export-sample-all-sections.md'],
    ['full text', { includeFullText: true }, 'export-sample-full-text.md'],
    ['grouped by role', { groupByRole: true }, 'export-sample-by-role.md'],
  ])('matches the golden file with %s', async (_name, options, file) => {
    await expect(exportSample(options)).toMatchFileSnapshot(`./__golden__/${file}`);
  });
});
