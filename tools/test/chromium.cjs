// Where the browser tests find Chromium: CHROMIUM_PATH, else Debian's or a distribution's usual paths.
const { existsSync } = require('node:fs');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

function findChromium() {
  if (process.env.CHROMIUM_PATH)
    return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

const MISSING_CHROMIUM =
  'Browser tests need Chromium and none was found: install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH.';

module.exports = { findChromium, MISSING_CHROMIUM };
