/**
 * Listens for files chosen in the desktop app's File > Import… dialog; returns the function that
 * stops listening. In web mode there is no such menu, and nothing is ever delivered.
 */
export function onDesktopImportFiles(listener: (files: File[]) => void): () => void {
  const bridge = window.briefmark;
  if (typeof bridge?.onImportFiles !== 'function') return () => undefined;
  return bridge.onImportFiles((files) =>
    listener(files.map(({ name, bytes }) => new File([new Uint8Array(bytes)], name))),
  );
}
