/** Scoring properties at full strength (tests/unit/domain/properties.test.ts is the slice). */
import { testSeed } from '../../fixtures/seed'
import { describeScoringProperties } from '../../unit/domain/fixtures/scoring-properties'

// 2,000 scorings per property take a second or two idle, many more on a busy machine.
describeScoringProperties({ seed: testSeed(3_002), runs: 2_000, timeoutMs: 300_000 })
