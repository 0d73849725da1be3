/** Metadata a container states outright (HTML meta tags, a Word file's properties). */
export interface StatedMeta {
  /** An explicit document title (citation_title, dc.title, Word's Title style or property). */
  title?: string;
  /** The page's <title> or og:title: used only when the document names no better title. */
  pageTitle?: string;
  subtitle?: string;
  organisation?: string;
  reference?: string;
  date?: string;
  documentType?: string;
  language?: string;
  authors?: string[];
  tags?: string[];
}
