// The page benchmark of issue 8: every subject of subjects.mjs measured the same way, runs
// interleaved (each run visits every subject once, first and returning, starting at a
// different subject each run so that none always follows the same neighbour), then a few
// separate 5 s loads per subject for the bytes, which do not vary between loads.
import { firstFiveSeconds } from './first-five-seconds.mjs';
import { firstVisit } from './first-visit.mjs';
import { returningVisit } from './returning-visit.mjs';
import { subjects } from './subjects.mjs';

/** Loads per subject for the bytes column. */
export const BYTE_LOADS = 3;

/**
 * Runs the page benchmark `runs` times; returns the raw samples by kind and subject:
 * `{ first, returning, bytes }` (see first-visit.mjs, returning-visit.mjs, first-five-seconds.mjs).
 */
export async function pageBenchmark(browser, origin, { runs, log = () => {} }) {
  const names = Object.keys(subjects);
  const samples = { first: {}, returning: {}, bytes: {} };
  for (let run = 0; run < runs; run++) {
    for (const name of names.map((_, i) => names[(i + run) % names.length])) {
      if (subjects[name].firstVisit !== false) (samples.first[name] ??= []).push(await firstVisit(browser, origin, name));
      (samples.returning[name] ??= []).push(await returningVisit(browser, origin, name));
    }
    log(`  run ${run + 1}/${runs}\r`);
  }
  for (let load = 0; load < Math.min(BYTE_LOADS, runs); load++) {
    for (const name of names.filter((name) => subjects[name].banner && subjects[name].firstVisit !== false)) {
      (samples.bytes[name] ??= []).push(await firstFiveSeconds(browser, origin, name));
    }
    log(`  bytes: load ${load + 1}/${Math.min(BYTE_LOADS, runs)}\r`);
  }
  return samples;
}
