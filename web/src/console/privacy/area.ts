import type { Area } from '../screens';

export const privacyArea: Area = {
  name: 'Privacy',
  screens: [],
};
