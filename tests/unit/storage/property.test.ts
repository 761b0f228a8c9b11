/**
 * A seeded slice of the storage property tests (15 random calls per operation);
 * `npm run test:slow` runs 300 per operation (tests/slow/storage/property.test.ts).
 */
import { testSeed } from '../../fixtures/seed'
import { describeStorageProperties } from './fixtures/storage-properties'

// 15 calls on the real encrypted store, each followed by a full read of it: a fraction
// of a second idle, several seconds on a busy machine.
describeStorageProperties({ seed: testSeed(7_001), runsPerOperation: 15, runsPerOption: 15, timeoutMs: 60_000 })
