// React (and Express) choose their development or production build when first loaded, from NODE_ENV.
// The portal's server is the production server however it is started (npm start, the bench, tests),
// so it says so before they load. `npm run dev` does not come through here and keeps development mode.
process.env.NODE_ENV = "production";
