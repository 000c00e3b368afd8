import type { ComponentType, LazyExoticComponent } from 'react';
import type { Me, Permission } from './session';

/** One screen of the console: where it lives, what it is called and who may open it. */
export interface Screen {
  /** A react-router path. Record ids only: never a patient's name, which would stay in the history. */
  path: string;
  /** The page title and navigation label; never a patient's name. */
  title: string;
  /**
   * The permission the screen needs (none: every staff member's); without it the navigation leaves
   * the screen out and its route refuses it.
   */
  permission: Permission | undefined;
  /** Listed in the navigation (screens one reaches from another, like a patient's page, are not). */
  nav: boolean;
  /** The roles that start on this screen after signing in (others start on their first screen). */
  homeOf?: Me['user']['role'][];
  /** Loaded when first opened, so each role downloads only the screens it uses. */
  component: LazyExoticComponent<ComponentType>;
}

/** The screens of one kind of work, grouped in the navigation under `name`. */
export interface Area {
  name: string;
  screens: Screen[];
}
