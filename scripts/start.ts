// The production server's entry point (compiled to build/node/start.js by scripts/build.mjs).
// React picks its development or production build when first loaded, and ES imports load before any
// statement runs: so set production mode here, then load the server with a dynamic import.
process.env.NODE_ENV = "production";
await import("./serve");
export {};
