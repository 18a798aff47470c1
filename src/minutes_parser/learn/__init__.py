"""Trained parts of the pipeline: hashed-feature linear models, their bundle file, training."""

from __future__ import annotations

from .bundle import RULES_ONLY, ModelError, Models, default_models, resolve_models
from .linear import HashedLinearModel

__all__ = [
    "RULES_ONLY",
    "HashedLinearModel",
    "ModelError",
    "Models",
    "default_models",
    "resolve_models",
]
