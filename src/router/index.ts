import { createRouter, createWebHashHistory, type Router } from 'vue-router'
import WelcomeView from '../views/WelcomeView.vue'
import QuestionView from '../views/QuestionView.vue'

/**
 * Hash routes, because history routes render blank under file:// in Electron.
 * Screens people rarely open first are loaded on demand to keep start-up small.
 */
export function createAppRouter(): Router {
  return createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', name: 'welcome', component: WelcomeView },
      { path: '/question/:number(\\d+)', name: 'question', component: QuestionView, props: true },
      { path: '/review', name: 'review', component: () => import('../views/ReviewView.vue') },
      { path: '/results', name: 'results', component: () => import('../views/ResultsView.vue') },
      { path: '/roles', name: 'roles', component: () => import('../views/RolesView.vue') },
      { path: '/roles/:roleId', name: 'role', component: () => import('../views/RoleView.vue'), props: true },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('../views/NotFoundView.vue') },
    ],
  })
}

/** Routes worth coming back to after a reload or a closed window. */
export function isResumable(path: string): boolean {
  return /^\/(question\/\d+|review|results)$/.test(path)
}
