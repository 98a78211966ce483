"""Reads Maven's timestamped log (`-Dorg.slf4j.simpleLogger.showDateTime=true` with `HH:mm:ss.SSS`): how long each
Fraise goal and each Surefire run took, and how much of it Fraise reports as its own work. Shared by
maven-plugin-bench.py and maven-verify-bench.py."""
import re
from datetime import datetime

# The timestamp flags that make Maven's log (and the Surefire fork's, which gets user properties) readable here.
STAMPED = ["-Dorg.slf4j.simpleLogger.showDateTime=true", "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"]
LINE = re.compile(r"^(\d\d:\d\d:\d\d\.\d\d\d) \[[\w-]+\] (.*)$")
GOAL = re.compile(r"^--- (fraise-maven-plugin|fraise|maven-surefire-plugin|surefire):[^:]+:(\S+) \((\S+)\) @ ")
# Maven's separators (72 dashes, or a project's "-----< g:a >-----"), not Surefire's 55-dash "T E S T S" banner.
END = re.compile(r"^-{60,}$|^-+< ")
WORK = re.compile(r"^Fraise (?:build: done|check: .*) in (\d+) ms")


def goals(log):
    """{"fraise:goal (execution)": (wall ms, ms the goal reports)} from a timestamped Maven log, and the same for
    surefire:test (the test JVM, where @FraiseDatabase builds its templates; it reports no time of its own): a goal
    runs from its `--- fraise-maven-plugin:…` header to the next header, separator or BUILD line; a run across
    midnight counts the day it crossed."""
    result, current, start, work = {}, None, None, 0
    for raw in log.splitlines():
        match = LINE.match(raw)
        if not match:
            continue
        stamp = datetime.strptime(match.group(1), "%H:%M:%S.%f")
        text = match.group(2)
        if text.startswith("--- ") or text.startswith("BUILD ") or END.match(text):
            if current:
                millis = (stamp - start).total_seconds() * 1000
                result[current] = (millis + 86_400_000 if millis < 0 else millis, work)
                current = None
            goal = GOAL.match(text)
            if goal:
                plugin = "surefire" if "surefire" in goal.group(1) else "fraise"
                current, start, work = f"{plugin}:{goal.group(2)} ({goal.group(3)})", stamp, 0
        elif current:
            done = WORK.match(text)
            if done:
                work += int(done.group(1))
    return result
