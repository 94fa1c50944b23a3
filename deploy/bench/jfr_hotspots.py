#!/usr/bin/env python3
"""Where a service's CPU went, from a JFR recording: a Markdown summary of its execution samples.

Usage: jfr_hotspots.py RECORDING.jfr [RECORDING.jfr ...] > profile.md

For each recording (named after the file): how many samples, by thread group, the hottest frames (self time), the
packages on the stack (inclusive time, counted once per sample), and the first frame of this project's code. Reads
the samples with the JDK's own `jfr print`; needs only python3 and a JDK on the PATH.
"""
import collections
import os
import re
import subprocess
import sys

DEPTH = 64
TOP = 15


def samples(recording):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", str(DEPTH), recording],
                          check=True, capture_output=True, text=True).stdout
    for block in text.split("jdk.ExecutionSample")[1:]:
        thread = re.search(r'sampledThread = "([^"]+)"', block)
        frames = [line.strip().split(" line:")[0] for line in block.splitlines()
                  if line.startswith("    ") and "(" in line]
        if frames:
            yield (re.sub(r"\d+", "N", thread.group(1)) if thread else "?"), frames


def package(frame):
    match = re.match(r"([a-z0-9_.]+)\.[A-Z]", frame)
    return ".".join(match.group(1).split(".")[:3]) if match else frame


def summary(recording):
    threads, self_time, inclusive, ours = (collections.Counter() for _ in range(4))
    count = 0
    for thread, frames in samples(recording):
        count += 1
        threads[thread] += 1
        self_time[frames[0]] += 1
        for name in {package(frame) for frame in frames}:
            inclusive[name] += 1
        first = next((frame for frame in frames if frame.startswith("dev.stackplan")), None)
        if first:
            ours[first] += 1
    name = os.path.splitext(os.path.basename(recording))[0]
    out = [f"## {name}: {count} CPU samples", ""]

    def table(title, counter, limit=TOP):
        out.extend([f"| {title} | samples | share |", "|---|---|---|"])
        for key, value in counter.most_common(limit):
            out.append(f"| `{key[:140]}` | {value} | {100.0 * value / max(count, 1):.1f}% |")
        out.append("")

    table("thread", threads, 8)
    table("package on the stack (inclusive)", inclusive, 20)
    table("hottest frame (self)", self_time)
    table("first frame of stackplan code", ours, 10)
    return "\n".join(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    print("# Where the CPU went (JFR execution samples)\n")
    for path in sys.argv[1:]:
        print(summary(path))
