"""Ctrl-C during a batch: the supervisor's SIGINT is a flag, never an exception that can be lost
(auditor/agency/batch.py), and a child is born deaf to it (auditor/agency/supervisor.py).

The whole path (a real batch stopped with SIGINT, resumed) is tests/test_batch_resume.py."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest

from auditor.agency.batch import _StopFlag
from auditor.agency.supervisor import _sigint_blocked


class _DroppedWhileSignalled:
    """An object whose finaliser is running when Ctrl-C arrives (a pool's weakref callback, a
    `__del__`): Python runs the SIGINT handler inside it."""

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)  # the handler runs here, inside the finaliser


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_keyboard_interrupt_raised_in_a_finaliser_is_lost() -> None:
    """The race behind the batch that exited 0 after Ctrl-C: without the flag, the exception is
    printed as "Exception ignored" and dropped."""
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    _DroppedWhileSignalled()  # no KeyboardInterrupt reaches this frame


def test_the_stop_flag_keeps_a_ctrl_c_that_lands_in_a_finaliser() -> None:
    with _StopFlag() as stop:
        assert not stop.set
        _DroppedWhileSignalled()
        assert stop.set
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored


def test_an_ignored_sigint_stays_ignored_and_a_callers_handler_stays() -> None:
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # nohup, a background job
    try:
        with _StopFlag() as stop:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
            assert not stop.set and signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        seen = []
        signal.signal(signal.SIGINT, lambda *_: seen.append(1))
        with _StopFlag() as stop:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
        assert seen == [1] and not stop.set
    finally:
        signal.signal(signal.SIGINT, previous)


def _report_mask(conn) -> None:  # runs in the spawn child
    with open("/proc/self/status") as handle:
        blocked = next(line.split()[1] for line in handle if line.startswith("SigBlk:"))
    conn.send(int(blocked, 16))
    conn.close()


def test_a_child_is_born_with_sigint_blocked_and_the_parents_mask_comes_back() -> None:
    ctx = multiprocessing.get_context("spawn")
    parent_end, child_end = ctx.Pipe()
    process = ctx.Process(target=_report_mask, args=(child_end,))
    with _sigint_blocked():
        process.start()
        assert signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, set())
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())
    assert parent_end.poll(60)
    mask = parent_end.recv()
    process.join(30)
    assert mask & (1 << (signal.SIGINT - 1)), hex(mask)
    assert process.exitcode == 0
