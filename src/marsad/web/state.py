"""What the app shares between requests: one store behind a lock, and the security headers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.errors import MarsadError
from marsad.store import Store, open_store

CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; " \
      "form-action 'self'; frame-ancestors 'none'"
# FastAPI's /docs page loads Swagger UI from a CDN and starts it with an inline script; it shows
# no article content, so it alone gets a looser policy.
DOCS_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; " \
           "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; " \
           "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
DOCS_PATHS = ("/docs", "/redoc")


class StoreHolder:
    """One store per app, opened on first use; the lock serialises access to its connection."""

    def __init__(self, db: str, must_exist: bool = True) -> None:
        if must_exist and not db.startswith(("postgresql://", "postgres://")) and not Path(db).exists():
            raise MarsadError(f"no store at {db}: run `marsad ingest --db {db} ...` first")
        self.db = db
        self._store: Store | None = None
        self._lock = threading.Lock()

    @contextmanager
    def use(self) -> Iterator[Store]:
        with self._lock:
            if self._store is None:
                self._store = open_store(self.db)
            yield self._store

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None


@contextmanager
def store_of(request: Request) -> Iterator[Store]:
    """`with store_of(request) as store:` inside a (sync) endpoint."""
    holder: StoreHolder = request.app.state.stores
    with holder.use() as store:
        yield store


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware) adding CSP and friends."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_CSP if scope.get("path", "").startswith(DOCS_PATHS) else CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[Any] = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", policy.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
