import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Section } from '../../src/shared/model';
import { importBriefFile } from '../../src/main/import/importBriefFile';
import { sectionPlainText } from '../../src/main/import/sectionPlainText';

const corpusDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const SAMPLE = 'nato-pa-128-spe-24-e-defence-ministers-2024-06.txt';

const doc = await importBriefFile(SAMPLE, readFileSync(join(corpusDir, SAMPLE)));

describe('sectionPlainText', () => {
  const section = (heading: string): Section => doc.sections.find((s) => s.heading === heading)!;

  it('gives a section its text without the heading or any marks', async () => {
    const text = sectionPlainText(section('Focus of the Meetings'));
    expect(text).toBe(
      [
        'Predictable and coordinated support for Ukraine, incl.',
        'NATO coordination of security assistance and training',
        'long-term financial commitment',
        'Allied deterrence and defence',
        "implementation of NATO's new defence plans",
        'a new Defence Industrial Pledge',
        'NATO Nuclear Posture and Adaptation',
        "Response to Russia's hostile actions toward allies",
      ].join('\n'),
    );
  });

  it('joins blocks with a blank line and writes a footnote as its label and text', async () => {
    const text = sectionPlainText(section('NATO Nuclear Posture and Adaptation'));
    expect(text).not.toContain('NATO Nuclear Posture and Adaptation\n');
    expect(text).toContain('nuclear weapons in Europe.1\n');
    expect(text).toMatch(
      /\n\n1 For more information on NATO's nuclear deterrence policy[^\n]*here\.$/,
    );
  });

  it('lays out tables by tabs and rows', async () => {
    const table: Section = {
      id: 't',
      level: 1,
      heading: 'T',
      path: '1',
      parentId: null,
      blocks: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Before.' }] },
        {
          type: 'table',
          headerRows: 1,
          rows: [
            [
              { content: [{ type: 'text', text: 'Country' }] },
              { content: [{ type: 'text', text: 'Share' }] },
            ],
            [
              { content: [{ type: 'text', text: 'Estonia' }] },
              { content: [{ type: 'text', text: '3%' }] },
            ],
          ],
        },
        { type: 'rule' },
      ],
    };
    expect(sectionPlainText(table)).toBe('Before.\n\nCountry\tShare\nEstonia\t3%');
  });
});
