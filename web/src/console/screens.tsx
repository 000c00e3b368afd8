import { lazy, type ComponentType } from 'react';
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
  component: ScreenComponent;
}

/** The screens of one kind of work, grouped in the navigation under `name`. */
export interface Area {
  name: string;
  screens: Screen[];
}

/** A screen's component, loaded on first use, with a way to start loading it before. */
export type ScreenComponent = ComponentType & { preload: () => Promise<unknown> };

/**
 * A screen loaded on first use. Once its code is here (preloaded while the page asked who is
 * signed in), it is drawn at once rather than through React.lazy, which would suspend for a
 * moment and hold the screen back by React's minimum time for a fallback (300 ms).
 */
export function lazyScreen(load: () => Promise<{ default: ComponentType }>): ScreenComponent {
  let loaded: ComponentType | undefined;
  const preload = () =>
    load().then((module) => {
      loaded = module.default;
      return module;
    });
  const Lazy = lazy(preload);
  const Screen = () => {
    const Component = loaded ?? Lazy;
    return <Component />;
  };
  return Object.assign(Screen, { preload });
}
