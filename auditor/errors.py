"""The errors an audit ends with that the user can act on: one line each, shown without a traceback.

Whatever was crawled stays in the store, also when the audit fails afterwards.
"""

from __future__ import annotations


class AuditError(Exception):
    """A problem the user can fix; the message is one line, shown without a traceback."""


class AuditInterrupted(AuditError):
    """Ctrl-C / SIGTERM during the crawl: the audit is stored as `partial` and can be resumed."""
