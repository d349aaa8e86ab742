"""The licences a pack may carry, explained for a trainer, and which a remix may take.

pack.yaml's `license` is any SPDX expression (docs/pack-format.md section 2; the validator
checks kit.core.packformat.fields.SPDX_RE). The form offers the licences below, each with a
plain explanation; any other SPDX expression typed by hand is kept and shown as "other".
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.core.packformat.fields import SPDX_RE
from kit.i18n import N_, _


@dataclass(frozen=True)
class Licence:
    spdx: str  # the value written to pack.yaml
    name: str  # N_()-marked
    explanation: str  # N_()-marked, one or two sentences for a trainer
    remix: bool  # others may change it and share their version
    commercial: bool  # others may use it to make money
    share_alike: bool  # changed versions must carry the same licence
    attribution: bool = True  # others must credit the authors

    def shown_name(self) -> str:
        return _(self.name)

    def shown_explanation(self) -> str:
        return _(self.explanation)


LICENCES: tuple[Licence, ...] = (
    Licence(
        "CC-BY-SA-4.0",
        N_("Creative Commons Attribution-ShareAlike 4.0"),
        N_(
            "Anyone may copy, change and share this pack, also for money, if they credit you "
            "and share their changed version under this same licence. Wikipedia uses it."
        ),
        remix=True,
        commercial=True,
        share_alike=True,
    ),
    Licence(
        "CC-BY-4.0",
        N_("Creative Commons Attribution 4.0"),
        N_(
            "Anyone may copy, change and share this pack, also for money, as long as they "
            "credit you. Their changed version may carry another licence."
        ),
        remix=True,
        commercial=True,
        share_alike=False,
    ),
    Licence(
        "CC0-1.0",
        N_("Public domain (CC0 1.0)"),
        N_(
            "You give up your rights: anyone may do anything with this pack, "
            "without even naming you."
        ),
        remix=True,
        commercial=True,
        share_alike=False,
        attribution=False,
    ),
    Licence(
        "CC-BY-NC-4.0",
        N_("Creative Commons Attribution-NonCommercial 4.0"),
        N_(
            "Anyone may copy, change and share this pack if they credit you, "
            "but not to make money with it."
        ),
        remix=True,
        commercial=False,
        share_alike=False,
    ),
    Licence(
        "CC-BY-NC-SA-4.0",
        N_("Creative Commons Attribution-NonCommercial-ShareAlike 4.0"),
        N_(
            "Anyone may copy, change and share this pack if they credit you, do not make "
            "money with it and share their changed version under this same licence."
        ),
        remix=True,
        commercial=False,
        share_alike=True,
    ),
    Licence(
        "CC-BY-ND-4.0",
        N_("Creative Commons Attribution-NoDerivatives 4.0"),
        N_(
            "Anyone may share this pack as it is, also for money, if they credit you; "
            "nobody may share a changed version."
        ),
        remix=False,
        commercial=True,
        share_alike=False,
    ),
    Licence(
        "CC-BY-NC-ND-4.0",
        N_("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0"),
        N_(
            "Anyone may share this pack as it is if they credit you and do not make money "
            "with it; nobody may share a changed version."
        ),
        remix=False,
        commercial=False,
        share_alike=False,
    ),
    Licence(
        "CC-BY-SA-3.0",
        N_("Creative Commons Attribution-ShareAlike 3.0"),
        N_(
            "The older version of Attribution-ShareAlike: copy, change and share with credit, "
            "under this same licence. Choose 4.0 for a new pack."
        ),
        remix=True,
        commercial=True,
        share_alike=True,
    ),
    Licence(
        "CC-BY-3.0",
        N_("Creative Commons Attribution 3.0"),
        N_(
            "The older version of Attribution: copy, change and share with credit. "
            "Choose 4.0 for a new pack."
        ),
        remix=True,
        commercial=True,
        share_alike=False,
    ),
)
BY_SPDX: dict[str, Licence] = {lic.spdx: lic for lic in LICENCES}
DEFAULT = "CC-BY-SA-4.0"


def licence(spdx: str) -> Licence | None:
    """The known licence with this SPDX id (None for another expression)."""
    return BY_SPDX.get(spdx.strip())


def is_valid(spdx: str) -> bool:
    """Whether the validator accepts this value as a licence."""
    return bool(SPDX_RE.match(spdx.strip()))


def problem(spdx: str) -> str | None:
    """One sentence about a bad licence value, or None."""
    value = spdx.strip()
    if not value:
        return _("Choose a licence: it tells others what they may do with the pack.")
    if not is_valid(value):
        return _("'{value}' is not an SPDX licence id such as CC-BY-SA-4.0.").format(value=value)
    return None


def credit_name(spdx: str) -> str:
    """How a credit line names the licence: 'CC-BY-SA-4.0' -> 'CC BY-SA 4.0'."""
    value = spdx.strip()
    if not value.startswith("CC") or " " in value:
        return value
    head, _sep, version = value.rpartition("-")
    if not head:
        return value
    if head.startswith("CC-"):
        head = "CC " + head.removeprefix("CC-")
    return f"{head} {version}"


def remix_licences(source: str) -> tuple[str, ...]:
    """The licences a remix of a pack under `source` may carry, the source's first.

    Share-alike forces the same licence; no-derivatives allows none; a licence this module
    does not know allows only itself (ask its authors before choosing another).
    """
    src = licence(source)
    if src is None:
        return (source.strip(),) if is_valid(source) else ()
    if not src.remix:
        return ()
    if src.share_alike:
        return (src.spdx,)
    allowed = [src.spdx]
    for other in LICENCES:
        if other.spdx == src.spdx or not other.remix:
            continue
        if src.attribution and not other.attribution:
            continue  # credit must stay: a remix of a BY work cannot be public domain
        if not src.commercial and other.commercial:
            continue  # a non-commercial work stays non-commercial
        allowed.append(other.spdx)
    return tuple(allowed)
