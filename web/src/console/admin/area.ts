import { lazyScreen, type Area } from '../screens';

export const adminArea: Area = {
  name: 'Administration',
  screens: [
    {
      path: '/users',
      title: 'Staff accounts',
      permission: 'users.read',
      nav: true,
      homeOf: ['admin'],
      component: lazyScreen(() => import('./Users')),
    },
    {
      path: '/api-keys',
      title: 'API keys',
      permission: 'api_keys.read',
      nav: true,
      component: lazyScreen(() => import('./ApiKeys')),
    },
    {
      path: '/outbox',
      title: 'Outbox',
      permission: 'outbox.read',
      nav: true,
      component: lazyScreen(() => import('./Outbox')),
    },
  ],
};
