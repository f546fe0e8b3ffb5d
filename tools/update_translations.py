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
    # Engines (tab, compare action, comparison rows)
    "Engines": "Motores",
    "Compare engines": "Comparar motores",
    "Engine": "Motor",
    "eager PyTorch": "PyTorch eager",
    "Engine float32 latency": "Latencia float32 del motor",
    "Preparation (not in latency)": "Preparación (fuera de la latencia)",
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
    # LayersPanel and PreviousRunBox
    "Load a model to see its layers.": "Cargue un modelo para ver sus capas.",
    "Layer plan status": "Estado del plan de capas",
    "Type": "Tipo",
    "Output shape": "Forma de salida",
    "Status": "Estado",
    "Reason": "Motivo",
    "Weight SQNR (dB)": "SQNR de los pesos (dB)",
    "Output SQNR (dB)": "SQNR de la salida (dB)",
    "Accumulated SQNR (dB)": "SQNR acumulada (dB)",
    "Tick a layer planned int8 to keep it in float in the next run.":
        "Marque una capa prevista en int8 para mantenerla en float en la próxima ejecución.",
    "int8: quantized; fused: folded into the layer before it; float: left in float.":
        "int8: cuantizada; fusionada: integrada en la capa anterior; float: se queda en float.",
    "The original weight (batch-norm folded in) against the int8 weight.":
        "El peso original (con la batch-norm integrada) frente al peso int8.",
    "The layer's own error: the quantized layer fed the float input.":
        "El error propio de la capa: la capa cuantizada alimentada con la entrada float.",
    "The quantized model's activation here against the original's, with every error upstream.":
        "La activación del modelo cuantizado aquí frente a la del original, con todo el error "
        "acumulado antes.",
    "Layers of the model": "Capas del modelo",
    "SQNR by layer": "SQNR por capa",
    "Output SQNR of each quantized layer (bars; red: the worst) and accumulated SQNR (dots). "
    "Higher is better.":
        "SQNR de la salida de cada capa cuantizada (barras; en rojo, las peores) y SQNR "
        "acumulada (puntos). Más es mejor.",
    "SQNR (dB)": "SQNR (dB)",
    "Sensitivity": "Sensibilidad",
    "Rank layers": "Clasificar capas",
    "Quantize everything but one layer, for each layer in turn, and rank the layers by how much "
    "keeping them in float helps.":
        "Cuantiza todo menos una capa, cada capa por turno, y ordena las capas según cuánto "
        "ayuda mantenerlas en float.",
    "Cancel ranking": "Cancelar la clasificación",
    "Keep suggested in float": "Mantener en float las sugeridas",
    "Tick the suggested layers' keep-float boxes; press Quantize to see the effect.":
        "Marca las casillas «mantener en float» de las capas sugeridas; pulse Cuantizar para "
        "ver el efecto.",
    "Rank the layers to find the ones that hurt most.":
        "Clasifique las capas para encontrar las que más perjudican.",
    "Sensitivity progress": "Progreso de la sensibilidad",
    "SQNR gain (dB)": "Ganancia de SQNR (dB)",
    "Accuracy gain": "Ganancia de exactitud",
    "SQNR when kept float (dB)": "SQNR si se mantiene en float (dB)",
    "Suggested": "Sugerida",
    "Layers ranked by sensitivity": "Capas ordenadas por sensibilidad",
    "Select a layer to see its weights.": "Seleccione una capa para ver sus pesos.",
    "Selected layer": "Capa seleccionada",
    "channel ": "canal ",
    "Output channel": "Canal de salida",
    "The output channel whose int8 grid is drawn (per-channel weights).":
        "El canal de salida cuya rejilla int8 se dibuja (pesos por canal).",
    "Weights of the selected layer": "Pesos de la capa seleccionada",
    "Weights and int8 grid": "Pesos y rejilla int8",
    "Weight range per output channel": "Rango de los pesos por canal de salida",
    "output channel": "canal de salida",
    "Activation range from calibration": "Rango de activación de la calibración",
    "input": "entrada",
    "output": "salida",
    "Reused from the previous run: {items}.": "Reutilizado de la ejecución anterior: {items}.",
    "Planning {method} quantization on the {backend} backend…":
        "Planificando la cuantización {method} en el backend {backend}…",
    "Plan for {method} quantization on the {backend} backend: {int8} layers int8, {fused} "
    "fused, {float} float. Tick “Keep float” to leave a layer in float.":
        "Plan de la cuantización {method} en el backend {backend}: {int8} capas int8, {fused} "
        "fusionadas, {float} float. Marque una capa para dejarla en float.",
    "The plan could not be made: {message}": "No se pudo hacer el plan: {message}",
    "int8": "int8",
    "fused": "fusionada",
    "float": "float",
    "(model)": "(modelo)",
    "Among the layers with the lowest output SQNR.":
        "Entre las capas con la SQNR de salida más baja.",
    "Tick to keep {name} in float in the next run.":
        "Marque para mantener {name} en float en la próxima ejecución.",
    "Last run: {method} on the {backend} backend, {count} of {total} layers int8, output SQNR "
    "{sqnr:.1f} dB. Highlighted in red: the layers with the lowest output SQNR ({worst}). "
    "Measured with {sources}.":
        "Última ejecución: {method} en el backend {backend}, {count} de {total} capas int8, "
        "SQNR de salida {sqnr:.1f} dB. Resaltadas en rojo: las capas con la SQNR de salida más "
        "baja ({worst}). Medido con {sources}.",
    "torch.ao.ns (PyTorch's numeric suite)": "torch.ao.ns (el numeric suite de PyTorch)",
    "torch.ao.ns (PyTorch's numeric suite) and forward hooks":
        "torch.ao.ns (el numeric suite de PyTorch) y forward hooks",
    "forward hooks": "forward hooks",
    " and ": " y ",
    "Tree": "Árbol",
    "Show the layers as a tree": "Mostrar las capas como un árbol",
    "Group the layers under the modules that contain them; sorting orders the layers inside "
    "each module.":
        "Agrupa las capas bajo los módulos que las contienen; al ordenar se ordenan las capas "
        "dentro de cada módulo.",
    "Flat list": "Lista plana",
    "Show the layers as a flat list": "Mostrar las capas como una lista plana",
    "List every layer by its full name; sorting orders all layers together.":
        "Lista cada capa por su nombre completo; al ordenar se ordenan todas las capas juntas.",
    "For a module: the parameters of everything inside it.":
        "En un módulo: los parámetros de todo lo que contiene.",
    "int8: quantized; fused: folded into the layer before it; float: left in float. For a "
    "module: how many layers inside it are which.":
        "int8: cuantizada; fusionada: integrada en la capa anterior; float: se queda en float. "
        "En un módulo: cuántas capas de cada tipo contiene.",
    "The original weight (batch-norm folded in) against the int8 weight. For a module: the "
    "lowest value inside it.":
        "El peso original (con batch-norm integrada) frente al peso int8. En un módulo: el "
        "valor más bajo que contiene.",
    "The layer's own error: the quantized layer fed the float input. For a module: the lowest "
    "value inside it.":
        "El error propio de la capa: la capa cuantizada alimentada con la entrada float. En un "
        "módulo: el valor más bajo que contiene.",
    "The quantized model's activation here against the original's, with every error upstream. "
    "For a module: the lowest value inside it.":
        "La activación del modelo cuantizado aquí frente a la del original, con todos los "
        "errores anteriores. En un módulo: el valor más bajo que contiene.",
    "{count} int8": "{count} int8",
    "{count} fused": "{count} fusionadas",
    "{count} float": "{count} float",
    "{name}: {type} with {count} layers inside": "{name}: {type} con {count} capas dentro",
    "module": "módulo",
    "The lowest value among the layers inside.": "El valor más bajo entre las capas que contiene.",
    "Holds one of the layers with the lowest output SQNR.":
        "Contiene una de las capas con la SQNR de salida más baja.",
    "{name} ({type}) holds {count} layers. Select one of them to see its weights.":
        "{name} ({type}) contiene {count} capas. Seleccione una para ver sus pesos.",
    "Press Quantize to measure each layer's error":
        "Pulse Cuantizar para medir el error de cada capa",
    "{scheme} int8 weights, scale {scale:.3g}, zero point {zp:g}":
        "pesos int8 {scheme}, escala {scale:.3g}, punto cero {zp:g}",
    "per-channel": "por canal",
    "per-tensor": "por tensor",
    "float weights": "pesos float",
    "weights before quantization (run to see the int8 grid)":
        "pesos antes de cuantizar (ejecute para ver la rejilla int8)",
    "no weights": "sin pesos",
    "{which} range [{low:.3g}, {high:.3g}]": "rango de {which} [{low:.3g}, {high:.3g}]",
    "No weights to show": "No hay pesos que mostrar",
    "Weights of channel {channel} and its int8 grid":
        "Pesos del canal {channel} y su rejilla int8",
    "Weights": "Pesos",
    "int8 levels": "niveles int8",
    "weight value": "valor del peso",
    "Activation range: none (float or dynamic layer)":
        "Rango de activación: ninguno (capa float o dinámica)",
    "Activation range: known after a static or QAT run":
        "Rango de activación: se conoce tras una ejecución estática o QAT",
    "Fix the settings first.": "Corrija primero los ajustes.",
    "Sensitivity: starting…": "Sensibilidad: empezando…",
    "Sensitivity {current}/{total}": "Sensibilidad {current}/{total}",
    "★ suggested": "★ sugerida",
    "Ranked {count} layers. Keeping {names} in float should help most.":
        "{count} capas clasificadas. Mantener {names} en float debería ayudar más.",
    "Ranked {count} layers. No layer gains 1 dB or more by staying float.":
        "{count} capas clasificadas. Ninguna gana 1 dB o más si se queda en float.",
    "Ranking failed: {message}": "La clasificación falló: {message}",
    "Ranking cancelled.": "Clasificación cancelada.",
    "Kept in float in the next run: {names}. Press Quantize to compare.":
        "Se mantendrán en float en la próxima ejecución: {names}. Pulse Cuantizar para comparar.",
    "What-if: previous run and this run": "¿Y si…?: la ejecución anterior y esta",
    "Previous run": "Ejecución anterior",
    "This run": "Esta ejecución",
    "Change": "Cambio",
    "Previous run compared with this run": "La ejecución anterior comparada con esta",
    "Reused from the previous run": "Reutilizado de la ejecución anterior",
    "none": "ninguna",
    "Layers kept float": "Capas mantenidas en float",
    "{median:.3f} ms": "{median:.3f} ms",
    "{delta:+.1f} dB": "{delta:+.1f} dB",
    "Top-1 agreement": "Coincidencia top-1",
    "Nothing was reused from the previous run.": "No se reutilizó nada de la ejecución anterior.",
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
    # OpenModelDialog, UserModels (opening the user's own models)
    "Open a model file of your own, with its data.":
        "Abrir un archivo de modelo propio, con sus datos.",
    "torch.export program": "programa de torch.export",
    "Python file": "archivo de Python",
    "TorchScript": "TorchScript",
    "pickled model — runs code": "modelo serializado con pickle — ejecuta código",
    "weights only (a state_dict), not a model": "solo pesos (un state_dict), no un modelo",
    "Browse…": "Examinar…",
    "Browse for {what}": "Buscar {what}",
    "Model file": "Archivo del modelo",
    "model.pt2, model.py, model.pt…": "modelo.pt2, modelo.py, modelo.pt…",
    "File:": "Archivo:",
    "Kind of model file": "Tipo de archivo de modelo",
    "Kind:": "Tipo:",
    "Class": "Clase",
    "The nn.Module subclasses defined in the file, found without running it.":
        "Las subclases de nn.Module definidas en el archivo, encontradas sin ejecutarlo.",
    "Class:": "Clase:",
    "Constructor arguments": "Argumentos del constructor",
    "Keyword arguments for the class, as a JSON object.":
        "Argumentos con nombre para la clase, como un objeto JSON.",
    "Constructor arguments problem": "Problema en los argumentos del constructor",
    "Arguments (JSON):": "Argumentos (JSON):",
    "Weights file": "Archivo de pesos",
    "optional: weights.pt (a state_dict)": "opcional: pesos.pt (un state_dict)",
    "Weights:": "Pesos:",
    "e.g. 3,32,32 (per sample, without batch)": "p. ej. 3,32,32 (por muestra, sin el lote)",
    "Input shape:": "Forma de entrada:",
    "Random (good for calibration only, no accuracy)":
        "Aleatorios (solo sirven para calibrar, sin exactitud)",
    "Tensor or array file (.pt, .npy, .npz)": "Archivo de tensores o arrays (.pt, .npy, .npz)",
    "CSV file with a label column": "Archivo CSV con una columna de etiquetas",
    "Folder of images, one sub-folder per class":
        "Carpeta de imágenes, una subcarpeta por clase",
    "Source:": "Origen:",
    "Data path": "Ruta de los datos",
    "Path:": "Ruta:",
    "Label column": "Columna de etiquetas",
    "Label column:": "Columna de etiquetas:",
    "Image size": "Tamaño de imagen",
    "H,W (empty: the first image's size)": "Al,An (vacío: el tamaño de la primera imagen)",
    "Image size:": "Tamaño de imagen:",
    "Validation fraction": "Fracción de validación",
    "The share of the samples kept aside to measure the models; the rest calibrates and trains.":
        "La parte de las muestras que se reserva para medir los modelos; el resto calibra y "
        "entrena.",
    "Validation fraction:": "Fracción de validación:",
    "Preview": "Vista previa",
    "Data preview": "Vista previa de los datos",
    "First rows": "Primeras filas",
    "Problem": "Problema",
    "Open": "Abrir",
    "Image folder": "Carpeta de imágenes",
    "Data file": "Archivo de datos",
    "Reading the file…": "Leyendo el archivo…",
    "not a model QuantGUI can open": "no es un modelo que QuantGUI pueda abrir",
    "256 random samples of the input shape: enough to calibrate, but there are no labels, so "
    "no accuracy.":
        "256 muestras aleatorias de la forma de entrada: bastan para calibrar, pero no hay "
        "etiquetas, así que no hay exactitud.",
    "Choose the data.": "Elija los datos.",
    "Reading the data…": "Leyendo los datos…",
    "{count} samples": "{count} muestras",
    "shape {shape}": "forma {shape}",
    "per class: {counts}": "por clase: {counts}",
    "no labels": "sin etiquetas",
    "Image of class {label}": "Imagen de la clase {label}",
    "(no labels)": "(sin etiquetas)",
    "Not valid JSON: {error} (at character {pos}).":
        "JSON no válido: {error} (en el carácter {pos}).",
    'Give a JSON object, e.g. {"hidden": 64}.': 'Escriba un objeto JSON, p. ej. {"hidden": 64}.',
    "Choose a model file.": "Elija un archivo de modelo.",
    "Reading the model file…": "Leyendo el archivo del modelo…",
    "This file holds only weights. Choose the Python file that defines the model, and give this "
    "file as its weights.":
        "Este archivo solo contiene pesos. Elija el archivo de Python que define el modelo e "
        "indique este archivo como sus pesos.",
    "Choose the model's class.": "Elija la clase del modelo.",
    "Constructor arguments: {problem}": "Argumentos del constructor: {problem}",
    "The weights file {path} does not exist.": "El archivo de pesos {path} no existe.",
    "Input shape: write positive whole numbers separated by commas, e.g. 3,32,32.":
        "Forma de entrada: escriba enteros positivos separados por comas, p. ej. 3,32,32.",
    "Input shape: needed for random data, as this file does not store it (e.g. 3,32,32, per "
    "sample).":
        "Forma de entrada: hace falta para datos aleatorios, porque este archivo no la guarda "
        "(p. ej. 3,32,32, por muestra).",
    "The image folder {path} does not exist.": "La carpeta de imágenes {path} no existe.",
    "The data file {path} does not exist.": "El archivo de datos {path} no existe.",
    "Tensor data must be a .pt, .pth, .npy or .npz file.":
        "Los datos de tensores deben ser un archivo .pt, .pth, .npy o .npz.",
    "Choose a .csv file.": "Elija un archivo .csv.",
    "Image size: write H,W or one number, e.g. 32,32.":
        "Tamaño de imagen: escriba Al,An o un solo número, p. ej. 32,32.",
    "Open &Recent": "Abrir &reciente",
    "Trust this file?": "¿Confía en este archivo?",
    "Loading this file runs code from it. Only continue if you trust where it came from.":
        "Cargar este archivo ejecuta código que contiene. Continúe solo si confía en su "
        "procedencia.",
    "{name} is a whole pickled model: opening it unpickles the file, which can run any code it "
    "contains. Safer: a torch.export program (.pt2), or the Python file and class with "
    "state_dict weights.":
        "{name} es un modelo completo serializado con pickle: abrirlo deserializa el archivo, lo "
        "que puede ejecutar cualquier código que contenga. Más seguro: un programa de "
        "torch.export (.pt2), o el archivo de Python y la clase con pesos en un state_dict.",
    "Trust and open": "Confiar y abrir",
    "Wait for the current job to end.": "Espere a que termine el trabajo en curso.",
    "Not a valid shape: {text}": "No es una forma válida: {text}",
    "Opening {name}…": "Abriendo {name}…",
    "No recent models": "No hay modelos recientes",
    "Clear the list": "Vaciar la lista",
    # CodeView, HistoryPanel, ResultsIO (keep and share results)
    "The script File > Export as Python script… writes for this model and these settings. It "
    "needs only torch and rebuilds the quantized model step by step.":
        "El script que escribe Archivo > Exportar como script de Python… para este modelo y estos "
        "ajustes. Solo necesita torch y reconstruye el modelo cuantizado paso a paso.",
    "Copy": "Copiar",
    "Copy the script to the clipboard.": "Copiar el script al portapapeles.",
    "Copy the script": "Copiar el script",
    "Export…": "Exportar…",
    "Write the script to a file.": "Escribir el script en un archivo.",
    "Export the script": "Exportar el script",
    "Python script": "Script de Python",
    "The standalone script for the current settings (read-only).":
        "El script independiente para los ajustes actuales (solo lectura).",
    "Load a model to see its script.": "Cargue un modelo para ver su script.",
    "# No script for these settings:": "# No hay script para estos ajustes:",
    "Time": "Hora",
    "Accuracy / SQNR": "Exactitud / SQNR",
    "Every finished run is kept here, also after QuantGUI restarts. Select two runs and press "
    "Compare.":
        "Cada ejecución terminada se guarda aquí, también tras reiniciar QuantGUI. Seleccione dos "
        "ejecuciones y pulse Comparar.",
    "Run history": "Historial de ejecuciones",
    "Every finished run. Delete removes the selected runs; select two to compare them.":
        "Cada ejecución terminada. Eliminar quita las ejecuciones seleccionadas; seleccione dos "
        "para compararlas.",
    "Delete": "Eliminar",
    "Remove the selected runs from the history (Delete).":
        "Quitar del historial las ejecuciones seleccionadas (Supr).",
    "Delete the selected runs": "Eliminar las ejecuciones seleccionadas",
    "Compare": "Comparar",
    "Show the two selected runs side by side.": "Mostrar lado a lado las dos ejecuciones "
                                                "seleccionadas.",
    "Compare the two selected runs": "Comparar las dos ejecuciones seleccionadas",
    "Two runs side by side": "Dos ejecuciones lado a lado",
    "Run comparison": "Comparación de ejecuciones",
    "Close": "Cerrar",
    "Close the comparison": "Cerrar la comparación",
    "Trade-off charts": "Gráficos de compromiso",
    "The current model's runs: quality against size and against latency. The line joins the "
    "best trade-offs (the Pareto front); click a point to select its run.":
        "Las ejecuciones del modelo actual: calidad frente a tamaño y frente a latencia. La línea "
        "une los mejores compromisos (el frente de Pareto); pulse un punto para seleccionar su "
        "ejecución.",
    "Run {id}: {settings}": "Ejecución {id}: {settings}",
    "{count} runs kept": "{count} ejecuciones guardadas",
    " ({delta:+.2f} points)": " ({delta:+.2f} puntos)",
    "SQNR ∞ (identical)": "SQNR ∞ (idéntico)",
    "Kept in float": "Mantenidas en float",
    "Original accuracy": "Exactitud original",
    "SQNR": "SQNR",
    "Run {id}": "Ejecución {id}",
    "Accuracy (%)": "Exactitud (%)",
    "No runs of {model} yet: press Quantize and each run appears here.":
        "Aún no hay ejecuciones de {model}: pulse Cuantizar y cada ejecución aparecerá aquí.",
    "this model": "este modelo",
    "{model}: {count} runs. The line joins the Pareto front, the runs no other run beats on both "
    "quality and cost.":
        "{model}: {count} ejecuciones. La línea une el frente de Pareto, las ejecuciones que "
        "ninguna otra supera a la vez en calidad y en coste.",
    "Quality against size": "Calidad frente a tamaño",
    "Quality against latency": "Calidad frente a latencia",
    "Code": "Código",
    "History": "Historial",
    "&Save quantized model…": "&Guardar modelo cuantizado…",
    "Save the last run's quantized model and check that it loads back.":
        "Guardar el modelo cuantizado de la última ejecución y comprobar que se vuelve a cargar.",
    "&Export as Python script…": "&Exportar como script de Python…",
    "Write a standalone script that rebuilds the quantized model with these settings.":
        "Escribir un script independiente que reconstruye el modelo cuantizado con estos "
        "ajustes.",
    "Save &HTML report…": "Guardar informe &HTML…",
    "Write the last run's report as one self-contained HTML file.":
        "Escribir el informe de la última ejecución como un único archivo HTML autónomo.",
    "Save re&cipe…": "Guardar re&ceta…",
    "Save the technique and settings (and the model's name) as JSON.":
        "Guardar la técnica y los ajustes (y el nombre del modelo) como JSON.",
    "Open rec&ipe…": "Abrir rece&ta…",
    "Fill in the technique and settings from a saved recipe (the window's or the command "
    "line's).":
        "Rellenar la técnica y los ajustes desde una receta guardada (de la ventana o de la "
        "línea de comandos).",
    "state_dict with a loader (*.pt)": "state_dict con cargador (*.pt)",
    "TorchScript (*.pt)": "TorchScript (*.pt)",
    "torch.export program (*.pt2)": "Programa de torch.export (*.pt2)",
    "Save quantized model": "Guardar modelo cuantizado",
    "Export as Python script": "Exportar como script de Python",
    "Python script (*.py)": "Script de Python (*.py)",
    "Save HTML report": "Guardar informe HTML",
    "HTML report (*.html)": "Informe HTML (*.html)",
    "Save recipe": "Guardar receta",
    "Recipe (*.json)": "Receta (*.json)",
    "Open recipe": "Abrir receta",
    "All files (*)": "Todos los archivos (*)",
    "Wait for the file being written to be done.":
        "Espere a que termine de escribirse el archivo en curso.",
    "Quantize first: there is no quantized model to save.":
        "Cuantice primero: no hay ningún modelo cuantizado que guardar.",
    "Saving the quantized model to {path}…": "Guardando el modelo cuantizado en {path}…",
    "Load a model first.": "Cargue primero un modelo.",
    "The script could not be written": "No se pudo escribir el script",
    "Writing the script to {path}…": "Escribiendo el script en {path}…",
    "Quantize first: there is no report to save.":
        "Cuantice primero: no hay ningún informe que guardar.",
    "QuantGUI report: {model}": "Informe de QuantGUI: {model}",
    "Writing the report to {path}…": "Escribiendo el informe en {path}…",
    "identical outputs": "salidas idénticas",
    "maximum output difference {difference:.3g}":
        "diferencia máxima de las salidas {difference:.3g}",
    "Saved {format} to {path} ({size}); loaded back: {verdict}.":
        "Guardado {format} en {path} ({size}); al volver a cargarlo: {verdict}.",
    "Script written to {path}.": "Script escrito en {path}.",
    "Its data: {paths}.": "Sus datos: {paths}.",
    "HTML report written to {path}.": "Informe HTML escrito en {path}.",
    "The quantized model could not be saved": "No se pudo guardar el modelo cuantizado",
    "The report could not be written": "No se pudo escribir el informe",
    "{path} cannot be written: {reason}.": "No se puede escribir {path}: {reason}.",
    "The recipe could not be saved": "No se pudo guardar la receta",
    "Recipe saved to {path}.": "Receta guardada en {path}.",
    "The recipe {name} cannot be read: {reason}.": "No se puede leer la receta {name}: {reason}.",
    "{name} is not a recipe: it is not valid JSON ({error}).":
        "{name} no es una receta: no es un JSON válido ({error}).",
    "Choose a file written by Save recipe… or by quantgui-cli --save-recipe.":
        "Elija un archivo escrito por Guardar receta… o por quantgui-cli --save-recipe.",
    "{name} is not a recipe: it has no technique (\"method\").":
        "{name} no es una receta: no indica la técnica (\"method\").",
    "The recipe could not be opened": "No se pudo abrir la receta",
    "Opened the recipe {path} ({method}).": "Abierta la receta {path} ({method}).",
    "The recipe was saved for {model}; its settings now apply to {current}. Open that model with "
    "File > Open model… to run it as saved.":
        "La receta se guardó para {model}; sus ajustes se aplican ahora a {current}. Abra ese "
        "modelo con Archivo > Abrir modelo… para ejecutarla tal como se guardó.",
    "The run could not be added to the history: {reason}.":
        "No se pudo añadir la ejecución al historial: {reason}.",
    "Added to the history as run {id}.": "Añadida al historial como ejecución {id}.",
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
    # Issue 13: the window's state, closing during a run, the Open dialog after an error, and
    # the small things (singulars, units, About)
    "Size (MiB)": "Tamaño (MiB)",
    "1 run kept": "1 ejecución guardada",
    "{model}: 1 run. The line joins the Pareto front, the runs no other run beats on both "
    "quality and cost.":
        "{model}: 1 ejecución. La línea une el frente de Pareto, las ejecuciones que ninguna otra "
        "supera a la vez en calidad y en coste.",
    "Planning…": "Planificando…",
    "No plan: {problem}": "Sin plan: {problem}",
    "Holds a layer below {limit:.0f} dB output SQNR.":
        "Contiene una capa por debajo de {limit:.0f} dB de SQNR de salida.",
    "Ranked 1 layer ({what}).": "1 capa clasificada ({what}).",
    "Ranked {count} layers ({what}).": "{count} capas clasificadas ({what}).",
    "Keeping {names} in float should help most.":
        "Mantener {names} en float debería ser lo que más ayude.",
    "No layer gains 1 dB or more by staying float.":
        "Ninguna capa gana 1 dB o más al quedarse en float.",
    "Output SQNR of each quantized layer (bars; red: below the dashed line at {limit:.0f} dB) "
    "and accumulated SQNR (dots). Higher is better.":
        "SQNR de salida de cada capa cuantizada (barras; en rojo: por debajo de la línea "
        "discontinua en {limit:.0f} dB) y SQNR acumulada (puntos). Más alto es mejor.",
    "Plan for {method} quantization on the {backend} backend: {int8}, {fused}, {float}.":
        "Plan para la cuantización {method} en el backend {backend}: {int8}, {fused}, {float}.",
    "1 layer int8": "1 capa int8",
    "{count} layers int8": "{count} capas int8",
    "1 fused": "1 fusionada",
    "1 float": "1 float",
    "1 int8": "1 int8",
    "Kept in float by you: {names}.": "Mantenidas en float por usted: {names}.",
    "Tick “Keep float” to leave a layer in float.":
        "Marque «Mantener en float» para dejar una capa en float.",
    "Highlighted in red: {names}, below {limit:.0f} dB output SQNR (the layer's own error is "
    "large).":
        "Resaltadas en rojo: {names}, por debajo de {limit:.0f} dB de SQNR de salida (el error "
        "propio de la capa es grande).",
    "No layer is below {limit:.0f} dB output SQNR, so none is highlighted.":
        "Ninguna capa está por debajo de {limit:.0f} dB de SQNR de salida, así que ninguna se "
        "resalta.",
    "Last run: {method} on the {backend} backend, {count} of {total} layers int8, output SQNR "
    "{sqnr:.1f} dB. {worst} Measured with {sources}.":
        "Última ejecución: {method} en el backend {backend}, {count} de {total} capas en int8, "
        "SQNR de salida {sqnr:.1f} dB. {worst} Medido con {sources}.",
    "kept in float: ticked “Keep float” (the plan would make it int8)":
        "mantenida en float: marcada «Mantener en float» (el plan la pondría en int8)",
    "Output SQNR {value:.1f} dB, below {limit:.0f} dB: this layer's own quantization error is "
    "large (the layer fed the float input). The Sensitivity ranking measures something else, "
    "how much the whole model's output gains when this layer alone stays float, so a layer can "
    "be red here and low in the ranking, or the reverse.":
        "SQNR de salida {value:.1f} dB, por debajo de {limit:.0f} dB: el error de cuantización "
        "propio de esta capa es grande (la capa recibe la entrada en float). La clasificación de "
        "Sensibilidad mide otra cosa, cuánto gana la salida de todo el modelo si solo esta capa "
        "se queda en float, así que una capa puede estar en rojo aquí y baja en la "
        "clasificación, o al revés.",
    "Next run:": "Próxima ejecución:",
    "Next run: {names} kept in float.": "Próxima ejecución: {names} en float.",
    "{method} on the {backend} backend": "{method} en el backend {backend}",
    "The ranking was made for {what}; the technique or its settings changed since. Rank again "
    "to rank the layers for these settings.":
        "La clasificación se hizo para {what}; la técnica o sus ajustes han cambiado desde "
        "entonces. Vuelva a clasificar las capas para estos ajustes.",
    "Quantize with these settings on every engine available here, time them together and "
    "recommend one (Ctrl+Shift+R).":
        "Cuantizar con estos ajustes en cada motor disponible aquí, medirlos juntos y "
        "recomendar uno (Ctrl+Mayús+R).",
    "Compare &engines": "Comparar &motores",
    "Run these settings on every engine and recommend the fastest that keeps agreement.":
        "Ejecutar estos ajustes en cada motor y recomendar el más rápido que mantenga la "
        "concordancia.",
    "The model could not be loaded: {message}": "No se pudo cargar el modelo: {message}",
    "QuantGUI {version} · PyTorch {torch} (quantized engine {engine}) · PySide6 {pyside} "
    "(Qt {qt}) · Python {python}":
        "QuantGUI {version} · PyTorch {torch} (motor cuantizado {engine}) · PySide6 {pyside} "
        "(Qt {qt}) · Python {python}",
    "See and do PyTorch quantization: load a model, quantize a copy, and compare size, latency, "
    "accuracy and how far the outputs agree, layer by layer.":
        "Ver y hacer cuantización de PyTorch: cargue un modelo, cuantice una copia y compare "
        "tamaño, latencia, exactitud y cuánto concuerdan las salidas, capa a capa.",
    "MIT licence. The README beside the program explains every number; the same pipeline runs "
    "without a screen as quantgui-cli.":
        "Licencia MIT. El README junto al programa explica cada número; el mismo proceso se "
        "ejecuta sin pantalla con quantgui-cli.",
    "An engine comparison is running.": "Hay una comparación de motores en marcha.",
    "A {method} run is in progress.": "Hay una ejecución {method} en curso.",
    "The layers are being ranked (Layers tab).":
        "Se están clasificando las capas (pestaña Capas).",
    "Quit QuantGUI?": "¿Salir de QuantGUI?",
    "Quitting stops it, and its result is lost. Keep it running to see the result.":
        "Salir la detiene y su resultado se pierde. Déjela en marcha para ver el resultado.",
    "Stop and quit": "Detener y salir",
    "Keep running": "Seguir",
    "Cancelled; the window is closing.": "Cancelado; la ventana se está cerrando.",
    "Compare engines: {recipe}": "Comparar motores: {recipe}",
    "Comparing engines on {name} ({method})…": "Comparando motores con {name} ({method})…",
    "Timing all engines together…": "Midiendo todos los motores juntos…",
    "Engine {index}/{count}: {engine}": "Motor {index}/{count}: {engine}",
    "epoch {epoch}/{epochs}": "época {epoch}/{epochs}",
    "A run could not be added to the history: {reason}.":
        "No se pudo añadir una ejecución al historial: {reason}.",
    "Compared {count} engine(s) in {seconds:.1f} s; {added} run(s) added to the history.":
        "{count} motor(es) comparado(s) en {seconds:.1f} s; {added} ejecución(es) añadida(s) "
        "al historial.",
    "Cancelled; the last completed run is shown.":
        "Cancelado; se muestra la última ejecución completada.",
    "The engine comparison failed": "La comparación de motores falló",
    "Change and try again…": "Cambiar y reintentar…",
    "same": "igual",
    "changed": "cambia",
    "What-if: previous run ({before}) and this run ({now})":
        "¿Y si…?: la ejecución anterior ({before}) y esta ({now})",
    "ONNX model (*.onnx)": "Modelo ONNX (*.onnx)",
    "Replace the files beside the script?": "¿Reemplazar los archivos junto al script?",
    "Exporting the script to {path} also writes its data and weights beside it, and these files "
    "exist already:":
        "Exportar el script a {path} escribe también sus datos y pesos a su lado, y estos "
        "archivos ya existen:",
    "Replace": "Reemplazar",
    "The script was not written.": "El script no se escribió.",
    "Input features": "Características de entrada",
    "feature": "característica",
    # wording: the core's command-line options, in the window's words
    "the “{field}” field": "el campo «{field}»",
    "Arguments (JSON)": "Argumentos (JSON)",
    "e.g. {example} in {field}": "p. ej. {example} en {field}",
    "the Python file, its class and its weights in Open model":
        "el archivo Python, su clase y sus pesos en Abrir modelo",
    "Open a Python file and choose its class": "Abra un archivo Python y elija su clase",
    "leave {field} empty": "deje vacío {field}",
    "Leave {field} empty": "Deje vacío {field}",
    "answer “Trust and open” when asked": "responda «Confiar y abrir» cuando se le pregunte",
    # Compare all three: the Techniques tab, its action, button and progress
    "Compare all three": "Comparar las tres",
    "Compare &all three": "Comparar &las tres",
    "Techniques": "Técnicas",
    "Quantize with Dynamic, Static and QAT with the settings they share, time them together "
    "with the original and mark the best trade-offs (Ctrl+Shift+A).":
        "Cuantizar con Dinámica, Estática y QAT con los ajustes que comparten, medirlas junto "
        "con el original y marcar los mejores compromisos (Ctrl+Mayús+A).",
    "Run Dynamic, Static and QAT on this model and show them side by side.":
        "Ejecutar Dinámica, Estática y QAT con este modelo y mostrarlas lado a lado.",
    "Compare all three, {label}: {recipe}": "Comparar las tres, {label}: {recipe}",
    "Comparing {techniques} on {name}…": "Comparando {techniques} con {name}…",
    "Timing all results together…": "Midiendo todos los resultados juntos…",
    "Technique {index}/{count}: {technique}": "Técnica {index}/{count}: {technique}",
    "epoch {epoch}/{epochs}, step {step}/{steps}": "época {epoch}/{epochs}, paso {step}/{steps}",
    "{label} was not run: {reason}": "{label} no se ejecutó: {reason}",
    "Compared {count} technique(s) in {seconds:.1f} s; Pareto front: {front}; {added} run(s) "
    "added to the history.":
        "{count} técnica(s) comparada(s) en {seconds:.1f} s; frente de Pareto: {front}; "
        "{added} ejecución(es) añadida(s) al historial.",
    "Compare all three failed": "Comparar las tres falló",
    "Compare all three is running.": "Comparar las tres está en marcha.",
    "How do the three techniques compare on this model?\n\nRun ▸ Compare all three "
    "(Ctrl+Shift+A) quantizes the loaded model with Dynamic, Static and QAT, using the settings "
    "on the left that they share (engine, threads, batch size, layers kept in float), times "
    "them together with the float32 original, and shows size, latency, accuracy and agreement "
    "side by side with the Pareto front: the best trade-offs. Each technique's run is added to "
    "the History.":
        "¿Cómo se comparan las tres técnicas con este modelo?\n\nEjecutar ▸ Comparar las tres "
        "(Ctrl+Mayús+A) cuantiza el modelo cargado con Dinámica, Estática y QAT, con los "
        "ajustes de la izquierda que comparten (motor, hilos, tamaño de lote, capas mantenidas "
        "en float), las mide junto con el original float32 y muestra tamaño, latencia, "
        "exactitud y concordancia lado a lado con el frente de Pareto: los mejores "
        "compromisos. La ejecución de cada técnica se añade al Historial.",
    "Compare all three: how to start": "Comparar las tres: cómo empezar",
    "Pareto front": "Frente de Pareto",
    "How the techniques were measured": "Cómo se midieron las técnicas",
    "Result": "Resultado",
    "Size of the saved model (state_dict).": "Tamaño del modelo guardado (state_dict).",
    "Size\nratio": "Tamaño\nrelativo",
    "Size against the float32 original: lower is smaller.":
        "Tamaño frente al original float32: menos es más pequeño.",
    "Latency\nmedian": "Latencia\nmediana",
    "Median latency of one batch.": "Latencia mediana de un lote.",
    "p90": "p90",
    "90th percentile latency of one batch.": "Latencia del percentil 90 de un lote.",
    "Speed-up": "Aceleración",
    "Median latency of the original divided by this one's: above 1× is faster.":
        "Latencia mediana del original dividida por la de este: por encima de 1× es más rápido.",
    "Validation accuracy.": "Exactitud de validación.",
    "Agreement\nSQNR (dB)": "Concordancia\nSQNR (dB)",
    "How close the outputs stay to the original's: higher is closer, ∞ is identical.":
        "Cuánto se acercan las salidas a las del original: más alto es más cercano, ∞ es "
        "idéntico.",
    "int8\nlayers": "Capas\nint8",
    "Layers running in int8, of all layers.": "Capas que se ejecutan en int8, del total.",
    "Pareto": "Pareto",
    "★: on the Pareto front.": "★: en el frente de Pareto.",
    "Technique comparison table": "Tabla de comparación de técnicas",
    "The original and every result are timed together in interleaved rounds, so their "
    "latencies can be compared.":
        "El original y cada resultado se miden juntos en rondas intercaladas, así que sus "
        "latencias se pueden comparar.",
    "What the Pareto front is": "Qué es el frente de Pareto",
    "Techniques not run": "Técnicas no ejecutadas",
    "Latency against accuracy chart": "Gráfico de latencia frente a exactitud",
    "One point per result: left is faster, up is more accurate, a bigger marker is a bigger "
    "model. The dashed line joins the Pareto front.":
        "Un punto por resultado: a la izquierda es más rápido, arriba es más exacto, un "
        "marcador mayor es un modelo mayor. La línea discontinua une el frente de Pareto.",
    "Median latency (ms), lower is faster": "Latencia mediana (ms), menos es más rápido",
    "Pareto front: {results}": "Frente de Pareto: {results}",
    "No technique ran.": "No se ejecutó ninguna técnica.",
    "{model}: {threads} thread(s), batch {batch}, {engine}. The original and every result were "
    "timed together in interleaved rounds.":
        "{model}: {threads} hilo(s), lote {batch}, {engine}. El original y cada resultado se "
        "midieron juntos en rondas intercaladas.",
    "accuracy": "exactitud",
    "agreement (SQNR)": "concordancia (SQNR)",
    "{mark} Pareto front: the results that no other result beats on latency, size and "
    "{quality} at once. Each one is a best trade-off; every result off the front is beaten on "
    "all three by one on it.":
        "{mark} Frente de Pareto: los resultados que ningún otro supera a la vez en latencia, "
        "tamaño y {quality}. Cada uno es un mejor compromiso; cada resultado fuera del frente "
        "es superado en las tres cosas por uno del frente.",
    "accuracy {value}": "exactitud {value}",
    "agreement {value} dB": "concordancia {value} dB",
    "{title}: {size:.2f}× the size, {speedup:.2f}× the speed, {quality}.":
        "{title}: {size:.2f}× el tamaño, {speedup:.2f}× la velocidad, {quality}.",
    "float32 original": "original float32",
    "{ms:.2f} ms": "{ms:.2f} ms",
    "Quantized in {seconds:.1f} s.": "Cuantizado en {seconds:.1f} s.",
    "Not run here:": "No ejecutado aquí:",
    "Accuracy (%), higher is better": "Exactitud (%), más alto es mejor",
    "Agreement SQNR (dB), higher is closer": "SQNR de concordancia (dB), más alto es más cercano",
    "Latency against accuracy; marker area: model size":
        "Latencia frente a exactitud; área del marcador: tamaño del modelo",
    "Latency against agreement; marker area: model size":
        "Latencia frente a concordancia; área del marcador: tamaño del modelo",
}


def tool(name: str) -> str:
    """The PySide6 tool installed next to this Python (works without activating the venv)."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "quantgui" / "ui").glob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-source-language", "en",
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
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True)
    for source in missing:
        print(f"untranslated: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
