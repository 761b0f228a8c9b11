/** Every IPC handler under 1,000 random payloads per channel (tests/unit/electron/ipc-fuzz.test.ts is the slice). */
import { testSeed } from '../../fixtures/seed'
import { describeIpcFuzz } from '../../unit/electron/fixtures/ipc-fuzz'

// 1,000 payloads through a real handler take a fraction of a second idle, many seconds on a busy machine.
describeIpcFuzz({ seed: testSeed(2_026), runsPerChannel: 1_000, foreignRuns: 500, timeoutMs: 120_000 })
