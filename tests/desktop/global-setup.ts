import { buildIfStale } from '../../scripts/build-freshness.mjs'
import { electronBinary, NO_ELECTRON_MESSAGE, PROJECT_ROOT } from './support/desktop'

/** Builds what is stale (as `npm start` does), or says in one line why every test will be skipped. */
export default function globalSetup(): void {
  if (!electronBinary()) {
    console.log(NO_ELECTRON_MESSAGE)
    return
  }
  buildIfStale(PROJECT_ROOT)
}
