/**
 * A rendered section of the brief (BriefDocument). The tag matters: outline items carry
 * `data-section-id` too.
 */
export const SECTION_SELECTOR = 'section[data-section-id]';
