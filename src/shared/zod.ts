/**
 * zod, set up once for the app's strict CSP. By default zod probes `new Function`
 * while it builds object schemas; the CSP refuses that (and reports a violation).
 * Jitless mode skips the probe. Every module takes `z` from here, never from 'zod'.
 */
import { z } from 'zod'

z.config({ jitless: true })

export { z }
