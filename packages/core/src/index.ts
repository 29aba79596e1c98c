export { parseForm } from './parse-form.js';
