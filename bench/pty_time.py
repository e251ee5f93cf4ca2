"""Times commands in a pseudo-terminal.

Reads a JSON spec on stdin:
  {"runs": N, "warmup": W, "rows": 30, "cols": 100, "timeout": 20,
   "commands": [{"name": ..., "argv": [...], "env": {...}, "cwd": ...,
                 "until": "exit" | "marker" | "steps", "marker": "text",
                 "steps": [{"marker": "text" | ["all", "of"], "send": "\r", "resend_ms": 100}, ...],
                 "fresh_dir_env": "VAR", "fresh_dir_base": "/tmp/..."}]}
Runs the commands interleaved (one of each per round), W rounds discarded,
and prints {"name": [ms, ...]} as JSON. "exit" stops the clock when the
process has exited; "marker" when the marker text first appears in the
screen output (escape sequences removed), after which the whole process
group is killed. "steps" waits for each step's marker in the output since
the previous step's key was sent (the first: since the start), then sends
that step's keys (again every resend_ms until the next marker shows, when
given); the clock stops at the last marker. With "quit": "keys", those keys
are sent after the last marker and the process is left to exit on its own
(untimed), as a learner quits: Node writes its compile cache only then. "fresh_dir_env" gives each run a new empty directory in
that variable (an empty npm cache, for instance).
"""
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import tempfile
import termios
import time

CURRENT = [None]
SENDS = {}

ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]|\x1b[=>]")


def run_once(command, rows, cols, timeout):
    env = dict(os.environ)
    env.update(command.get("env", {}))
    env.setdefault("TERM", "xterm-256color")
    env["COLUMNS"] = str(cols)
    env["LINES"] = str(rows)
    fresh = None
    if command.get("fresh_dir_env"):
        fresh = tempfile.mkdtemp(prefix="fresh-", dir=command.get("fresh_dir_base"))
        env[command["fresh_dir_env"]] = fresh
    until = command.get("until", "exit")
    marker = command.get("marker", "").encode()
    steps = command.get("steps", [])
    step_no = 0
    step_from = 0
    last_send = None
    sends = 0
    started = time.monotonic()
    pid, fd = pty.fork()
    CURRENT[0] = pid
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            if command.get("cwd"):
                os.chdir(command["cwd"])
            os.execvpe(command["argv"][0], command["argv"], env)
        finally:
            os._exit(127)
    buf = b""
    elapsed = None
    status = None
    deadline = started + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.005 if until == "steps" else 0.05)
            if ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    data = b""
                if not data:
                    break
                buf += data
                if until == "marker" and marker in ANSI.sub(b"", buf):
                    elapsed = time.monotonic() - started
                    break
            if until == "steps":
                step = steps[step_no]
                seen = ANSI.sub(b"", buf[step_from:])
                wanted = step["marker"] if isinstance(step["marker"], list) else [step["marker"]]
                if all(m.encode() in seen for m in wanted):
                    if step_no == len(steps) - 1:
                        elapsed = time.monotonic() - started
                        if command.get("quit"):
                            status = quit_and_wait(pid, fd, command["quit"])
                        break
                    step_from = len(buf)
                    os.write(fd, step["send"].encode())
                    sends += 1
                    last_send = (time.monotonic(), step)
                    step_no += 1
                elif last_send and last_send[1].get("resend_ms") and time.monotonic() - last_send[0] > last_send[1]["resend_ms"] / 1000:
                    os.write(fd, last_send[1]["send"].encode())
                    sends += 1
                    last_send = (time.monotonic(), last_send[1])
            if until == "exit":
                done, st = os.waitpid(pid, os.WNOHANG)
                if done:
                    status = st
                    break
        if until == "exit":
            if status is None:
                _, status = os.waitpid(pid, 0)
            elapsed = time.monotonic() - started
            if os.waitstatus_to_exitcode(status) != 0:
                raise RuntimeError(f"{command['name']}: exit status {os.waitstatus_to_exitcode(status)}")
    finally:
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        if status is None:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        os.close(fd)
        if fresh:
            subprocess_rm(fresh)
    if elapsed is None:
        tail = ANSI.sub(b"", buf)[-300:].decode("utf-8", "replace")
        raise RuntimeError(f"{command['name']}: no marker within {timeout}s; last output: {tail!r}")
    if until == "steps":
        SENDS.setdefault(command["name"], []).append(sends)
    return elapsed * 1000


def quit_and_wait(pid, fd, keys, timeout=15):
    """Sends the keys that quit and waits (untimed) for a normal exit; None if it did not come."""
    os.write(fd, keys.encode())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                pass
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            return st
    return None


def subprocess_rm(path):
    for root, dirs, files in os.walk(path, topdown=False):
        for name in files:
            try:
                os.unlink(os.path.join(root, name))
            except OSError:
                pass
        for name in dirs:
            p = os.path.join(root, name)
            try:
                if os.path.islink(p):
                    os.unlink(p)
                else:
                    os.rmdir(p)
            except OSError:
                pass
    try:
        os.rmdir(path)
    except OSError:
        pass


def main():
    spec = json.load(sys.stdin)
    results = {c["name"]: [] for c in spec["commands"]}
    errors = {}
    for round_no in range(spec.get("warmup", 1) + spec["runs"]):
        for command in spec["commands"]:
            if command["name"] in errors:
                continue
            try:
                ms = run_once(command, spec.get("rows", 30), spec.get("cols", 100), spec.get("timeout", 20))
            except Exception as error:  # reported, the other commands go on
                errors[command["name"]] = str(error)
                continue
            if round_no >= spec.get("warmup", 1):
                results[command["name"]].append(round(ms, 1))
    json.dump({"samples": results, "errors": errors, "sends": SENDS}, sys.stdout)


def stop(signum, _frame):
    if CURRENT[0]:
        try:
            os.killpg(CURRENT[0], signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    sys.exit(128 + signum)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    main()
