"""The worker processes that make paper files (worker.py): one a core, fed from one queue.

Started on the first file and kept for the life of this process, so a live preview's
rebuilds reuse them; ended, and waited for, when it exits, so their time counts as its
children's. A worker that dies fails what it was making, and is started again.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from . import worker

COUNT = max(1, os.cpu_count() or 1)
_SCRIPT = Path(worker.__file__)
Answer = list[str] | None


class Workers:
    def __init__(self, count: int) -> None:
        self._tasks: queue.SimpleQueue[tuple[str, dict[str, Any], Future[Answer]]] = queue.SimpleQueue()
        self._processes: list[subprocess.Popen[str]] = []
        self._limit = count
        self._running = 0
        self._closed = False
        self._turns = threading.Condition()
        for n in range(count):
            threading.Thread(target=self._serve, args=(self._start(),), name=f"kit-worker-{n}", daemon=True).start()
        atexit.register(self.close)

    def _start(self) -> subprocess.Popen[str]:
        # One worker a core already: Typst's own threads would only take turns with the other
        # worker and with the build.
        env = dict(os.environ, RAYON_NUM_THREADS="1")
        with self._turns:
            if self._closed:
                raise RuntimeError("the workers are closed")
            process = subprocess.Popen([sys.executable, str(_SCRIPT)], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, text=True, encoding="utf-8", env=env)
            self._processes.append(process)
        return process

    def submit(self, do: str, args: dict[str, Any]) -> Future[Answer]:
        """Ask a worker to `do` ("typst") with these arguments: its answer, in time."""
        future: Future[Answer] = Future()
        self._tasks.put((do, args, future))
        return future

    def close(self) -> None:
        """End every worker and wait for it. Files still waiting are never made: a build that
        stopped on a mistake exits with files queued, and a worker that has ended must not be
        started again for them (it would wait for work for ever, and the build for it)."""
        with self._turns:
            self._closed = True
            processes = list(self._processes)
            self._turns.notify_all()
        for process in processes:
            with contextlib.suppress(OSError, ValueError):  # a serving thread may be writing to it
                if process.stdin is not None:
                    process.stdin.close()
        for process in processes:
            process.wait()

    def limit(self, count: int) -> None:
        """At most `count` workers at work from now on (at least one)."""
        with self._turns:
            self._limit = max(1, count)
            self._turns.notify_all()

    def _serve(self, process: subprocess.Popen[str] | None) -> None:
        while True:
            do, args, future = self._tasks.get()
            with self._turns:
                while self._running >= self._limit and not self._closed:
                    self._turns.wait()
                if self._closed:
                    future.set_exception(RuntimeError("the workers are closed"))
                    continue
                self._running += 1
            try:
                process = self._ask(process, do, args, future)
            finally:
                with self._turns:
                    self._running -= 1
                    self._turns.notify_all()

    def _ask(self, process: subprocess.Popen[str] | None, do: str, args: dict[str, Any],
             future: Future[Answer]) -> subprocess.Popen[str] | None:
        """One file from this worker's process (started again if it died); the process to use next."""
        if not future.set_running_or_notify_cancel():
            return process
        try:
            if process is None or process.poll() is not None:
                process = self._start()
            assert process.stdin is not None and process.stdout is not None
            process.stdin.write(json.dumps({"do": do, "args": args}) + "\n")
            process.stdin.flush()
            line = process.stdout.readline()
            if not line:
                raise RuntimeError(f"the worker stopped (exit status {process.wait()})")
            answer = json.loads(line)
            if "failed" in answer:
                raise RuntimeError(answer["failed"])
            future.set_result(answer["error"])
        except (OSError, ValueError, RuntimeError) as exc:
            if process is not None and process.poll() is not None:
                process = None
            future.set_exception(RuntimeError(f"could not make {args.get('out', do)}: {exc}"))
        return process


_POOL: Workers | None = None
_LOCK = threading.Lock()


def pool() -> Workers:
    """The workers, started now if they are not yet (a build starts them first, while it reads the content)."""
    global _POOL
    with _LOCK:
        if _POOL is None or _POOL._closed:
            _POOL = Workers(COUNT)
        return _POOL
