import { lazyScreen, type Area } from '../screens';

export const marketingArea: Area = {
  name: 'Marketing',
  screens: [
    {
      path: '/library',
      title: 'Photo library',
      // Marketing's work (and the privacy officer's), not the front desk's, which may read photos too.
      permission: 'publications.read',
      nav: true,
      component: lazyScreen(() => import('./Library')),
    },
    {
      path: '/photos/:id',
      title: 'Photo',
      permission: 'photos.read',
      nav: false,
      component: lazyScreen(() => import('./PhotoPage')),
    },
    {
      path: '/lookup',
      title: 'Find a photo by file',
      permission: 'publications.read',
      nav: true,
      component: lazyScreen(() => import('./Lookup')),
    },
    {
      path: '/publications',
      title: 'Publications',
      permission: 'publications.read',
      nav: true,
      component: lazyScreen(() => import('./Publications')),
    },
    {
      path: '/removal-tasks',
      title: 'My removal tasks',
      permission: 'removals.work',
      nav: true,
      component: lazyScreen(() => import('./RemovalTasks')),
    },
  ],
};
