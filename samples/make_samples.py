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

# samples/dense-references.json: 200 references over the same 90 days, as a busy team's OpenPanel project
# holds them (deploys, experiments, campaigns, incidents), with bursts around the launch and the campaign.
kinds = [
    ("release", ["Deploy web {n}", "Release 2.{n}", "Hotfix {n}", "API version 2.{n}"]),
    ("experiment", ["A/B test: pricing page v{n}", "Experiment {n}: onboarding", "Feature flag rollout {n}"]),
    ("marketing", ["Newsletter #{n}", "Campaign wave {n}", "Webinar: analytics {n}", "Partner post {n}"]),
    ("incident", ["Incident {n}: slow queries", "CDN degradation {n}", "Tracking delay {n}"]),
    ("press", ["Press mention {n}", "Podcast episode {n}"]),
    ("docs", ["Docs update {n}", "Tutorial {n} published"]),
]
random.seed(20241130)
references = []
for k in range(200):
    burst = random.random()
    if burst < 0.25:
        t = launch + timedelta(hours=random.uniform(-48, 72))
    elif burst < 0.4:
        t = campaign[0] + timedelta(hours=random.uniform(0, 14 * 24))
    else:
        t = start + timedelta(minutes=random.uniform(0, 90 * 24 * 60))
    category, titles = kinds[k % len(kinds)]
    title = random.choice(titles).format(n=k + 1)
    entry = {"id": f"dense-{k + 1:03d}", "title": title, "date": f"{t:%Y-%m-%dT%H:%M:00.000Z}", "category": category}
    if k % 4 == 0:
        entry["description"] = f"{category.capitalize()} note {k + 1}"
    references.append(entry)
import json
with open("dense-references.json", "w") as out:
    json.dump({"data": references}, out, indent=1)
    out.write("\n")
