#!/usr/bin/env python3
"""Load and checks for scripts/chaos.sh, scripts/soak.sh and scripts/full_disk.sh.

  yishi_load.py writes --url URL --acked FILE [--workers N] [--seconds S]
      Residents of the demo district post proposals and comments until S
      seconds pass (or forever, until killed). Every write the server
      acknowledged (201) is appended to FILE as "<table> <id>" the moment the
      answer arrives; connection errors (a killed server) are retried after a
      short pause. Prints a summary line as JSON at the end.
  yishi_load.py mixed --url URL --seconds S [--workers N] [--report FILE]
      Mixed reads (a community, proposal lists, a thread), writes (comments),
      logins and plugin calls (a selection preview through the Lua plugin).
      Counts answers by kind and status; any 5xx or connection error is an
      error. Writes the counts as JSON to FILE (default stdout).
  yishi_load.py verify --db PATH --acked FILE
      Every acknowledged row is in the database, and PRAGMA integrity_check
      says ok. Exit 0 when both hold, 1 otherwise; a JSON summary either way.
"""
import argparse
import http.client
import json
import os
import random
import signal
import sqlite3
import sys
import threading
import time
import urllib.parse

RESIDENT_PASSWORD = "demo-resident-2026"
ADMIN_PASSWORD = "demo-admin-2026"
# Verified residents of community 1 in the demo district.
RESIDENTS = ["resident1", "resident2"]


class Client:
    stale_retries = 0  # requests retried after a closed keep-alive connection

    def __init__(self, url, timeout=10):
        parts = urllib.parse.urlparse(url)
        self.host, self.port = parts.hostname, parts.port
        self.timeout = timeout
        self.conn = None
        self.token = None

    def request(self, method, path, body=None, auth=True):
        headers = {"Content-Type": "application/json"}
        if auth and self.token:
            headers["Authorization"] = "Bearer " + self.token
        data = json.dumps(body).encode() if body is not None else None
        for attempt in range(2):
            reused = self.conn is not None
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                payload = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                try:
                    parsed = json.loads(payload) if payload else None
                except ValueError:
                    parsed = None
                return response.status, parsed
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
                self.close()
                # A keep-alive connection the server closed while idle (its
                # keep-alive timeout or request limit) fails before any answer:
                # retried once on a fresh connection, as browsers do. A fresh
                # connection that fails is an error.
                if attempt == 1 or not reused:
                    raise
                Client.stale_retries += 1
            except (http.client.HTTPException, OSError):
                self.close()
                raise
        raise OSError("unreachable")

    def close(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = None

    def login(self, login, password):
        status, body = self.request("POST", "/api/v1/sessions", {"login": login, "password": password, "bearer": True},
                                    auth=False)
        if status == 201:
            self.token = body["token"]
        return status


def until_up(fn, stop_at):
    """Calls fn until it returns without a connection error or time runs out."""
    while time.time() < stop_at:
        try:
            return fn()
        except (http.client.HTTPException, OSError):
            time.sleep(0.05)
    return None


def writes(args):
    stop_at = time.time() + args.seconds if args.seconds > 0 else float("inf")
    fd = os.open(args.acked, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    lock = threading.Lock()
    counts = {"acked": 0, "refused": 0, "connection_errors": 0}

    def record(table, ident):
        # One write(2) per line with O_APPEND: a line is in the file as soon
        # as the answer arrived, whatever happens to this process after.
        os.write(fd, f"{table} {ident}\n".encode())
        with lock:
            counts["acked"] += 1

    def worker(n):
        client = Client(args.url)
        login = RESIDENTS[n % len(RESIDENTS)]
        # A login is a write too (the session): retried until it succeeds.
        while until_up(lambda: client.login(login, RESIDENT_PASSWORD), stop_at) != 201:
            if time.time() >= stop_at:
                return
            time.sleep(0.1)
        proposal = None
        i = 0
        while time.time() < stop_at:
            i += 1
            try:
                if proposal is None or i % 20 == 0:
                    status, body = client.request("POST", "/api/v1/communities/1/proposals",
                                                  {"kind": "problem", "title": f"混沌测试 {n}-{i}"})
                    if status == 201:
                        proposal = body["id"]
                        record("proposals", proposal)
                else:
                    status, body = client.request("POST", f"/api/v1/proposals/{proposal}/comments",
                                                  {"body": f"评论 {n}-{i} " + "x" * args.body_bytes})
                    if status == 201:
                        record("comments", body["id"])
                if status != 201:
                    code = (body or {}).get("error", {}).get("code", "") if isinstance(body, dict) else ""
                    with lock:
                        counts["refused"] += 1
                        key = f"refused {status} {code}"
                        counts[key] = counts.get(key, 0) + 1
                    time.sleep(0.05)
            except (http.client.HTTPException, OSError):
                with lock:
                    counts["connection_errors"] += 1
                time.sleep(0.05)

    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(args.workers)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads) and not stopping.is_set():
        stopping.wait(0.2)
    with lock:
        print(json.dumps(counts), flush=True)
    os._exit(0)


def mixed(args):
    stop_at = time.time() + args.seconds
    lock = threading.Lock()
    counts = {}
    errors = []

    def count(kind, status):
        with lock:
            key = f"{kind} {status}"
            counts[key] = counts.get(key, 0) + 1
            if status >= 500 or status == 0:
                errors.append(key)

    selection = {"budget": 100, "rule": "greedy", "projects": [
        {"id": "a", "cost": 60, "votes": 10}, {"id": "b", "cost": 50, "votes": 9}, {"id": "c", "cost": 40, "votes": 8}]}

    def worker(n):
        rng = random.Random(n)
        reader = Client(args.url)
        writer = Client(args.url)
        admin = Client(args.url)
        if writer.login(RESIDENTS[n % len(RESIDENTS)], RESIDENT_PASSWORD) != 201 or \
                admin.login("admin", ADMIN_PASSWORD) != 201:
            count("setup", 0)
            return
        status, body = writer.request("POST", "/api/v1/communities/1/proposals",
                                      {"kind": "problem", "title": f"长跑测试 {n}"})
        proposal = body["id"] if status == 201 else 1
        written = 0
        while time.time() < stop_at:
            r = rng.random()
            kind = "read" if r < 0.55 else "write" if r < 0.85 else "login" if r < 0.95 else "plugin"
            try:
                if r < 0.55:
                    path = rng.choice(["/api/v1/communities/1", "/api/v1/communities/1/proposals?limit=20",
                                       f"/api/v1/proposals/{proposal}/comments", "/api/v1/health"])
                    status, _ = reader.request("GET", path, auth=False)
                    count("read", status)
                elif r < 0.85:
                    status, _ = writer.request("POST", f"/api/v1/proposals/{proposal}/comments",
                                               {"body": f"长跑 {n} {time.time():.3f}"})
                    count("write", status)
                    written += 1
                    if written % 200 == 0:  # a thread is read whole: keep them short
                        status, body = writer.request("POST", "/api/v1/communities/1/proposals",
                                                      {"kind": "problem", "title": f"长跑测试 {n}-{written}"})
                        count("write", status)
                        if status == 201:
                            proposal = body["id"]
                elif r < 0.95:
                    fresh = Client(args.url)
                    status = fresh.login(RESIDENTS[rng.randrange(len(RESIDENTS))], RESIDENT_PASSWORD)
                    if status == 201:
                        fresh.request("DELETE", "/api/v1/sessions/current")
                    fresh.close()
                    count("login", status)
                else:
                    status, body = admin.request("POST", "/api/v1/districts/1/selection/preview", selection)
                    code = body.get("error", {}).get("code", "") if isinstance(body, dict) and status >= 400 else ""
                    count("plugin" + (" " + code if code else ""), status)
            except (http.client.HTTPException, OSError) as e:
                count(kind + " connection " + type(e).__name__, 0)
                time.sleep(0.05)

    threads = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(args.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report = {"counts": counts, "errors": len(errors), "first_errors": errors[:10],
              "stale_keep_alive_retries": Client.stale_retries}
    text = json.dumps(report, sort_keys=True)
    if args.report:
        with open(args.report, "w") as f:
            f.write(text + "\n")
    else:
        print(text)


def verify(args):
    acked = {}
    with open(args.acked) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                acked.setdefault(parts[0], set()).add(int(parts[1]))
    # Read-write, as the server would open it: a write-ahead log left by a
    # killed server is recovered first.
    db = sqlite3.connect(args.db)
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    missing = {}
    for table, ids in acked.items():
        present = {row[0] for row in db.execute(f"SELECT id FROM {table}")}
        lost = sorted(ids - present)
        if lost:
            missing[table] = lost[:20] + (["..."] if len(lost) > 20 else [])
    total = sum(len(ids) for ids in acked.values())
    print(json.dumps({"acknowledged": total, "missing": missing, "integrity_check": integrity}))
    return 0 if not missing and integrity == "ok" else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    w = sub.add_parser("writes")
    w.add_argument("--url", required=True)
    w.add_argument("--acked", required=True)
    w.add_argument("--workers", type=int, default=4)
    w.add_argument("--seconds", type=float, default=0)
    w.add_argument("--body-bytes", type=int, default=0, help="pad each comment with this many bytes")
    m = sub.add_parser("mixed")
    m.add_argument("--url", required=True)
    m.add_argument("--seconds", type=float, required=True)
    m.add_argument("--workers", type=int, default=4)
    m.add_argument("--report")
    v = sub.add_parser("verify")
    v.add_argument("--db", required=True)
    v.add_argument("--acked", required=True)
    args = parser.parse_args()
    if args.mode == "writes":
        writes(args)
    elif args.mode == "mixed":
        mixed(args)
    else:
        sys.exit(verify(args))


if __name__ == "__main__":
    main()
