// ESLint's entry point; the rules and the linter's own dependencies live in tools/lint/.
export { default } from './tools/lint/config.js';
