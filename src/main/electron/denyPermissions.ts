import type { Session } from 'electron';

/** Refuses every permission (camera, notifications, geolocation, devices...): a reader needs none. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
