import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnnotationRestore, ImportedBrief } from '../shared/api';
import { describeAnnotationRestore } from '../shared/describeAnnotationRestore';
import { isAnnotationsFileName, MAX_IMPORT_BYTES } from '../shared/importLimits';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../shared/exportOptions';
import type { Brief, Section } from '../shared/model';
import { backup, doctor, restore } from './cliLibraryCare';
import { resolveDatabasePath } from './dataLocation';
import { MAX_SIDECAR_BYTES } from './export/readWebAnnotationSidecar';
import { sidecarFileName } from './export/webAnnotationVocabulary';
import { writeExportFiles } from './export/writeExportFiles';
import { writeFileAtomically } from './export/writeFileAtomically';
import { createSourceWorkerImporter } from './import/worker/createSourceWorkerImporter';
import type { Library } from './services/Library';
import { openLibrary } from './services/openLibrary';

const USAGE = `Usage: briefmark <command> [options]

Commands:
  import <file...>          Import briefs (.txt, .md, .html, .docx, .pdf) into the library;
                            annotations files (.annotations.json, written by export --sidecar)
                            restore their highlights and notes, after the briefs named with them
  import <file> --edition-of <id>
                            Import a new edition of a brief, carrying its notes and highlights over
  list                      List the briefs in the library
  show <id>                 Show a brief's metadata and outline
  export <id> [--out PATH]  Export a brief's notes and highlights as Markdown
                            (to stdout without --out; into PATH if it is a folder)
  export --all --out FOLDER Export every brief into FOLDER, one file each, named after its
                            title; exporting again replaces the same files
  doctor                    Check the library for damage and say what it holds; exit code 1
                            when there is a problem
  backup                    Back up the library now; prints the backup's path
  restore                   List the backups, newest first, numbered
  restore <file|number>     Replace the library with a backup (quit Briefmark first); the
                            library as it was is saved as a backup first

Options:
  --db PATH    Use this library file (default: BRIEFMARK_DB, else the user's data folder)
  --json       Print machine-readable JSON only (import, list, show, doctor, backup, restore)
  --full-text  export: add each exported section's text under its heading
  --sidecar    export: also write the annotations as W3C Web Annotation JSON
               (<name>.annotations.json) beside each Markdown file; needs --out
  -h, --help   Show this help`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  sampleBriefPath: string;
}

const COMMANDS = ['import', 'list', 'show', 'export', 'doctor', 'backup', 'restore'];

/** A mistake in how the command was called: usage is printed and the exit code is 2. */
class UsageError extends Error {}

/** Runs one CLI command; returns the process exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let library: Library | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        all: { type: 'boolean', default: false },
        'full-text': { type: 'boolean', default: false },
        sidecar: { type: 'boolean', default: false },
        'edition-of': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, ...args] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.stdout(USAGE);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (!COMMANDS.includes(command)) {
      throw new UsageError(`Unknown command “${command}”.`);
    }
    const dbPath = resolveDatabasePath({ argv, env: io.env });
    // These work on the library file itself, so they also serve a damaged library.
    switch (command) {
      case 'doctor':
        if (args.length > 0) throw new UsageError('Expected: briefmark doctor');
        return doctor(dbPath, values.json, io);
      case 'backup':
        if (args.length > 0) throw new UsageError('Expected: briefmark backup');
        return await backup(dbPath, values.json, io);
      case 'restore':
        if (args.length > 1) throw new UsageError('Expected: briefmark restore [file|number]');
        return restore(dbPath, args[0], values.json, io);
    }
    library = openLibrary({
      dbPath,
      sampleBriefPath: io.sampleBriefPath,
      runImport: createSourceWorkerImporter(),
    });
    switch (command) {
      case 'import':
        if (values['edition-of'] !== undefined) {
          const file = single(args, 'import <file> --edition-of <id>');
          return await importEdition(library, file, values['edition-of'], values.json, io);
        }
        return await importFiles(library, args, values.json, io);
      case 'list':
        return list(library, values.json, io);
      case 'show':
        return show(library, single(args, 'show <id>'), values.json, io);
      default: {
        // Only what the command line says counts: scripts get the same file whatever the app
        // last exported with.
        const options: ExportOptions = {
          ...DEFAULT_EXPORT_OPTIONS,
          includeFullText: values['full-text'],
          sidecar: values.sidecar,
        };
        if (values.sidecar && values.out === undefined) {
          throw new UsageError(
            'briefmark export --sidecar needs --out PATH: the annotations file is written beside the Markdown file.',
          );
        }
        if (!values.all) {
          return exportBrief(library, single(args, 'export <id>'), values.out, options, io);
        }
        if (args.length > 0) throw new UsageError('Expected: briefmark export --all --out FOLDER');
        if (values.out === undefined) {
          throw new UsageError('briefmark export --all needs --out FOLDER to write the files to.');
        }
        return exportAll(library, values.out, options, io);
      }
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr(`briefmark: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`briefmark: ${(error as Error).message}`);
    return 1;
  } finally {
    library?.close();
  }
}

function single(args: string[], usage: string): string {
  if (args.length !== 1 || !args[0]) throw new UsageError(`Expected: briefmark ${usage}`);
  return args[0];
}

async function importFiles(
  library: Library,
  files: string[],
  json: boolean,
  io: CliIo,
): Promise<number> {
  if (files.length === 0) throw new UsageError('Expected: briefmark import <file...>');
  // Annotations files are restored, not imported as briefs.
  const briefFiles = files.filter((file) => !isAnnotationsFileName(file));
  const sidecars = files.filter(isAnnotationsFileName);
  const imported: ImportedBrief[] = [];
  let failures = 0;
  for (const file of briefFiles) {
    try {
      const path = resolve(file);
      // Checked before reading, so a huge file is refused without loading it into memory.
      if (statSync(path).size > MAX_IMPORT_BYTES) {
        throw new Error(
          `larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, the most Briefmark imports.`,
        );
      }
      imported.push(await library.importFile(basename(file), readFileSync(path)));
    } catch (error) {
      failures++;
      io.stderr(`briefmark: ${file}: ${describeFileError(error)}`);
    }
  }
  // After the briefs: a sidecar named with its brief finds the brief just imported.
  const restored: AnnotationRestore[] = [];
  for (const file of sidecars) {
    try {
      const path = resolve(file);
      if (statSync(path).size > MAX_SIDECAR_BYTES) {
        throw new Error(
          `larger than ${MAX_SIDECAR_BYTES / (1024 * 1024)} MB, the most Briefmark restores annotations from.`,
        );
      }
      restored.push(library.restoreAnnotations(basename(file), readFileSync(path)));
    } catch (error) {
      failures++;
      io.stderr(`briefmark: ${file}: ${describeFileError(error)}`);
    }
  }
  if (json) {
    const shaped = imported.map(({ id, title, sections }) => ({ id, title, sections }));
    if (sidecars.length === 0) {
      if (shaped.length > 0)
        io.stdout(JSON.stringify(files.length === 1 ? shaped[0] : shaped, null, 2));
    } else if (briefFiles.length === 0) {
      if (restored.length > 0)
        io.stdout(JSON.stringify(files.length === 1 ? restored[0] : restored, null, 2));
    } else {
      io.stdout(JSON.stringify({ briefs: shaped, annotations: restored }, null, 2));
    }
  } else {
    for (const brief of imported) {
      const status = brief.alreadyInLibrary ? 'already in the library' : 'imported';
      io.stdout(`${brief.id}  ${brief.title}  (${brief.sections.length} sections, ${status})`);
      if (brief.editionCandidate) {
        io.stdout(
          `  Looks like a new edition of “${brief.editionCandidate.title}” (${brief.editionCandidate.id}).` +
            ` To carry its notes and highlights over: briefmark import <file> --edition-of ${brief.editionCandidate.id}`,
        );
      }
    }
    for (const restore of restored) {
      io.stdout(`${restore.briefId}  ${describeAnnotationRestore(restore)}`);
    }
  }
  return failures > 0 ? 1 : 0;
}

/** Imports a file and makes it the newer edition of a brief in the library. */
async function importEdition(
  library: Library,
  file: string,
  previousId: string,
  json: boolean,
  io: CliIo,
): Promise<number> {
  library.getBrief(previousId);
  const path = resolve(file);
  if (statSync(path).size > MAX_IMPORT_BYTES) {
    throw new Error(
      `${file}: larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, the most Briefmark imports.`,
    );
  }
  const imported = await library.importFile(basename(file), readFileSync(path));
  if (imported.id === previousId) {
    throw new Error(`${file} is that brief itself, not a new edition of it.`);
  }
  const carried = library.editions.adopt(imported.id, previousId);
  if (json) {
    io.stdout(JSON.stringify(carried, null, 2));
    return 0;
  }
  const { exact, moved, fuzzy, orphaned } = carried.highlights;
  io.stdout(`${imported.id}  ${imported.title}  (new edition of “${carried.previous.title}”)`);
  io.stdout(
    `  Highlights: ${exact} in place, ${moved} moved, ${fuzzy} approximate, ${orphaned} not found (kept for review)`,
  );
  io.stdout(
    `  Notes: ${carried.notes.followed} followed their section, ${carried.notes.toBriefNote} moved to the brief note`,
  );
  const { added, changed, removed } = carried.sections;
  io.stdout(`  Sections: ${changed} changed, ${added} added, ${removed} removed`);
  return 0;
}

function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file.';
  if (code === 'EISDIR') return 'is a folder, not a file.';
  if (code === 'EACCES') return 'permission denied.';
  return (error as Error).message;
}

function list(library: Library, json: boolean, io: CliIo): number {
  const briefs = library.listBriefs();
  if (json) {
    io.stdout(JSON.stringify(briefs, null, 2));
    return 0;
  }
  if (briefs.length === 0) {
    io.stdout('The library is empty. Import a brief with: briefmark import <file>');
    return 0;
  }
  for (const brief of briefs) {
    const details = [brief.organisation, brief.reference, brief.date].filter(Boolean).join(' · ');
    io.stdout(`${brief.id}  ${brief.title}${details ? `  (${details})` : ''}`);
  }
  return 0;
}

function show(library: Library, briefId: string, json: boolean, io: CliIo): number {
  const brief = library.getBrief(briefId);
  if (json) {
    const annotations = {
      notes: library.listNotes(briefId),
      highlights: library.highlights.list(briefId),
      edition: library.editions.review(briefId),
    };
    io.stdout(JSON.stringify({ ...brief, ...annotations }, null, 2));
    return 0;
  }
  io.stdout(describeBrief(brief));
  const highlights = library.highlights.list(briefId);
  if (highlights.length > 0) {
    io.stdout(`\nHighlights: ${highlights.length}`);
    for (const { role, status, score, anchor } of highlights) {
      const fit = status === 'fuzzy' ? `fuzzy ${score.toFixed(2)}` : status;
      io.stdout(`  [${role}, ${fit}] “${anchor.exact.replace(/\s+/g, ' ').slice(0, 100)}”`);
    }
  }
  return 0;
}

function describeBrief(brief: Brief): string {
  const { meta } = brief;
  const facts: [string, string | null][] = [
    ['Organisation', meta.organisation],
    ['Reference', meta.reference],
    ['Type', meta.documentType],
    ['Date', meta.date],
    ['Language', meta.language],
    ['Source', brief.sourceName],
    ['Id', brief.id],
  ];
  const lines = [brief.title, ''];
  for (const [label, value] of facts) if (value) lines.push(`${label}: ${value}`);
  lines.push('', 'Outline:');
  lines.push(
    ...brief.sections.map(
      (s: Section) => `${'  '.repeat(s.level)}${s.path}  ${s.heading}  [${s.id}]`,
    ),
  );
  return lines.join('\n');
}

function exportBrief(
  library: Library,
  briefId: string,
  out: string | undefined,
  options: ExportOptions,
  io: CliIo,
): number {
  if (out === undefined) {
    io.stdout(library.exportMarkdownWith(briefId, options).markdown.trimEnd());
    return 0;
  }
  const target = resolve(out);
  const { files } = library.exportFilesWith([briefId], options);
  // Into a folder, under the names `export --all` gives there, so the two never make two files;
  // else to the file named, with the sidecar beside it.
  const paths = isFolder(target)
    ? writeExportFiles(target, files)
    : files.map(({ text }, index) => {
        const path =
          index === 0 ? target : join(dirname(target), sidecarFileName(basename(target)));
        writeFileAtomically(path, text);
        return path;
      });
  const [markdownPath, sidecarPath] = paths;
  io.stderr(`Exported to ${markdownPath}`);
  if (sidecarPath) io.stderr(`Exported the annotations to ${sidecarPath}`);
  return 0;
}

/** Every brief in the list into one folder, created if missing, each file replaced whole. */
function exportAll(library: Library, out: string, options: ExportOptions, io: CliIo): number {
  const folder = resolve(out);
  const { files } = library.exportFilesWith(null, options);
  const paths = writeExportFiles(folder, files);
  if (files.length === 0) {
    io.stderr('The library is empty: nothing to export.');
    return 0;
  }
  for (const path of paths) io.stderr(`Wrote ${path}`);
  const count = new Set(files.map(({ briefId }) => briefId)).size;
  io.stderr(`Exported ${count} ${count === 1 ? 'brief' : 'briefs'} to ${folder}`);
  return 0;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
