"""NI59 with pandas, the obvious way: the floor `npm run bench` compares `cs-indicators compute NI59` with.

    python3 scripts/bench/ni59_pandas.py FILE.csv HOLIDAYS.txt [START END] [--tuned]

Reads a CSV export of initial assessments (referralDate and completedDate written DD/MM/YYYY, or YYYY-MM-DD),
keeps those completed in the period (default the 2010/11 financial year), and counts those completed within 7
working days of the referral, counting the days after the referral up to and including the completion (numpy's
busday_count counts [begin, end), so both ends move one day on), with the holidays (one YYYY-MM-DD a line) as
non-working days. Prints "numerator denominator seconds" on one line; the time covers the reading and the count.

The obvious way reads the file as pandas reads any CSV, `pd.read_csv(path)`, every column. `--tuned` reads only the
two date columns, as text (`usecols`, `dtype=str`): the one change found that makes the script about 1.5 times as
fast, where issue 15 says a tuned script is 1.4 times as fast as the obvious one (docs/performance.md, "The pandas
script"). The bench prints both, and measures goal 1 against the obvious one.
"""
import sys
import time

import numpy as np
import pandas as pd

start_time = time.perf_counter()
tuned = "--tuned" in sys.argv
args = [arg for arg in sys.argv[1:] if arg != "--tuned"]
path, holidays_path = args[0], args[1]
period_start = np.datetime64(args[2] if len(args) > 2 else "2010-04-01")
period_end = np.datetime64(args[3] if len(args) > 3 else "2011-03-31")
with open(holidays_path, encoding="utf-8") as f:
    holidays = np.array([line.strip() for line in f if line.strip()], dtype="datetime64[D]")

if tuned:
    frame = pd.read_csv(path, usecols=["referralDate", "completedDate"], dtype=str)
else:
    frame = pd.read_csv(path)
referral = pd.to_datetime(frame["referralDate"], dayfirst=True, errors="coerce")
completed = pd.to_datetime(frame["completedDate"], dayfirst=True, errors="coerce")
referral = referral.values.astype("datetime64[D]")
completed = completed.values.astype("datetime64[D]")

in_period = ~np.isnat(completed) & (completed >= period_start) & (completed <= period_end)
valid = in_period & ~np.isnat(referral) & (referral <= completed)
one_day = np.timedelta64(1, "D")
days = np.busday_count(referral[valid] + one_day, completed[valid] + one_day, holidays=holidays)
numerator = int((days <= 7).sum())
denominator = int(valid.sum())
print(numerator, denominator, f"{time.perf_counter() - start_time:.3f}")
