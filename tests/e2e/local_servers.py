"""For tests that start a server of their own: a free port to start it on, and whether it left anything behind."""

import os
import socket


def free_port() -> int:
    """A localhost TCP port nothing listens on right now (a server start is retried if it is taken meanwhile)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def group_alive(group: int) -> bool:
    """Whether any process of the process group is left (zombies of reaped children excluded)."""
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True
