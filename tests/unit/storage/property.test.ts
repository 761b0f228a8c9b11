/**
 * A seeded slice of the storage property tests (15 random calls per operation);
 * `npm run test:slow` runs 300 per operation (tests/slow/storage/property.test.ts).
 */
import { testSeed } from '../../fixtures/seed'
import { describeStorageProperties } from './fixtures/storage-properties'

describeStorageProperties({ seed: testSeed(7_001), runsPerOperation: 15, runsPerOption: 15 })
