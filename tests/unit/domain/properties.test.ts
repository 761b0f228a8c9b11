/**
 * A seeded slice of the scoring properties (100 runs each); `npm run test:slow` runs
 * 2,000 each (tests/slow/domain/properties.test.ts).
 */
import { testSeed } from '../../fixtures/seed'
import { describeScoringProperties } from './fixtures/scoring-properties'

// 100 scorings with their checks per property: a fraction of a second idle, up to about
// 8 s measured with four busy processes on two cores and other work besides.
describeScoringProperties({ seed: testSeed(3_001), runs: 100, timeoutMs: 60_000 })
