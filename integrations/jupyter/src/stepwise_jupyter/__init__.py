"""Stepwise's step-by-step algorithm animations in Jupyter (tested in JupyterLab 4 and
Notebook 7): the same player as the page and the ``<stepwise-player>`` element, as an
anywidget.

    from stepwise_jupyter import Player
    player = Player(algorithm="<id>", input="<input text>", previous=True)  # an id: the page's tabs
    player            # shows it; player.step = 3 moves it, stepping in it updates player.step
    player.result     # the algorithm's answer as Python data, once it has been shown

The wasm engine travels inside the package, one module per algorithm: nothing is fetched
from the network, and a notebook receives only the modules of the algorithms it shows.
"""

import json
from pathlib import Path

import anywidget
import traitlets

__all__ = ["Player"]

_STATIC = Path(__file__).parent / "static"
# The algorithms' ids in menu order (the first is the default), as the build wrote them.
_ALGORITHMS = json.loads((_STATIC / "algorithms.json").read_text(encoding="utf-8"))


def _module_files(algorithm):
    """The id, module text and wasm bytes the front end runs ``algorithm`` with ("" and b""
    for an id the package does not know: the element then says which ids it knows)."""
    chosen = algorithm or _ALGORITHMS[0]
    folder = _STATIC / "pkg" / chosen
    if chosen not in _ALGORITHMS or not folder.is_dir():
        return chosen, "", b""
    return (
        chosen,
        (folder / "stepwise.js").read_text(encoding="utf-8"),
        (folder / "stepwise_bg.wasm").read_bytes(),
    )


def _variant(options):
    """Keyword options as the element's variant words: ``previous=True`` is "previous",
    ``method="scan"`` is "method=scan"; false and None are left out. A value with a space or
    an ``=`` in it cannot be written as a word and is refused."""
    words = []
    for key, value in options.items():
        # bool, and numpy's bool_ (not a subclass of bool).
        if isinstance(value, bool) or type(value).__name__ == "bool_":
            if value:
                words.append(key)
            continue
        if value is None:
            continue
        text = str(value)
        if not text or any(character.isspace() or character == "=" for character in text):
            raise ValueError(f"option {key}={text!r}: a value cannot be empty or hold spaces or '='")
        words.append(f"{key}={text}")
    return " ".join(words)


class _Lesson(traitlets.TraitType):
    """Lesson notes, read from any of the forms :func:`_lesson` takes; held as a sorted list
    of ``{"at", "text", "pause"}`` dicts."""

    default_value = []
    info_text = "{step: text}, or a list of (step, text[, pause]) pairs or dicts"

    def make_dynamic_default(self):
        return []

    def validate(self, obj, value):
        return _lesson(value)


class Player(anywidget.AnyWidget):
    """A Stepwise animation: ``Player(algorithm=..., input=..., **options)``.

    ``options`` are the algorithm's options (``previous=True``, ``method="scan"``, ...), the
    same words as the page's links and the element's ``variant`` attribute; the element's
    other attributes are traits (``controls``, ``theme``, ``speed``, ``autoplay``, ``loop``,
    ``height``, ``from_step`` and ``to_step`` for the element's ``from`` and ``to``;
    ``practice=True`` is the element's ``mode="practice"``: ``mode`` is left to the algorithms
    that have such an option). ``notes`` is the lesson: ``{4: "Watch the stack"}``, or
    ``(step, text, pause)`` triples. ``step`` and ``input`` sync both ways; ``length``, ``result`` and
    ``error`` are read from the player once it has been shown.
    """

    _esm = _STATIC / "widget.js"
    _css = """
    .stepwise-widget { max-width: 960px; }
    .stepwise-widget-input { display: flex; align-items: center; gap: 8px; margin-top: 8px;
      font: 13px/1.4 var(--jp-ui-font-family, system-ui, sans-serif); color: var(--jp-ui-font-color1, #1f2933); }
    .stepwise-widget-input input { flex: 1; min-height: 32px; padding: 0 8px; font: 13px var(--jp-code-font-family, monospace);
      border: 1px solid var(--jp-border-color1, #dde2e8); border-radius: 6px;
      background: var(--jp-layout-color0, #fff); color: inherit; }
    .stepwise-widget-input input:focus-visible { outline: 3px solid #e69f00; outline-offset: 1px; }
    """
    # The algorithm's module and the palette, handed to the front end (its module is a blob: it
    # has no URL to find files beside it). They follow `algorithm`.
    _module_algorithm = traitlets.Unicode("").tag(sync=True)
    _module = traitlets.Unicode("").tag(sync=True)
    _wasm = traitlets.Bytes(b"").tag(sync=True)
    _palette = traitlets.Unicode((_STATIC / "palette.css").read_text(encoding="utf-8")).tag(sync=True)

    algorithm = traitlets.Unicode("", help="The registry id; empty: the first registered.").tag(sync=True)
    input = traitlets.Unicode("", help="The input text; empty: the algorithm's example.").tag(sync=True)
    variant = traitlets.Unicode("", help='The options as words, e.g. "previous smaller".').tag(sync=True)
    step = traitlets.Int(0, help="The step shown; setting it moves there.").tag(sync=True)
    controls = traitlets.Enum(["full", "minimal", "none"], "full").tag(sync=True)
    theme = traitlets.Enum(["auto", "light", "dark"], "auto", help="auto: the notebook's.").tag(sync=True)
    speed = traitlets.Float(2.0, help="Steps per second while playing.").tag(sync=True)
    autoplay = traitlets.Bool(False).tag(sync=True)
    loop = traitlets.Bool(False).tag(sync=True)
    practice = traitlets.Bool(False, help="The learner answers before each step plays.").tag(sync=True)
    height = traitlets.Unicode("300px", help="The animation's CSS height.").tag(sync=True)
    from_step = traitlets.Int(None, allow_none=True, help="The first step of a locked range.").tag(sync=True)
    to_step = traitlets.Int(None, allow_none=True, help="The last step of a locked range.").tag(sync=True)
    notes = _Lesson(help="The lesson: {step: text}, (step, text[, pause]) or dicts.").tag(sync=True)

    length = traitlets.Int(0, read_only=True, help="The number of steps (0 until shown).").tag(sync=True)
    result = traitlets.Any(None, read_only=True, help="The run's result as Python data.").tag(sync=True)
    error = traitlets.Unicode("", read_only=True, help="Why the input was refused, if it was.").tag(sync=True)

    def __init__(self, algorithm="", input="", **options):
        traits = {name: options.pop(name) for name in list(options) if name in self._element_traits()}
        if options:
            words = _variant(options)
            traits["variant"] = f"{traits.get('variant', '')} {words}".strip()
        chosen, module, wasm = _module_files(algorithm)
        super().__init__(
            algorithm=algorithm, input=input, _module_algorithm=chosen, _module=module, _wasm=wasm, **traits
        )

    @traitlets.observe("algorithm")
    def _send_module(self, change):
        chosen, module, wasm = _module_files(change["new"])
        with self.hold_sync():
            self._module_algorithm, self._module, self._wasm = chosen, module, wasm

    @classmethod
    def _element_traits(cls):
        return {
            "variant", "step", "controls", "theme", "speed", "autoplay", "loop", "practice",
            "height", "from_step", "to_step", "notes",
        }


def _lesson(notes):
    """Lesson notes as the front end takes them, from ``{step: text}``, ``(step, text)`` or
    ``(step, text, pause)`` pairs, or ``{"at", "text", "pause"}`` dicts; sorted by step. A note
    is text only (never markup) and pauses playback when ``pause`` is true."""
    if isinstance(notes, dict):
        notes = list(notes.items())
    lesson = []
    for index, note in enumerate(notes):
        if isinstance(note, dict):
            at, text, pause = note.get("at"), note.get("text"), note.get("pause", False)
        elif isinstance(note, (tuple, list)) and len(note) in (2, 3):
            at, text, pause = (*note, False)[:3]
        else:
            raise traitlets.TraitError(f"notes[{index}]: expected (step, text) or (step, text, pause), got {note!r}")
        if isinstance(at, bool) or not isinstance(at, int) or at < 0:
            raise traitlets.TraitError(f"notes[{index}]: the step must be a whole number >= 0, not {at!r}")
        if not isinstance(text, str):
            raise traitlets.TraitError(f"notes[{index}]: the text must be a string, not {text!r}")
        lesson.append({"at": at, "text": text, "pause": bool(pause)})
    return sorted(lesson, key=lambda note: note["at"])
