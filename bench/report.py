"""The benchmark's figures as a table a person reads: each figure, its target, PASS or MISS."""

from dataclasses import dataclass

MIB = 1 << 20
GIB = 1 << 30


@dataclass(frozen=True)
class Check:
    """One line of the summary: ``passed`` is None for a figure that has no target (shown as INFO)."""

    figure: str
    measured: str
    target: str
    passed: bool | None

    @property
    def result(self) -> str:
        return "INFO" if self.passed is None else "PASS" if self.passed else "MISS"

    def figures(self) -> dict:
        return {"figure": self.figure, "measured": self.measured, "target": self.target, "result": self.result}


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A plain fixed-width table, left-aligned, with a rule under the header."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    lines = [
        "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [headers, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def checks_table(checks: list[Check]) -> str:
    return table(
        ["figure", "measured", "target", "result"], [[c.figure, c.measured, c.target, c.result] for c in checks]
    )


def mib(size: float) -> str:
    return f"{size / MIB:,.0f} MiB"
