import { createTheme, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver } from '@mantine/core';

/**
 * One theme for the console and the patient pages: system fonts (nothing fetched from elsewhere),
 * and colours that keep WCAG AA contrast (4.5:1) for text, which Mantine's defaults do not for
 * dimmed text and for the text of light alerts and badges (axe-core checks every screen).
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  // Modals, drawers and notifications appear without sliding or fading for people who ask for less motion.
  respectReducedMotion: true,
  // Close buttons draw an icon only: without a name a screen reader announces "button" (axe: button-name).
  components: {
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
  },
  variantColorResolver: (input) => {
    const resolved = defaultVariantColorsResolver(input);
    if (input.variant !== 'light') return resolved;
    const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
    if (!parsed.isThemeColor) return resolved;
    // The darkest shade, darker still: yellow and orange text on their light tint need it.
    return { ...resolved, color: `color-mix(in srgb, var(--mantine-color-${parsed.color}-9), black 30%)` };
  },
});

/**
 * For contrast: dimmed text (hints, descriptions, captions) one shade darker than Mantine's; a
 * field's error text darker red than Mantine's red-6 (3.5:1 on white); and the primary light text
 * (the current screen's navigation link) as dark as the light variant's above, since on its hover
 * shade (indigo-2) Mantine's indigo-9 gives 4.1:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-primary-color-light-color': 'color-mix(in srgb, var(--mantine-color-indigo-9), black 30%)',
  },
  dark: {},
});
