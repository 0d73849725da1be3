// Electron security lint: runs Electronegativity on src/ and fails on any finding at all.
// Findings reviewed and accepted carry an `eng-disable CHECK_ID` comment beside the code with
// the reason above it; the tool honours those, so what is left is new and unreviewed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const toolVersion = require('@doyensec/electronegativity/package.json').version;
const cli = require.resolve('@doyensec/electronegativity/dist/index.js');

const scratch = mkdtempSync(join(tmpdir(), 'briefmark-electronegativity-'));
const report = join(scratch, 'findings.csv');
try {
  const run = spawnSync(
    process.execPath,
    [
      cli,
      ['--input', 'src'],
      '--relative',
      // The installed Electron, so the checks judge its defaults rather than Electron 0.1's.
      ['--electron-version', electronVersion],
      // That check downloads Electron's release list; the version is pinned in package.json.
      ['--exclude-checks', 'AvailableSecurityFixesGlobalCheck'],
      ['--verbose', 'false'],
      ['--output', report],
    ].flat(),
    { encoding: 'utf8' },
  );
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error(`Electronegativity stopped with exit code ${run.status}.`);
  }
  const findings = parseCsv(readFileSync(report, 'utf8')).slice(1);
  const label = `Electronegativity ${toolVersion} (Electron ${electronVersion})`;
  if (findings.length === 0) {
    console.log(`${label}: 0 findings in src/.`);
  } else {
    console.error(`${label}: ${findings.length} finding(s) in src/:`);
    for (const [id, severity, confidence, file, location, sample] of findings) {
      console.error(`  ${severity} ${id} (${confidence}) ${file}:${location}  ${sample}`);
    }
    console.error(
      'Fix each one, or if it is safe, say why in a comment and add `eng-disable <CHECK_ID>` on its line.',
    );
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** The tool's CSV: comma-separated, fields optionally in double quotes with "" for a quote. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field.trim());
      field = '';
    } else if (char === '\n') {
      row.push(field.trim());
      if (row.some((cell) => cell !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  row.push(field.trim());
  if (row.some((cell) => cell !== '')) rows.push(row);
  return rows;
}
