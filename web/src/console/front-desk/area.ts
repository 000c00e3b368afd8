import { lazyScreen, type Area } from '../screens';

export const frontDeskArea: Area = {
  name: 'Front desk',
  screens: [
    {
      path: '/patients',
      title: 'Patients',
      permission: 'patients.read',
      nav: true,
      component: lazyScreen(() => import('./PatientsScreen')),
    },
    {
      path: '/patients/:id',
      title: 'Patient',
      permission: 'patients.read',
      nav: false,
      component: lazyScreen(() => import('./PatientScreen')),
    },
    {
      path: '/patients/:id/releases/new',
      title: 'Record a release',
      permission: 'releases.write',
      nav: false,
      component: lazyScreen(() => import('./ReleaseFormScreen')),
    },
    {
      path: '/patients/:id/signing/new',
      title: 'Prepare a release to sign',
      permission: 'releases.write',
      nav: false,
      component: lazyScreen(() => import('./SigningPrepareScreen')),
    },
    {
      path: '/patients/:id/signing/:requestId',
      title: 'Sign the release',
      permission: 'releases.write',
      nav: false,
      component: lazyScreen(() => import('./SigningScreen')),
    },
    {
      path: '/signing-requests',
      title: 'Forms to sign',
      permission: 'releases.write',
      nav: true,
      component: lazyScreen(() => import('./SigningRequestsScreen')),
    },
    {
      path: '/releases/:id',
      title: 'Release',
      permission: 'releases.read',
      nav: false,
      component: lazyScreen(() => import('./ReleaseScreen')),
    },
    {
      path: '/cases/:id',
      title: 'Case',
      permission: 'patients.read',
      nav: false,
      component: lazyScreen(() => import('./CaseScreen')),
    },
    {
      path: '/patients/:id/revocations/new',
      title: 'Record a revocation',
      permission: 'revocations.write',
      nav: false,
      component: lazyScreen(() => import('./RevocationScreen')),
    },
  ],
};
