"""Shared pytest settings: the hypothesis profiles for the property tests."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# CI runs every property test with 1,000 examples; a developer's run uses fewer, to stay
# quick. HYPOTHESIS_PROFILE=ci locally reproduces CI's run.
settings.register_profile(
    "ci", max_examples=1000, deadline=None, print_blob=True, suppress_health_check=(HealthCheck.too_slow,)
)
settings.register_profile("dev", max_examples=150, deadline=None, suppress_health_check=(HealthCheck.too_slow,))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))
