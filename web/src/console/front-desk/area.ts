import type { Area } from '../screens';

export const frontDeskArea: Area = {
  name: 'Front desk',
  screens: [],
};
