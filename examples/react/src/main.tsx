// Define <intake-form> and <intake-field> BEFORE React renders them: React 19 sets a prop as a
// property only when the element already has it ('schema' in element); on an undefined element
// `schema` would become the attribute "[object Object]".
import '@intake/elements/define.js';
// JSX types for <intake-form> and <intake-field> (types only, no code).
import type {} from '@intake/elements/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
