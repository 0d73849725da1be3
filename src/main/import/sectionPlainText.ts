// The definition lives in shared code, where the reader lays out the same text to anchor highlights.
export { sectionPlainText } from '../../shared/anchoring/sectionText';
