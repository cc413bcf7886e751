"""Scripted REST failures: make the next N calls to a route answer 429 or 5xx.

A 429 carries what discord.py checks before it retries: a JSON body with ``retry_after``
and a ``Via`` header (without it discord.py assumes a Cloudflare ban and raises), plus the
``X-RateLimit-*`` headers Discord sends.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import logging
import math
import time
from dataclasses import dataclass, field

from aiohttp import web

from .payloads import error_payload

log = logging.getLogger(__name__)


@dataclass(eq=False)
class Fault:
    """A pending failure for requests whose method and API path match."""

    method: str
    pattern: str
    status: int
    remaining: int
    retry_after: float
    is_global: bool
    hits: list[str] = field(default_factory=list)

    def matches(self, method: str, path: str) -> bool:
        """Glob match on the path below /api/v10 (``*`` also matches ``/``)."""
        return (self.method in ("*", method.upper())) and fnmatch.fnmatchcase(path, self.pattern)

    @property
    def exhausted(self) -> bool:
        """Whether every scripted failure has been served."""
        return self.remaining <= 0


class FaultPlan:
    """Ordered list of scripted failures; the first matching, unexhausted one wins."""

    def __init__(self) -> None:
        self.faults: list[Fault] = []

    def add(
        self,
        method: str,
        pattern: str,
        *,
        status: int,
        count: int,
        retry_after: float,
        is_global: bool,
    ) -> Fault:
        """Script ``count`` failures with ``status`` for matching requests."""
        if status != 429 and status < 500:
            raise ValueError("only 429 and 5xx faults are supported")
        fault = Fault(method.upper(), pattern, status, count, retry_after, is_global)
        self.faults.append(fault)
        return fault

    def take(self, method: str, path: str) -> Fault | None:
        """Consume one failure for this request, if any is scripted."""
        for fault in self.faults:
            if not fault.exhausted and fault.matches(method, path):
                fault.remaining -= 1
                fault.hits.append(path)
                return fault
        return None


def fault_response(fault: Fault, route: str) -> web.Response:
    """The HTTP response for one scripted failure."""
    if fault.status == 429:
        body = {
            "message": "You are being rate limited.",
            "retry_after": fault.retry_after,
            "global": fault.is_global,
            "code": 0,
        }
        headers = {
            "Content-Type": "application/json",
            "Via": "1.1 google",
            "Retry-After": str(max(1, math.ceil(fault.retry_after))),
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": f"{time.time() + fault.retry_after:.3f}",
            "X-RateLimit-Reset-After": f"{fault.retry_after:.3f}",
            "X-RateLimit-Bucket": hashlib.sha1(route.encode()).hexdigest()[:32],
            "X-RateLimit-Scope": "global" if fault.is_global else "user",
        }
        if fault.is_global:
            headers["X-RateLimit-Global"] = "true"
    else:
        body = error_payload(0, f"{fault.status}: Internal Server Error")
        headers = {"Content-Type": "application/json", "Via": "1.1 google"}
    log.info("injecting %d for %s", fault.status, route)
    return web.Response(status=fault.status, body=json.dumps(body).encode(), headers=headers)
