#!/usr/bin/env python3
"""Writes reports/src/main/resources/twostage/audit/expected-seconds.tsv from the timings.csv of a CI-scale and a
paper-scale audit (the audit's ETA uses it). Usage:
    tools/expected_seconds.py CI_TIMINGS.csv PAPER_TIMINGS.csv "where and when they were measured"
"""
import csv
import sys

OUT = "reports/src/main/resources/twostage/audit/expected-seconds.tsv"


def rows(path, scale):
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            yield scale, r["claim"], r["check"], int(r["duration_ms"]) / 1000.0


def main():
    ci, paper, provenance = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(OUT, "w") as out:
        out.write("# Measured duration of each check, per scale, read by twostage.audit.ExpectedDurations for the audit's"
                  " ETA.\n")
        out.write("# Measured: " + provenance + ". Regenerate with tools/expected_seconds.py after adding checks.\n")
        out.write("scale\tclaim\tcheck\tseconds\n")
        for scale, path in (("ci", ci), ("paper", paper)):
            for s, claim, check, sec in sorted(rows(path, scale), key=lambda r: (r[1], r[2])):
                if "\t" in claim or "\t" in check:
                    raise SystemExit("tab in a claim or check name: " + claim + " / " + check)
                out.write(f"{s}\t{claim}\t{check}\t{sec:.1f}\n")


if __name__ == "__main__":
    main()
