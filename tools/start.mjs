// `npm start`: build what changed since the last build (a few milliseconds when nothing did), then
// run the API in this same process (apps/api/src/main.ts), which saves starting a second Node.
import './build-if-changed.mjs';

await import('../apps/api/dist/main.js');
