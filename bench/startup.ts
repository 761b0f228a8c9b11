/**
 * Start-up side by side: cold loads of our welcome screen, our question 1 (through Start), the
 * styled floor and the SurveyJS peer, interleaved at every CPU throttle setting, so that a
 * machine getting busier or quieter (other work on a shared 2-core box) touches all alike.
 */
import type { Browser } from '@playwright/test'
import { recordTransfers, timedLoad, timeJourney, type JourneyTimes, type TransferSizes } from './browser-figures'
import type { MarkPlan } from './probe'
import { bootstrapRatio, seededRandom, summarize, type Figure } from './stats'

export const TARGETS = ['oursWelcome', 'oursQuestion', 'floor', 'peer'] as const
export type TargetId = (typeof TARGETS)[number]

export interface Target {
  url: string
  /** The folder served at `url`, to size the files the page fetched. */
  dir: string
  plan: MarkPlan
}

export interface StartupResult {
  throttles: number[]
  /** samples[throttle][target][round], in ms from navigation start */
  samples: Record<number, Record<TargetId, number[]>>
  /** Our journey after question 1, in every round's 1× load of our question 1. */
  journeys: JourneyTimes[]
  firstLoad: { ours: TransferSizes; peer: TransferSizes }
}

/** The items in a seeded random order (a new one each round): no page always goes first or last. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

export async function measureStartup(
  browser: Browser,
  targets: Record<TargetId, Target>,
  { runs, throttles, seed = 20261115 }: { runs: number; throttles: number[]; seed?: number },
): Promise<StartupResult> {
  // One untimed load of each page first: Chromium and the OS's file cache warm up, and the
  // files each page fetches on its first load are sized.
  let ours: TransferSizes | undefined
  let peer: TransferSizes | undefined
  for (const id of TARGETS) {
    let sized: (() => Promise<TransferSizes>) | undefined
    await timedLoad(browser, targets[id].url, targets[id].plan, {
      before: (page) => void (sized = recordTransfers(page, targets[id].dir)),
      after: async () => {
        if (id === 'oursQuestion') ours = await sized!()
        if (id === 'peer') peer = await sized!()
      },
    })
  }

  const samples: StartupResult['samples'] = {}
  for (const throttle of throttles) {
    samples[throttle] = Object.fromEntries(TARGETS.map((id) => [id, [] as number[]])) as Record<TargetId, number[]>
  }
  const journeys: JourneyTimes[] = []
  const random = seededRandom(seed)
  const loads = throttles.flatMap((throttle) => TARGETS.map((id) => ({ throttle, id })))
  for (let round = 0; round < runs; round++) {
    // One window at a time, as one person at one computer: a second window still settling
    // after its own load would take CPU from the one being timed.
    for (const { throttle, id } of shuffled(loads, random)) {
      const journey = id === 'oursQuestion' && throttle === 1
      const ms = await timedLoad(browser, targets[id].url, targets[id].plan, {
        throttle,
        after: journey ? async (page) => void journeys.push(await timeJourney(page)) : undefined,
      })
      samples[throttle]![id].push(ms)
    }
    const line = throttles
      .map((t) => `${t}×: ${TARGETS.map((id) => `${id} ${samples[t]![id][round]!.toFixed(0)}`).join(', ')}`)
      .join(' | ')
    console.log(`bench: round ${round + 1}/${runs}  ${line} ms`)
  }
  return { throttles, samples, journeys, firstLoad: { ours: ours!, peer: peer! } }
}

const LABEL: Record<TargetId, string> = {
  oursWelcome: 'welcomePaintedMs',
  oursQuestion: 'firstQuestionInteractiveMs',
  floor: 'floorPaintedMs',
  peer: 'peerFirstQuestionInteractiveMs',
}

/** Absolute times (information) and the ratios the budgets look at, per throttle setting. */
export function startupFigures(result: StartupResult): Figure[] {
  const figures: Figure[] = []
  for (const throttle of result.throttles) {
    const at = `@${throttle}x`
    const s = result.samples[throttle]!
    for (const id of TARGETS) figures.push({ name: LABEL[id] + at, unit: 'ms', ...summarize(s[id]) })
    const ratio = (name: string, top: number[], bottom: number[]): Figure => {
      const r = bootstrapRatio(top, bottom)
      return {
        name: name + at,
        unit: '×',
        median: r.ratio,
        p90: r.p90Ratio,
        low: r.low,
        high: r.high,
        runs: top.length,
      }
    }
    figures.push(
      ratio('welcomeOursOverFloor', s.oursWelcome, s.floor),
      ratio('firstQuestionOursOverFloor', s.oursQuestion, s.floor),
      ratio('firstQuestionPeerOverOurs', s.peer, s.oursQuestion),
    )
  }
  return figures
}
