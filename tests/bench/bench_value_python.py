"""make bench-python: the valuation benchmark again, from Python.

The deterministic cases of bench_value.py (twenty-year income cases:
base, growth, share, tax, discount rate; end of year), valued by numpy
(whole arrays, chunked) and by ipledge.value.income_batch: the C batch
call over the arrays (on one Python thread, then on two), the case blocks built with numpy without a Python loop.
Both sides' values are compared, so that they do the same work. Prints
throughput and the ratio (target: ipledge at least 3x numpy).

usage: bench_value_python.py [CASES]
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_value import YEARS, make_cases, numpy_values, timed  # noqa: E402

import ipledge  # noqa: E402


def ipledge_values(cases, threads=1):
    return ipledge.value.income_batch(
        len(cases), threads=threads, base_first=cases[:, 0], base_growth=cases[:, 1], share=cases[:, 2],
        tax_rate=cases[:, 3], discount_rate=cases[:, 4], economic_years=YEARS,
        timing="end")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    cases = make_cases(n, np.random.default_rng(20241121))
    ipledge_values(cases[:1000])                      # load and warm up
    want, np_w, np_c = timed(numpy_values, cases)
    got, ip_w, ip_c = timed(ipledge_values, cases)
    got2, ip2_w, ip2_c = timed(ipledge_values, cases, 2)
    err = max(np.max(np.abs(g - want) / np.abs(want)) for g in (got, got2))
    print(f"deterministic from Python: {n:,} cases x {YEARS} years "
          f"(max relative difference numpy/ipledge {err:.1e})")
    print(f"  {'':22} {'cases/s wall':>14} {'cases/s CPU':>14}")
    print(f"  {'numpy':22} {n / np_w:14,.0f} {n / np_c:14,.0f}")
    for name, w, c in (("ipledge 1 thread", ip_w, ip_c), ("ipledge 2 threads", ip2_w, ip2_c)):
        print(f"  {name:22} {n / w:14,.0f} {n / c:14,.0f}   "
              f"{np_w / w:.1f}x {np_c / c:.1f}x numpy (wall, CPU; target 3x)")
    print(f"  scaling on 2 threads: {ip_w / ip2_w:.2f}x wall-clock")
    if err > 1e-9:
        sys.exit("numpy and ipledge disagree")


if __name__ == "__main__":
    main()
