// First import: configures zod before any module can build a schema (the CSP forbids eval).
import './zodConfig';
import './styles/base.css';
import './styles/app.css';
import './styles/document.css';
import './styles/notes.css';
import './styles/keypoints.css';
import './styles/find.css';
import './styles/highlights.css';
import './styles/highlight-review.css';
import './styles/settings.css';
import './styles/editions.css';
import './styles/export.css';
import './styles/backups.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyReaderSettings } from './features/settings/applyReaderSettings';
import { readCachedReaderSettings } from './features/settings/cachedReaderSettings';

// Before the first render, so a dark or sepia reader never flashes light while starting.
applyReaderSettings(readCachedReaderSettings());

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
