/**
 * The question statistics report (supervisors): shown for a range of days, printed,
 * and saved as a CSV file through the host.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useHost } from '../host'
import type { CenterRefusal, QuestionReport } from '../shared/center-contract'

export interface DayRange {
  from: string
  to: string
}

export const useCenterReportStore = defineStore('center-report', () => {
  const report = ref<QuestionReport | null>(null)
  let asked = 0

  async function load(range: DayRange): Promise<{ ok: true } | CenterRefusal> {
    const ask = ++asked
    const result = await useHost().centerQuestionReport({ ...range })
    // A slower, older request must not replace a newer one.
    if (ask !== asked) return { ok: true }
    if (!result.ok) return result
    report.value = result.report
    return { ok: true }
  }

  /** Saves the CSV; `saved` is false when the person cancelled the save dialog. */
  async function exportCsv(range: DayRange): Promise<{ ok: true; fileName: string; saved: boolean } | CenterRefusal> {
    const made = await useHost().centerExportQuestionReport({ ...range })
    if (!made.ok) return made
    const { saved } = await useHost().saveFile(made.file)
    return { ok: true, fileName: made.file.fileName, saved }
  }

  function printPage(fileName: string): Promise<{ saved: boolean }> {
    return useHost().printToPdf({ fileName })
  }

  return { report, load, exportCsv, printPage }
})
