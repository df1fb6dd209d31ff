/** One seed per test process for fast-check properties: printed, and replayed with FUZZ_SEED=<seed>. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 300);

export function announceSeed(what: string): { seed: number; numRuns: number } {
  console.log(`# ${what}: fuzz seed ${FUZZ_SEED} (replay with FUZZ_SEED=${FUZZ_SEED})`);
  return { seed: FUZZ_SEED, numRuns: FUZZ_RUNS };
}
