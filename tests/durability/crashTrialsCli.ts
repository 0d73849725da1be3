// `npm run test:durability [-- --trials N --seed N --min-delay MS --max-delay MS
// --backups-first --opening-trials N]`: kills a process writing annotations and notes, backing
// up and restoring now and then, N times, then N first launches of a new library, and reports
// what an acknowledged write lost.
import { parseArgs } from 'node:util';
import { formatFigures } from './formatFigures';
import { crashFiguresPass, runCrashTrials } from './runCrashTrials';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '120' },
    seed: { type: 'string' },
    'min-delay': { type: 'string', default: '50' },
    'max-delay': { type: 'string', default: '1500' },
    'backups-first': { type: 'boolean', default: false },
    'opening-trials': { type: 'string', default: '10' },
  },
});
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const trials = Number(values.trials);
console.log(`Crash durability: ${trials} kills, seed ${seed}`);
const figures = await runCrashTrials({
  trials,
  seed,
  killDelayMs: [Number(values['min-delay']), Number(values['max-delay'])],
  log: (line) => console.log(line),
  backupsFirst: values['backups-first'],
  openingTrials: Number(values['opening-trials']),
});
console.log(formatFigures(figures));
if (!crashFiguresPass(figures)) {
  console.log('FAILED: see the figures above.');
  process.exit(1);
}
console.log('OK: no acknowledged write was lost and every reopen found the library sound.');
