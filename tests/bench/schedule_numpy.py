"""The numpy equivalent of bench_schedule.c, written the way an analyst
would: vectorised over loans, floats rounded with np.round, numpy's
default generator for the simulation. The same numpy code is compared
with both of ipledge's ways, one object per loan and the batch. Reads the C figures (key value
lines) from the file given, times the same work here in the same run,
and prints both with the ratios. Times are CPU time (time.process_time)
on both sides, since the machines are shared; the thread comparison
alone is in wall time.

Usage: schedule_numpy.py C_FIGURES_FILE
"""
import sys
import time

import numpy as np

LOANS = 1_000_000
PERIODS = 36


def schedules():
    i = np.arange(LOANS)
    principal = (100_000_000 + i) / 100.0          # yuan
    rate = 0.03 + (i % 100) / 10000.0
    r = rate / 12.0
    pmt = np.round(principal * r / (1.0 - (1.0 + r) ** -PERIODS), 2)
    balance = principal.copy()
    total_interest = np.zeros(LOANS)
    for k in range(PERIODS):
        interest = np.round(balance * r, 2)
        princ = pmt - interest if k < PERIODS - 1 else balance
        balance = np.round(balance - princ, 2)
        total_interest += interest
    return int(round(total_interest.sum() * 100))


def simulation(loans=1000, scenarios=20000, years=3, pd=0.02, lgd=0.6,
               fund_share=0.8, fund=35_000_000.0, principal=1_000_000.0):
    rng = np.random.default_rng(42)
    payout = principal * lgd * fund_share
    alive = np.ones((scenarios, loans), dtype=bool)
    balance = np.full(scenarios, fund)
    paid = np.zeros(scenarios)
    exhausted = np.zeros(scenarios, dtype=bool)
    for _ in range(years):
        hit = alive & (rng.random((scenarios, loans)) < pd)
        alive &= ~hit
        claims = hit.sum(axis=1) * payout
        exhausted |= claims > balance
        pay = np.minimum(claims, balance)
        balance -= pay
        paid += pay
    return paid.mean(), np.percentile(paid, 95), exhausted.mean()


def main():
    c = {}
    with open(sys.argv[1]) as f:
        for line in f:
            key, value = line.split()
            c[key] = float(value)

    t0 = time.process_time()
    interest = schedules()
    np_sched = time.process_time() - t0
    t0 = time.process_time()
    mean, p95, exh = simulation()
    np_sim = time.process_time() - t0

    loans = c["schedule_loans"]
    print("CPU seconds (the machine may be shared; wall time would count others' work)")
    print("1,000,000 36-month annuity schedules (CNY 1,000,000.00, 3.00-3.99 %)")
    print("  ipledge (C, exact minor units): %8.3f s  %10.0f schedules/s"
          % (c["schedule_seconds"], loans / c["schedule_seconds"]))
    print("  numpy (float, np.round):        %8.3f s  %10.0f schedules/s"
          % (np_sched, loans / np_sched))
    print("  ipledge batch (C, exact):       %8.3f s  %10.0f schedules/s"
          % (c["batch_seconds"], loans / c["batch_seconds"]))
    print("  ratio numpy/ipledge time: objects %.2f, batch %.2f"
          % (np_sched / c["schedule_seconds"], np_sched / c["batch_seconds"]))
    print("  total interest: ipledge %d fen, numpy %d fen (difference %d fen)"
          % (c["schedule_interest_minor"], interest,
             interest - c["schedule_interest_minor"]))
    print("Fund adequacy: %d loans, %d scenarios, %d years"
          % (c["sim_loans"], c["sim_scenarios"], c["sim_years"]))
    print("  ipledge (C, GSL MT19937): %8.3f s  expected %.2f  P95 %.2f  P(exhaust) %.4f"
          % (c["sim_seconds"], c["sim_expected_payout"], c["sim_p95_payout"],
             c["sim_prob_exhaustion"]))
    print("  numpy (PCG64):            %8.3f s  expected %.2f  P95 %.2f  P(exhaust) %.4f"
          % (np_sim, mean, p95, exh))
    print("  ratio numpy/ipledge time: %.2f" % (np_sim / c["sim_seconds"]))
    print("  ipledge wall time, 1 thread %.3f s, 2 threads %.3f s (same figures; speed-up %.2f)"
          % (c["sim_wall_seconds"], c["sim_wall_seconds_2_threads"],
             c["sim_wall_seconds"] / c["sim_wall_seconds_2_threads"]))
    print("  leverage (covered loans / fund): %.2f" % c["sim_leverage"])


if __name__ == "__main__":
    main()
