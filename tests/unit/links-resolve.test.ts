import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/api/dispatch';
import type { Library } from '../../src/main/services/Library';
import { openLibrary } from '../../src/main/services/openLibrary';
import type { ApiResult, ExportedFile, LinkDestination } from '../../src/shared/api';
import {
  briefmarkHighlightHref,
  parseBriefmarkHref,
  type BriefmarkHighlightLink,
} from '../../src/shared/briefmarkLink';
import { annotatedSample, highlightPhrase, SAMPLE } from './helpers/annotatedLibrary';
import { projectRoot, sampleBriefPath, tempDbPath } from './helpers/tempLibrary';

const secondEditionPath = join(projectRoot, 'tests', 'fixtures', 'sample-brief-edition-2.txt');
const EVIDENCE = 'Today we have 500,000 troops at high readiness across all domains';

function newLibrary() {
  const library = openLibrary({ dbPath: tempDbPath(), sampleBriefPath });
  return { library, dispatch: createDispatch(library) };
}

function resolved(result: ApiResult<unknown>): LinkDestination {
  if (!result.ok) throw new Error(`expected a destination, got ${JSON.stringify(result.error)}`);
  return result.value as LinkDestination;
}

/** Every highlight link in an exported Markdown file, parsed, in the order they are written. */
function linksIn(markdown: string): BriefmarkHighlightLink[] {
  return [...markdown.matchAll(/\]\((briefmark:\/\/[^)\s]+)\)/g)].map((match) => {
    const link = parseBriefmarkHref(match[1]!);
    if (!link) throw new Error(`The export wrote a link the app would refuse: ${match[1]}`);
    return link;
  });
}

function linkTo(library: Library, highlightId: string, briefId: string): BriefmarkHighlightLink {
  const highlight = library.highlights.list(briefId).find(({ id }) => id === highlightId)!;
  return { briefId, sectionId: highlight.anchor.sectionId, highlightId };
}

describe('links.resolve', () => {
  it('leads a link from an export to its highlight, in its brief and section', async () => {
    const { library, dispatch } = newLibrary();
    const briefId = await annotatedSample(library);
    const { markdown } = library.exportMarkdown(briefId);
    const evidence = library.highlights
      .list(briefId)
      .find((highlight) => highlight.anchor.exact === EVIDENCE)!;
    const link = linksIn(markdown).find(({ highlightId }) => highlightId === evidence.id)!;
    expect(link).toEqual({ briefId, sectionId: SAMPLE.plans, highlightId: evidence.id });

    expect(resolved(await dispatch('links.resolve', link))).toEqual({
      briefId,
      sectionId: SAMPLE.plans,
      highlightId: evidence.id,
      note: null,
    });
  });

  it('follows a link from library A into library B once B has the file and its sidecar', async () => {
    const a = newLibrary();
    const exportedFrom = await annotatedSample(a.library);
    const { files } = a.library.exportFiles([exportedFrom], { sidecar: true });
    const markdown = files.find((file) => file.mediaType === 'text/markdown')!;
    const sidecar = files.find((file) => file.mediaType === 'application/ld+json')!;
    const links = linksIn(markdown.text);
    expect(links.length).toBeGreaterThanOrEqual(5);
    const evidence = a.library.highlights
      .list(exportedFrom)
      .find((highlight) => highlight.anchor.exact === EVIDENCE)!;
    const link = links.find(({ highlightId }) => highlightId === evidence.id)!;

    const b = newLibrary();
    const imported = await b.library.importFile('sample-brief.txt', readFileSync(sampleBriefPath));
    // The same file imported again is another brief, with an id of its own.
    expect(imported.id).not.toBe(exportedFrom);
    const before = await b.dispatch('links.resolve', link);
    expect(before.ok).toBe(false);
    if (!before.ok) {
      expect(before.error.code).toBe('not_found');
      expect(before.error.message).toMatch(/not in this library.*restore its annotations/);
    }

    restore(b.library, sidecar);
    expect(resolved(await b.dispatch('links.resolve', link))).toEqual({
      briefId: imported.id,
      sectionId: SAMPLE.plans,
      highlightId: evidence.id,
      note: null,
    });
    // Every highlight link of the export leads to its own highlight in B.
    for (const each of links) {
      const destination = resolved(await b.dispatch('links.resolve', each));
      expect(destination.briefId).toBe(imported.id);
      expect(destination.highlightId).toBe(each.highlightId);
    }

    // Deleted in B, the highlight still tells which brief and section the link was about.
    b.library.highlights.delete(evidence.id);
    expect(resolved(await b.dispatch('links.resolve', link))).toEqual({
      briefId: imported.id,
      sectionId: SAMPLE.plans,
      highlightId: null,
      note: 'That highlight is no longer in the brief; this is the section it was in.',
    });
  });

  it('leads to a deleted highlight’s section with a note, and to the highlight again after undo', async () => {
    const { library, dispatch } = newLibrary();
    const { id: briefId } = await library.importFile(
      'sample-brief.txt',
      readFileSync(sampleBriefPath),
    );
    const highlight = highlightPhrase(library, briefId, SAMPLE.plans, EVIDENCE, 'evidence');
    const link = linkTo(library, highlight.id, briefId);

    library.highlights.delete(highlight.id);
    expect(resolved(await dispatch('links.resolve', link))).toEqual({
      briefId,
      sectionId: SAMPLE.plans,
      highlightId: null,
      note: 'That highlight is no longer in the brief; this is the section it was in.',
    });
    // A link naming a section the brief does not have still opens the brief.
    expect(
      resolved(await dispatch('links.resolve', { ...link, sectionId: 'no-such-section' })),
    ).toEqual({
      briefId,
      sectionId: null,
      highlightId: null,
      note: 'That highlight is no longer in the brief, and neither is the section it was in.',
    });

    library.highlights.restore(highlight.id);
    expect(resolved(await dispatch('links.resolve', link)).highlightId).toBe(highlight.id);
  });

  it('follows highlights and sections into a newer edition', async () => {
    const { library, dispatch } = newLibrary();
    const first = (await library.welcome()).openBriefId!;
    const unchanged = highlightPhrase(
      library,
      first,
      'ii-allied-deterrence-and-defence',
      'These show 23 Allies meeting the 2% target in 2024',
      'key-point',
    );
    const inRenamedSection = highlightPhrase(
      library,
      first,
      SAMPLE.pledge,
      'increase production rates, making procurement more agile',
      'evidence',
    );
    const passageDropped = highlightPhrase(
      library,
      first,
      SAMPLE.plans,
      "2024's Steadfast Defender included 90,000 troops across Europe",
      'question',
    );
    const deletedBefore = highlightPhrase(
      library,
      first,
      SAMPLE.pledge,
      'A new Defence Industrial Pledge would also signal',
      'action',
    );
    const links = Object.fromEntries(
      [unchanged, inRenamedSection, passageDropped, deletedBefore].map((highlight) => [
        highlight.id,
        linkTo(library, highlight.id, first),
      ]),
    );
    library.highlights.delete(deletedBefore.id);

    const second = await library.importFile(
      'sample-brief-edition-2.txt',
      readFileSync(secondEditionPath),
    );
    library.editions.adopt(second.id, first);
    const renamed = second.sections.find(
      (section) => section.heading === 'A new Defence Industrial Pledge',
    )!;
    expect(renamed.id).not.toBe(SAMPLE.pledge);

    expect(resolved(await dispatch('links.resolve', links[unchanged.id]))).toEqual({
      briefId: second.id,
      sectionId: 'ii-allied-deterrence-and-defence',
      highlightId: unchanged.id,
      note: null,
    });
    expect(resolved(await dispatch('links.resolve', links[inRenamedSection.id]))).toEqual({
      briefId: second.id,
      sectionId: renamed.id,
      highlightId: inRenamedSection.id,
      note: null,
    });
    // Kept for review, but not in the new text: the section it was in, and why.
    expect(resolved(await dispatch('links.resolve', links[passageDropped.id]))).toEqual({
      briefId: second.id,
      sectionId: SAMPLE.plans,
      highlightId: null,
      note: 'The passage of that highlight is not in this edition of the brief; this is the section it was in.',
    });
    // Deleted before the new edition came: its section, followed under its new heading.
    expect(resolved(await dispatch('links.resolve', links[deletedBefore.id]))).toEqual({
      briefId: second.id,
      sectionId: renamed.id,
      highlightId: null,
      note: 'That highlight is no longer in the brief; this is the section it was in.',
    });
  });

  it('says in a sentence when neither the highlight nor the brief is in the library', async () => {
    const { library, dispatch } = newLibrary();
    await library.welcome();
    const href = 'briefmark://brief/6f1d2c3b-0000-4000-8000-000000000000/section/decisions#h-1b2c';
    const result = await dispatch('links.resolve', parseBriefmarkHref(href));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message:
          'That link goes to a brief that is not in this library. Import the brief and restore its annotations (the .annotations.json file of the export) to follow links into it.',
      },
    });
  });

  it('takes exactly the three ids of a parsed link', async () => {
    const { dispatch } = newLibrary();
    const link = { briefId: 'b', sectionId: 's', highlightId: 'h' };
    const refused = [
      { href: briefmarkHighlightHref(link) },
      { ...link, extra: true },
      { ...link, highlightId: '' },
      { ...link, sectionId: 'x'.repeat(129) },
      { briefId: 'b', sectionId: 's' },
    ];
    for (const request of refused) {
      const result = await dispatch('links.resolve', request);
      expect(result.ok ? null : result.error.code).toBe('invalid_request');
    }
  });
});

function restore(library: Library, sidecar: ExportedFile) {
  const restored = library.restoreAnnotations(sidecar.fileName, Buffer.from(sidecar.text));
  expect(restored.highlightsRestored).toBeGreaterThanOrEqual(5);
}
