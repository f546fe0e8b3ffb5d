"""Issue 10: each bad data file found by fuzzing gets one clear DataError, never a traceback.

Every file here is written for real in tmp_path; nothing is mocked.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pytest
import torch

from quantgui.core.datasets import MAX_IMAGE_PIXELS, load_data
from quantgui.core.errors import DataError


def load(path: Path, **options: object):  # noqa: ANN201 - a DataBundle
    return load_data(path, input_shape=None, **options)


# --- CSV ------------------------------------------------------------------------------------
def test_csv_with_undecodable_bytes_names_the_file_and_the_encoding(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("a,b\n1,2\n3,caf\u00e9\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"latin1\.csv is not UTF-8 text: byte 0xe9") as error:
        load(path)
    assert "Save the CSV with the UTF-8 encoding" in error.value.hint


def test_csv_field_over_the_csv_modules_limit(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text('a,b\n"' + "1" * 200_000 + '",2\n3,4\n')
    with pytest.raises(DataError, match="cannot be read as CSV: field larger than field limit"):
        load(path)


@pytest.mark.parametrize("cell", ["1e39", "-1e39", "inf", "-Infinity", "1e400"])
def test_csv_numbers_beyond_float32(tmp_path, cell):
    path = tmp_path / "big.csv"
    path.write_text(f"a,b\n1,2\n3,{cell}\n")
    with pytest.raises(DataError, match=r"Row 3, column 'b' .* beyond float32's range"):
        load(path)


@pytest.mark.parametrize("label", ["99999999999999999999", "-99999999999999999999", "2147483648"])
def test_csv_huge_integer_labels(tmp_path, label):
    path = tmp_path / "labels.csv"
    path.write_text(f"a,y\n1,0\n2,{label}\n3,1\n")
    with pytest.raises(DataError, match=r"label in row 3 .* not a class index"):
        load(path, label_column="y")


def test_csv_with_only_a_label_column(tmp_path):
    path = tmp_path / "only.csv"
    path.write_text("y\n0\n1\n")
    with pytest.raises(DataError, match="no feature columns"):
        load(path, label_column="y")


def test_csv_cells_are_quoted_at_a_readable_length(tmp_path):
    path = tmp_path / "text.csv"
    path.write_text("a,b\n1," + "x" * 100_000 + "\n2,3\n")
    with pytest.raises(DataError, match="not a number") as error:
        load(path)
    assert len(str(error.value)) < 400


# --- npy / npz / pt -------------------------------------------------------------------------
@pytest.mark.parametrize("array, kind", [
    (np.array(["2020-01-01", "2021-01-01"], dtype="datetime64[D]"), "dates"),
    (np.array([1, 2], dtype="timedelta64[s]"), "time spans"),
    (np.array(["a", "bc"]), "text"),
    (np.array([b"a", b"bc"]), "bytes"),
    (np.zeros(3, dtype=[("x", "f4"), ("y", "i4")]), "records"),
    (np.array([1 + 2j, 3j]), "complex numbers"),
])
@pytest.mark.parametrize("suffix", [".npy", ".npz"])
def test_arrays_that_are_not_numbers(tmp_path, array, kind, suffix):
    path = tmp_path / f"d{suffix}"
    np.save(path, array) if suffix == ".npy" else np.savez(path, inputs=array)
    with pytest.raises(DataError, match=f"are {kind}.*not numbers"):
        load(path)


def test_object_arrays_are_refused_before_unpickling(tmp_path):
    path = tmp_path / "objects.npy"
    np.save(path, np.array([{"a": 1}, None], dtype=object), allow_pickle=True)
    with pytest.raises(DataError, match="are Python objects"):
        load(path)


def test_big_endian_and_unsigned_arrays_load(tmp_path):
    np.save(tmp_path / "be.npy", np.arange(12, dtype=">f4").reshape(4, 3))
    assert load(tmp_path / "be.npy").train_inputs.dtype == torch.float32
    np.savez(tmp_path / "u.npz", inputs=np.ones((4, 2), np.uint16),
             labels=np.array([0, 1, 0, 1], np.uint64))
    assert load(tmp_path / "u.npz").num_classes == 2


def _valid_npz() -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, inputs=np.zeros((4, 3), np.float32), labels=np.arange(4))
    return buffer.getvalue()


def _flip_data_byte(data: bytes) -> bytes:
    corrupt = bytearray(data)
    corrupt[corrupt.index(b"\x00" * 8, 150)] = 7  # inside inputs.npy's zero data
    return bytes(corrupt)


@pytest.mark.parametrize("damage, fragment", [
    (_flip_data_byte, "BadZipFile: Bad CRC-32"),
    (lambda data: data[:60], "BadZipFile"),
    (lambda data: data.replace(b"PK\x03\x04", b"PK\x03\x05", 1), "BadZipFile"),
    (lambda data: data[:-10], "BadZipFile"),  # the central directory cut short
])
def test_corrupt_zips(tmp_path, damage, fragment):
    path = tmp_path / "d.npz"
    path.write_bytes(damage(_valid_npz()))
    with pytest.raises(DataError, match=f"cannot be read as .npz data: {fragment}"):
        load(path)


def test_corrupt_torch_zip_member(tmp_path):
    path = tmp_path / "d.pt"
    torch.save((torch.zeros(4, 3), torch.arange(4)), path)
    with zipfile.ZipFile(path) as archive:
        pickle_name = next(n for n in archive.namelist() if n.endswith("data.pkl"))
        offset = archive.getinfo(pickle_name).header_offset
    data = bytearray(path.read_bytes())
    name_length, extra_length = struct.unpack_from("<HH", data, offset + 26)
    data[offset + 30 + name_length + extra_length] = ord("!")  # the first opcode: unknown
    path.write_bytes(bytes(data))
    with pytest.raises(DataError, match="cannot be read"):
        load(path)


@pytest.mark.parametrize("blob, fragment", [
    (b"\x80\x02J\x00", r"struct\.error"),  # a 4-byte integer cut short
    (b"\x80\x02(X\xff\xff\xff\x7fab", "EOFError"),  # a string longer than the file
    (b"\x80\x02c__builtin__\neval\n.", "holds more than tensors"),
    (b"garbage that is no pickle at all", "cannot be read"),
])
def test_corrupt_pickles_in_a_data_pt(tmp_path, blob, fragment):
    path = tmp_path / "d.pt"
    path.write_bytes(blob)
    with pytest.raises(DataError, match=fragment):
        load(path)


def _npy_header(shape: tuple[int, ...], descr: str = "<f8") -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, {"descr": descr, "fortran_order": False,
                                                  "shape": shape})
    return buffer.getvalue()


def test_npy_declaring_an_absurd_shape_is_refused_before_allocating(tmp_path):
    path = tmp_path / "bomb.npy"
    path.write_bytes(_npy_header((10**6, 10**6)))  # 7.3 TiB declared in 128 bytes
    with pytest.raises(DataError, match=r"needs 7\.3 TiB but the file holds only 0 B"):
        load(path)


def test_npy_bigger_than_memory_is_refused_by_its_header(tmp_path):
    # A sparse file really holds its declared 1 TiB, so only the memory check can refuse it.
    path = tmp_path / "sparse.npy"
    with open(path, "wb") as handle:
        handle.write(_npy_header((2**40,), "|u1"))
        handle.truncate(handle.tell() + 2**40)
    with pytest.raises(DataError, match=r"would need 1\.0 TiB .* more than the .* available"):
        load(path)


def test_npz_member_declaring_an_absurd_shape(tmp_path):
    path = tmp_path / "bomb.npz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("inputs.npy", _npy_header((10**9, 10**9)) + b"\x00" * 64)
    with pytest.raises(DataError, match="needs .* but the file holds only"):
        load(path)


def test_zero_stride_tensor_cannot_expand_into_memory(tmp_path):
    # torch.save keeps the view: 8 bytes of storage that claim 10^12 elements
    huge = torch.zeros(1).expand(10**6, 10**6)
    torch.save(huge, tmp_path / "view.pt")
    with pytest.raises(DataError, match="would need .* TiB"):
        load(tmp_path / "view.pt")


@pytest.mark.parametrize("labels, fragment", [
    (torch.tensor([0.0, float("inf"), 1.0, 0.0]), "NaN or infinite"),
    (torch.tensor([0.0, 1e30, 1.0, 0.0]), "not class indices"),
    (torch.tensor([0, 2**40, 1, 0]), "not class indices"),
    (torch.tensor([0, -3, 1, 0]), "include -3"),
])
def test_labels_that_are_not_class_indices(tmp_path, labels, fragment):
    torch.save((torch.randn(4, 2), labels), tmp_path / "d.pt")
    with pytest.raises(DataError, match=fragment):
        load(tmp_path / "d.pt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_as_data_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "data.csv"
    os.mkfifo(fifo)
    with pytest.raises(DataError, match="named pipe"):
        load(fifo)


# --- images ---------------------------------------------------------------------------------
def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares its size and has no pixels: enough for Pillow's bomb check."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                                 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))


def _class_folders(root: Path, odd_name: str, odd: bytes) -> Path:
    from PIL import Image

    for name in ("cats", "dogs"):
        (root / name).mkdir()
        Image.new("RGB", (6, 5), (10, 20, 30)).save(root / name / "ok.png")
    (root / "dogs" / odd_name).write_bytes(odd)
    return root


@pytest.mark.parametrize("side", [
    int((MAX_IMAGE_PIXELS * 1.5) ** 0.5),  # over the limit: Pillow only warns
    int((MAX_IMAGE_PIXELS * 3) ** 0.5),  # over twice the limit: Pillow raises
])
def test_decompression_bombs(tmp_path, side):
    folder = _class_folders(tmp_path, "bomb.png", _png_header(side, side))
    with pytest.raises(DataError, match="bomb.png is too large to decode safely") as error:
        load(folder)
    assert f"{MAX_IMAGE_PIXELS:,} pixels" in error.value.hint


@pytest.mark.parametrize("name, content", [
    ("truncated.png", _png_header(6, 5)),
    ("text.jpg", b"this is not a picture"),
    ("empty.gif", b""),
])
def test_corrupt_images(tmp_path, name, content):
    folder = _class_folders(tmp_path, name, content)
    with pytest.raises(DataError, match=f"{name} cannot be read as an image"):
        load(folder)


def test_non_image_files_in_class_folders_are_left_out(tmp_path):
    folder = _class_folders(tmp_path, "notes.txt", b"\xff\xfe not an image")
    (folder / "dogs" / "folder.png").mkdir()  # a directory with an image's name
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "cats" / "pipe.png")  # reading it would block forever
    data = load(folder, val_fraction=0.5)
    assert data.num_classes == 2 and data.train_inputs.shape[0] + data.val_inputs.shape[0] == 2


@pytest.mark.parametrize("size", [(0, 4), (1,), (10**6, 10**6)])
def test_bad_image_sizes(tmp_path, size):
    folder = _class_folders(tmp_path, "more.png", _png_header(1, 1))
    with pytest.raises(DataError, match="image size|would need"):
        load(folder, image_size=size)


# --- a quantized state_dict file that was damaged or hand-made ------------------------------
@pytest.fixture(scope="module")
def saved_state_dict(tmp_path_factory):
    from quantgui.core.demos import load_demo
    from quantgui.core.events import drive
    from quantgui.core.export import state_dict_payload
    from quantgui.core.pipeline import run
    from quantgui.core.recipes import recipe_for

    loaded = load_demo("digits-mlp")
    result = drive(run(loaded, recipe_for("dynamic", threads=1)))
    payload = state_dict_payload(result.quantized_model, result.recipe, "demo:digits-mlp",
                                 loaded.data.input_shape)
    return loaded, payload


def _broken_payloads():
    def without_key(payload, key):
        payload["state_dict"].pop(next(k for k in payload["state_dict"] if k.endswith(key)))

    def bigger_tensor(payload):
        key = next(k for k in payload["state_dict"] if k.endswith("scale")
                   or isinstance(payload["state_dict"][k], torch.Tensor))
        payload["state_dict"][key] = torch.zeros(1).expand(10**6, 10**6)

    return [
        (lambda p: p.pop("recipe"), "lacks its recipe"),
        (lambda p: p.pop("state_dict"), "lacks its state_dict"),
        (lambda p: p.update(recipe={"method": "dynamic", "threads": 1.5}), "invalid recipe"),
        (lambda p: p.update(input_shape=[10**6, 10**6, 10**6]), "would need"),
        (lambda p: p.update(input_shape="1,8,8"), "invalid input shape"),
        (lambda p: p.update(input_shape=[0, 8]), "invalid input shape"),
        (lambda p: p.update(state_dict=[1, 2]), "no valid state_dict"),
        (lambda p: without_key(p, "_packed_params"), "does not match its model: missing"),
        (lambda p: p["state_dict"].update(extra=torch.zeros(2)), "unexpected extra"),
        (bigger_tensor, "does not match its model"),
    ]


@pytest.mark.parametrize("damage, fragment", _broken_payloads())
def test_load_quantized_state_dict_with_missing_keys_or_absurd_shapes(
        tmp_path, saved_state_dict, damage, fragment):
    import copy

    from quantgui.core.errors import ModelError
    from quantgui.core.export import load_quantized_state_dict

    loaded, payload = saved_state_dict
    payload = copy.deepcopy(payload)
    damage(payload)
    torch.save(payload, tmp_path / "q.pt")
    with pytest.raises(ModelError, match=fragment):
        load_quantized_state_dict(tmp_path / "q.pt", loaded.model)


def test_load_quantized_state_dict_still_loads_a_good_file(tmp_path, saved_state_dict):
    from quantgui.core.export import load_quantized_state_dict

    loaded, payload = saved_state_dict
    torch.save(payload, tmp_path / "q.pt")
    model = load_quantized_state_dict(tmp_path / "q.pt", loaded.model)
    assert model(loaded.data.val_inputs[:4]).shape == (4, 10)


# --- a Hugging Face folder whose weights are a pickle (issue 17) ---------------------------
class _Opens:
    """Unpickled, it creates ``marker``: what a hostile pickle could do instead."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):  # noqa: ANN204
        return (open, (self.marker, "w"))


def pickled_hf_folder(folder: Path, extra: object) -> tuple[Path, dict[str, torch.Tensor]]:
    """A tiny BERT folder (offline, from its config) with pytorch_model.bin written by
    torch.save, holding its state_dict and ``extra`` (what old training scripts stored beside
    the weights): a pickle the weights-only unpickler refuses. transformers 5 always writes
    safetensors, whatever safe_serialization says, so the .bin is written here."""
    from tests.fixtures import hf

    hf.bert_classifier(folder, tokenizer=False)
    (folder / "model.safetensors").unlink()
    from transformers import AutoModelForSequenceClassification

    state = AutoModelForSequenceClassification.from_config(
        __import__("transformers").AutoConfig.from_pretrained(folder)).state_dict()
    torch.manual_seed(1)
    state = {name: torch.randn_like(value) if value.is_floating_point() else value
             for name, value in state.items()}
    torch.save({**state, "training_args": extra}, folder / "pytorch_model.bin")
    return folder, state


def test_hf_pickle_weights_are_refused_saying_why_and_how_to_open_them(tmp_path):
    import argparse

    from quantgui.core.errors import NeedsTrust
    from quantgui.core.sources import load_model_file

    folder, _ = pickled_hf_folder(tmp_path / "bert", argparse.Namespace(lr=1e-3))
    before = (folder / "pytorch_model.bin").read_bytes()
    with pytest.raises(NeedsTrust) as caught:
        load_model_file(str(folder))
    message, hint = caught.value.message, caught.value.hint
    assert str(folder) in message and "pytorch_model.bin" in message
    assert "is a pickle" in message or "are a pickle" in message
    assert "can run any code" in message and "argparse.Namespace" in message
    assert "--trust" in hint and "save_pretrained" in hint and "model.safetensors" in hint
    text = str(caught.value)
    assert "torch.load" not in text and "\x1b" not in text and "weights_only" not in text
    assert message.endswith(".") and hint.endswith(".")  # whole sentences, nothing cut
    assert (folder / "pytorch_model.bin").read_bytes() == before


def test_hf_pickle_weights_never_run_code_untrusted_and_open_when_trusted(tmp_path):
    from quantgui.core.errors import NeedsTrust
    from quantgui.core.sources import load_model_file

    marker = tmp_path / "ran"
    folder, state = pickled_hf_folder(tmp_path / "bert", _Opens(str(marker)))
    with pytest.raises(NeedsTrust, match=r"\(io\.open\)"):
        load_model_file(str(folder))
    assert not marker.exists()
    loaded = load_model_file(str(folder), trust=True)  # the user said so: it is unpickled
    assert marker.exists()
    weights = dict(loaded.model.named_parameters())
    compared = 0
    for name, value in state.items():
        found = next((p for n, p in weights.items() if n.endswith(name)), None)
        if found is not None and value.is_floating_point():
            assert torch.equal(found.detach(), value), name  # the file's weights, not random
            compared += 1
    assert compared > 10


def test_hf_pickle_of_tensors_only_opens_without_trust(tmp_path):
    from quantgui.core.sources import load_model_file

    folder, state = pickled_hf_folder(tmp_path / "bert", None)
    raw = torch.load(folder / "pytorch_model.bin", weights_only=True)
    raw.pop("training_args")
    torch.save(raw, folder / "pytorch_model.bin")
    load_model_file(str(folder))
