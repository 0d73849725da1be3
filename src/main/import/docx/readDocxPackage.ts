import JSZip from 'jszip';

/** The parts of a Word file read besides the body: properties, styles, dropped objects. */
export interface DocxPackage {
  /** docProps/core.xml, or '' when missing. */
  core: string;
  /** docProps/app.xml, or '' when missing. */
  app: string;
  /** word/styles.xml, or '' when missing. */
  styles: string;
  hasDocument: boolean;
  /** Embedded objects and charts in the body, which mammoth does not convert. */
  embeddedObjects: number;
}

async function text(zip: JSZip, path: string): Promise<string> {
  return (await zip.file(path)?.async('string')) ?? '';
}

/** Opens a .docx as a ZIP and reads its property and style parts. Throws when the ZIP is unreadable. */
export async function readDocxPackage(bytes: Uint8Array): Promise<DocxPackage> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const body = await text(zip, 'word/document.xml');
  const objects = body.match(/<w:object\b|<c:chart\b|<w:control\b/g)?.length ?? 0;
  return {
    core: await text(zip, 'docProps/core.xml'),
    app: await text(zip, 'docProps/app.xml'),
    styles: await text(zip, 'word/styles.xml'),
    hasDocument: zip.file('word/document.xml') !== null,
    embeddedObjects: objects,
  };
}
