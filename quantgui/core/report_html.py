"""A self-contained HTML report of one run: opens offline, charts embedded as SVG images."""

from __future__ import annotations

import base64
import contextlib
import html
import math
import platform
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from quantgui import __version__
from quantgui.core.timing import is_slower, report_load_warning, slower_reason, speed_text

BLUE, ORANGE, GREY = "#1f77b4", "#e5720f", "#888888"


def _fmt(value: float) -> str:
    if value == 0 or not math.isfinite(value):
        return str(value)
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:.0f}"
    if magnitude >= 1:
        return f"{value:.2f}"
    return f"{value:.3g}"


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    if high <= low:
        high = low + 1.0
    step = 10 ** math.floor(math.log10((high - low) / count))
    for factor in (1, 2, 5, 10):
        if (high - low) / (step * factor) <= count:
            step *= factor
            break
    start = math.floor(low / step) * step
    ticks, value = [], start
    while value <= high + step * 0.001:
        if value >= low - step * 0.001:
            ticks.append(round(value, 12))
        value += step
    return ticks


class _Chart:
    """A tiny SVG plotting surface: axes, ticks, title; shared by lines and bars."""

    def __init__(self, title: str, y_low: float, y_high: float, width: int = 520,
                 height: int = 260, y_label: str = "") -> None:
        self.width, self.height = width, height
        self.left, self.right, self.top, self.bottom = 60, 15, 30, 45
        if y_high == y_low:
            y_high = y_low + 1.0
        self.y_low, self.y_high = y_low, y_high
        self.parts = [f'<text x="{width / 2}" y="18" text-anchor="middle" font-size="14" '
                      f'font-weight="bold">{html.escape(title)}</text>']
        for tick in _ticks(y_low, y_high):
            y = self.y(tick)
            self.parts.append(f'<line x1="{self.left}" x2="{width - self.right}" y1="{y:.1f}" '
                              f'y2="{y:.1f}" stroke="#ddd"/>')
            self.parts.append(f'<text x="{self.left - 6}" y="{y + 4:.1f}" text-anchor="end" '
                              f'font-size="11">{_fmt(tick)}</text>')
        if y_label:
            self.parts.append(f'<text x="14" y="{height / 2}" font-size="11" '
                              f'transform="rotate(-90 14 {height / 2})" text-anchor="middle">'
                              f'{html.escape(y_label)}</text>')

    def y(self, value: float) -> float:
        span = self.height - self.top - self.bottom
        return self.top + span * (1 - (value - self.y_low) / (self.y_high - self.y_low))

    def svg(self) -> str:
        body = "".join(self.parts)
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" '
                f'height="{self.height}" font-family="sans-serif">{body}</svg>')


def bar_chart(title: str, labels: Sequence[str], values: Sequence[float], *,
              colors: Sequence[str] | None = None, y_label: str = "") -> str:
    values = [0.0 if v is None or not math.isfinite(v) else float(v) for v in values]
    chart = _Chart(title, min(0.0, *values) if values else 0.0,
                   max(values) * 1.1 if values and max(values) > 0 else 1.0, y_label=y_label)
    plot_width = chart.width - chart.left - chart.right
    slot = plot_width / max(1, len(values))
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = chart.left + index * slot + slot * 0.15
        top, base = chart.y(max(value, 0)), chart.y(min(value, 0))
        color = (colors or [BLUE])[index % len(colors or [BLUE])]
        chart.parts.append(f'<rect x="{x:.1f}" y="{top:.1f}" width="{slot * 0.7:.1f}" '
                           f'height="{max(base - top, 0.5):.1f}" fill="{color}">'
                           f'<title>{html.escape(label)}: {_fmt(value)}</title></rect>')
        if len(values) <= 12:
            chart.parts.append(
                f'<text x="{x + slot * 0.35:.1f}" y="{chart.height - chart.bottom + 14}" '
                f'text-anchor="middle" font-size="10">{html.escape(label[-14:])}</text>')
    return chart.svg()


def line_chart(title: str, series: Sequence[tuple[str, Sequence[float], Sequence[float], str]],
               *, x_label: str = "", y_label: str = "") -> str:
    """``series``: (name, xs, ys, colour)."""
    all_x = [x for _, xs, _, _ in series for x in xs]
    all_y = [y for _, _, ys, _ in series for y in ys if y is not None and math.isfinite(y)]
    if not all_x or not all_y:
        return ""
    low, high = min(all_y), max(all_y)
    pad = (high - low) * 0.05 or abs(high) * 0.05 or 1.0
    chart = _Chart(title, low - pad, high + pad, y_label=y_label)
    x_low, x_high = min(all_x), max(all_x)
    x_span = (x_high - x_low) or 1.0
    plot_width = chart.width - chart.left - chart.right

    def x_pos(x: float) -> float:
        return chart.left + plot_width * (x - x_low) / x_span

    for tick in _ticks(x_low, x_high):
        chart.parts.append(f'<text x="{x_pos(tick):.1f}" y="{chart.height - chart.bottom + 14}" '
                           f'text-anchor="middle" font-size="11">{_fmt(tick)}</text>')
    if x_label:
        chart.parts.append(f'<text x="{chart.width / 2}" y="{chart.height - 8}" font-size="11" '
                           f'text-anchor="middle">{html.escape(x_label)}</text>')
    for index, (name, xs, ys, color) in enumerate(series):
        points = " ".join(f"{x_pos(x):.1f},{chart.y(y):.1f}"
                          for x, y in zip(xs, ys, strict=True)
                          if y is not None and math.isfinite(y))
        chart.parts.append(f'<polyline fill="none" stroke="{color}" stroke-width="1.5" '
                           f'points="{points}"/>')
        legend_y = chart.top + 14 * (index + 1)
        chart.parts.append(f'<text x="{chart.width - chart.right - 4}" y="{legend_y}" '
                           f'text-anchor="end" font-size="11" fill="{color}">'
                           f'{html.escape(name)}</text>')
    return chart.svg()


def _img(svg: str, alt: str) -> str:
    """An <img> with the SVG as a data URI: an embedded image that any browser shows offline."""
    if not svg:
        return ""
    data = base64.b64encode(svg.encode()).decode()
    return f'<img alt="{html.escape(alt)}" src="data:image/svg+xml;base64,{data}">'


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.2f} %"


def _bytes(count: int) -> str:
    return f"{count / 1024:.1f} KiB" if count < 1024 ** 2 else f"{count / 1024 ** 2:.2f} MiB"


# what each agreement figure is called in the report, and how its value reads
AGREEMENT_LABELS = {
    "cosine": ("Cosine similarity", "{:.5f}"),
    "sqnr_db": ("SQNR (signal to quantization noise)", "{:.1f} dB"),
    "mse": ("Mean squared error", "{:.3g}"),
    "max_abs_error": ("Largest absolute difference", "{:.3g}"),
    "top1_agreement": ("Top-1 agreement", "{:.2%}"),
}
ENVIRONMENT_LABELS = {
    "torch": "PyTorch", "python": "Python", "cpu": "CPU", "cpu_flags": "CPU flags",
    "engine": "Engine", "backend": "Quantized backend", "threads": "Threads",
    "platform": "Platform", "cuda": "CUDA", "gpu": "GPU", "torchao": "torchao",
    "onnxruntime": "ONNX Runtime",
}


def _plain(value: Any) -> str:
    """A value as a person reads it: no Python None/True/[] in the report."""
    if value is None:
        return "automatic"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value)) if value else "none"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain(v)}" for k, v in value.items()) or "none"
    return str(value)


def _agreement_value(key: str, value: Any) -> str:
    if value is None:
        return "n/a"
    template = AGREEMENT_LABELS.get(key, (key, None))[1]
    return template.format(value) if template else _fmt(value)


def _setting_rows(recipe: dict[str, Any]) -> list[tuple[str, str]]:
    """The recipe's settings under the labels the window shows, values in words."""
    import dataclasses

    from quantgui.core.engines import get_engine
    from quantgui.core.errors import QuantGUIError
    from quantgui.core.techniques import get_technique

    labels: dict[str, str] = {}
    try:
        technique = get_technique(recipe.get("method", ""))
        labels = {f.name: f.metadata.get("label") or f.name
                  for f in dataclasses.fields(technique.recipe_type)}
    except (QuantGUIError, KeyError):
        technique = None
    rows = []
    for key, value in recipe.items():
        if key == "method" and technique is not None:
            rows.append(("Technique", technique.title))
            continue
        if key == "engine":
            with contextlib.suppress(QuantGUIError):
                value = get_engine(str(value)).title
        label = labels.get(key, key.replace("_", " "))
        rows.append((label[:1].upper() + label[1:], _plain(value)))
    return rows


def render(report: dict[str, Any], *, steps: Sequence[tuple[int, float]] = (),
           title: str = "QuantGUI report") -> str:
    """The HTML of a run's report (the dict of ``RunResult.to_report()``); ``steps`` are the
    QAT (global step, loss) pairs when the caller kept them."""
    original, quantized = report["original"], report["quantized"]
    env = report.get("environment", {})
    e = html.escape
    rows = [
        ("Size (state_dict bytes)", _bytes(original["size_bytes"]),
         _bytes(quantized["size_bytes"]), f"{report['ratios']['size']:.3f}x"),
        (f"Latency median ({report['threads']} threads, batch "
         f"{original['latency_ms'].get('batch_size', '?')})",
         f"{original['latency_ms']['median']:.3f} ms",
         f"{quantized['latency_ms']['median']:.3f} ms",
         speed_text(original["latency_ms"]["median"], quantized["latency_ms"]["median"])),
        ("Latency p90", f"{original['latency_ms']['p90']:.3f} ms",
         f"{quantized['latency_ms']['p90']:.3f} ms", ""),
        ("Accuracy (validation)", _pct(original["accuracy"]), _pct(quantized["accuracy"]), ""),
        ("Layers quantized", "", f"{sum(1 for x in report['layers'] if x['quantized'])} of "
                                 f"{len(report['layers'])}", ""),
    ]
    table = "".join(f"<tr><th>{e(a)}</th><td>{e(b)}</td><td>{e(c)}</td><td>{e(d)}</td></tr>"
                    for a, b, c, d in rows)
    agreement = report["agreement"]
    agreement_rows = "".join(
        f"<tr><th>{e(AGREEMENT_LABELS.get(k, (k, None))[0])}</th>"
        f"<td>{e(_agreement_value(k, v))}</td></tr>" for k, v in agreement.items())
    charts = [
        _img(bar_chart("Size (KiB)", ["original", "quantized"],
                       [original["size_bytes"] / 1024, quantized["size_bytes"] / 1024],
                       colors=[BLUE, ORANGE]), "size chart"),
        _img(bar_chart(f"Latency median (ms, {report['threads']} threads)",
                       ["original", "quantized"],
                       [original["latency_ms"]["median"], quantized["latency_ms"]["median"]],
                       colors=[BLUE, ORANGE]), "latency chart"),
    ]
    layer_charts = []
    measured = [x for x in report["layers"] if x.get("output_sqnr_db") is not None]
    if measured:
        layer_charts.append(_img(bar_chart(
            "Per-layer output SQNR (dB, higher is better)", [x["name"] for x in measured],
            [x["output_sqnr_db"] for x in measured], y_label="dB"), "per-layer SQNR chart"))
    training = report.get("training") or []
    training_charts = []
    if steps:
        training_charts.append(_img(line_chart(
            "QAT loss per step", [("loss", [s for s, _ in steps], [v for _, v in steps], BLUE)],
            x_label="step"), "QAT loss chart"))
    if training:
        epochs = [t["epoch"] for t in training]
        training_charts.append(_img(line_chart(
            "QAT loss per epoch", [("train", epochs, [t["train_loss"] for t in training], BLUE),
                                   ("validation", epochs, [t["val_loss"] for t in training],
                                    ORANGE)], x_label="epoch"), "QAT epoch loss chart"))
        if training[0].get("val_accuracy") is not None:
            training_charts.append(_img(line_chart(
                "Validation accuracy (fake-quantized)",
                [("QAT", epochs, [t["val_accuracy"] for t in training], ORANGE),
                 ("original", epochs, [original["accuracy"]] * len(epochs), GREY)],
                x_label="epoch"), "QAT accuracy chart"))
    layer_rows = "".join(
        f"<tr class='{'q' if x['quantized'] else 'f'}'><td>{e(x['name'])}</td>"
        f"<td>{e(x['original_type'])}</td><td>{e(x['quantized_type'] or '-')}</td>"
        f"<td>{'int8' if x['quantized'] else 'float'}</td>"
        + "".join(f"<td>{'' if x.get(k) is None else f'{x[k]:.1f}'}</td>"
                  for k in ("weight_sqnr_db", "output_sqnr_db", "accumulated_sqnr_db"))
        + f"<td>{e(x['note'])}</td></tr>" for x in report["layers"])
    recipe_rows = "".join(f"<tr><th>{e(label)}</th><td>{e(value)}</td></tr>"
                          for label, value in _setting_rows(report["recipe"]))
    env_rows = "".join(
        f"<tr><th>{e(ENVIRONMENT_LABELS.get(k, k))}</th><td>{e(_plain(v))}</td></tr>"
        for k, v in {**env, "platform": platform.platform(), "QuantGUI": __version__}.items())
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    sensitivity = ""
    if report.get("sensitivity"):
        sens_rows = "".join(
            f"<tr><td>{e(s['name'])}</td><td>{s['sqnr_gain_db']:+.2f}</td>"
            f"<td>{s['sqnr_db_when_kept_float']:.1f}</td></tr>" for s in report["sensitivity"])
        sensitivity = (f"<h2>Sensitivity</h2><table><tr><th>layer</th><th>SQNR gain when kept "
                       f"float (dB)</th><th>SQNR</th></tr>{sens_rows}</table>")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; color: #222; max-width: 1100px; }}
table {{ border-collapse: collapse; margin: 0.5em 0 1.5em; }}
th, td {{ border: 1px solid #ccc; padding: 4px 8px; text-align: left; font-size: 13px; }}
tr.q td:nth-child(4) {{ color: {ORANGE}; font-weight: bold; }}
img {{ margin: 0 1em 1em 0; border: 1px solid #eee; }}
p.warning {{ color: #b00020; }}
</style></head><body>
<h1>{e(title)}</h1>
<p>{e(report.get("model", ""))}: <b>{e(report["method"])}</b> quantization on the
<b>{e(report.get("engine_title", report.get("engine", "PyTorch eager (torch.ao)")))}</b> engine,
<b>{e(report["backend"])}</b> backend, {report["threads"]} thread(s). Generated {stamp}.</p>
{_model_section(report)}
<h2>Original | Quantized</h2>
{_load_warning(report)}
<table><tr><th></th><th>Original</th><th>Quantized</th><th>Quantized / original</th></tr>
{table}</table>
{_slower_footnote(original["latency_ms"]["median"], quantized["latency_ms"]["median"])}
{_engine_section(report)}
<div>{"".join(charts)}</div>
<h2>Output agreement</h2><table>{agreement_rows}</table>
{"<h2>QAT training</h2><div>" + "".join(training_charts) + "</div>" if training_charts else ""}
<h2>Layers</h2><div>{"".join(layer_charts)}</div>
<table><tr><th>layer</th><th>original type</th><th>quantized type</th><th>runs in</th>
<th>weight SQNR dB</th><th>own output SQNR dB</th><th>accumulated SQNR dB</th><th>note</th></tr>
{layer_rows}</table>
{sensitivity}
<h2>Settings</h2><table>{recipe_rows}</table>
<h2>Environment</h2><table>{env_rows}</table>
<p>Size is the bytes of the saved model in the engine's format (the state_dict for PyTorch
eager); latency is the median of warm runs under torch.inference_mode with the stated threads,
the models compared timed in interleaved rounds; accuracy is on held-out validation data.</p>
</body></html>
"""


MODEL_LABELS = {"factory": "Built by", "class": "Class", "architecture": "Architecture",
                "weights": "Weights", "inputs": "Inputs", "compared_output": "Output compared"}


def _model_section(report: dict[str, Any]) -> str:
    """What the model's source said of it (``model_details``): where it came from, its
    weights or random initialisation, its inputs, the output compared."""
    details = report.get("model_details") or {}
    if not isinstance(details, dict) or not details:
        return ""
    e = html.escape
    rows = []
    for key, value in details.items():
        if key == "inputs" and isinstance(value, list):
            value = ", ".join(_input_text(spec) for spec in value)
        rows.append(f"<tr><th>{e(MODEL_LABELS.get(key, key))}</th><td>{e(_plain(value))}</td>"
                    "</tr>")
    return "<h2>Model</h2><table>" + "".join(rows) + "</table>"


def _input_text(spec: Any) -> str:
    """One input of a report: ``input_ids int64 [24] in 0..19``."""
    if not isinstance(spec, dict):
        return str(spec)
    shape = ", ".join(str(d) for d in spec.get("shape") or [])
    text = f"{spec.get('name', '?')} {spec.get('dtype', '?')} [{shape}]"
    bounds = spec.get("range")
    if isinstance(bounds, list) and len(bounds) == 2:
        text += f" in {bounds[0]}..{bounds[1]}"
    return text


def _load_warning(report: dict[str, Any]) -> str:
    """A paragraph when other programs kept the CPU busy while the latencies were measured."""
    warning = report_load_warning(report)
    return f'<p class="warning"><b>{html.escape(warning)}</b></p>' if warning else ""


def _slower_footnote(original_ms: float, quantized_ms: float) -> str:
    """Why int8 is slower than float, under the table, where it is."""
    if not is_slower(original_ms, quantized_ms):
        return ""
    return (f"<p><small>{html.escape(speed_text(original_ms, quantized_ms))}: "
            f"{html.escape(slower_reason(original_ms))}</small></p>")


def _engine_section(report: dict[str, Any]) -> str:
    """The engine's own float32 beside its int8 model, and preparation time apart."""
    e = html.escape
    reference = report.get("engine_float32")
    prepare = report.get("prepare_seconds") or {}
    if reference is None and not prepare:
        return ""
    rows = []
    if reference is not None:
        quantized = report["quantized"]["latency_ms"]["median"]
        own = reference["latency_ms"]["median"]
        rows.append(f"<tr><td>engine float32 latency</td><td>{own:.3f} ms</td>"
                    f"<td>int8 {quantized:.3f} ms</td><td>{e(speed_text(own, quantized))}</td>"
                    "</tr>")
        rows.append(f"<tr><td>engine float32 size</td><td>{reference['size_bytes']} bytes</td>"
                    f"<td>int8 {report['quantized']['size_bytes']} bytes</td><td></td></tr>")
    for stage, seconds in prepare.items():
        rows.append(f"<tr><td>{e(str(stage))} (not in latency)</td><td colspan=3>"
                    f"{float(seconds):.2f} s</td></tr>")
    return ("<h2>On this engine</h2><table><tr><th></th><th>float32 (engine)</th>"
            "<th>int8</th><th>int8 / float32</th></tr>" + "".join(rows) + "</table>")
