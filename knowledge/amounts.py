"""Amounts as Japanese readers expect them: 6,615千円（約662万円）.

The table is in 千円; people think in 万円 and 億円, so every amount gets a rounded reading
beside the exact figure. Rounding is half-up, as in Japanese budget documents.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_MAN_PER_OKU = 10_000
_THOUSANDS_PER_MAN = 10


def thousand_yen(amount: int) -> str:
    """5715 -> '5,715千円' (exact, the unit of the data)."""
    return f"{amount:,}千円"


def _round_half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def yen_reading(amount: int) -> str:
    """A rounded 万円/億円 reading of an amount in 千円: 6615 -> '約662万円', 900 -> '90万円'.

    Empty for amounts under 10千円, where a 万円 reading would say less than the figure.
    """
    if abs(amount) < _THOUSANDS_PER_MAN:
        return ""
    exact = amount % _THOUSANDS_PER_MAN == 0
    man = _round_half_up(Decimal(amount) / _THOUSANDS_PER_MAN)
    sign = "-" if man < 0 else ""
    oku, rest = divmod(abs(man), _MAN_PER_OKU)
    if oku and rest:
        text = f"{oku:,}億{rest:,}万円"
    elif oku:
        text = f"{oku:,}億円"
    else:
        text = f"{rest:,}万円"
    return f"{'' if exact else '約'}{sign}{text}"


def amount_text(amount: int) -> str:
    """The figure with its reading: '6,615千円（約662万円）'."""
    reading = yen_reading(amount)
    return f"{thousand_yen(amount)}（{reading}）" if reading else thousand_yen(amount)


def decimal_thousand_yen(value: float) -> str:
    """Means and medians to one decimal: '3,307.5千円', '約3,714千円' when rounded."""
    exact = Decimal(str(value))
    rounded = exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    prefix = "" if rounded == exact else "約"
    if rounded == rounded.to_integral_value():
        return f"{prefix}{int(rounded):,}千円"
    return f"{prefix}{rounded:,.1f}千円"


def tenth(value: Decimal | float) -> Decimal:
    """To one decimal, rounded half up (as Japanese documents round: 6.25 -> 6.3)."""
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def percent_of(part: int, whole: int) -> Decimal:
    """part / whole as a percentage to one decimal, from the exact amounts (1 of 16: 6.3)."""
    return tenth(Decimal(part * 100) / Decimal(whole))
