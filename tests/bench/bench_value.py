"""make bench-value: ipledge against a vectorised numpy valuation, in one run.

Deterministic: CASES twenty-year income cases (base, growth, share, tax,
discount rate; end-of-year), valued the way an analyst would in numpy
(whole arrays, chunked to bound memory) and by ipledge's batch entry
point on one thread and on two. Monte Carlo: MC_CASES cases x PATHS
paths (lognormal base scale, triangular share scale, truncated normal
discount rate), numpy vectorised over the paths of a case, ipledge
through ipl_montecarlo_new. Prints throughput and ratios; the numpy and
ipledge values are compared so that both sides do the same work.

The machine may be shared, so each workload runs in ROUNDS slices, numpy
then ipledge on one thread then on two for each slice: every side meets
the same changes of load, and the times are summed over the slices.

usage: bench_value.py BENCH_BINARY [CASES MC_CASES PATHS]
"""
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

YEARS = 20
ROUNDS = 5


def make_cases(n, rng):
    cases = np.empty((n, 5))
    cases[:, 0] = rng.uniform(1e5, 1e7, n)      # base in year 1
    cases[:, 1] = rng.uniform(-0.05, 0.10, n)   # growth
    cases[:, 2] = rng.uniform(0.01, 0.35, n)    # share
    cases[:, 3] = rng.uniform(0.0, 0.25, n)     # tax
    cases[:, 4] = rng.uniform(0.06, 0.18, n)    # discount rate
    return cases


def numpy_values(cases, chunk=100_000):
    t = np.arange(1, YEARS + 1)
    out = np.empty(len(cases))
    for lo in range(0, len(cases), chunk):
        c = cases[lo:lo + chunk]
        base = c[:, :1] * (1 + c[:, 1:2]) ** (t - 1)
        flows = base * c[:, 2:3] * (1 - c[:, 3:4])
        out[lo:lo + chunk] = (flows * (1 + c[:, 4:5]) ** -t).sum(axis=1)
    return out


def numpy_mc(cases, paths, rng):
    t = np.arange(1, YEARS + 1)
    sigma = np.sqrt(np.log1p(0.2 ** 2))
    out = np.empty(len(cases))
    for i, (first, growth, share, tax, rate) in enumerate(cases):
        scale = rng.lognormal(-sigma ** 2 / 2, sigma, paths)
        sshare = rng.triangular(0.8, 1.0, 1.2, paths)
        r = rng.normal(rate, 0.01, paths)
        bad = np.abs(r - rate) > 0.03           # truncate by redrawing
        while bad.any():
            r[bad] = rng.normal(rate, 0.01, bad.sum())
            bad = np.abs(r - rate) > 0.03
        flows = first * (1 + growth) ** (t - 1) * share * (1 - tax)
        df = (1 + r[:, None]) ** -t
        out[i] = (scale * sshare * (df @ flows)).mean()
    return out


def run_c(binary, args):
    """Wall-clock and CPU seconds of the timed part of one C run."""
    res = subprocess.run([binary] + args, check=True, capture_output=True, text=True)
    _, wall, cpu = res.stdout.split()
    return float(wall), float(cpu)


def timed(fn, *args):
    """fn(*args) with its wall-clock and CPU seconds (numpy's BLAS may
    use more than one core; CPU time counts them all)."""
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn(*args)
    return out, time.perf_counter() - w0, time.process_time() - c0


def report(what, unit, count, np_t, c1, c2):
    """Throughput per wall-clock second, per CPU second (what a core
    delivers, which the other load on a shared machine distorts less)."""
    print(f"  {'':18} {unit + '/s wall':>16} {unit + '/s CPU':>16}   vs numpy (wall, CPU)")
    print(f"  {'numpy':18} {count / np_t[0]:16,.0f} {count / np_t[1]:16,.0f}")
    for name, c in (("ipledge 1 thread", c1), ("ipledge 2 threads", c2)):
        print(f"  {name:18} {count / c[0]:16,.0f} {count / c[1]:16,.0f}   "
              f"{np_t[0] / c[0]:5.1f}x {np_t[1] / c[1]:5.1f}x")
    print(f"  scaling on 2 threads: {c1[0] / c2[0]:.2f}x wall-clock, "
          f"{c2[1] / c2[0]:.2f} cores busy (CPU / wall)")


def interleaved(binary, mode, cases, np_fn, extra):
    """Runs np_fn and the C binary (one thread, two) on ROUNDS slices
    of cases in turn; returns numpy's values, ipledge's (one thread),
    and the (wall, CPU) seconds of each side summed over the slices."""
    np_out, c_out = [], []
    times = np.zeros((3, 2))
    with tempfile.TemporaryDirectory() as tmp:
        cfile, vfile = os.path.join(tmp, "cases.bin"), os.path.join(tmp, "values.bin")
        for part in np.array_split(cases, ROUNDS):
            part.tofile(cfile)
            out, w, c = timed(np_fn, part)
            np_out.append(out)
            times[0] += (w, c)
            times[1] += run_c(binary, [mode, cfile, vfile] + extra + ["1"])
            c_out.append(np.fromfile(vfile))
            times[2] += run_c(binary, [mode, cfile, vfile] + extra + ["2"])
    return np.concatenate(np_out), np.concatenate(c_out), [tuple(t) for t in times]


def main():
    binary = sys.argv[1]
    n, mc_n, paths = (int(x) for x in (sys.argv[2:5] or (1_000_000, 10_000, 10_000)))
    rng = np.random.default_rng(20241121)
    cases = make_cases(n, rng)
    want, got, det = interleaved(binary, "det", cases, numpy_values, [])
    err = np.max(np.abs(got - want) / np.abs(want))
    np_means, c_means, mc = interleaved(binary, "mc", cases[:mc_n],
                                        lambda part: numpy_mc(part, paths, rng),
                                        [str(paths)])
    mc_gap = np.median(np.abs(c_means - np_means) / np_means)

    print(f"deterministic: {n:,} cases x {YEARS} years (max relative difference "
          f"numpy/ipledge {err:.1e})")
    report("det", "cases", n, *det)
    print(f"Monte Carlo: {mc_n:,} cases x {paths:,} paths (median relative gap of "
          f"the means {mc_gap:.1e}: sampling noise)")
    report("mc", "paths", mc_n * paths, *mc)
    if err > 1e-9:
        sys.exit("numpy and ipledge disagree on the deterministic values")


if __name__ == "__main__":
    main()
