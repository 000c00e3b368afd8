import type { Area } from '../screens';

export const adminArea: Area = {
  name: 'Administration',
  screens: [],
};
