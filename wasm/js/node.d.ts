// Types of the Node entry point: the same API as the browser entry (see index.d.ts).
export * from './index.js';
