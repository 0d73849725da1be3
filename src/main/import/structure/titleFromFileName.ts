/** The title a brief falls back to when it states none: its file name without folder or extension. */
export function titleFromFileName(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]+$/, '') || fileName;
}
