"""Start the portal as several hosts would run it: N gunicorn web instances, M Celery workers and
beats, on one PostgreSQL and one Redis. Each process gets its own RECONNECT_VAR_DIR, as if it ran
on its own machine. Used by `benchmarks/load_test.py` and `tests/core/test_several_processes.py`.
"""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Stack:
    workdir: Path
    web_ports: list[int] = field(default_factory=list)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    stopped: set[str] = field(default_factory=set)  # on purpose, by stop()
    env: dict[str, str] = field(default_factory=dict)
    worker_module: list[str] = field(default_factory=lambda: ["-m", "celery", "-A", "reconnect", "worker"])

    @property
    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.web_ports]

    def log(self, name: str) -> str:
        path = self.workdir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def logs(self) -> str:
        return "\n".join(f"--- {name}\n{self.log(name)[-4000:]}" for name in self.processes)

    def start(self, name: str, args: list[str], env: dict[str, str]) -> subprocess.Popen:
        var = self.workdir / f"var-{name}"
        var.mkdir(parents=True, exist_ok=True)
        path = self.workdir / f"{name}.log"
        if path.exists():  # started again: the earlier run's log is kept beside, the new one starts empty
            path.rename(self.workdir / f"{name}.{time.time_ns()}.log")
        log = path.open("ab")
        process = subprocess.Popen(
            args,
            cwd=ROOT,
            env={**env, "RECONNECT_VAR_DIR": str(var)},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[name] = process
        self.stopped.discard(name)
        return process

    def signal(self, name: str, signum: int, *, whole_group: bool = False) -> None:
        """Send `signum` to the process `name` (or to its whole process group), which is then taken
        as stopped on purpose."""
        self.stopped.add(name)
        process = self.processes[name]
        if whole_group:
            os.killpg(process.pid, signum)
        else:
            process.send_signal(signum)

    def running(self, kind: str) -> list[str]:
        """The names of the processes of one kind ("web", "worker", "beat") not stopped on purpose."""
        return [name for name in self.processes if name.startswith(kind) and name not in self.stopped]

    def stop(self, name: str, *, timeout: float = 60) -> int | None:
        """SIGTERM (a graceful stop), then SIGKILL to the process group if it does not end in time."""
        process = self.processes[name]
        self.stopped.add(name)
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                pass
        if process.poll() is None or _group_alive(process.pid):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait(timeout=30)
        return process.returncode

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name, timeout=20)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def environment(*, database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    """What every process of the stack shares (the same secret keys, database, broker and cache)."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "RECONNECT_TESTING": "true",
        "DEBUG": "false",
        "HTTPS": "false",
        "LOG_LEVEL": "INFO",
        **extra,
    }


def start_stack(
    workdir: Path,
    *,
    env: dict[str, str],
    web_ports: list[int],
    web_processes: int = 2,
    workers: int = 2,
    beats: int = 1,
    worker_module: list[str] | None = None,
) -> Stack:
    """Start the web instances, workers and beats. `worker_module` replaces `-m celery -A reconnect`
    for the workers (a test's slowed-down worker, for example)."""
    stack = Stack(workdir=workdir, web_ports=list(web_ports), env=env)
    if worker_module:
        stack.worker_module = worker_module
    python = sys.executable
    for number, port in enumerate(web_ports, 1):
        web_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(web_processes)}
        stack.start(f"web{number}", [python, "-m", "gunicorn", "reconnect.wsgi"], web_env)
    for number in range(1, workers + 1):
        start_worker(stack, f"worker{number}")
    for number in range(1, beats + 1):
        start_beat(stack, f"beat{number}", env)
    return stack


def start_worker(stack: Stack, name: str) -> subprocess.Popen:
    """Start (or start again) the worker `name`, with the stack's environment and worker module."""
    return stack.start(
        name,
        [
            sys.executable, *stack.worker_module,
            "--pool=prefork", "--concurrency=1",
            "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=INFO",
            "-n", f"{name}@%h",
        ],
        stack.env,
    )  # fmt: skip


def start_beat(stack: Stack, name: str, env: dict[str, str]) -> subprocess.Popen:
    return stack.start(name, [sys.executable, "-m", "celery", "-A", "reconnect", "beat", "--loglevel=INFO"], env)


def wait_until_ready(stack: Stack, *, timeout: float = 180) -> None:
    """Until every web instance answers /healthz and every worker says it is ready (those stopped on
    purpose aside)."""
    deadline = time.monotonic() + timeout
    waiting = set(stack.urls) | set(stack.running("worker"))
    while waiting:
        for item in list(waiting):
            if item.startswith("http"):
                try:
                    with urllib.request.urlopen(f"{item}/healthz", timeout=5) as response:  # noqa: S310 - http only
                        if response.status == 200:
                            waiting.discard(item)
                except OSError:
                    pass
            elif " ready." in stack.log(item):
                waiting.discard(item)
        for name, process in stack.processes.items():
            if process.poll() is not None and name not in stack.stopped:
                raise RuntimeError(f"{name} stopped with {process.returncode}.\n{stack.logs()}")
        if waiting and time.monotonic() > deadline:
            raise RuntimeError(f"Not ready after {timeout} s: {sorted(waiting)}\n{stack.logs()}")
        time.sleep(0.5)
