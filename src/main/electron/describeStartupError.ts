/** Database errors whose message carries a path and a command the user needs in full. */
const WHOLE_MESSAGE_CODES = new Set(['database_corrupt', 'backup_failed']);

/** One sentence for the start-up error box: what went wrong and, where we know it, what to do. */
export function describeStartupError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (
    /NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header/i.test(
      message,
    )
  ) {
    return (
      'Briefmark’s database engine is built for Node.js rather than for the desktop app; ' +
      'start Briefmark with `npm start` from its folder, which builds the right one.'
    );
  }
  if (error instanceof Error && error.name === 'DatabaseError') {
    // Whole, however long: it names the backup to restore and the command that restores it.
    if (WHOLE_MESSAGE_CODES.has((error as Error & { code?: string }).code ?? '')) {
      return message.trim();
    }
    return firstLine(message);
  }
  return `Briefmark could not start: ${firstLine(message)}`;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]?.trim() ?? '';
  return line.length > 400 ? `${line.slice(0, 400)}…` : line;
}
