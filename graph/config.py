"""What extraction may be configured with, as one record handed in by the caller.

graph/ reads no environment variables: the CLI and the app build an ``ExtractionConfig`` from
their settings (``guanxi.api.settings``) and ``configure`` it once; a library user may do the
same, or keep the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SHIPPED_MODEL = Path(__file__).parent / "data" / "ner"
SHIPPED_PAIR_MODEL = Path(__file__).parent / "data" / "pairs"


@dataclass(frozen=True)
class ExtractionConfig:
    ner_model: str = str(SHIPPED_MODEL)  # a folder made by `make model`, or a HanLP pretrained model id
    quantize: bool = True  # run the shipped model with int8 weights
    aliases: str = ""  # an alias file whose entries override the shipped table
    torch_threads: int = 1  # torch threads for the NER model
    pair_model: str = str(SHIPPED_PAIR_MODEL)  # the pair classifier: a folder made by `make pairs`; empty: rules only


_active = ExtractionConfig()


def configure(config: ExtractionConfig) -> None:
    """Extract with ``config`` from now on in this process."""
    global _active
    _active = config


def active() -> ExtractionConfig:
    return _active
