import type { BriefmarkClient } from '../../../shared/api';
import { createBriefmarkClient } from './createBriefmarkClient';
import { desktopInvoke } from './desktopInvoke';
import { readWebToken, webInvoke } from './webInvoke';

/** The app's one client: Electron's bridge when present, else web mode's HTTP transport. */
export const api: BriefmarkClient = createBriefmarkClient(
  desktopInvoke() ?? webInvoke(readWebToken()),
);
