/**
 * Who is on duty, as the SLA queue needs it: the spaces in which a person is on duty at an instant
 * (their unassigned threads are offered to them first). Threads own this port and the desk, which
 * knows the duty hours, implements it (desk imports threads, never the reverse). Without an
 * implementation nobody is on duty and the queue is ordered by deadline alone.
 */
export interface SlaQueueDuty {
  spacesOnDuty(userId: string, at: Date): Promise<string[]>;
}

/** The injection token of the `SlaQueueDuty` implementation (provided by a global module of desk/). */
export const SLA_QUEUE_DUTY = Symbol('SLA_QUEUE_DUTY');
