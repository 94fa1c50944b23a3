#!/usr/bin/env python3
"""Checks the PromQL of the Grafana dashboards and the alert rules (stdlib only).

  promql_check.py offline OUT.yml
      Writes every dashboard query (template variables substituted) as a recording rule into OUT.yml, so
      that `promtool check rules OUT.yml` proves each one parses, with no Prometheus running.
      Used by deploy/ops/validate.sh.

  promql_check.py live --prometheus http://127.0.0.1:19090 [--application gateway] [--expect-firing NAME]
      Against a Prometheus that scrapes the running platform (deploy/ops/check-prometheus.sh):
      - every dashboard panel query and template-variable query must parse and return at least one
        series ($application = --application; the other applications are reported for information);
      - every alert rule must be loaded and healthy, its full expression must parse, and each of its
        signals must return at least one series. A signal is a leg of a top-level or/and/unless, with
        its final threshold comparison removed and absent(...) unwrapped: an alert that is not firing
        returns nothing by design, but the series it watches must exist (this catches a misspelt
        metric or label);
      - the metric names the services export are listed and compared with the documented ones;
      - each --expect-firing alert must be pending or firing.
      Exits 1 on any failure.
"""
import argparse
import json
import pathlib
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
DASHBOARDS = ROOT / "deploy/grafana/dashboards"

# Grafana's built-in interval variables, for evaluation
BUILTINS = {"__rate_interval": "1m", "__interval": "15s", "__range": "5m", "__range_s": "300", "__interval_ms": "15000"}

# The metric names documented in deploy/README.md (name -> required?). Optional ones appear only in
# some situations: the scenario gauge only while a what-if scenario runs.
EXPECTED_METRICS = {
    "stackplan_plans_requested_total": True,
    "stackplan_plans_assembled_total": True,
    "stackplan_recommendations_total": True,
    "stackplan_plan_latency_seconds_bucket": True,
    "stackplan_plan_latency_seconds_count": True,
    "stackplan_plan_latency_seconds_sum": True,
    "stackplan_cost_estimate_usd_bucket": True,
    "stackplan_cost_estimate_usd_count": True,
    "stackplan_cost_estimate_usd_sum": True,
    "stackplan_dead_letters_total": True,
    "stackplan_scenario_progress_ratio": False,
    "http_server_requests_seconds_count": True,
    "spring_kafka_listener_seconds_count": True,
    "spring_kafka_template_seconds_count": True,
    "kafka_consumer_fetch_manager_records_lag": True,
    "kafka_consumer_fetch_manager_records_lag_max": True,
    "r2dbc_pool_acquired_connections": True,
    "jvm_memory_used_bytes": True,
    "process_cpu_usage": True,
    "up": True,
}


def substitute(expr, variables):
    def repl(m):
        name = m.group(1) or m.group(2)
        name = name.split(":")[0]
        if name in variables:
            return variables[name]
        if name in BUILTINS:
            return BUILTINS[name]
        raise ValueError(f"unknown template variable ${name}")
    return re.sub(r"\$\{([A-Za-z0-9_:]+)\}|\$([A-Za-z_][A-Za-z0-9_]*)", repl, expr)


def panels(items):
    for p in items:
        yield p
        yield from panels(p.get("panels", []))


def dashboard_queries(variables):
    """(where, expr) for every panel target and query variable of every dashboard."""
    for file in sorted(DASHBOARDS.glob("*.json")):
        board = json.loads(file.read_text(encoding="utf-8"))
        for var in board.get("templating", {}).get("list", []):
            if var.get("type") != "query":
                continue
            query = var.get("query")
            query = query.get("query") if isinstance(query, dict) else query
            m = re.fullmatch(r"\s*label_values\((.*),\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)\s*", query or "")
            if not m:
                raise ValueError(f"{file.name}: variable {var.get('name')}: only label_values(selector, label) is supported")
            yield f"{file.name} variable ${var['name']}", substitute(m.group(1), variables)
        for p in panels(board.get("panels", [])):
            for t in p.get("targets", []):
                if t.get("expr"):
                    yield f"{file.name} panel '{p.get('title')}' {t.get('refId')}", substitute(t["expr"], variables)


# --------------------------------------------------------------------------------------------------
# A small PromQL scanner: enough to split an alert expression into its signals.

def _scan(expr):
    """Yields (index, char, depth) outside string literals."""
    depth = 0
    i = 0
    quote = None
    while i < len(expr):
        c = expr[i]
        if quote:
            if c == "\\" and quote != "`":
                i += 2
                continue
            if c == quote:
                quote = None
            i += 1
            continue
        if c in "\"'`":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        else:
            yield i, c, depth
        i += 1


def split_set_ops(expr):
    """Splits at top-level or / and / unless, dropping on(...)/ignoring(...) modifiers."""
    legs, start = [], 0
    for i, c, depth in _scan(expr):
        if depth != 0 or not c.isalpha() or (i > 0 and (expr[i - 1].isalnum() or expr[i - 1] in "_:")):
            continue
        m = re.match(r"(or|and|unless)\b", expr[i:])
        if m:
            legs.append(expr[start:i])
            start = i + m.end()
    legs.append(expr[start:])
    out = []
    for leg in legs:
        leg = leg.strip()
        m = re.match(r"(on|ignoring)\s*\(([^)]*)\)\s*", leg)
        if m:
            leg = leg[m.end():]
        out.append(leg)
    return out


def strip_threshold(leg):
    """Removes a final top-level comparison against a number: `X > 5` -> `X`."""
    last = None
    for i, c, depth in _scan(leg):
        if depth == 0 and c in "<>=!":
            if last is None or i > last[1]:
                op = re.match(r"(==|!=|>=|<=|>|<)", leg[i:])
                if op:
                    last = (i, i + op.end())
    if last:
        rest = leg[last[1]:].strip()
        if re.fullmatch(r"(bool\s+)?[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", rest):
            return leg[:last[0]].strip()
    return leg


def unwrap_absent(leg):
    while True:
        m = re.search(r"\babsent(_over_time)?\s*\(", leg)
        if not m:
            return leg
        depth, j = 1, m.end()
        while j < len(leg) and depth:
            depth += {"(": 1, ")": -1}.get(leg[j], 0)
            j += 1
        leg = leg[:m.start()] + "(" + leg[m.end():j - 1] + ")" + leg[j:]


def signals(expr):
    return [unwrap_absent(strip_threshold(leg)) for leg in split_set_ops(expr.strip())]


# --------------------------------------------------------------------------------------------------

def api(base, path, **params):
    url = f"{base}{path}" + (("?" + urllib.parse.urlencode(params)) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=15) as r:
            body = json.load(r)
    except urllib.error.HTTPError as e:
        body = json.load(e)
    if body.get("status") != "success":
        raise RuntimeError(f"{body.get('errorType')}: {body.get('error')}")
    return body["data"]


def query(base, expr):
    data = api(base, "/api/v1/query", query=expr)
    return data["result"] if data["resultType"] in ("vector", "matrix") else [data["result"]]


def offline(out):
    lines = ["# generated by deploy/ops/promql_check.py offline: every dashboard query as a recording rule", "groups:",
             "  - name: dashboard-queries", "    rules:"]
    n = 0
    for where, expr in dashboard_queries({"application": "gateway"}):
        n += 1
        lines.append(f"      # {where}")
        lines.append(f"      - record: dashboard_query_{n}")
        lines.append("        expr: " + json.dumps(expr))
    pathlib.Path(out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{n} dashboard queries written to {out}")


def live(base, application, others, expect_firing):
    failures, infos = [], []
    checked = failed = 0

    def check(where, expr, what="no series"):
        """True when expr evaluates and returns at least one series."""
        try:
            if query(base, expr):
                return True
            failures.append(f"{where}: {what}  [{expr}]")
        except RuntimeError as e:
            failures.append(f"{where}: does not evaluate: {e}  [{expr}]")
        return False

    for where, expr in dashboard_queries({"application": application}):
        checked += 1
        failed += not check(where, expr)
    for other in others:
        empty = []
        for where, expr in dashboard_queries({"application": other}):
            if where.startswith("stackplan-service.json panel"):
                try:
                    if not query(base, expr):
                        empty.append(where.split(" ", 1)[1])
                except RuntimeError:
                    pass  # reported above with the main application
        if empty:
            infos.append(f"application={other}: {len(empty)} per-service panel queries without data (expected where "
                         f"a service lacks that part, e.g. R2DBC outside the gateway): " + "; ".join(empty))

    groups = api(base, "/api/v1/rules")["groups"]
    alerts = [r for g in groups for r in g["rules"] if r["type"] == "alerting"]
    if not alerts:
        failures.append("Prometheus loaded no alert rules")
        failed += 1
    for rule in alerts:
        where = f"alert {rule['name']}"
        checked += 1
        before = len(failures)
        if rule.get("health") != "ok":
            failures.append(f"{where}: rule health {rule.get('health')}: {rule.get('lastError')}")
        try:
            query(base, rule["query"])
            for sig in signals(rule["query"]):
                check(where, sig, "signal returns no series")
        except RuntimeError as e:
            failures.append(f"{where}: does not evaluate: {e}")
        failed += len(failures) > before

    active = {a["labels"]["alertname"]: a["state"] for a in api(base, "/api/v1/alerts")["alerts"]}
    for name in expect_firing:
        checked += 1
        if active.get(name) not in ("pending", "firing"):
            failures.append(f"alert {name} should be pending or firing, is {active.get(name, 'inactive')}")
            failed += 1
    infos.append("active alerts: " + (", ".join(f"{k}={v}" for k, v in sorted(active.items())) or "none"))

    by_name = {}
    for r in query(base, 'count by (__name__, application) ({job="stackplan"})'):
        by_name.setdefault(r["metric"]["__name__"], set()).add(r["metric"].get("application", ""))
    for metric, required in EXPECTED_METRICS.items():
        checked += required
        if metric not in by_name:
            if required:
                failures.append(f"metric {metric} is not exported")
                failed += 1
            else:
                infos.append(f"metric {metric} is not exported (optional: appears only in some situations)")
    infos.append("stackplan_* metrics exported: " + ", ".join(
        f"{n}{{application={'|'.join(sorted(by_name[n]))}}}" for n in sorted(by_name) if n.startswith("stackplan_")))
    for prefix in ("http_server_requests", "spring_kafka", "kafka_consumer_fetch_manager_records_lag", "r2dbc_pool"):
        infos.append(f"{prefix}*: " + ", ".join(sorted(n for n in by_name if n.startswith(prefix))))

    for line in infos:
        print(f"info: {line}")
    for line in failures:
        print(f"FAIL {line}", file=sys.stderr)
    print(f"promql: {checked - failed} passed, {failed} failed")
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    o = sub.add_parser("offline")
    o.add_argument("out")
    lv = sub.add_parser("live")
    lv.add_argument("--prometheus", required=True)
    lv.add_argument("--application", default="gateway")
    lv.add_argument("--others", default="intake,scoring,costing")
    lv.add_argument("--expect-firing", action="append", default=[])
    args = parser.parse_args()
    if args.command == "offline":
        offline(args.out)
        return 0
    return live(args.prometheus.rstrip("/"), args.application, [x for x in args.others.split(",") if x],
                args.expect_firing)


if __name__ == "__main__":
    sys.exit(main())
