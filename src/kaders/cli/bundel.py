"""One decorator for option bundles: a command gets several options as one argument."""

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

T = TypeVar("T")


def bundel(
    naam: str | None,
    opties: Mapping[str, tuple[Any, Any]],
    maak: Callable[..., Any] | None = None,
) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Give a command these options (name -> (annotation, default)), handed to it as one
    argument `naam` made by `maak(**values)`; without a name the command never sees them."""

    def versier(functie: Callable[..., T]) -> Callable[..., T]:
        handtekening = inspect.signature(functie, eval_str=True)
        eigen = [p for p in handtekening.parameters.values() if p.name != naam]
        extra = [
            inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=d, annotation=a)
            for n, (a, d) in opties.items()
        ]

        @functools.wraps(functie)
        def omhulsel(*args: Any, **kwargs: Any) -> T:
            waarden = {n: kwargs.pop(n) for n in opties}
            if naam is not None and maak is not None:
                kwargs[naam] = maak(**waarden)
            return functie(*args, **kwargs)

        omhulsel.__signature__ = handtekening.replace(parameters=[*eigen, *extra])  # type: ignore[attr-defined]
        return omhulsel

    return versier
