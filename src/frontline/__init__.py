"""frontline: a reproducible replication of the 2012 USC Annenberg MetroPCS claim.

Stages (one module each): :mod:`simulate` (ad corpus with planted truth), :mod:`extract`
(obfuscation-aware phone-number extraction), :mod:`privacy` (keyed hashing), :mod:`numbering`
(NANP block and code holders), :mod:`attribute` (carrier and brand attribution), :mod:`compare`
(market-share tests), :mod:`figures` and :mod:`paper`.
"""

__version__ = "0.1.0"
