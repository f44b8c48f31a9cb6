#!/usr/bin/python3
"""Reference fixtures for the pricing layer (src/main/risk/pricing), computed with QuantLib.

Run with Debian's Python and QuantLib (python3-quantlib 1.29), not a pyenv/venv Python, with
node on PATH so the files can be formatted with the repo's prettier afterwards:

    /usr/bin/python3 scripts/reference/quantlib_fixtures.py           # all three files, ~5 min
    /usr/bin/python3 scripts/reference/quantlib_fixtures.py european  # european + implied-vol
    /usr/bin/python3 scripts/reference/quantlib_fixtures.py american

It writes test/fixtures/quantlib/{european,american,implied-vol}.json. Each file records the
QuantLib version, the conventions below, a column list and one row per case with its inputs.

Grid (issue 3): strike 100; spot (or futures price) 100·m for moneyness m = S/K in
{0.7, 0.85, 1, 1.15, 1.3}; days to expiry {1, 7, 30, 91, 365, 730}; vol {0.05, 0.2, 0.5, 1.0,
1.5}; rate {0, 0.03, 0.06}; dividend yield {0, 0.03} for BSM (stock/ETF/index, carry b = r − q)
and none for Black-76 (options on futures, b = 0); calls and puts. 1800 BSM + 900 Black-76 cases.

Time: evaluation date 2024-01-02, expiry = evaluation date + days, Actual/365 Fixed for the
curves and the volatility, so QuantLib's year fraction is exactly t = days / 365 — the `t` stored
in each row, which is what the tests feed our model. Rates and yields are continuously
compounded flat curves; the volatility is a flat BlackConstantVol.

european.json  AnalyticEuropeanEngine: price, delta, gamma, vega (per 1.00 vol), theta (per year,
               as calendar time passes: negative = decay). Units per unit of underlying.
american.json  BinomialLRVanillaEngine (Leisen-Reimer) with 2001 steps (odd, as LR needs):
               price, delta, gamma; plus QdFpAmericanEngine (Andersen-Lake-Offengelden,
               high-precision scheme) price as a second opinion on the tree's own error.
implied-vol.json  the European cases whose vol is identifiable in double precision: the price
               changes by at least 1e-14·K when the vol moves by 1e-8, i.e. vega >= 1e-6·K
               (rule `vega_min_per_strike`). The skipped cases are counted in the file.
"""
import json
import os
import subprocess
import sys
from multiprocessing import Pool

import QuantLib as ql

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "test", "fixtures", "quantlib")

STRIKE = 100.0
MONEYNESS = [0.7, 0.85, 1.0, 1.15, 1.3]
DAYS = [1, 7, 30, 91, 365, 730]
VOLS = [0.05, 0.2, 0.5, 1.0, 1.5]
RATES = [0.0, 0.03, 0.06]
DIVS = [0.0, 0.03]
RIGHTS = ["C", "P"]
LR_STEPS = 2001
VEGA_MIN_PER_STRIKE = 1e-6

TODAY = ql.Date(2, 1, 2024)
DC = ql.Actual365Fixed()
INPUT_COLUMNS = ["model", "right", "spot", "strike", "t", "rate", "div", "vol"]


def grid():
    """Every case as (model, right, spot, strike, days, rate, div, vol)."""
    cases = []
    for model, divs in (("bsm", DIVS), ("black76", [0.0])):
        for right in RIGHTS:
            for m in MONEYNESS:
                for days in DAYS:
                    for vol in VOLS:
                        for rate in RATES:
                            for div in divs:
                                cases.append((model, right, 100.0 * m, STRIKE, days, rate, div, vol))
    return cases


def option(case, exercise):
    """A QuantLib option and process for one case; set the evaluation date first."""
    model, right, spot, strike, days, rate, div, vol = case
    ql.Settings.instance().evaluationDate = TODAY
    expiry = TODAY + days
    assert DC.yearFraction(TODAY, expiry) == days / 365.0
    quote = ql.QuoteHandle(ql.SimpleQuote(spot))
    rates = ql.YieldTermStructureHandle(ql.FlatForward(TODAY, rate, DC))
    vols = ql.BlackVolTermStructureHandle(ql.BlackConstantVol(TODAY, ql.NullCalendar(), vol, DC))
    if model == "black76":
        process = ql.BlackProcess(quote, rates, vols)
    else:
        divs = ql.YieldTermStructureHandle(ql.FlatForward(TODAY, div, DC))
        process = ql.BlackScholesMertonProcess(quote, divs, rates, vols)
    kind = ql.Option.Call if right == "C" else ql.Option.Put
    ex = ql.EuropeanExercise(expiry) if exercise == "european" else ql.AmericanExercise(TODAY, expiry)
    return ql.VanillaOption(ql.PlainVanillaPayoff(kind, strike), ex), process


def inputs(case):
    model, right, spot, strike, days, rate, div, vol = case
    return [model, right, spot, strike, days / 365.0, rate, div, vol]


def european_row(case):
    opt, process = option(case, "european")
    opt.setPricingEngine(ql.AnalyticEuropeanEngine(process))
    return inputs(case) + [opt.NPV(), opt.delta(), opt.gamma(), opt.vega(), opt.theta()]


def american_row(case):
    opt, process = option(case, "american")
    opt.setPricingEngine(ql.BinomialLRVanillaEngine(process, LR_STEPS))
    lr = [opt.NPV(), opt.delta(), opt.gamma()]
    opt.setPricingEngine(ql.QdFpAmericanEngine(process, ql.QdFpAmericanEngine.highPrecisionScheme()))
    return inputs(case) + lr + [opt.NPV()]


CONVENTIONS = {
    "time": "t = days/365 exactly: QuantLib Actual/365 Fixed from 2024-01-02 to expiry",
    "rates": "continuously compounded flat rate and dividend yield; carry b = rate - div (bsm), 0 (black76)",
    "black76": "spot column is the futures price; div is 0 and unused",
    "units": "per unit of underlying; vega per 1.00 vol; theta per year of calendar time (negative = decay)",
}


def write(name, payload):
    """Write one fixture file, then format it with the repo's prettier (npm run lint checks it)."""
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(payload, f)
    prettier = os.path.join(ROOT, "node_modules", ".bin", "prettier")
    try:
        subprocess.run([prettier, "--write", path], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        print(f"  could not run prettier: format {path} with `npx prettier --write`")
    print(f"wrote {path}: {len(payload['rows'])} rows")


def main(which):
    cases = grid()
    meta = {"generator": "scripts/reference/quantlib_fixtures.py", "quantlib": ql.__version__}
    if which in ("all", "european", "implied-vol"):
        rows = [european_row(c) for c in cases]
        if which != "implied-vol":
            write("european.json", {
                **meta, "engine": "AnalyticEuropeanEngine", "conventions": CONVENTIONS,
                "columns": INPUT_COLUMNS + ["price", "delta", "gamma", "vega", "theta"], "rows": rows,
            })
        kept = [r[:9] + [r[11]] for r in rows if r[11] >= VEGA_MIN_PER_STRIKE * r[3]]
        write("implied-vol.json", {
            **meta, "engine": "AnalyticEuropeanEngine", "conventions": CONVENTIONS,
            "rule": "kept iff vega >= vega_min_per_strike * strike (vol identifiable to 1e-8)",
            "vega_min_per_strike": VEGA_MIN_PER_STRIKE, "skipped": len(rows) - len(kept),
            "columns": INPUT_COLUMNS + ["price", "vega"], "rows": kept,
        })
    if which in ("all", "american"):
        with Pool(max(1, min(2, os.cpu_count() or 1))) as pool:
            rows = pool.map(american_row, cases, chunksize=25)
        write("american.json", {
            **meta, "engine": f"BinomialLRVanillaEngine, {LR_STEPS} steps",
            "second_opinion": "qdfp: QdFpAmericanEngine high-precision scheme",
            "conventions": CONVENTIONS,
            "columns": INPUT_COLUMNS + ["price", "delta", "gamma", "qdfp"], "rows": rows,
        })


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "all")
