import type { ApiRequest, BriefmarkBridge } from '../../../shared/api';
import type { ApiInvoke } from './ApiInvoke';
import { apiResultFrom, internalError } from './apiResultFrom';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in web mode. */
    briefmark?: BriefmarkBridge;
  }
}

/** The Electron preload's bridge as an ApiInvoke, or null when not running in the desktop app. */
export function desktopInvoke(): ApiInvoke | null {
  const bridge = window.briefmark;
  if (!bridge || typeof bridge.invoke !== 'function') return null;
  return async (method, request) => {
    try {
      // The typed client above checked the request's type; this layer only forwards it.
      const answer: unknown = await bridge.invoke(method, request as ApiRequest<typeof method>);
      const result = apiResultFrom(answer);
      return result ?? internalError('The app returned an answer Briefmark could not read.');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return internalError(`The app did not answer (${reason}).`);
    }
  };
}
