"""Dependencies shared by the routes."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from cypher.store import GraphStore


def get_store(request: Request) -> GraphStore:
    return request.app.state.store


StoreDep = Annotated[GraphStore, Depends(get_store)]
