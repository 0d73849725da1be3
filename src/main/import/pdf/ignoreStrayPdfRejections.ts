/** Names of the errors pdf.js raises while parsing; XRef and parser errors come from its worker code. */
const PDFJS_ERRORS = new Set([
  'FormatError',
  'XRefEntryException',
  'XRefParseException',
  'ParserEOFException',
  'UnknownErrorException',
  'InvalidPDFException',
  'AbortException',
]);

let installed = false;

/**
 * On a damaged file pdf.js (running in-process) can leave promises it started for prefetched
 * pages rejected with nobody listening, after the import itself has already failed cleanly with
 * a 'damaged' error. Node would end the process for them; they are dropped here. Any other
 * unhandled rejection still ends the process, as Node would have.
 */
export function ignoreStrayPdfRejections(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    const name = reason instanceof Error ? reason.name : (reason as { name?: unknown })?.name;
    if (typeof name === 'string' && PDFJS_ERRORS.has(name)) return;
    process.nextTick(() => {
      throw reason;
    });
  });
}
