#!/usr/bin/env python3
"""A fixed replay of calls against the running platform, checked against plan-api.yaml (deploy/ops/check-contract.sh).

Three ways a call goes:
  strict   through `prism proxy --errors`: the request is valid, so Prism forwards it; any violation of the
           answer (status, header, body) turns into Prism's own error, and any violation at all shows in the
           sl-violations header. The call fails unless the status is the expected one and there is no violation.
  lenient  through `prism proxy` (no --errors), for requests that are invalid on purpose (no content type, a
           malformed body, limit=0, no key): Prism forwards them and lists the request's violations, which are
           expected; a violation of the answer still fails the call.
  direct   straight to the gateway, for what the contract has no operation for (an unknown route, a DELETE on a
           plan): the answer must be an application/problem+json that is valid against the contract's Problem.

Every call also checks the expected status. Prints one line per call and "N passed, N failed".
Usage: contract_replay.py CONTRACT STRICT_URL LENIENT_URL GATEWAY_URL
"""

import json
import sys
import time
import urllib.error
import urllib.request
import uuid

import jsonschema
import yaml

CONTRACT, STRICT, LENIENT, GATEWAY = sys.argv[1:5]
DEMO = {"Authorization": "Bearer demo-key"}
OTHER = {"Authorization": "Bearer other-key"}
ANALYST = {"X-Api-Key": "analyst-key"}
JSON = {"Content-Type": "application/json"}

# the README's example request: a seed-stage SaaS
PLAN = {"product": {"name": "Acme", "kind": "SAAS", "features": ["AUTH", "BILLING", "ADMIN_PANEL"], "expectedRps": 10,
                    "existingFramework": "NONE"}, "team": {"engineers": 1, "seniorEngineers": 0}, "timelineWeeks": 12,
        "budgetUsd": 60000}

with open(CONTRACT, encoding="utf-8") as f:
    contract = yaml.safe_load(f)
problem_schema = dict(contract["components"]["schemas"]["Problem"])
problem_schema["components"] = contract["components"]

passed, failed = 0, []


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body)


def send(base, method, path, headers=None, body=None, timeout=40):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(base + path, data=data, method=method, headers=dict(headers or {}))
    if data is not None and "Content-Type" not in (headers or {}):
        # urllib would add application/x-www-form-urlencoded; a POST without a content type means none
        request.add_unredirected_header("Content-Type", "")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


def check(name, way, method, path, expected, headers=None, body=None):
    """Sends one call the way named and records whether it kept to the contract; returns the answer."""
    global passed
    base = {"strict": STRICT, "lenient": LENIENT, "direct": GATEWAY}[way]
    try:
        answer = send(base, method, path, headers, body)
    except OSError as error:
        answer = Answer(0, {}, f"no answer: {error}".encode())
    problems = []
    if answer.status not in expected:
        problems.append(f"status {answer.status}, expected {sorted(expected)}: {answer.body[:300]!r}")
    violations = json.loads(answer.headers.get("sl-violations") or "[]")
    if way == "strict" and violations:
        problems.append(f"violations {violations}")
    if way == "lenient":
        of_answer = [v for v in violations if (v.get("location") or ["?"])[0] != "request"]
        if of_answer:
            problems.append(f"violations of the answer {of_answer}")
        if not violations:
            problems.append("no request violation: this call belongs in the strict set")
    if b"stoplight.io/prism/errors" in answer.body:
        problems.append(f"Prism refused: {answer.body[:400]!r}")
    if way == "direct":
        media = answer.headers.get("Content-Type", "")
        if not media.startswith("application/problem+json"):
            problems.append(f"Content-Type {media!r}, not application/problem+json")
        else:
            try:
                jsonschema.validate(answer.json(), problem_schema)
            except (jsonschema.ValidationError, ValueError) as error:
                problems.append(f"not a Problem of the contract: {error}")
    line = f"{answer.status} {method} {path} [{way}] {name}"
    if problems:
        failed.append(line)
        print("FAIL " + line)
        for problem in problems:
            print("       " + problem)
    else:
        passed += 1
        print("ok   " + line)
    return answer


def main():
    check("the document", "strict", "GET", "/v3/api-docs", {200})
    check("Swagger UI", "strict", "GET", "/docs", {200})
    check("a problem page", "strict", "GET", "/problems/plan-not-found", {200})
    check("an unknown problem page", "strict", "GET", "/problems/no-such-problem", {404})

    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 2))
    key = "replay-" + uuid.uuid4().hex
    waited = check("Prefer: wait", "strict", "POST", "/api/v1/plans", {200, 202},
                   {**DEMO, **JSON, "Prefer": "wait=20", "Idempotency-Key": key}, PLAN)
    plan_id = waited.json()["planId"]
    check("the same Idempotency-Key and body", "strict", "POST", "/api/v1/plans", {200, 202},
          {**DEMO, **JSON, "Idempotency-Key": key}, PLAN)
    check("the same Idempotency-Key, another body", "strict", "POST", "/api/v1/plans", {422},
          {**DEMO, **JSON, "Idempotency-Key": key}, {**PLAN, "timelineWeeks": 13})
    check("accepted, no budget", "strict", "POST", "/api/v1/plans", {202}, {**DEMO, **JSON},
          {k: v for k, v in PLAN.items() if k != "budgetUsd"})
    check("a plan", "strict", "GET", f"/api/v1/plans/{plan_id}", {200}, DEMO)
    check("another key's plan", "strict", "GET", f"/api/v1/plans/{plan_id}", {404}, OTHER)
    check("an unknown plan", "strict", "GET", f"/api/v1/plans/{uuid.uuid4()}", {404}, DEMO)
    check("a wrong key", "strict", "GET", f"/api/v1/plans/{plan_id}", {401}, {"Authorization": "Bearer wrong-key"})
    check("the events of a final plan", "strict", "GET", f"/api/v1/plans/{plan_id}/events", {200},
          {**DEMO, "Accept": "text/event-stream"})
    page = check("a page of plans", "strict", "GET", "/api/v1/plans?limit=1", {200}, DEMO)
    cursor = page.json().get("nextCursor")
    if cursor:
        check("the next page", "strict", "GET", f"/api/v1/plans?limit=1&cursor={cursor}", {200}, DEMO)
    check("plans of one status", "strict", "GET", "/api/v1/plans?status=COMPLETE&limit=5", {200}, DEMO)
    check("the knowledge", "strict", "GET", "/api/v1/knowledge", {200}, DEMO)

    to = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 1))
    scenario = {"name": "senior rates +20%", "source": {"from": started, "to": to},
                "overrides": {"cost": {"onDemand": {"tiers": {"SENIOR": {"weeklyUsd": 1800}}}}}}
    check("a dry run", "strict", "POST", "/api/v1/scenarios", {200}, {**ANALYST, **JSON}, {**scenario, "dryRun": True})
    check("scenarios need the analyst role", "strict", "POST", "/api/v1/scenarios", {403}, {**DEMO, **JSON}, scenario)
    started_scenario = check("a scenario", "strict", "POST", "/api/v1/scenarios", {202}, {**ANALYST, **JSON}, scenario)
    scenario_id = started_scenario.json()["scenarioId"]
    check("the scenario", "strict", "GET", f"/api/v1/scenarios/{scenario_id}", {200}, ANALYST)
    check("an unknown scenario", "strict", "GET", f"/api/v1/scenarios/{uuid.uuid4()}", {404}, ANALYST)
    check("a page of scenarios", "strict", "GET", "/api/v1/scenarios?limit=1", {200}, ANALYST)
    for _ in range(40):
        if send(GATEWAY, "GET", f"/api/v1/scenarios/{scenario_id}", ANALYST).json().get("status") == "COMPLETE":
            break
        time.sleep(0.5)
    check("the report", "strict", "GET", f"/api/v1/scenarios/{scenario_id}/report", {200}, ANALYST)
    check("the report as CSV", "strict", "GET", f"/api/v1/scenarios/{scenario_id}/report", {200},
          {**ANALYST, "Accept": "text/csv"})
    check("cancelling a finished scenario", "strict", "POST", f"/api/v1/scenarios/{scenario_id}/cancel", {409},
          ANALYST)
    running = check("a scenario to cancel", "strict", "POST", "/api/v1/scenarios", {202}, {**ANALYST, **JSON},
                    {**scenario, "name": "to cancel"})
    check("cancelling it", "strict", "POST", f"/api/v1/scenarios/{running.json()['scenarioId']}/cancel", {200, 409},
          ANALYST)

    check("a POST without a content type", "lenient", "POST", "/api/v1/plans", {415}, DEMO, json.dumps(PLAN).encode())
    check("a field of the wrong type", "lenient", "POST", "/api/v1/plans", {400}, {**DEMO, **JSON},
          {**PLAN, "timelineWeeks": "soon"})
    check("an unknown field", "lenient", "POST", "/api/v1/plans", {400}, {**DEMO, **JSON}, {**PLAN, "colour": "red"})
    check("a malformed Idempotency-Key", "lenient", "POST", "/api/v1/plans", {400},
          {**DEMO, **JSON, "Idempotency-Key": "two words"}, PLAN)
    check("limit=0", "lenient", "GET", "/api/v1/plans?limit=0", {400}, DEMO)
    check("no key", "lenient", "GET", "/api/v1/plans", {401})
    check("a scenario with an unknown field", "lenient", "POST", "/api/v1/scenarios", {400}, {**ANALYST, **JSON},
          {**scenario, "nme": "typo"})

    check("an unknown route", "direct", "GET", "/nope", {401})
    check("an unknown route with a key", "direct", "GET", "/nope", {404}, DEMO)
    # Prism cannot forward a body it cannot parse: it waits for it until the client gives up
    check("a body that is not JSON", "direct", "POST", "/api/v1/plans", {400}, {**DEMO, **JSON}, b"{not json")
    check("a DELETE on a plan", "direct", "DELETE", f"/api/v1/plans/{plan_id}", {405}, DEMO)

    print()
    if failed:
        print("failed:\n  " + "\n  ".join(failed))
    print(f"contract replay: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (KeyError, ValueError, TypeError) as error:
        # a later call needs what an earlier, failed one should have answered
        print(f"stopped after a failed call: {error!r}")
        print(f"contract replay: {passed} passed, {len(failed) + 1} failed")
        sys.exit(1)
