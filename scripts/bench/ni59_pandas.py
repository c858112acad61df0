"""NI59 with pandas, the obvious way: the floor `npm run bench` compares `cs-indicators compute NI59` with.

    python3 scripts/bench/ni59_pandas.py FILE.csv HOLIDAYS.txt [START END]

Reads a CSV export of initial assessments (referralDate and completedDate written DD/MM/YYYY, or YYYY-MM-DD),
keeps those completed in the period (default the 2010/11 financial year), and counts those completed within 7
working days of the referral, counting the days after the referral up to and including the completion (numpy's
busday_count counts [begin, end), so both ends move one day on), with the holidays (one YYYY-MM-DD a line) as
non-working days. Prints "numerator denominator seconds" on one line; the time covers the reading and the count.
"""
import sys
import time

import numpy as np
import pandas as pd

start_time = time.perf_counter()
path, holidays_path = sys.argv[1], sys.argv[2]
period_start = np.datetime64(sys.argv[3] if len(sys.argv) > 3 else "2010-04-01")
period_end = np.datetime64(sys.argv[4] if len(sys.argv) > 4 else "2011-03-31")
with open(holidays_path, encoding="utf-8") as f:
    holidays = np.array([line.strip() for line in f if line.strip()], dtype="datetime64[D]")

frame = pd.read_csv(path, usecols=["referralDate", "completedDate"], dtype=str)
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
