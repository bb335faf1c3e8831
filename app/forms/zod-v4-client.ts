// The browser build's stand-in for "zod/v4", which @conform-to/zod's form coercion imports for four
// wrappers (see vite.config.ts). zod/mini's functions build the same core schemas without zod's
// chainable API, which would otherwise ship all of zod (about 18 KB gzipped) to every form page.
export { lazy, optional, pipe, transform } from "zod/mini";
