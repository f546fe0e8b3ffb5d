"""Regenerate resources/translations/quantgui_es.ts (pyside6-lupdate), fill in the Spanish
translations below, and compile quantgui_es.qm (pyside6-lrelease).

Run from the repository root with the virtual environment active:
    python tools/update_translations.py
A source text missing from ES is left unfinished in the .ts and reported.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "quantgui_es.ts"
QM = TS.with_suffix(".qm")

ES = {
    # ComparisonPanel
    "Press Quantize to compare the original and the quantized model here.":
        "Pulse Cuantizar para comparar aquí el modelo original y el cuantizado.",
    "Original": "Original",
    "Quantized": "Cuantizado",
    "Quantized / original": "Cuantizado / original",
    "Comparison of original and quantized model": "Comparación del modelo original y el cuantizado",
    "Size is the saved state_dict; latency is the median of warm runs with the stated threads "
    "and batch size.":
        "El tamaño es el del state_dict guardado; la latencia es la mediana de ejecuciones en "
        "caliente con los hilos y el tamaño de lote indicados.",
    "Size and latency bar charts": "Gráficos de barras de tamaño y latencia",
    "Size and median latency, original (blue) and quantized (orange).":
        "Tamaño y latencia mediana, original (azul) y cuantizado (naranja).",
    "Size (KiB)": "Tamaño (KiB)",
    "Latency (ms)": "Latencia (ms)",
    "Layer": "Capa",
    "Original type": "Tipo original",
    "Quantized type": "Tipo cuantizado",
    "Note": "Nota",
    "Layer table": "Tabla de capas",
    "Every layer of the model, and what quantization did to it.":
        "Cada capa del modelo y lo que la cuantización hizo con ella.",
    "Size": "Tamaño",
    "{median:.3f} ms (p90 {p90:.3f})": "{median:.3f} ms (p90 {p90:.3f})",
    "Latency": "Latencia",
    "{threads} threads, batch {batch}": "{threads} hilos, lote {batch}",
    "Measured with": "Medido con",
    "{delta:+.2f} points": "{delta:+.2f} puntos",
    "Accuracy": "Exactitud",
    "Layers quantized": "Capas cuantizadas",
    "0 of {total}": "0 de {total}",
    "{count} of {total}": "{count} de {total}",
    "Technique": "Técnica",
    "float32": "float32",
    "Backend": "Backend",
    "yes": "sí",
    "no": "no",
    # LogPanel
    "Log": "Registro",
    "Messages from loading and quantizing, newest last.":
        "Mensajes de la carga y la cuantización, los más recientes al final.",
    # MainWindow
    "QuantGUI — PyTorch quantization": "QuantGUI — cuantización de PyTorch",
    "Loading {name}…": "Cargando {name}…",
    "Model": "Modelo",
    "A demo model with its data, ready to quantize.":
        "Un modelo de demostración con sus datos, listo para cuantizar.",
    "Model description": "Descripción del modelo",
    "Loading…": "Cargando…",
    "Model summary": "Resumen del modelo",
    "Dynamic": "Dinámica",
    "Static": "Estática",
    "QAT": "QAT",
    "Weights are stored in int8 ahead of time and activations are quantized on the fly at each "
    "call. It needs no calibration data and suits Linear and LSTM layers best.":
        "Los pesos se guardan en int8 de antemano y las activaciones se cuantizan al vuelo en "
        "cada llamada. No necesita datos de calibración y va mejor con capas Linear y LSTM.",
    "Weights and activations are both int8, with activation ranges learned by running "
    "calibration data through the model. It gives the largest speed-up on convolutional "
    "networks.":
        "Pesos y activaciones son int8, y los rangos de las activaciones se aprenden pasando "
        "datos de calibración por el modelo. Es la que más acelera las redes convolucionales.",
    "The model is fine-tuned with fake quantization so that it learns to live with int8 "
    "rounding. It takes longer than static quantization but recovers accuracy that it loses.":
        "El modelo se reentrena con cuantización simulada para que aprenda a convivir con el "
        "redondeo a int8. Tarda más que la cuantización estática, pero recupera la exactitud "
        "que esta pierde.",
    "{title} quantization": "Cuantización {title}",
    "Technique explanation": "Explicación de la técnica",
    "Settings": "Ajustes",
    "Settings problem": "Problema en los ajustes",
    "Quantize": "Cuantizar",
    "Quantize a copy of the model with these settings and compare it (Ctrl+R).":
        "Cuantiza una copia del modelo con estos ajustes y la compara (Ctrl+R).",
    "Cancel": "Cancelar",
    "Stop the run; the model is left as it was (Esc).":
        "Detiene la ejecución; el modelo queda como estaba (Esc).",
    "Progress": "Progreso",
    "Ready": "Listo",
    "Stage": "Etapa",
    "Elapsed time": "Tiempo transcurrido",
    "Results": "Resultados",
    "Training": "Entrenamiento",
    "Comparison": "Comparación",
    "Outputs": "Salidas",
    "&File": "&Archivo",
    "&Open model…": "&Abrir modelo…",
    "&Quit": "&Salir",
    "&Run": "&Ejecutar",
    "&Quantize": "&Cuantizar",
    "&Cancel": "Ca&ncelar",
    "&View": "&Ver",
    "&Language": "&Idioma",
    "System": "Sistema",
    "&Help": "Ay&uda",
    "&About QuantGUI": "&Acerca de QuantGUI",
    "Open model…": "Abrir modelo…",
    "Loading your own files comes in a later release.":
        "La carga de sus propios archivos llegará en una versión posterior.",
    "Loaded {name}: {source}.": "Cargado {name}: {source}.",
    "{name} loaded.": "{name} cargado.",
    "The model could not be loaded.": "No se pudo cargar el modelo.",
    "The model could not be loaded": "No se pudo cargar el modelo",
    "Layers": "Capas",
    "Parameters": "Parámetros",
    "Input shape": "Forma de entrada",
    "Data": "Datos",
    "{train} training, {val} validation samples":
        "{train} muestras de entrenamiento, {val} de validación",
    "Labels": "Etiquetas",
    "classes": "clases",
    "Open model": "Abrir modelo",
    "For now, choose one of the demo models.":
        "Por ahora, elija uno de los modelos de demostración.",
    "{field}: enter a number.": "{field}: escriba un número.",
    "Starting…": "Empezando…",
    "Run: {recipe}": "Ejecución: {recipe}",
    "Quantizing {name} ({method})…": "Cuantizando {name} ({method})…",
    "Cancelling…": "Cancelando…",
    "Preparing": "Preparando",
    "Calibrating": "Calibrando",
    "Quantizing": "Cuantizando",
    "Converting": "Convirtiendo",
    "Measuring": "Midiendo",
    "Epoch {epoch}/{epochs}: train loss {loss:.4f}, validation accuracy {accuracy}":
        "Época {epoch}/{epochs}: pérdida de entrenamiento {loss:.4f}, exactitud de validación "
        "{accuracy}",
    "Epoch {epoch}/{epochs}, step {step}/{steps}": "Época {epoch}/{epochs}, paso {step}/{steps}",
    "{seconds:.1f} s": "{seconds:.1f} s",
    "Done": "Hecho",
    "Done in {seconds:.1f} s: {size:.2f}× the size, {latency:.2f}× the latency, {count} of "
    "{total} layers quantized.":
        "Hecho en {seconds:.1f} s: {size:.2f}× el tamaño, {latency:.2f}× la latencia, {count} "
        "de {total} capas cuantizadas.",
    "Cancelled": "Cancelado",
    "Cancelled; the model is unchanged.": "Cancelado; el modelo no ha cambiado.",
    "Failed": "Falló",
    "The run failed: {message}": "La ejecución falló: {message}",
    "Quantization failed": "La cuantización falló",
    "This looks like a bug in QuantGUI or in torch; the details below help to report it.":
        "Parece un error de QuantGUI o de torch; los detalles de abajo ayudan a notificarlo.",
    "The language changes the next time QuantGUI starts.":
        "El idioma cambiará la próxima vez que se inicie QuantGUI.",
    "About QuantGUI": "Acerca de QuantGUI",
    "QuantGUI {version}: see and do PyTorch quantization — dynamic, static and QAT, side by side.":
        "QuantGUI {version}: ver y hacer cuantización de PyTorch — dinámica, estática y QAT, "
        "lado a lado.",
    # SamplesPanel
    "After a run, this tab compares the two models' outputs on every validation sample.":
        "Tras una ejecución, esta pestaña compara las salidas de los dos modelos en cada "
        "muestra de validación.",
    "Output values": "Valores de salida",
    "original": "original",
    "quantized": "cuantizado",
    "Scatter of original against quantized outputs":
        "Dispersión de las salidas originales frente a las cuantizadas",
    "Each dot is one output value; on the diagonal the quantized model agrees exactly.":
        "Cada punto es un valor de salida; en la diagonal el modelo cuantizado coincide "
        "exactamente.",
    "Agreement metrics": "Métricas de concordancia",
    "Sample": "Muestra",
    "Sample input and class probabilities": "Entrada de la muestra y probabilidades por clase",
    "Probabilities": "Probabilidades",
    "class": "clase",
    "Predictions": "Predicciones",
    "◀ Previous": "◀ Anterior",
    "Next ▶": "Siguiente ▶",
    "Next disagreement": "Siguiente discrepancia",
    "Show the previous sample.": "Muestra la muestra anterior.",
    "Show the next sample.": "Muestra la muestra siguiente.",
    "Jump to the next sample where the two models predict different classes.":
        "Salta a la siguiente muestra en la que los dos modelos predicen clases distintas.",
    "cosine {value:.5f}": "coseno {value:.5f}",
    "SQNR {value:.1f} dB": "SQNR {value:.1f} dB",
    "max |error| {value:.4g}": "|error| máx. {value:.4g}",
    "top-1 agreement {value:.2%}": "concordancia top-1 {value:.2%}",
    "Next disagreement ({count})": "Siguiente discrepancia ({count})",
    "Sample {index} of {count}": "Muestra {index} de {count}",
    "label {label}": "etiqueta {label}",
    "original {a}, quantized {b}": "original {a}, cuantizado {b}",
    "Original: class {co} ({po:.1%})   Quantized: class {cq} ({pq:.1%})":
        "Original: clase {co} ({po:.1%})   Cuantizado: clase {cq} ({pq:.1%})",
    "the models disagree": "los modelos discrepan",
    # SettingsPanel
    "Automatic": "Automático",
    "On": "Sí",
    "Off": "No",
    "Never": "Nunca",
    "layer names, comma-separated": "nombres de capas, separados por comas",
    "Advanced": "Avanzado",
    "Show advanced settings": "Mostrar ajustes avanzados",
    "Show or hide the settings most runs do not need to change.":
        "Muestra u oculta los ajustes que casi nunca hace falta cambiar.",
    # TrainingPlots
    "Choose QAT and press Quantize: the training loss, the validation metrics and the learning "
    "rate appear here as the model trains.":
        "Elija QAT y pulse Cuantizar: la pérdida de entrenamiento, las métricas de validación y "
        "la tasa de aprendizaje aparecen aquí mientras el modelo entrena.",
    "Training curves": "Curvas de entrenamiento",
    "QAT training curves: loss, validation loss and accuracy, learning rate.":
        "Curvas de entrenamiento QAT: pérdida, pérdida y exactitud de validación, tasa de "
        "aprendizaje.",
    "Training loss": "Pérdida de entrenamiento",
    "step": "paso",
    "per step": "por paso",
    "smoothed": "suavizada",
    "Learning rate": "Tasa de aprendizaje",
    "Validation loss": "Pérdida de validación",
    "epoch": "época",
    "Validation accuracy": "Exactitud de validación",
    "QAT (fake-quantized)": "QAT (cuantización simulada)",
    # recipe (the core's setting labels)
    "Threads": "Hilos",
    "Batch size": "Tamaño de lote",
    "Keep in float": "Mantener en float",
    "Layer types": "Tipos de capa",
    "Weight type": "Tipo de los pesos",
    "Observer": "Observador",
    "Per-channel weights": "Pesos por canal",
    "Calibration batches": "Lotes de calibración",
    "Reduce range": "Reducir rango",
    "Epochs": "Épocas",
    "Optimizer": "Optimizador",
    "Learning-rate schedule": "Calendario de la tasa de aprendizaje",
    "Freeze observers after epoch": "Congelar observadores tras la época",
    "Freeze batch-norm after epoch": "Congelar batch-norm tras la época",
    "Device": "Dispositivo",
    "Loss": "Pérdida",
    "Random seed": "Semilla aleatoria",
}


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "quantgui" / "ui").glob("*.py"))
    subprocess.run(["pyside6-lupdate", *sources, "-no-obsolete", "-source-language", "en",
                    "-target-language", "es", "-ts", str(TS)], cwd=ROOT, check=True)
    tree = ET.parse(TS)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in ES:
            translation.text = ES[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    with open(TS, encoding="utf-8") as handle:
        text = handle.read()
    text = text.replace("<?xml version='1.0' encoding='utf-8'?>",
                        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    with open(TS, "w", encoding="utf-8") as handle:
        handle.write(text)
    subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(QM)], cwd=ROOT, check=True)
    for source in missing:
        print(f"untranslated: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
