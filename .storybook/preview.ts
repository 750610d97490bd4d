import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/all';
import type { PartnerkitClient } from '@partnerkit/api';
import { fakeClient } from '../test/fixtures/fake-client.ts';

/** Per-story settings of the portal every story renders in. */
export interface PortalParameters {
  /** The API client of the story; the seeded in-memory client by default. */
  client?: () => PartnerkitClient;
  /** Forces a locale, whatever the toolbar says. */
  locale?: string;
}

const brand = { colorPrimary: '#c2185b', fontFamily: 'Georgia, "Times New Roman", serif', borderRadius: '2px', density: 'comfortable' as const };

// Every story renders inside a <pk-portal> driven by the toolbar: theme, language and direction.
const withPortal: Decorator = (story, context) => {
  const parameters = (context.parameters.partnerkit ?? {}) as PortalParameters;
  const themeName = context.globals.theme as string;
  const theme = themeName === 'brand' ? brand : themeName;
  return html`<pk-portal
    .theme=${theme}
    locale=${parameters.locale ?? (context.globals.locale as string)}
    dir=${context.globals.dir as string}
    .client=${(parameters.client ?? (() => fakeClient().client))()}
    >${story()}</pk-portal
  >`;
};

const preview: Preview = {
  parameters: {
    layout: 'padded',
    a11y: { test: 'error' },
  },
  globalTypes: {
    theme: {
      description: 'Theme preset, or a custom brand',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: ['light', 'dark', 'high-contrast', 'auto', 'brand'], dynamicTitle: true },
    },
    locale: {
      description: 'Language',
      toolbar: { title: 'Locale', icon: 'globe', items: ['en-GB', 'de-DE', 'fr-FR', 'es-ES', 'hu-HU', 'en-XA'], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en-GB', dir: 'ltr' },
  decorators: [withPortal],
};

export default preview;
