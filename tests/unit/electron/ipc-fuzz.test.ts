/**
 * A seeded slice of the IPC fuzzing (100 payloads per channel); `npm run test:slow`
 * runs 1,000 per channel (tests/slow/electron/ipc-fuzz.test.ts).
 */
import { testSeed } from '../../fixtures/seed'
import { describeIpcFuzz } from './fixtures/ipc-fuzz'

// 100 calls through a real handler, listing the folder each time: a fraction of a second
// idle, several seconds on a busy machine.
describeIpcFuzz({ seed: testSeed(1_125), runsPerChannel: 100, foreignRuns: 100, timeoutMs: 60_000 })
