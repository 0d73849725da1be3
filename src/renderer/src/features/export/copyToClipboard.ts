/** Puts text on the clipboard; returns what went wrong in words, or null when it worked. */
export async function copyToClipboard(text: string): Promise<string | null> {
  if (typeof navigator.clipboard?.writeText !== 'function') {
    return 'This window cannot reach the clipboard. Save the Markdown to a file instead.';
  }
  try {
    await navigator.clipboard.writeText(text);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `The Markdown could not be put on the clipboard (${reason}). Click into the window and try again, or save it to a file.`;
  }
}
