#!/usr/bin/env python3
"""Regenerates samples/pageviews.csv: 90 days of hourly pageviews (deterministic).

Weekly and daily seasonality, slow growth, a step up after the 2.0 launch, a campaign bump,
noise, and a six-hour gap (a tracking outage) to show that gaps stay gaps.
"""
import math
import random
from datetime import datetime, timedelta, timezone

random.seed(20240901)
start = datetime(2024, 9, 1, tzinfo=timezone.utc)
launch = datetime(2024, 10, 8, 10, tzinfo=timezone.utc)
campaign = (datetime(2024, 10, 21, tzinfo=timezone.utc), datetime(2024, 11, 4, tzinfo=timezone.utc))
outage = (datetime(2024, 11, 12, 3, tzinfo=timezone.utc), datetime(2024, 11, 12, 9, tzinfo=timezone.utc))

with open("pageviews.csv", "w", newline="") as out:
    out.write("timestamp,pageviews\n")
    for hour in range(90 * 24):
        t = start + timedelta(hours=hour)
        daily = 0.55 + 0.45 * math.sin((t.hour - 9) / 24 * 2 * math.pi) ** 2 * (1 if 7 <= t.hour <= 22 else 0.35)
        weekly = 0.72 if t.weekday() >= 5 else 1.0
        trend = 1 + hour / (90 * 24) * 0.25
        step = 1.32 if t >= launch else 1.0
        bump = 1.18 if campaign[0] <= t < campaign[1] else 1.0
        value = 1800 * daily * weekly * trend * step * bump * random.uniform(0.9, 1.1)
        if outage[0] <= t < outage[1]:
            out.write(f"{t:%Y-%m-%dT%H:%M:%SZ},\n")
        else:
            out.write(f"{t:%Y-%m-%dT%H:%M:%SZ},{round(value)}\n")
