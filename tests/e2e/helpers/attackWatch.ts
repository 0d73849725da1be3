import type { BrowserContext, Page } from '@playwright/test';

/** What an attack could leave behind in the browser, collected while a test runs. */
export interface AttackWatch {
  /** Requests to anything but web mode's own origin (all stopped before the network). */
  outbound: string[];
  /** Dialogs other than the app's own "Open … in your browser?" question. */
  dialogs: string[];
  /** The addresses the app asked to open (each question declined). */
  linkConfirmations: string[];
  /** Windows or tabs opened. */
  popups: string[];
  /** Loads or scripts the Content-Security-Policy refused: each one something tried. */
  cspViolations: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
}

const LINK_QUESTION = /^Open (.+) in your browser\?$/;

/**
 * Watches a browser context for what an attack input would cause if it came alive: requests
 * leaving the app's origin, dialogs, new windows, CSP violations. Requests elsewhere are aborted,
 * so a leak is seen without anything reaching the network.
 */
export async function watchForAttacks(
  context: BrowserContext,
  origin: string,
): Promise<AttackWatch> {
  const watch: AttackWatch = {
    outbound: [],
    dialogs: [],
    linkConfirmations: [],
    popups: [],
    cspViolations: [],
    pageErrors: [],
  };
  const isOwn = (url: string): boolean => url === origin || url.startsWith(`${origin}/`);
  context.on('request', (request) => {
    if (!isOwn(request.url())) watch.outbound.push(request.url());
  });
  await context.route(
    (url) => !isOwn(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  context.on('dialog', (dialog) => {
    const question = LINK_QUESTION.exec(dialog.message());
    if (dialog.type() === 'confirm' && question?.[1]) watch.linkConfirmations.push(question[1]);
    else watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  context.on('page', (page) => watch.popups.push(page.url()));
  const onPage = (page: Page) => {
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) watch.cspViolations.push(message.text());
    });
    page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  };
  context.pages().forEach(onPage);
  context.on('page', onPage);
  // Runs before the app, and in every frame: violations are reported even where the console is not.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const log = ((window as unknown as { __csp?: string[] }).__csp ??= []);
      log.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return watch;
}

/** The canary in every frame of the page (undefined everywhere when nothing ran). */
export async function canaries(page: Page): Promise<unknown[]> {
  return Promise.all(
    page
      .frames()
      .map((frame) =>
        frame
          .evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)
          .catch((error: unknown) => `frame could not be read: ${String(error)}`),
      ),
  );
}

/** CSP violations the page itself saw (the init script's log). */
export function violationsSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

/**
 * Everything under `selector` that could run, load or navigate: elements that have no place in
 * a brief or a note, event-handler attributes, addresses that are not http, https, mailto or an
 * in-page anchor, styles with url(). Each finding is a line naming the element.
 */
export function unsafeMarkupIn(
  page: Page,
  selector: string,
  allowedTags: readonly string[] = [],
): Promise<string[]> {
  return page.evaluate(
    ({ selector, allowedTags }) => {
      const found: string[] = [];
      const banned = new Set([
        'script',
        'iframe',
        'frame',
        'frameset',
        'object',
        'embed',
        'img',
        'image',
        'picture',
        'source',
        'video',
        'audio',
        'track',
        'link',
        'meta',
        'base',
        'style',
        'form',
        'textarea',
        'select',
        'template',
        'math',
        'marquee',
        'portal',
        'foreignobject',
        'animate',
        'set',
      ]);
      const addressAttributes = new Set([
        'src',
        'srcset',
        'srcdoc',
        'poster',
        'background',
        'action',
        'formaction',
        'ping',
        'data',
        'xlink:href',
        'codebase',
        'lowsrc',
        'dynsrc',
      ]);
      // Attributes whose value is only ever shown as text (a field's value, a tooltip).
      const textOnly = new Set(['value', 'title', 'placeholder', 'aria-label', 'aria-description']);
      const roots = document.querySelectorAll(selector);
      if (roots.length === 0) return [`nothing matches ${selector}`];
      for (const root of roots) {
        for (const element of [root, ...root.querySelectorAll('*')]) {
          const tag = element.tagName.toLowerCase();
          const where = `<${tag}${element.id ? `#${element.id}` : ''}> “${(element.textContent ?? '').slice(0, 40)}”`;
          const allowed = allowedTags.includes(tag);
          if (banned.has(tag) && !allowed) found.push(`${where}: element`);
          if (tag === 'input' && !allowed && (element as HTMLInputElement).type !== 'checkbox') {
            found.push(`${where}: input of type ${(element as HTMLInputElement).type}`);
          }
          if (element.shadowRoot) found.push(`${where}: shadow root`);
          for (const { name, value } of element.attributes) {
            // As a browser reads an address: spaces and control characters do not count.
            const compact = [...value]
              .filter((c) => c.charCodeAt(0) > 0x20)
              .join('')
              .toLowerCase();
            if (name.startsWith('on')) found.push(`${where}: ${name}="${value}"`);
            else if (addressAttributes.has(name)) found.push(`${where}: ${name}="${value}"`);
            else if (name === 'href' && !/^(https?:\/\/|mailto:|#)/i.test(value.trim())) {
              found.push(`${where}: href="${value}"`);
            } else if (name === 'style' && /url\(|expression\(|@import/.test(compact)) {
              found.push(`${where}: style="${value}"`);
            } else if (!textOnly.has(name) && /javascript:|vbscript:/.test(compact)) {
              found.push(`${where}: ${name}="${value}"`);
            }
          }
        }
      }
      return found;
    },
    { selector, allowedTags },
  );
}

/** Elements anywhere in the page that only an attack would add: frames, bases, refreshes, foreign scripts and styles. */
export function foreignPageMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const own = (url: string) => url.startsWith(`${location.origin}/`);
    for (const element of document.querySelectorAll('iframe, frame, object, embed, base, portal')) {
      found.push(`<${element.tagName.toLowerCase()}> in the page`);
    }
    for (const meta of document.querySelectorAll('meta[http-equiv]')) {
      const kind = meta.getAttribute('http-equiv')?.toLowerCase();
      if (kind !== 'content-security-policy') found.push(`<meta http-equiv="${kind}">`);
    }
    for (const script of document.querySelectorAll('script')) {
      if (!script.src || !own(script.src))
        found.push(`<script> ${script.src || script.text.slice(0, 60)}`);
    }
    for (const link of document.querySelectorAll('link')) {
      // The app's own empty icon, which spares the browser asking the server for one.
      const emptyIcon = link.rel === 'icon' && link.href === 'data:,';
      if (!own(link.href) && !emptyIcon) found.push(`<link rel=${link.rel}> ${link.href}`);
    }
    return found;
  });
}
