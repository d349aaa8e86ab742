"""What every screen needs, passed explicitly (there is no global app instance).

Two parts, kept apart so that a window can show something other than one signed-in
learner (a workshop screen, a projector):

- `Services`: the app's, one per process: the data folder, the database worker, the
  network runner, the change hub, and the core objects opened on the worker.
- `Session`: one window's: who is signed in (in which role), the interface language
  and the text size.

`AppContext` pairs them for the screens of one window; `ctx.library`, `ctx.profile`
and the like read through to the part that holds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kit.core.errors import KitError
from kit.core.paths import DataDir
from kit.i18n import _
from kit.ui.changes import Changes
from kit.ui.runners.worker import Worker

if TYPE_CHECKING:  # the core is imported on the worker thread, not at start-up
    from kit.core.library import Library
    from kit.core.portable.health import PortableRun
    from kit.core.records import Profile, Records
    from kit.ui.runners.network import NetworkRunner, PreviewRunner


@dataclass
class Services:
    """The app's services. Core objects (library, records) are used only inside work run
    on `worker`, never directly from the GUI thread; catalogs and downloads run on
    `network` (made when first needed)."""

    data: DataDir
    worker: Worker
    changes: Changes = field(default_factory=Changes)
    library: Library | None = None  # opened on the worker thread (kit.ui.operations.core)
    records: Records | None = None  # likewise
    portable: PortableRun | None = None  # a run on a USB stick (kit.core.portable.health)
    _network: NetworkRunner | None = None
    _preview: PreviewRunner | None = None

    @property
    def network(self) -> NetworkRunner:
        if self._network is None:
            from kit.ui.runners.network import NetworkRunner

            self._network = NetworkRunner()
        return self._network

    def stop_network(self, timeout: float = 2.0) -> None:
        if self._network is not None:
            self._network.stop(timeout)
            self._network = None

    @property
    def preview(self) -> PreviewRunner:
        """Trainer mode's preview thread (made when the first preview is asked for)."""
        if self._preview is None:
            from kit.ui.runners.network import PreviewRunner

            self._preview = PreviewRunner()
        return self._preview

    def stop_preview(self) -> None:
        if self._preview is not None:
            self._preview.stop()  # waits up to 2 s for a render under way
            self._preview = None


@dataclass
class Session:
    """Who is using one window, in which language and text size."""

    profile: Profile | None = None  # the signed-in profile, or None
    language: str = "en"
    text_scale: float = 1.0
    content_language: str = ""  # the language packs are read in; "" = `language`

    @property
    def profile_id(self) -> str | None:
        return self.profile.id if self.profile is not None else None

    @property
    def is_facilitator(self) -> bool:
        return bool(self.profile is not None and self.profile.is_facilitator)


class AppContext:
    """The services and one window's session, as the screens of that window see them."""

    def __init__(
        self,
        data: DataDir | None = None,
        worker: Worker | None = None,
        *,
        services: Services | None = None,
        session: Session | None = None,
    ) -> None:
        if services is None:
            if data is None or worker is None:
                raise TypeError("AppContext needs services, or a data folder and a worker")
            services = Services(data, worker)
        self.services = services
        self.session = session or Session()

    # -- the services ------------------------------------------------------------------
    @property
    def data(self) -> DataDir:
        return self.services.data

    @property
    def worker(self) -> Worker:
        return self.services.worker

    @property
    def changes(self) -> Changes:
        return self.services.changes

    @property
    def opened(self) -> bool:
        """Whether the core objects are open (kit.ui.operations.core.open_core)."""
        return self.services.library is not None and self.services.records is not None

    @property
    def library(self) -> Library:
        """The library, for work on the worker once the core is open."""
        if self.services.library is None:
            raise KitError(_("The library is not open (yet)."))
        return self.services.library

    @library.setter
    def library(self, value: Library | None) -> None:
        self.services.library = value

    @property
    def records(self) -> Records:
        """The learners' records, for work on the worker once the core is open."""
        if self.services.records is None:
            raise KitError(_("The learners' records are not open (yet)."))
        return self.services.records

    @records.setter
    def records(self, value: Records | None) -> None:
        self.services.records = value

    @property
    def learner_id(self) -> str:
        """The signed-in profile's id, for work that writes a learner's records."""
        if self.session.profile is None:
            raise KitError(_("Nobody is signed in."))
        return self.session.profile.id

    # -- the session -------------------------------------------------------------------
    @property
    def profile(self) -> Profile | None:
        return self.session.profile

    @profile.setter
    def profile(self, value: Profile | None) -> None:
        self.session.profile = value

    @property
    def profile_id(self) -> str | None:
        return self.session.profile_id

    @property
    def language(self) -> str:
        return self.session.language

    @language.setter
    def language(self, value: str) -> None:
        self.session.language = value

    @property
    def content_language(self) -> str:
        """The language to read packs in: the one chosen in Settings, else the interface's."""
        return self.session.content_language or self.session.language

    @content_language.setter
    def content_language(self, value: str) -> None:
        self.session.content_language = value

    @property
    def text_scale(self) -> float:
        return self.session.text_scale

    @text_scale.setter
    def text_scale(self, value: float) -> None:
        self.session.text_scale = value
