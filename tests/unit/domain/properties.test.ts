/**
 * A seeded slice of the scoring properties (100 runs each); `npm run test:slow` runs
 * 2,000 each (tests/slow/domain/properties.test.ts).
 */
import { testSeed } from '../../fixtures/seed'
import { describeScoringProperties } from './fixtures/scoring-properties'

describeScoringProperties({ seed: testSeed(3_001), runs: 100 })
