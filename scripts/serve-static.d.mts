import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AppRequestHandler } from '../electron/main/app-protocol'

export declare const HOST: '127.0.0.1'
export declare const MIME_TYPES: Readonly<Record<string, string>>
export declare function mimeTypeFor(filePath: string): string
export declare function createNodeListener(
  handler: AppRequestHandler,
  origin: () => string,
): (incoming: IncomingMessage, outgoing: ServerResponse) => Promise<void>
export interface StaticServer {
  port: number
  url: string
  close(): Promise<void>
}
export declare function serveStatic(options: { root: string; port?: number; attempts?: number }): Promise<StaticServer>
