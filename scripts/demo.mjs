#!/usr/bin/env node
// Placeholder until the monthly-return report lands (issue "Targets and the monthly return"): it will write the
// HTML report for the bundled example data and print the summary table. Until then it shows the calendar at work.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const run = (...args) => execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8' }).trim();
console.log('childrens-services-indicators demo (placeholder: the monthly-return report is not built yet;');
console.log('this will write the HTML report for the bundled example data and print its summary table).');
console.log('');
console.log(
  'Working days from Thursday 2011-04-28 to Tuesday 2011-05-03 (Royal Wedding, Early May bank holiday):',
);
console.log(`  after-start ${run('working-days', '2011-04-28', '2011-05-03')}`);
console.log(`  inclusive   ${run('working-days', '2011-04-28', '2011-05-03', '--convention', 'inclusive')}`);
console.log(
  `  end-exclusive ${run('working-days', '2011-04-28', '2011-05-03', '--convention', 'end-exclusive')}`,
);
console.log(`Deadline 7 working days after Friday 2010-12-24: ${run('deadline', '2010-12-24', '7')}`);
