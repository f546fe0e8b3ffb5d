"""Hostile .pt2 archives, non-regular files and absurd sizes: refused before anything runs.

Every hostile archive is built from a clean ``torch.export.save`` of a tiny model by rewriting
its members the way torch 2.13's loader reads them. ``test_the_payloads_are_live`` proves, in a
separate process, that plain ``torch.export.load`` (and building and running the module) really
runs each payload: the refusals below would fail if the check went away.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import re
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import torch
from torch import nn

from quantgui.core.errors import DataError, ModelError
from quantgui.core.limits import check_allocation, check_regular_file
from quantgui.core.pt2_safety import check_pt2
from quantgui.core.sources import load_model_file, parse_shape

GiB = 1 << 30


class Tiny(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.fc = nn.Linear(4, 3)
        self.register_buffer("offset", torch.ones(3))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # the literal tensor becomes a lifted constant (data/constants/tensor_0)
        return torch.relu(self.fc(x)) + self.offset + torch.tensor([1.0, 2.0, 3.0])


class Marker:
    """Unpickling this creates ``path``: proof that code from the file ran."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)

    def __reduce__(self):
        return (open, (self.path, "w"))


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("clean") / "tiny.pt2"
    torch.manual_seed(0)
    program = torch.export.export(Tiny().eval(), (torch.randn(2, 4),),
                                  dynamic_shapes=({0: torch.export.Dim("batch")},))
    torch.export.save(program, path)
    return path


def rewrite(source: Path, target: Path,
            edit: Callable[[str, bytes], list[tuple[str, bytes]]],
            extra: list[tuple[str, bytes]] = ()) -> Path:
    """Copy ``source`` member by member through ``edit(name_without_prefix, data)``."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        prefix = src.namelist()[0].split("/", 1)[0]
        for info in src.infolist():
            tail = info.filename.split("/", 1)[1]
            for name, data in edit(tail, src.read(info.filename)):
                out.writestr(f"{prefix}/{name}" if not name.startswith("/") else name[1:], data)
        for name, data in extra:
            out.writestr(f"{prefix}/{name}" if not name.startswith("/") else name[1:], data)
    return target


def saved(obj: object) -> bytes:
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    return buffer.getvalue()


def edit_json(name: str, change: Callable[[dict], None]) -> Callable[[str, bytes], list]:
    def edit(tail: str, data: bytes) -> list[tuple[str, bytes]]:
        if tail == name:
            document = json.loads(data)
            change(document)
            data = json.dumps(document).encode()
        return [(tail, data)]
    return edit


def _pickled_weight(marker: Path) -> Callable:
    def edit(tail: str, data: bytes) -> list:
        if tail == "data/weights/model_weights_config.json":
            document = json.loads(data)
            document["config"]["fc.weight"]["use_pickle"] = True
            data = json.dumps(document).encode()
        elif tail == "data/weights/weight_0":
            data = saved(Marker(marker))
        return [(tail, data)]
    return edit


def _pickled_constant(marker: Path) -> Callable:
    def edit(tail: str, data: bytes) -> list:
        if tail == "data/constants/model_constants_config.json":
            document = json.loads(data)
            next(iter(document["config"].values()))["use_pickle"] = True
            data = json.dumps(document).encode()
        elif tail == "data/constants/tensor_0":
            data = saved(Marker(marker))
        return [(tail, data)]
    return edit


def _object_constant(prefix: str, marker: Path) -> Callable:
    def edit(tail: str, data: bytes) -> list:
        if tail == "data/constants/model_constants_config.json":
            document = json.loads(data)
            document["config"]["evil"] = {"path_name": f"{prefix}0", "is_param": False,
                                          "use_pickle": True, "tensor_meta": None}
            data = json.dumps(document).encode()
            return [(tail, data), (f"data/constants/{prefix}0", pickle.dumps(Marker(marker)))]
        return [(tail, data)]
    return edit


def _sample_inputs(marker: Path) -> Callable:
    def edit(tail: str, data: bytes) -> list:
        if tail == "data/sample_inputs/model.pt":
            data = saved(((torch.randn(2, 4),), {"evil": Marker(marker)}))
        return [(tail, data)]
    return edit


def _legacy_weights(marker: Path) -> Callable:
    def edit(tail: str, data: bytes) -> list:
        if tail == "data/weights/model_weights_config.json":
            return [(tail, data), ("data/weights/model.pt", saved({"fc.weight": Marker(marker)}))]
        return [(tail, data)]
    return edit


def _sympify(marker: Path) -> Callable:
    def change(document: dict) -> None:
        text = json.dumps(document)
        payload = f"Symbol('s77', positive=True, integer=True) if open({str(marker)!r}, 'w') " \
                  "else 0"
        document.clear()
        document.update(json.loads(re.sub(r'"expr_str": "[^"]*"',
                                          lambda _: f'"expr_str": {json.dumps(payload)}', text)))
    return edit_json("models/model.json", change)


def _guards(marker: Path) -> Callable:
    def change(document: dict) -> None:
        document["guards_code"] = [f"open({str(marker)!r}, 'w') is not None"]
    return edit_json("models/model.json", change)


def _target(marker: Path) -> Callable:
    def change(document: dict) -> None:
        for node in document["graph_module"]["graph"]["nodes"]:
            if node["target"] == "torch.ops.aten.relu.default":
                node["target"] = "torch.os.system"
    return edit_json("models/model.json", change)


def _node_name(marker: Path) -> Callable:
    def change(document: dict) -> None:
        node = next(n for n in document["graph_module"]["graph"]["nodes"]
                    if n["target"] == "torch.ops.aten.relu.default")
        node["outputs"][0]["as_tensor"]["name"] = f"_ = open({str(marker)!r}, 'w'); relu"
    return edit_json("models/model.json", change)


def _aoti(marker: Path) -> Callable:
    def edit(tail: str, data: bytes) -> list:
        if tail == "archive_format":
            return [(tail, data), ("data/aotinductor/model/model.so", b"\x7fELF" + bytes(60))]
        return [(tail, data)]
    return edit


def _legacy_layout(marker: Path, clean_path: Path) -> Callable:
    """A member outside the archive's folder: torch's reader fails, torch.export.load falls back
    to the pre-2.8 layout and unpickles its serialized_*.pt members."""
    with zipfile.ZipFile(clean_path) as src:
        program = src.read("tiny/models/model.json")
    from torch._export.serde.schema import SCHEMA_VERSION

    def edit(tail: str, data: bytes) -> list:
        if tail == "archive_format":
            return [(tail, data),
                    ("/version", ".".join(map(str, SCHEMA_VERSION)).encode()),
                    ("/serialized_exported_program.json", program),
                    ("/serialized_state_dict.pt", saved({"x": Marker(marker)})),
                    ("/serialized_constants.pt", saved({})),
                    ("/serialized_example_inputs.pt", saved(((), {})))]
        return [(tail, data)]
    return edit


HOSTILE = {
    "pickled weight": (_pickled_weight, "weight 'fc.weight'.*pickled"),
    "pickled constant": (_pickled_constant, "constant .*pickled"),
    "custom object": (lambda m: _object_constant("custom_obj_", m), "custom object"),
    "opaque object": (lambda m: _object_constant("opaque_obj_", m), "pickle.loads"),
    "sample inputs": (_sample_inputs, "sample_inputs/model.pt holds more than tensors"),
    "legacy weights": (_legacy_weights, "data/weights/model.pt holds more than tensors"),
    "sympify": (_sympify, "sympy.sympify"),
    "guards": (_guards, "guards with exec"),
    "node target": (_target, "torch.os.system"),
    "node name": (_node_name, "not a Python identifier"),
    "aotinductor": (_aoti, "AOTInductor"),
}
# Those that run their payload under plain torch (the others are refused on principle).
LIVE = ("pickled weight", "pickled constant", "opaque object", "sample inputs", "legacy weights",
        "sympify", "guards", "legacy layout")


def build(kind: str, clean: Path, folder: Path) -> tuple[Path, Path]:
    marker = folder / f"marker-{kind.replace(' ', '-')}"
    target = folder / f"{kind.replace(' ', '-')}.pt2"
    if kind == "legacy layout":
        rewrite(clean, target, _legacy_layout(marker, clean))
    else:
        rewrite(clean, target, HOSTILE[kind][0](marker))
    return target, marker


@pytest.mark.parametrize("kind", [*HOSTILE, "legacy layout"])
def test_hostile_archive_refused_through_the_core(kind, clean, tmp_path):
    path, marker = build(kind, clean, tmp_path)
    expected = HOSTILE[kind][1] if kind in HOSTILE else "outside its folder"
    with pytest.raises(ModelError, match=expected) as caught:
        load_model_file(str(path))
    assert not marker.exists()
    assert caught.value.hint  # says what to do
    assert path.name in caught.value.message


@pytest.mark.slow
def test_the_payloads_are_live(clean, tmp_path):
    """Plain torch runs every LIVE payload: without the check, the tests above would fail."""
    built = {kind: build(kind, clean, tmp_path) for kind in LIVE}
    script = textwrap.dedent("""
        import sys, warnings, logging, torch
        warnings.simplefilter("ignore")
        logging.disable(logging.CRITICAL)
        sys.path.insert(0, sys.argv[1])
        from test_pt2_safety import Marker  # the payload class, for pickles that name it
        for path in sys.argv[2:]:
            try:
                program = torch.export.load(path)
                program.module()(torch.randn(2, 4))
            except BaseException:
                pass
    """)
    subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent),
                    *(str(path) for path, _ in built.values())],
                   check=True, timeout=300, capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})
    dead = [kind for kind, (_, marker) in built.items() if not marker.exists()]
    assert not dead, f"these payloads did not run under plain torch: {dead}"


def test_hostile_archive_refused_through_the_cli(clean, tmp_path, capsys):
    from quantgui.cli import main

    for kind in ("pickled weight", "sympify", "sample inputs"):
        path, marker = build(kind, clean, tmp_path)
        code = main(["quantize", "--model", str(path), "--method", "dynamic",
                     "--no-progress"])
        err = capsys.readouterr().err
        assert code == 2, err
        assert not marker.exists()
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("quantgui-cli: error:"), err
        assert "could run code" in err and "Traceback" not in err


def test_trust_opens_a_pickled_weight_archive_as_a_pickle_would(clean, tmp_path):
    """--trust is the consent for a .pt2 whose weights are pickled, as for a whole pickle."""
    def edit(tail: str, data: bytes) -> list:
        if tail == "data/weights/model_weights_config.json":
            document = json.loads(data)
            document["config"]["fc.weight"]["use_pickle"] = True
            data = json.dumps(document).encode()
        elif tail == "data/weights/weight_0":
            data = saved(torch.nn.Parameter(torch.full((3, 4), 0.5)))
        return [(tail, data)]

    path = rewrite(clean, tmp_path / "pickled.pt2", edit)
    with pytest.raises(ModelError, match="--trust"):
        load_model_file(str(path))
    loaded = load_model_file(str(path), trust=True)
    assert torch.equal(loaded.model.fc.weight, torch.full((3, 4), 0.5))


def test_clean_archive_loads_and_quantizes(clean):
    from quantgui.core.events import drive
    from quantgui.core.pipeline import run
    from quantgui.core.recipes import recipe_for
    from quantgui.core.sources import open_user_model

    assert check_pt2(clean).risks == []
    loaded = open_user_model(str(clean), method="dynamic")
    result = drive(run(loaded, recipe_for("dynamic", threads=1, batch_size=16)))
    assert {layer.name: layer for layer in result.layers}["fc"].quantized


def test_demo_and_test_models_pass_the_check(tmp_path):
    """No false alarms on real programs: convolutions, batch norm, dynamic batch, gelu."""
    class Conv(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv, self.bn = nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4)
            self.fc = nn.Linear(4 * 6 * 6, 2)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            y = torch.relu(self.bn(self.conv(x))).flatten(1)
            return nn.functional.gelu(self.fc(y), approximate="tanh") * x.shape[0]

    for name, dynamic in (("fixed", None), ("dynamic", ({0: torch.export.Dim("batch")},))):
        path = tmp_path / f"{name}.pt2"
        torch.export.save(torch.export.export(Conv().eval(), (torch.randn(3, 3, 8, 8),),
                                              dynamic_shapes=dynamic), path)
        assert check_pt2(path).risks == []


# ----------------------------------------------------------------------------- size bombs

def _deflated_member(clean: Path, target: Path, inflated: int) -> Path:
    """The weight member replaced by ``inflated`` bytes of zeros, deflated (about 1000x)."""
    def edit(tail: str, data: bytes) -> list:
        return [] if tail == "data/weights/weight_0" else [(tail, data)]

    rewrite(clean, target, edit)
    with zipfile.ZipFile(target, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as out, \
            out.open("tiny/data/weights/weight_0", "w", force_zip64=True) as member:
        chunk = bytes(16 << 20)
        for _ in range(inflated // len(chunk)):
            member.write(chunk)
    return target


@pytest.mark.slow
def test_zip_bomb_refused_before_it_inflates(clean, tmp_path):
    path = _deflated_member(clean, tmp_path / "bomb.pt2", GiB)
    assert path.stat().st_size < 2 << 20  # about 1 MiB on disk: 1000 times smaller
    script = textwrap.dedent("""
        import resource, sys
        from quantgui.core.errors import ModelError
        from quantgui.core.sources import load_model_file
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            load_model_file(sys.argv[1])
        except ModelError as error:
            print(error.message)
        print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
    """)
    out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True,
                         text=True, timeout=300, check=True).stdout.splitlines()
    assert "decompression bomb" in out[0] and "1.0 GiB" in out[0], out
    assert int(out[-1]) < 200, f"{out[-1]} MiB more memory used: the member was inflated"


def test_declared_size_beyond_memory_refused(clean, tmp_path):
    """A member that inflates within the ratio but beyond the memory available."""
    path = _deflated_member(clean, tmp_path / "big.pt2", 64 << 20)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("tiny/data/weights/weight_0")
    assert info.file_size == 64 << 20
    with pytest.raises(ModelError, match="decompression bomb|more than the") as caught:
        load_model_file(str(path), memory=lambda: 32 << 20)
    assert "MiB" in caught.value.message


def test_empty_record_declaring_a_huge_tensor_refused(clean, tmp_path):
    """torch.zeros(sizes) for an empty weight record: the sizes come from the JSON config."""
    def edit(tail: str, data: bytes) -> list:
        if tail == "data/weights/weight_0":
            return [(tail, b"")]
        if tail == "data/weights/model_weights_config.json":
            document = json.loads(data)
            document["config"]["fc.weight"]["tensor_meta"]["sizes"] = [
                {"as_int": 1_000_000}, {"as_int": 1_000_000}]
            data = json.dumps(document).encode()
        return [(tail, data)]

    path = rewrite(clean, tmp_path / "zeros.pt2", edit)
    with pytest.raises(ModelError, match=r"would need 3\.6 TiB"):
        load_model_file(str(path), memory=lambda: 8 * GiB)


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_duplicate_member_names_refused(clean, tmp_path):
    def edit(tail: str, data: bytes) -> list:
        return [(tail, data), (tail, data)] if tail == "archive_format" else [(tail, data)]

    path = rewrite(clean, tmp_path / "dup.pt2", edit)
    with pytest.raises(ModelError, match="two members named"):
        load_model_file(str(path))


def test_corrupt_archive_is_one_clear_error_without_torch_logs(clean, tmp_path, capfd):
    data = bytearray(clean.read_bytes())
    start = data.index(b'{"graph_module"')
    data[start:start + 40] = b"x" * 40  # the program's JSON no longer parses
    path = tmp_path / "corrupt.pt2"
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError) as caught:
        load_model_file(str(path))
    assert caught.value.hint
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err + captured.out


def test_truncated_json_inside_is_not_a_crash(clean, tmp_path, capfd):
    path = rewrite(clean, tmp_path / "cut.pt2",
                   lambda tail, data: [(tail, data[:len(data) // 2])
                                       if tail == "models/model.json" else (tail, data)])
    with pytest.raises(ModelError, match="not valid JSON"):
        load_model_file(str(path))
    assert "Traceback" not in capfd.readouterr().err


# ----------------------------------------------------------------------------- limits

def test_absurd_input_shape_refused_with_its_size(clean, capsys):
    from quantgui.cli import main

    with pytest.raises(ModelError, match=r"3\.6 TiB") as caught:
        parse_shape("1000000,1000000")
    assert "--input-shape" in caught.value.message and caught.value.hint
    code = main(["quantize", "--model", str(clean), "--method", "dynamic",
                 "--input-shape", "1000000,1000000"])
    err = capsys.readouterr().err
    assert code == 2 and "3.6 TiB" in err and len(err.strip().splitlines()) == 1, err


def test_random_data_refused_before_allocation():
    from quantgui.core.datasets import random_data

    with pytest.raises(DataError, match=r"random data \(256 samples.*GiB"):
        random_data((1000, 1000, 100))  # 95 GiB; the test machine has less
    assert random_data((4,)).train_inputs.shape[1:] == (4,)


def test_check_allocation_names_bytes_and_memory():
    with pytest.raises(ModelError, match=r"2\.0 GiB \(2,147,483,648 bytes\).*1\.0 GiB"):
        check_allocation(2 * GiB, "test tensor", memory=lambda: GiB)
    check_allocation(GiB, "test tensor", memory=lambda: 2 * GiB)
    check_allocation(GiB, "test tensor", memory=lambda: None)  # unknown: not refused


def test_fifo_and_devices_refused_without_opening(tmp_path):
    fifo = tmp_path / "model.pt2"
    os.mkfifo(fifo)  # opening it for reading would block until a writer comes: never here
    for path, kind in ((fifo, "named pipe"), (Path("/dev/zero"), "character device"),
                       (tmp_path, "directory")):
        with pytest.raises(ModelError, match=kind):
            check_regular_file(path, "model file")
        with pytest.raises(ModelError, match=kind):
            load_model_file(str(path))
    with pytest.raises(ModelError, match="weights file /dev/zero is a character device"):
        load_model_file(f"{_tiny_py(tmp_path)}:Tiny:/dev/zero")


def _tiny_py(folder: Path) -> Path:
    path = folder / "tiny.py"
    path.write_text("from torch import nn\n\nclass Tiny(nn.Linear):\n"
                    "    def __init__(self):\n        super().__init__(4, 3)\n")
    return path


def test_limits_does_not_import_torch_or_qt():
    code = ("import sys, quantgui.core.limits; "
            "print(any(m.split('.')[0] in ('torch', 'PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout.strip()
    assert out == "False"


# ----------------------------------------------------------------------------- recipes

def _recipe_args(tmp_path: Path, model: str, *flags: str):
    """The CLI's own parsing of `quantize --recipe r.json`, up to opening the model."""
    from quantgui.cli import _recipe_settings, build_parser

    recipe = tmp_path / "shared.json"
    recipe.write_text(json.dumps({"method": "dynamic", "model": model}))
    args = build_parser().parse_args(["quantize", "--recipe", str(recipe), *flags])
    _recipe_settings(args)
    return args


def test_recipe_naming_python_or_pickle_is_refused(tmp_path, capsys):
    from quantgui.cli import load_model, main

    marker = tmp_path / "imported"
    evil_py = tmp_path / "evil.py"
    evil_py.write_text(f"open({str(marker)!r}, 'w')\nfrom torch import nn\n"
                       "class Tiny(nn.Linear):\n    def __init__(self):\n"
                       "        super().__init__(4, 3)\n")
    pickled = tmp_path / "whole.pt"
    torch.save(Marker(marker), pickled)
    for model, flags in ((f"{evil_py}:Tiny", ()), (f"python:{evil_py}:Tiny", ()),
                         (str(pickled), ("--trust",)), (f"pickle:{pickled}", ())):
        recipe = tmp_path / "shared.json"
        recipe.write_text(json.dumps({"method": "dynamic", "model": model}))
        code = main(["quantize", "--recipe", str(recipe), "--input-shape", "4", *flags])
        err = capsys.readouterr().err
        assert code == 2, err
        assert "A recipe cannot consent" in err and "--model" in err, err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert not marker.exists()
    # The same file given by the user with --model is opened: the refusal is the recipe's.
    args = _recipe_args(tmp_path, "demo:seed-linear", "--model", f"{evil_py}:Tiny",
                        "--input-shape", "4")
    load_model(args.model, args)
    assert marker.exists()


def test_recipe_naming_a_demo_or_a_clean_program_is_fine(clean, tmp_path):
    from quantgui.cli import _recipe_model

    args = _recipe_args(tmp_path, f"export:{clean}")
    assert args.model_from_recipe and _recipe_model(args.model, args) == str(clean)
    args = _recipe_args(tmp_path, "demo:seed-linear")
    assert args.model == "demo:seed-linear"


def test_recipe_never_passes_trust_to_a_hostile_program(clean, tmp_path):
    from quantgui.cli import load_model

    path, marker = build("pickled weight", clean, tmp_path)
    args = _recipe_args(tmp_path, str(path), "--trust")
    with pytest.raises(ModelError, match="could run code"):
        load_model(args.model, args)
    assert not marker.exists()
