// The pages the Admin UI's bundle draws, by the id a feature lists them under in plugins.adminUi.pages
// (BaaSFeature.AdminUiPages on the server). A feature that brings a page adds its component here and lists the page
// from its feature class; the navigation shows it to the roles the feature names. A page the server lists that is not
// here is a link to its `url` (an app's own page). A page whose route names `meta.models` stands in for those data
// models' grids in the navigation (the request-log explorer for RequestLog): the grid stays at /data/{Model}.
import type { RouteRecordRaw } from 'vue-router'

export const featurePages: Record<string, RouteRecordRaw[]> = {
  users: [
    { path: '/users', name: 'users', component: () => import('./users/UsersPage.vue') },
    { path: '/users/:id', name: 'user', component: () => import('./users/UserPage.vue'), props: true },
  ],
  keys: [{ path: '/keys', name: 'keys', component: () => import('./keys/KeysPage.vue') }],
  roles: [{ path: '/roles', name: 'roles', component: () => import('./roles/RolesPage.vue') }],
  jobs: [
    { path: '/jobs', name: 'jobs', component: () => import('./jobs/JobsPage.vue') },
    { path: '/jobs/:id', name: 'job', component: () => import('./jobs/JobPage.vue'), props: true },
  ],
  database: [
    { path: '/database', name: 'database', component: () => import('./database/DatabasePage.vue') },
    { path: '/database/:table', name: 'table', component: () => import('./database/TablePage.vue'), props: true },
  ],
  logs: [{ path: '/logs', name: 'logs', component: () => import('./logs/LogsPage.vue'), meta: { models: ['RequestLog'] } }],
  analytics: [{ path: '/analytics', name: 'analytics', component: () => import('./logs/AnalyticsPage.vue') }],
}
