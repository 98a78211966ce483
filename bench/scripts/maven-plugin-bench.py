#!/usr/bin/env python3
"""Maven plugin benchmark (docs/benchmarks.md, "Maven plugin").

Times `mvn -o verify` of examples/blog with a warm Maven cache (the Fraise modules installed in the local
repository first, one warm-up run), and splits each fraise goal's wall time (from Maven's timestamped log) into
Fraise's work (the time the goal itself reports: server start, build, check, server stop) and the plugin's own
overhead (the rest: parameter injection, configuration loading, logging, report writing).

Usage, from the repository root:  python3 bench/scripts/maven-plugin-bench.py [runs]   (default 5)
"""
import statistics
import subprocess
import sys
import time

from maven_log import STAMPED, goals

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
MVN = ["mvn", "-B", "-o"]
BLOG = ["-f", "examples/blog/pom.xml"]


def run(args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("failed: " + " ".join(args) + "\n" + result.stdout[-3000:])
    return result.stdout


def main():
    run(MVN + ["-q", "install", "-DskipTests", "-pl", "contracts,fraise-junit,fraise-maven-plugin"])
    run(MVN + ["-q", "verify"] + BLOG)  # warm-up
    walls, per_goal = [], {}
    for _ in range(RUNS):
        begin = time.monotonic()
        log = run(MVN + ["verify"] + BLOG + STAMPED)
        walls.append(time.monotonic() - begin)
        for goal, (wall, work) in goals(log).items():
            per_goal.setdefault(goal, []).append((wall, work))
    print(f"mvn verify of examples/blog, warm cache, {RUNS} runs: median {statistics.median(walls):.1f} s"
          f" (min {min(walls):.1f} s, max {max(walls):.1f} s)")
    for goal, samples in per_goal.items():
        wall = statistics.median(s[0] for s in samples)
        work = statistics.median(s[1] for s in samples)
        overhead = statistics.median(s[0] - s[1] for s in samples)
        print(f"  {goal}: goal {wall:.0f} ms = Fraise's work {work:.0f} ms + plugin overhead {overhead:.0f} ms")


if __name__ == "__main__":
    main()
