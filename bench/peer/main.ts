/** The bench's SurveyJS peer: our question bank as a SurveyJS survey, rendered with Vue 3 like ours. */
import { createApp, h } from 'vue'
import { Model } from 'survey-core'
import { SurveyComponent, surveyPlugin } from 'survey-vue3-ui'
// SurveyJS's default theme without its web-font import: nothing may be fetched from outside.
import 'survey-core/survey-core.fontless.min.css'
import definition from 'virtual:peer-survey'

const survey = new Model(definition)
createApp({ render: () => h(SurveyComponent, { model: survey }) })
  .use(surveyPlugin)
  .mount('#app')
