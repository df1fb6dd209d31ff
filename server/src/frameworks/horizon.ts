/** Where a schedule ends, as its own parameter says, and where it should end for this run (plan units). */
export interface ScheduleHorizon {
  /** The parameter's name (`T_max`, `total_num_update`, `decay_steps`, ...). */
  key: string;
  value: number;
  expected: number;
  /** What happens past a too-short horizon, in words. */
  consequence: string;
}
