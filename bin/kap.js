#!/usr/bin/env node
// kap: the Key Account Planner command line (built by `npm run build` into dist/cli.js).
require('../dist/cli.js').main();
