import type { BrowserWindow } from 'electron';
import { parseBriefmarkHref } from '../../shared/briefmarkLink';
import { OPEN_LINK_CHANNEL } from '../../shared/channels';

/**
 * Hands `briefmark://` links the operating system gave the app to the window's page. A link
 * that comes while no page is loaded (the click that launched the app, macOS's open-url before
 * ready, a reload) waits here and is sent once the page has finished loading; the preload then
 * keeps it until the app listens. Only the newest waiting link is kept: it is the last click.
 */
export class OpenLinkQueue {
  private waiting: string | null = null;
  private window: BrowserWindow | null = null;
  private loaded = false;

  /** The window links go to from now on. */
  attach(window: BrowserWindow): void {
    this.window = window;
    this.loaded = false;
    const contents = window.webContents;
    contents.on('did-start-loading', () => {
      if (this.window === window) this.loaded = false;
    });
    contents.on('did-finish-load', () => {
      if (this.window !== window) return;
      this.loaded = true;
      this.flush();
    });
    window.on('closed', () => {
      if (this.window === window) this.window = null;
    });
  }

  /**
   * Sends the link to the page now or once it can take it. Anything but a strict highlight
   * link is dropped: returns whether the link was taken.
   */
  open(href: string): boolean {
    if (parseBriefmarkHref(href) === null) return false;
    this.waiting = href;
    this.flush();
    return true;
  }

  private flush(): void {
    const window = this.window;
    if (this.waiting === null || !window || window.isDestroyed() || !this.loaded) return;
    window.webContents.send(OPEN_LINK_CHANNEL, this.waiting);
    this.waiting = null;
  }
}
