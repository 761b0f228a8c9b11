/** Modules that only Vite resolves when it bundles bench/peer/main.ts. */

/** The survey definition bench/peer/build.ts generates from the question bank at build time. */
declare module 'virtual:peer-survey' {
  const definition: import('./survey-from-bank').SurveyDefinition
  export default definition
}

/** SurveyJS's stylesheet, which Vite bundles into the peer's CSS file. */
declare module 'survey-core/survey-core.fontless.min.css'
