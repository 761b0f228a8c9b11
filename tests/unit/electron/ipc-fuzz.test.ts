/**
 * A seeded slice of the IPC fuzzing (100 payloads per channel); `npm run test:slow`
 * runs 1,000 per channel (tests/slow/electron/ipc-fuzz.test.ts).
 */
import { testSeed } from '../../fixtures/seed'
import { describeIpcFuzz } from './fixtures/ipc-fuzz'

describeIpcFuzz({ seed: testSeed(1_125), runsPerChannel: 100, foreignRuns: 100 })
