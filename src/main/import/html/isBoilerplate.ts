import type { HtmlElement } from './parseHtmlDocument';

const ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'complementary',
  'menu',
  'menubar',
  'toolbar',
  'dialog',
  'alertdialog',
]);

// Class and id words of page furniture rather than the brief's text.
const WORDS =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|skip-?links?|share|sharing|social|cookies?|consent|sidebar|toolbar|related|comments?|newsletter|subscribe|advert|adverts|advertisement|promo|pagination|pager|masthead|site-header|site-footer|footer|download-bar|print-only)(?:$|[\s_-])/i;

/** True for navigation, menus, footers, sidebars and similar page furniture. */
export function isBoilerplate(element: HtmlElement): boolean {
  const tag = element.localName.toLowerCase();
  if (tag === 'footer' || tag === 'nav' || tag === 'aside') return true;
  if (tag === 'header' && element.querySelector('nav, [role="navigation"]')) return true;
  const role = element.getAttribute('role')?.toLowerCase();
  if (role && ROLES.has(role)) return true;
  return WORDS.test(`${element.getAttribute('class') ?? ''} ${element.id}`);
}
