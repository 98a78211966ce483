#!/usr/bin/env python3
"""Whole `mvn verify` runs with and without the template cache, and the plugin's check at scale
(docs/benchmarks.md, "Scale and side by side", "Whole `mvn verify` runs").

Installs contracts, fraise-junit and fraise-maven-plugin into the local repository (-DskipTests), writes a Maven
project of N entities with dev.fraise.bench.ScaleProjectWriter (bench/target/scale-project-N), then, for
examples/blog and that project, runs `mvn -B -o verify` with the template snapshots off
(-Dfraise.embedded.snapshots=false) and on, alternated, after one warm-up of each; the first "on" run is preceded by
a cold one, the snapshot directory deleted first. Each run records its wall time, the templates built and reused
(the "Fraise built template" and "Fraise reused template" lines of the Maven log, Surefire output included), the
"Fraise build: OK" lines of fraise:build, the servers started, and each fraise goal's wall time and the time the
goal reports itself. Then `mvn -B -o fraise:check` of the generated project, alternated off/on the same way.
Prints Markdown tables and writes them to bench/target/maven-verify.md.

Usage, from the repository root:
  python3 bench/scripts/maven-verify-bench.py [runs] [--entities=1000] [--check-only] [--skip-install]
                                              [--private-repo] [--snapshots=DIR]
  python3 bench/scripts/maven-verify-bench.py --self-test

--snapshots=DIR: the snapshot directory the cold run deletes, where Fraise's embedded base directory is not on
/dev/shm (default /dev/shm/fraise-pg-<uid>/snapshots; only that directory is deleted).
--private-repo: a copy of ~/.m2/repository in bench/target/m2-repository (made once, about 600 MB; the Fraise
modules are installed there and every build uses it), for a machine where other builds install Fraise into
~/.m2 while the benchmark runs: their jars would replace the ones measured, or break a running test JVM.
Delete bench/target/m2-repository to take a fresh copy (after new dependencies reached ~/.m2).
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path

from maven_log import STAMPED, goals

MVN = ["mvn", "-B", "-o"]
# Timestamps on Maven's lines and on the Surefire fork's (Surefire passes user properties on to the fork), and
# Fraise's INFO lines in the fork even where a project's simplelogger.properties says warn (examples/blog).
LOGGING = STAMPED + ["-Dorg.slf4j.simpleLogger.log.dev.fraise=info"]
SWITCH = "fraise.embedded.snapshots"
OUTPUT = Path("bench/target/maven-verify.md")
LOGS = Path("bench/target/maven-verify-logs")

COUNTS = {
    "built": re.compile(r"Fraise built template \S+"),
    "reused": re.compile(r"Fraise reused template \S+"),
    "build OK": re.compile(r"Fraise build: OK\b"),
    "servers": re.compile(r"Fraise uses .* \(ready in \d+ ms\)"),
}


def counts(log):
    """{name: lines of the log matching COUNTS[name]}, anywhere in a line (Maven's and Surefire's formats)."""
    return {name: sum(1 for line in log.splitlines() if pattern.search(line)) for name, pattern in COUNTS.items()}



SAMPLE = """\
12:00:00.000 [INFO] --- maven-surefire-plugin:3.5.4:test (default-test) @ blog ---
12:00:00.100 [INFO] -------------------------------------------------------
12:00:00.100 [INFO]  T E S T S
12:00:00.100 [INFO] -------------------------------------------------------
12:00:01.000 [INFO] Running dev.fraise.examples.blog.ReadViewsTest
12:00:01.100 [main] INFO dev.fraise.postgres.PostgresServers - Fraise uses embedded PostgreSQL 17 on port 1 in /x (ready in 300 ms)
12:00:01.200 [main] INFO dev.fraise.database.TemplatePool - Fraise built template fraise_keep_a80e57f77e36_fefd6695 (12 files, 2500 statements) in 2269 ms
[main] INFO dev.fraise.database.TemplatePool - Fraise reused template fraise_keep_c66cb418ed11_503aa947 (schema fc4475859ae1), built earlier on this server
12:00:02.000 [ForkJoinPool-1-worker-1] INFO dev.fraise.database.TemplatePool - Fraise reused template fraise_keep_c527ee567c6c_5934041b (schema 418a50c4cd10), built by an earlier run: the server started from its snapshot (-Dfraise.embedded.snapshots=false builds it again)
12:00:03.000 [INFO] --- fraise-maven-plugin:0.1.0-SNAPSHOT:build (build-database) @ blog ---
12:00:03.100 [INFO] Fraise build: 18 files from db/environments/local.yaml, schema hash 418a50c4cd10
12:00:03.200 [INFO] Fraise reused template fraise_keep_c527ee567c6c_5934041b (schema 418a50c4cd10), built by an earlier run: the server started from its snapshot (-Dfraise.embedded.snapshots=false builds it again)
12:00:03.300 [INFO] Fraise uses embedded PostgreSQL 17 on port 2 in /y (ready in 50 ms)
12:00:03.900 [INFO] Fraise build: OK on embedded PostgreSQL 17 on port 2 in /y: 18 files, 41 statements in 61 ms
12:00:04.000 [INFO] Fraise build: done in 800 ms (server start, build and stop)
12:00:04.250 [INFO] --- fraise-maven-plugin:0.1.0-SNAPSHOT:check (contract-gate) @ blog ---
12:00:04.300 [INFO] Fraise built template fraise_keep_2215f88b9aff_56f3570a (18 files, 41 statements) in 65 ms
12:00:05.000 [INFO] Fraise check: GraphQL schema from schema.graphql (SDL)
12:00:05.100 [INFO] Fraise check: 11 types: 5 checked; against 5 views: 0 errors, 0 warnings, 0 suppressed in 700 ms
12:00:05.250 [INFO] --- fraise:0.1.0-SNAPSHOT:check (default-cli) @ blog ---
12:00:05.300 [INFO] Fraise built templates: none
12:00:06.000 [INFO] Fraise check: 11 types: 5 checked; against 5 views: 0 errors, 0 warnings, 0 suppressed in 650 ms
12:00:06.500 [INFO] ------------------------------------------------------------------------
12:00:06.500 [INFO] BUILD SUCCESS
"""


def self_test():
    got = counts(SAMPLE)
    assert got == {"built": 2, "reused": 3, "build OK": 1, "servers": 2}, got
    assert counts("Fraise build: OK on x\nFraise build: done in 5 ms\n")["build OK"] == 1
    assert counts("no Fraise here\n") == {"built": 0, "reused": 0, "build OK": 0, "servers": 0}
    parsed = goals(SAMPLE)
    assert parsed == {"surefire:test (default-test)": (3000.0, 0), "fraise:build (build-database)": (1250.0, 800),
                      "fraise:check (contract-gate)": (1000.0, 700), "fraise:check (default-cli)": (1250.0, 650)}, parsed
    assert goals("23:59:59.500 [INFO] --- fraise-maven-plugin:1:check (c) @ p ---\n"
                 "00:00:00.250 [INFO] BUILD SUCCESS\n") == {"fraise:check (c)": (750.0, 0)}
    assert fmt([3.0, 1.0, 2.0], 1) == "2.0 (1.0–3.0)" and fmt([4, 4], 0) == "4" and fmt([], 0) == ""
    assert ratio([10.0, 12.0], [20.0, 24.0]) == "0.50×" and ratio([1.0], []) == ""
    print("self-test passed")


def run(args, cwd=None, keep=None):
    """The command's output; exits on failure. keep: a file the output is written to, success or not."""
    result = subprocess.run(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if keep:
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.write_text(result.stdout)
    if result.returncode != 0:
        sys.exit("failed: " + " ".join(args) + "\n" + result.stdout[-5000:])
    return result.stdout


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


SNAPSHOTS = [Path("/dev/shm") / f"fraise-pg-{os.getuid()}" / "snapshots"]


def snapshots_dir():
    """The snapshot directory under the embedded base directory (DataDirectories: fraise-pg-<uid> on /dev/shm)."""
    return SNAPSHOTS[0]


def private_repository():
    """A copy of the user's local repository without the Fraise modules, for -Dmaven.repo.local."""
    repo = Path("bench/target/m2-repository").resolve()
    if not repo.exists():
        partial = repo.with_name(repo.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copytree(Path.home() / ".m2" / "repository", partial, symlinks=True,
                        ignore=lambda d, names: ["fraise"] if Path(d).name == "dev" and "fraise" in names else [])
        partial.rename(repo)
    return repo


def project_version():
    pom = ET.parse("pom.xml").getroot()
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    properties = pom.find("m:properties", ns)
    return (pom.find("m:version", ns).text, properties.find("m:junit.version", ns).text,
            properties.find("m:slf4j.version", ns).text)


def generate(entities):
    fraise, junit, slf4j = project_version()
    run(MVN + ["-q", "-Pbench", "-pl", "bench", "-am", "compile"])
    target = Path(f"bench/target/scale-project-{entities}")
    shutil.rmtree(target, ignore_errors=True)
    run(["java", "-cp", "bench/target/classes", "dev.fraise.bench.ScaleProjectWriter", str(target), str(entities),
         f"--fraise-version={fraise}", f"--junit-version={junit}", f"--slf4j-version={slf4j}"])
    return target


class Runs:
    """The measured runs of one command on one project: per mode (off, cold, on) a list of samples."""

    def __init__(self, title, project, command):
        self.title, self.project, self.command = title, project, command
        self.samples = {}
        self.loads = []

    def once(self, mode, record=True):
        if mode == "cold":
            shutil.rmtree(snapshots_dir(), ignore_errors=True)
        switch = "false" if mode == "off" else "true"
        slug = re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")
        keep = LOGS / f"{slug}-{mode}-{len(self.samples.get(mode, [])) if record else 'warm-up'}.log"
        begin = time.monotonic()
        log = run(MVN + self.command + LOGGING + [f"-D{SWITCH}={switch}"], cwd=self.project, keep=keep)
        wall = time.monotonic() - begin
        sample = {"wall": wall, "counts": counts(log), "goals": goals(log)}
        if record:
            self.samples.setdefault(mode, []).append(sample)
        print(f"  {self.title} {mode:4} {'' if record else '(warm-up) '}{wall:6.1f} s  "
              + "  ".join(f"{k} {v}" for k, v in sample["counts"].items()), flush=True)
        return sample

    def measure(self, runs, cold):
        self.loads.append(("start", loadavg()))
        print(f"{self.title}: load average {self.loads[-1][1]}", flush=True)
        self.once("off", record=False)
        self.once("on", record=False)
        for i in range(runs):
            self.once("off")
            if cold and i == 0:
                self.once("cold")
            self.once("on")
        self.loads.append(("end", loadavg()))

    def table(self, what):
        modes = [m for m in ("off", "cold", "on") if m in self.samples]
        goal_names = []
        for m in modes:
            for s in self.samples[m]:
                goal_names += [g for g in s["goals"] if g not in goal_names]
        head = ["snapshots", "runs", f"{what} wall s"] + list(COUNTS)
        for g in goal_names:
            head += [f"{g} ms"] + (["its own report ms"] if g.startswith("fraise:") else [])
        rows = ["| " + " | ".join(head) + " |", "|" + "---|" * 2 + "---:|" * (len(head) - 2)]
        label = {"off": "off", "cold": "on, cold (snapshots deleted first)", "on": "on"}
        for m in modes:
            samples = self.samples[m]
            cells = [label[m], str(len(samples)), fmt([s["wall"] for s in samples], 1)]
            cells += [fmt([s["counts"][c] for s in samples], 0) for c in COUNTS]
            for g in goal_names:
                cells += [fmt([s["goals"][g][i] for s in samples if g in s["goals"]], 0) for i in parts(g)]
            rows.append("| " + " | ".join(cells) + " |")
        if "off" in self.samples and "on" in self.samples:
            on, off = self.samples["on"], self.samples["off"]
            cells = ["on / off (medians)", "", ratio([s["wall"] for s in on], [s["wall"] for s in off])]
            cells += [""] * len(COUNTS)
            for g in goal_names:
                cells += [ratio([s["goals"][g][i] for s in on if g in s["goals"]],
                                [s["goals"][g][i] for s in off if g in s["goals"]]) for i in parts(g)]
            rows.append("| " + " | ".join(cells) + " |")
        loads = ", ".join(f"{when} {value}" for when, value in self.loads)
        return f"#### {self.title}\n\nLoad average (1, 5, 15 min): {loads}.\n\n" + "\n".join(rows) + "\n"


def parts(goal):
    """The columns of a goal: its wall time, and the time it reports if it is a fraise goal."""
    return (0, 1) if goal.startswith("fraise:") else (0,)


def fmt(values, digits):
    """Median and, when they differ, min–max."""
    if not values:
        return ""
    median, low, high = statistics.median(values), min(values), max(values)
    text = f"{median:.{digits}f}"
    return text if low == high else f"{text} ({low:.{digits}f}–{high:.{digits}f})"


def ratio(on, off):
    if not on or not off or statistics.median(off) == 0:
        return ""
    return f"{statistics.median(on) / statistics.median(off):.2f}×"


def main(argv):
    if "--self-test" in argv:
        self_test()
        return
    options = dict(a[2:].split("=", 1) for a in argv if a.startswith("--") and "=" in a)
    flags = {a for a in argv if a.startswith("--") and "=" not in a}
    positional = [a for a in argv if not a.startswith("--")]
    runs = int(positional[0]) if positional else 3
    if "snapshots" in options:
        SNAPSHOTS[0] = Path(options["snapshots"])
    entities = int(options.get("entities", "1000"))
    commit = run(["git", "rev-parse", "--short", "HEAD"]).strip()
    header = [f"Run of {datetime.now(timezone.utc):%Y-%m-%dT%H:%MZ} on commit `{commit}`, {runs} runs per mode,"
              f" {entities} entities; load average at the start {loadavg()}."]
    print(header[0], flush=True)
    if "--private-repo" in flags:
        MVN.append(f"-Dmaven.repo.local={private_repository()}")
        header.append("Local repository: a private copy of ~/.m2/repository (--private-repo).")
    if "--skip-install" not in flags:
        run(MVN + ["-q", "install", "-DskipTests", "-pl", ".,contracts,fraise-junit,fraise-maven-plugin"])
    scale = generate(entities)
    types = entities + (entities + 1) // 2
    sections = []
    if "--check-only" not in flags:
        for title, project in (("examples/blog", "examples/blog"), (f"{entities} entities", str(scale))):
            verify = Runs(f"`mvn verify` of {title}", project, ["verify"])
            verify.measure(runs, cold=True)
            sections.append(verify.table("`mvn verify`"))
    else:
        run(MVN + ["-q", "verify", "-DskipTests", f"-D{SWITCH}=false"], cwd=str(scale))
    check = Runs(f"the plugin's fraise:check of {types} types after the build ({entities} entities)", str(scale),
                 ["fraise:check"])
    check.measure(runs, cold=False)
    sections.append(check.table("`mvn fraise:check`"))
    text = " ".join(header) + "\n\n" + "\n".join(sections)
    print("\n" + text)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text)
    print(f"written to {OUTPUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
