/** Storage property tests at full strength (tests/unit/storage/property.test.ts is the slice). */
import { testSeed } from '../../fixtures/seed'
import { describeStorageProperties } from '../../unit/storage/fixtures/storage-properties'

// 300 calls with a full check of the store after each take seconds idle, much longer on a busy machine.
describeStorageProperties({ seed: testSeed(7_002), runsPerOperation: 300, runsPerOption: 200, timeoutMs: 300_000 })
