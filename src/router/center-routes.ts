/**
 * Center mode's pages, inside the counselor area (behind its passcode, never in a kiosk)
 * and loaded on demand. In the browser build they open and say there is no center mode.
 */
import type { RouteRecordRaw } from 'vue-router'

export function centerRoutes(): RouteRecordRaw[] {
  return [
    { path: '/counselor/center', name: 'center', component: () => import('../views/counselor/CenterView.vue') },
    {
      path: '/counselor/center/clients',
      name: 'center-clients',
      component: () => import('../views/counselor/CenterClientsView.vue'),
    },
    {
      path: '/counselor/center/conflicts',
      name: 'center-conflicts',
      component: () => import('../views/counselor/CenterConflictsView.vue'),
    },
    {
      path: '/counselor/center/statistics',
      name: 'center-statistics',
      component: () => import('../views/counselor/CenterStatisticsView.vue'),
    },
    {
      path: '/counselor/center/report',
      name: 'center-report',
      component: () => import('../views/counselor/CenterReportView.vue'),
    },
  ]
}
