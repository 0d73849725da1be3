import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { webAnnotationSidecar } from '../../src/main/export/webAnnotationSidecar';
import { createTextAnchor } from '../../src/shared/anchoring/createTextAnchor';
import { sectionPlainText } from '../../src/shared/anchoring/sectionText';
import type { Highlight, HighlightRole } from '../../src/shared/highlights';
import type { Brief } from '../../src/shared/model';
import { expect, test } from './fixtures/webMode';
import { briefIdTitled, callApi } from './helpers/callApi';
import { painted } from './helpers/passages';

const TITLE = /NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024/i;
const sampleBytes = readFileSync(
  join(import.meta.dirname, '..', '..', 'resources', 'sample-brief.txt'),
);

const EVIDENCE = 'Today we have 500,000 troops at high readiness across all domains';
const QUESTION = 'an annual support of EUR 40 billion per year for as long as it takes';

function highlightOf(brief: Brief, phrase: string, role: HighlightRole, comment = ''): Highlight {
  for (const section of brief.sections) {
    const text = sectionPlainText(section);
    const start = text.indexOf(phrase);
    if (start < 0) continue;
    const at = '2026-11-27T17:00:00.000Z';
    return {
      id: randomUUID(),
      briefId: brief.id,
      anchor: createTextAnchor(section.id, text, start, start + phrase.length),
      role,
      comment,
      status: 'exact',
      score: 1,
      groupId: null,
      createdAt: at,
      updatedAt: at,
    };
  }
  throw new Error(`“${phrase}” is not in the brief`);
}

/** A sidecar as another library's export of the sample brief would write it. */
function sidecarFor(brief: Brief): Buffer {
  const plans = brief.sections.find((section) => sectionPlainText(section).includes(EVIDENCE))!;
  const text = webAnnotationSidecar(
    {
      brief: { ...brief, id: randomUUID() },
      highlights: [
        highlightOf(brief, EVIDENCE, 'evidence'),
        highlightOf(brief, QUESTION, 'question', 'Who pays what share?'),
      ],
      notes: [
        {
          briefId: brief.id,
          sectionId: plans.id,
          doc: {
            type: 'doc',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: 'Ask for the force model.' }] },
            ],
          },
          updatedAt: '2026-11-27T17:05:00.000Z',
        },
      ],
      contentHash: createHash('sha256').update(sampleBytes).digest('hex'),
    },
    new Date(),
  );
  return Buffer.from(text);
}

async function openLibrary(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.getByRole('button', { name: /library/i }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
}

test('importing an annotations file restores its highlights and notes into the brief', async ({
  page,
  app,
}) => {
  await openLibrary(page, app.url);
  const briefId = await briefIdTitled(page, 'KEY TAKEAWAYS');
  const brief = await callApi<Brief>(page, 'briefs.get', { briefId });
  const sidecar = sidecarFor(brief);

  const input = page.locator('input[type=file]');
  await expect(input).toHaveAttribute('accept', /\.json/);
  await input.setInputFiles({
    name: 'Key Takeaways.annotations.json',
    mimeType: 'application/json',
    buffer: sidecar,
  });
  await expect(page.getByRole('status')).toHaveText(
    "Restored 2 highlights and 1 note to “NATO DEFENCE MINISTERS' MEETING, 13-14 JUNE 2024: KEY TAKEAWAYS”.",
  );
  await page.screenshot({ path: test.info().outputPath('restored-light.png') });

  // The same file again adds nothing, and says so.
  await input.setInputFiles({
    name: 'Key Takeaways.annotations.json',
    mimeType: 'application/json',
    buffer: sidecar,
  });
  await expect(page.getByRole('status')).toContainText('Nothing new to restore');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('again-dark.png') });

  await page.getByRole('button', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect.poll(() => painted(page, 'evidence')).toContain(EVIDENCE);
  await expect.poll(() => painted(page, 'question')).toContain(QUESTION);
});

test('an annotations file whose brief is not in the library says which file to import', async ({
  page,
  app,
}) => {
  await openLibrary(page, app.url);
  const briefId = await briefIdTitled(page, 'KEY TAKEAWAYS');
  const brief = await callApi<Brief>(page, 'briefs.get', { briefId });
  const collection = JSON.parse(sidecarFor(brief).toString('utf8'));
  collection['briefmark:sourceSha256'] = '0'.repeat(64);
  collection['briefmark:sourceFileName'] = 'nato-brief.pdf';
  await page.locator('input[type=file]').setInputFiles({
    name: 'other.annotations.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(collection)),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('other.annotations.json');
  await expect(alert).toContainText('Import “nato-brief.pdf” first');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('refused-dark.png') });
});
