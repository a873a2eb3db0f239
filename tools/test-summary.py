#!/usr/bin/env python3
"""Summarizes the .trx files of a test run; the last line is always "N passed, N failed".

Usage: test-summary.py RESULTS_DIR [PROJECT=EXIT_CODE ...]
A test that did not pass (failed, skipped, not run, timed out) counts as failed: a skipped test is a defect.
Lines a test writes to its output starting with "Report: " are shown in the summary.
A project whose `dotnet test` failed without a failed test in its .trx (a crash) counts one failure.
Exit code 0 only when nothing failed and at least one test ran.
"""
import sys
import traceback
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
ENGINES = (("_Sqlite", "SQLite"), ("_Postgres", "PostgreSQL"))


def read_trx(path):
    """Returns (results, run_errors): results as (class name, test name, outcome, message)."""
    root = ET.parse(path).getroot()
    classes = {}
    for test in root.iterfind("t:TestDefinitions/t:UnitTest", NS):
        method = test.find("t:TestMethod", NS)
        classes[test.get("id")] = method.get("className", "") if method is not None else ""
    results = []
    for result in root.iterfind("t:Results/t:UnitTestResult", NS):
        stdout = " ".join((e.text or "").strip() for e in result.iterfind("t:Output/t:StdOut", NS))
        message = " ".join(
            (e.text or "").strip() for e in result.iterfind("t:Output/t:ErrorInfo/t:Message", NS)
        ) or stdout
        results.append((classes.get(result.get("testId"), ""), result.get("testName", "?"),
                        result.get("outcome", "?"), message, stdout))
    run_errors = [(info.findtext("t:Text", "", NS) or "").strip()
                  for info in root.iterfind("t:ResultSummary/t:RunInfos/t:RunInfo", NS)
                  if info.get("outcome") == "Error"]
    return results, run_errors


def shorten(text, limit=1500):
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + " …"


def main(argv):
    results_dir = Path(argv[1])
    exit_codes = dict(arg.split("=", 1) for arg in argv[2:])
    projects = list(exit_codes) or sorted(p.stem for p in results_dir.glob("*.trx"))
    passed = failed = 0
    engine_passed = {name: 0 for _, name in ENGINES}
    engine_failed = {name: 0 for _, name in ENGINES}
    failures = []
    reports = []
    print()
    print("Summary")
    for project in projects:
        trx = results_dir / f"{project}.trx"
        results, run_errors = read_trx(trx) if trx.exists() else ([], [])
        p = sum(1 for r in results if r[2] == "Passed")
        f = len(results) - p
        for class_name, name, outcome, message, stdout in results:
            reports += [line.strip()[len("Report: "):] for line in stdout.splitlines() if line.strip().startswith("Report: ")]
            for suffix, engine in ENGINES:
                if class_name.endswith(suffix):
                    (engine_passed if outcome == "Passed" else engine_failed)[engine] += 1
            if outcome != "Passed":
                detail = (shorten(message) or "(no message)").replace("\n", "\n      ")
                failures.append(f"{project}: {name} [{outcome}]\n      {detail}")
        code = exit_codes.get(project, "0")
        if code != "0" and f == 0:
            detail = "; ".join(run_errors) or ("no .trx file" if not trx.exists() else "see the output above")
            failures.append(f"{project}: dotnet test exited with code {code} ({shorten(detail)})")
            f += 1
        passed += p
        failed += f
        note = " (no tests yet)" if not results and f == 0 else ""
        print(f"  {project}: {p} passed, {f} failed{note}")
    print("  Integration tests per engine: " + ", ".join(
        f"{engine}: {engine_passed[engine]} passed" + (f" ({engine_failed[engine]} failed)" if engine_failed[engine] else "")
        for _, engine in ENGINES))
    for report in sorted(reports):
        print("  " + report)
    if failures:
        print()
        print("Not passed (skipped tests count as failed):")
        for failure in failures:
            print("  - " + failure)
    if passed + failed == 0:
        print("No test ran.")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Exception:  # a broken summary must still end with the counting line and fail
        traceback.print_exc(file=sys.stdout)
        print("0 passed, 1 failed")
        sys.exit(1)
