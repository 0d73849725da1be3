/** The one IPC channel the preload and main agree on; every API call travels on it. */
export const API_CHANNEL = 'briefmark:api';

/** Prefix of the web transport's routes: POST /api/<method>. */
export const WEB_API_PREFIX = '/api/';

/** Header carrying web mode's per-run token. */
export const WEB_TOKEN_HEADER = 'x-briefmark-token';

/** Main -> renderer: files the user chose with File > Import… in the desktop menu. */
export const MENU_IMPORT_CHANNEL = 'briefmark:menu-import';

/** Renderer -> main: export briefs into a folder the user picks in the native dialog. */
export const EXPORT_TO_FOLDER_CHANNEL = 'briefmark:export-to-folder';

/** Main -> renderer: a `briefmark://` link the operating system opened the app with. */
export const OPEN_LINK_CHANNEL = 'briefmark:open-link';
