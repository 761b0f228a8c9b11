export interface BuildDescription {
  script: string
  outputs: string[]
  sources: string[]
}
export declare const BUILDS: Record<'renderer' | 'electron', BuildDescription>
export declare function newestMtime(paths: string[]): number
export declare function staleReason(root: string, build: BuildDescription): string | null
export declare function buildIfStale(root: string): void
