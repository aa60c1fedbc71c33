// First: the connection opens while everything below is still being evaluated.
import { firstConnection } from './core/first-connection';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { UiStateProvider } from './app/UiStateContext';
import { CoreProvider } from './core/CoreContext';
import { CommandsProvider } from './features/commands/CommandsContext';
import './styles/app.css';
// After app.css: the narrow-window rules win over every sheet.
import './styles/reflow.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CoreProvider connection={firstConnection}>
      <UiStateProvider>
        <CommandsProvider>
          <App />
        </CommandsProvider>
      </UiStateProvider>
    </CoreProvider>
  </StrictMode>,
);
