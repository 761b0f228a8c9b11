/**
 * The app is one document; every screen is a hash route inside it. The protocol handler
 * (electron/main/app-protocol.ts) answers any other page-like path with that same document
 * and status 404, and the renderer then shows its not-found screen: both sides use this.
 */
export const APP_DOCUMENT_PATHS: readonly string[] = ['/', '/index.html']

/** True for the paths at which the app's document lives (the query and the #route aside). */
export function isAppDocumentPath(pathname: string): boolean {
  return APP_DOCUMENT_PATHS.includes(pathname)
}
