#!/usr/bin/env node
// Placeholder until the speed issue lands: `npm run bench` will print the calendar, indicator and CLI figures.
console.log(
  'npm run bench: not built yet (placeholder). The benchmark arrives with the "Speed at scale" issue.',
);
