import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectToCore } from './core/connect';
import { CoreProvider } from './core/CoreContext';
import './styles/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CoreProvider connection={connectToCore()}>
      <App />
    </CoreProvider>
  </StrictMode>,
);
