import { lazyScreen, type Area } from '../screens';

export const privacyArea: Area = {
  name: 'Privacy',
  screens: [
    {
      path: '/removals',
      title: 'Removals',
      permission: 'removals.approve',
      nav: true,
      homeOf: ['privacy_officer'],
      component: lazyScreen(() => import('./RemovalsDashboard')),
    },
    {
      path: '/removal-cases/:id',
      title: 'Removal case',
      permission: 'removals.read',
      nav: false,
      component: lazyScreen(() => import('./RemovalCase')),
    },
    {
      path: '/reports/rights',
      title: 'Rights report',
      permission: 'removals.approve',
      nav: true,
      component: lazyScreen(() => import('./RightsReport')),
    },
    {
      path: '/holds',
      title: 'Holds',
      permission: 'removals.approve',
      nav: true,
      component: lazyScreen(() => import('./Holds')),
    },
    {
      path: '/form-templates',
      title: 'Form templates',
      permission: 'templates.write',
      nav: true,
      component: lazyScreen(() => import('./FormTemplates')),
    },
    {
      path: '/audit',
      title: 'Audit trail',
      permission: 'audit.read',
      nav: true,
      component: lazyScreen(() => import('./AuditTrail')),
    },
    {
      path: '/reports/removals',
      title: 'Removal report',
      permission: 'removals.approve',
      nav: true,
      component: lazyScreen(() => import('./RemovalReport')),
    },
  ],
};
