import { createRouter, createWebHashHistory, type Router, type RouteRecordRaw, type RouterHistory } from 'vue-router'
import WelcomeView from '../views/WelcomeView.vue'
import QuestionView from '../views/QuestionView.vue'
import { useAssessmentStore } from '../stores/assessment'
import { useGuidedStore } from '../stores/guided'
import { useKioskStore } from '../stores/kiosk'
import { centerRoutes } from './center-routes'

/** The results screen's code: fetched while Check your answers is shown (prefetchResults), so the result opens sooner. */
const resultsView = () => import('../views/ResultsView.vue')

/** Starts fetching the results screen's code, which the next step will most likely need; a failure is left to that navigation. */
export function prefetchResults(): void {
  resultsView().catch(() => undefined)
}

/** The screens that show the result (or leave a guided session with it) wait for the scoring engine, which is not in the start-up script. */
const withScoring = () => useAssessmentStore().loadScoring()

/**
 * Hash routes, kept on purpose now that the app has its own protocol: the app is one
 * document (src/shared/app-document.ts), so the protocol handler needs no list of routes
 * and main's navigation guard allows exactly one page; and `?kiosk` in a browser stays in
 * the address through every screen and a reload, which history routes would drop.
 * Screens people rarely open first are loaded on demand to keep start-up small.
 * The build's pre-render (src/prerender/) passes a memory history.
 */
export function createAppRouter(history: RouterHistory = createWebHashHistory()): Router {
  const router = createRouter({
    history,
    routes: [
      { path: '/', name: 'welcome', component: WelcomeView },
      { path: '/question/:number(\\d+)', name: 'question', component: QuestionView, props: true },
      { path: '/review', name: 'review', component: () => import('../views/ReviewView.vue'), beforeEnter: withScoring },
      { path: '/results', name: 'results', component: resultsView, beforeEnter: withScoring },
      { path: '/roles', name: 'roles', component: () => import('../views/RolesView.vue') },
      { path: '/roles/:roleId', name: 'role', component: () => import('../views/RoleView.vue'), props: true },
      ...counselorRoutes(),
      ...centerRoutes(),
      {
        path: '/guided/leave',
        name: 'guided-leave',
        component: () => import('../views/counselor/GuidedLeaveView.vue'),
        beforeEnter: async () => (await withScoring(), useGuidedStore().shielded || '/'),
      },
      {
        path: '/kiosk/leave',
        name: 'leave-kiosk',
        component: () => import('../views/LeaveKioskView.vue'),
        beforeEnter: () => useKioskStore().enabled || '/',
      },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('../views/NotFoundView.vue') },
    ],
  })
  // During a guided session the client at the screen may answer the questions; any other page needs the passcode.
  router.beforeEach((to) => {
    if (!useGuidedStore().shielded || isGuidedSessionPage(to.path)) return true
    return { name: 'guided-leave', query: { next: to.fullPath } }
  })
  // Counselor pages: hidden in a kiosk, behind the passcode, and their record loaded before they open.
  router.beforeEach(async (to) => {
    if (!to.path.startsWith('/counselor')) return true
    const { counselorGuard } = await import('./counselor-guard')
    return counselorGuard(to)
  })
  return router
}

/** The counselor area, all under /counselor and loaded on demand (self-guided use never downloads it). */
function counselorRoutes(): RouteRecordRaw[] {
  const gate = () => import('../views/counselor/GateView.vue')
  const clientForm = () => import('../views/counselor/ClientFormView.vue')
  return [
    { path: '/counselor', name: 'counselor-gate', component: gate, meta: { counselorPublic: true } },
    {
      path: '/counselor/start-afresh',
      name: 'counselor-start-afresh',
      component: () => import('../views/counselor/StartAfreshView.vue'),
      meta: { counselorPublic: true },
    },
    {
      path: '/counselor/forgot',
      name: 'counselor-forgot',
      component: () => import('../views/counselor/ForgotView.vue'),
      meta: { counselorPublic: true },
    },
    {
      path: '/counselor/clients',
      name: 'counselor-clients',
      component: () => import('../views/counselor/ClientsView.vue'),
    },
    { path: '/counselor/clients/new', name: 'counselor-client-new', component: clientForm },
    {
      path: '/counselor/clients/:clientId',
      name: 'counselor-client',
      component: () => import('../views/counselor/ClientView.vue'),
    },
    { path: '/counselor/clients/:clientId/edit', name: 'counselor-client-edit', component: clientForm },
    {
      path: '/counselor/clients/:clientId/compare',
      name: 'counselor-compare',
      component: () => import('../views/counselor/CompareView.vue'),
    },
    {
      path: '/counselor/sessions/:sessionId',
      name: 'counselor-session',
      component: () => import('../views/counselor/SessionView.vue'),
    },
    {
      path: '/counselor/report',
      name: 'counselor-report',
      component: () => import('../views/counselor/ReportView.vue'),
    },
    {
      path: '/counselor/summary',
      name: 'counselor-summary',
      component: () => import('../views/counselor/SummaryView.vue'),
    },
    {
      path: '/counselor/passcode',
      name: 'counselor-passcode',
      component: () => import('../views/counselor/PasscodeView.vue'),
    },
  ]
}

/** The pages of a guided session's questions, and the page that asks the passcode to leave them. */
export function isGuidedSessionPage(path: string): boolean {
  return /^\/(question\/\d+|review|results|guided\/leave)$/.test(path)
}

/** Routes worth coming back to after a reload or a closed window. */
export function isResumable(path: string): boolean {
  return /^\/(question\/\d+|review|results)$/.test(path)
}
