"""Checks of the configuration that a JSON schema cannot express (run after schema validation)."""

from __future__ import annotations

import datetime as dt


class ConfigError(ValueError):
    """The configuration is valid against the schema but inconsistent."""


def check(config: dict) -> None:
    """Raise :class:`ConfigError` naming the key when the configuration is inconsistent."""
    regions = config.get("regions", {})
    primary = config.get("paper", {}).get("primary_region")
    if primary not in regions:
        raise ConfigError(f"config: paper.primary_region '{primary}' is not a configured region; "
                          f"choose one of {sorted(regions)}")
    for name, region in regions.items():
        if not region.get("area_codes"):
            raise ConfigError(f"config: regions.{name}.area_codes is empty; give the region's area codes")
        sim = region.get("ads", {}).get("simulate")
        if sim:
            start, end = (dt.date.fromisoformat(str(sim[k])) for k in ("start", "end"))
            if start > end:
                raise ConfigError(f"config: regions.{name}.ads.simulate.start ({start}) is after end ({end})")
