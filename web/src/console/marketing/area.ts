import type { Area } from '../screens';

export const marketingArea: Area = {
  name: 'Marketing',
  screens: [],
};
