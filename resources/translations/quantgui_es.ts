<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ArchitectureBrowser</name>
    <message>
        <location filename="../../quantgui/ui/architectures.py" line="47"/>
        <source>Search architectures</source>
        <translation>Buscar arquitecturas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/architectures.py" line="48"/>
        <source>Search, e.g. resnet or vit</source>
        <translation>Buscar, p. ej. resnet o vit</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/architectures.py" line="52"/>
        <source>Architectures</source>
        <translation>Arquitecturas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/architectures.py" line="53"/>
        <source>The classification architectures of the installed torchvision and timm; built with random weights unless you give a weights file (nothing is downloaded).</source>
        <translation>Las arquitecturas de clasificación de torchvision y timm instalados; se construyen con pesos aleatorios salvo que indique un archivo de pesos (nunca se descarga nada).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/architectures.py" line="61"/>
        <source>Architecture packages</source>
        <translation>Paquetes de arquitecturas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/architectures.py" line="77"/>
        <source>Looking for torchvision and timm…</source>
        <translation>Buscando torchvision y timm…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/architectures.py" line="94"/>
        <source>{package} {version}: {count} architectures</source>
        <translation>{package} {version}: {count} arquitecturas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/architectures.py" line="97"/>
        <source>Any other factory works too: type it above, e.g. py:mypackage.models:make_model.</source>
        <translation>Cualquier otra fábrica también sirve: escríbala arriba, p. ej. py:mipaquete.models:make_model.</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <location filename="../../quantgui/ui/code_view.py" line="89"/>
        <source>The script File &gt; Export as Python script… writes for this model and these settings. It needs only torch and rebuilds the quantized model step by step.</source>
        <translation>El script que escribe Archivo &gt; Exportar como script de Python… para este modelo y estos ajustes. Solo necesita torch y reconstruye el modelo cuantizado paso a paso.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/code_view.py" line="93"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/code_view.py" line="94"/>
        <source>Copy the script to the clipboard.</source>
        <translation>Copiar el script al portapapeles.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/code_view.py" line="95"/>
        <source>Copy the script</source>
        <translation>Copiar el script</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/code_view.py" line="97"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/code_view.py" line="98"/>
        <source>Write the script to a file.</source>
        <translation>Escribir el script en un archivo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/code_view.py" line="99"/>
        <source>Export the script</source>
        <translation>Exportar el script</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/code_view.py" line="110"/>
        <source>Python script</source>
        <translation>Script de Python</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/code_view.py" line="111"/>
        <source>The standalone script for the current settings (read-only).</source>
        <translation>El script independiente para los ajustes actuales (solo lectura).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/code_view.py" line="113"/>
        <source>Load a model to see its script.</source>
        <translation>Cargue un modelo para ver su script.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/code_view.py" line="185"/>
        <source># No script for these settings:</source>
        <translation># No hay script para estos ajustes:</translation>
    </message>
</context>
<context>
    <name>ComparisonPanel</name>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="129"/>
        <source>Quantized / original: {ratio:.2f}×</source>
        <translation>Cuantizado / original: {ratio:.2f}×</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="146"/>
        <source>Press Quantize to compare the original and the quantized model here.</source>
        <translation>Pulse Cuantizar para comparar aquí el modelo original y el cuantizado.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="156"/>
        <location filename="../../quantgui/ui/comparison_panel.py" line="177"/>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="156"/>
        <location filename="../../quantgui/ui/comparison_panel.py" line="177"/>
        <location filename="../../quantgui/ui/comparison_panel.py" line="204"/>
        <source>Quantized</source>
        <translation>Cuantizado</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="156"/>
        <source>Quantized / original</source>
        <translation>Cuantizado / original</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="168"/>
        <source>Comparison of original and quantized model</source>
        <translation>Comparación del modelo original y el cuantizado</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="169"/>
        <source>Size is the saved state_dict; latency is the median of warm runs with the stated threads and batch size.</source>
        <translation>El tamaño es el del state_dict guardado; la latencia es la mediana de ejecuciones en caliente con los hilos y el tamaño de lote indicados.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="172"/>
        <source>Size and latency bar charts</source>
        <translation>Gráficos de barras de tamaño y latencia</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="173"/>
        <source>Size and median latency, original (blue) and quantized (orange).</source>
        <translation>Tamaño y latencia mediana, original (azul) y cuantizado (naranja).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="175"/>
        <location filename="../../quantgui/ui/comparison_panel.py" line="338"/>
        <source>Size (KiB)</source>
        <translation>Tamaño (KiB)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="176"/>
        <source>Latency (ms)</source>
        <translation>Latencia (ms)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="203"/>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="203"/>
        <source>Original type</source>
        <translation>Tipo original</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="204"/>
        <source>Quantized type</source>
        <translation>Tipo cuantizado</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="205"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="219"/>
        <source>Layer table</source>
        <translation>Tabla de capas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="220"/>
        <source>Every layer of the model, and what quantization did to it.</source>
        <translation>Cada capa del modelo y lo que la cuantización hizo con ella.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="232"/>
        <source>Latency measurement warning</source>
        <translation>Aviso sobre la medida de latencia</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="294"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="296"/>
        <source>{median:.3f} ms (p90 {p90:.3f})</source>
        <translation>{median:.3f} ms (p90 {p90:.3f})</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="297"/>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="302"/>
        <source>{threads} threads, batch {batch}, {runs} runs</source>
        <translation>{threads} hilos, lote {batch}, {runs} ejecuciones</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="303"/>
        <source>Measured with</source>
        <translation>Medido con</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="310"/>
        <source>{delta:+.2f} points</source>
        <translation>{delta:+.2f} puntos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="311"/>
        <source>Accuracy</source>
        <translation>Exactitud</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="314"/>
        <source>Layers quantized</source>
        <translation>Capas cuantizadas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="314"/>
        <source>0 of {total}</source>
        <translation>0 de {total}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="315"/>
        <source>{count} of {total}</source>
        <translation>{count} de {total}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="317"/>
        <source>Technique</source>
        <translation>Técnica</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="317"/>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="322"/>
        <source>Engine</source>
        <translation>Motor</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="325"/>
        <source>Engine float32 latency</source>
        <translation>Latencia float32 del motor</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="333"/>
        <source>Preparation (not in latency)</source>
        <translation>Preparación (fuera de la latencia)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="334"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="338"/>
        <source>Size (MiB)</source>
        <translation>Tamaño (MiB)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="347"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/comparison_panel.py" line="347"/>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>EnginesPanel</name>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="61"/>
        <source>Which engine runs your model fastest?

Run ▸ Compare engines (Ctrl+Shift+R) quantizes the model with the technique and settings on the left on every engine available here (PyTorch eager, compiled, ONNX Runtime, …), times them together, and recommends the fastest one that keeps agreement with the original. Each engine&apos;s run is added to the History.</source>
        <translation>¿Qué motor ejecuta su modelo más rápido?

Ejecutar ▸ Comparar motores (Ctrl+Mayús+R) cuantiza el modelo con la técnica y los ajustes de la izquierda en cada motor disponible aquí (PyTorch eager, compilado, ONNX Runtime, …), los mide juntos y recomienda el más rápido que mantiene la concordancia con el original. La ejecución de cada motor se añade al Historial.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="68"/>
        <source>Engines: how to start</source>
        <translation>Motores: cómo empezar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="77"/>
        <source>Recommended engine</source>
        <translation>Motor recomendado</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="82"/>
        <source>How the engines were measured</source>
        <translation>Cómo se midieron los motores</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="87"/>
        <source>Engine</source>
        <translation>Motor</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="88"/>
        <source>int8
median</source>
        <translation>int8
mediana</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="88"/>
        <source>Median latency of the quantized model.</source>
        <translation>Latencia mediana del modelo cuantizado.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="89"/>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="89"/>
        <source>90th percentile latency of the quantized model.</source>
        <translation>Latencia del percentil 90 del modelo cuantizado.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="90"/>
        <source>Threads,
batch</source>
        <translation>Hilos,
lote</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="90"/>
        <source>Threads and batch size of the timing.</source>
        <translation>Hilos y tamaño de lote de la medición.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="91"/>
        <source>vs eager
float32</source>
        <translation>vs float32
eager</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="91"/>
        <source>Speed-up over the float32 original in eager PyTorch.</source>
        <translation>Aceleración respecto al original float32 en PyTorch eager.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="93"/>
        <source>vs own
float32</source>
        <translation>vs float32
propio</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="93"/>
        <source>Speed-up over the same engine running the float32 model (its compiler or runtime alone).</source>
        <translation>Aceleración respecto al mismo motor con el modelo float32 (solo su compilador o runtime).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="96"/>
        <source>Prepare
(s)</source>
        <translation>Preparación
(s)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="96"/>
        <source>Preparation and compile time, apart from latency.</source>
        <translation>Tiempo de preparación y compilación, aparte de la latencia.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="98"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="98"/>
        <source>Size of the quantized model.</source>
        <translation>Tamaño del modelo cuantizado.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="99"/>
        <source>Accuracy</source>
        <translation>Exactitud</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="99"/>
        <source>Validation accuracy of the quantized model.</source>
        <translation>Exactitud de validación del modelo cuantizado.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="100"/>
        <source>SQNR
(dB)</source>
        <translation>SQNR
(dB)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="100"/>
        <source>Agreement with the original&apos;s outputs: higher is closer.</source>
        <translation>Concordancia con las salidas del original: más alto es más cercano.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="115"/>
        <source>Engine comparison table</source>
        <translation>Tabla de comparación de motores</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="122"/>
        <source>Run shown in Comparison, Layers and Outputs</source>
        <translation>Ejecución mostrada en Comparación, Capas y Salidas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="124"/>
        <source>All engines are timed together in interleaved rounds, so their speed-ups can be compared.</source>
        <translation>Todos los motores se miden juntos en rondas intercaladas, de modo que sus aceleraciones son comparables.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="130"/>
        <source>Engines not run</source>
        <translation>Motores no ejecutados</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="132"/>
        <source>Speed-up per engine bar chart</source>
        <translation>Gráfico de barras de la aceleración por motor</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="133"/>
        <source>Speed-up over float32 eager PyTorch; the line marks 1× (no faster). The recommended engine is orange.</source>
        <translation>Aceleración respecto a float32 en PyTorch eager; la línea marca 1× (no más rápido). El motor recomendado está en naranja.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="136"/>
        <source>Speed-up over float32 eager PyTorch</source>
        <translation>Aceleración respecto a float32 en PyTorch eager</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="192"/>
        <source>Comparison, Layers and Outputs show {engine}; select another row to show that run there (and save it).</source>
        <translation>Comparación, Capas y Salidas muestran {engine}; seleccione otra fila para mostrar allí esa ejecución (y guardarla).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="197"/>
        <source>Select a row to show that run in Comparison, Layers and Outputs (and save it).</source>
        <translation>Seleccione una fila para mostrar esa ejecución en Comparación, Capas y Salidas (y guardarla).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="224"/>
        <source>Recommended: {engine}</source>
        <translation>Recomendado: {engine}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="233"/>
        <source>{model}, {method}: {threads} thread(s), batch {batch}. float32 eager PyTorch: {median:.3f} ms (p90 {p90:.3f}). Timed together in interleaved rounds; preparation and compile time are apart.</source>
        <translation>{model}, {method}: {threads} hilo(s), lote {batch}. float32 en PyTorch eager: {median:.3f} ms (p90 {p90:.3f}). Medidos juntos en rondas intercaladas; la preparación y la compilación van aparte.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="239"/>
        <source>{model}, {method}: no engine ran.</source>
        <translation>{model}, {method}: no se ejecutó ningún motor.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="259"/>
        <location filename="../../quantgui/ui/engines_panel.py" line="260"/>
        <source>{ms:.3f} ms</source>
        <translation>{ms:.3f} ms</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="261"/>
        <source>{threads}, {batch}</source>
        <translation>{threads}, {batch}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/engines_panel.py" line="319"/>
        <source>Not run here:</source>
        <translation>No ejecutado aquí:</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../quantgui/ui/help.py" line="36"/>
        <source>QuantGUI guide</source>
        <translation>Guía de QuantGUI</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/help.py" line="41"/>
        <source>Guide</source>
        <translation>Guía</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="63"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="63"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="122"/>
        <location filename="../../quantgui/ui/history_panel.py" line="412"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="122"/>
        <location filename="../../quantgui/ui/history_panel.py" line="414"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="122"/>
        <location filename="../../quantgui/ui/history_panel.py" line="415"/>
        <source>Technique</source>
        <translation>Técnica</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="123"/>
        <location filename="../../quantgui/ui/history_panel.py" line="419"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="123"/>
        <location filename="../../quantgui/ui/history_panel.py" line="423"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="123"/>
        <location filename="../../quantgui/ui/history_panel.py" line="425"/>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="124"/>
        <source>Accuracy / SQNR</source>
        <translation>Exactitud / SQNR</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="128"/>
        <source>Every finished run is kept here, also after QuantGUI restarts. Select two runs and press Compare.</source>
        <translation>Cada ejecución terminada se guarda aquí, también tras reiniciar QuantGUI. Seleccione dos ejecuciones y pulse Comparar.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="138"/>
        <source>Run history</source>
        <translation>Historial de ejecuciones</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="139"/>
        <source>Every finished run. Delete removes the selected runs; select two to compare them.</source>
        <translation>Cada ejecución terminada. Eliminar quita las ejecuciones seleccionadas; seleccione dos para compararlas.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="150"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="151"/>
        <source>Remove the selected runs from the history (Delete).</source>
        <translation>Quitar del historial las ejecuciones seleccionadas (Supr).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="153"/>
        <source>Delete the selected runs</source>
        <translation>Eliminar las ejecuciones seleccionadas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="155"/>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="156"/>
        <source>Show the two selected runs side by side.</source>
        <translation>Mostrar lado a lado las dos ejecuciones seleccionadas.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="157"/>
        <source>Compare the two selected runs</source>
        <translation>Comparar las dos ejecuciones seleccionadas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="160"/>
        <source>Apply these settings</source>
        <translation>Aplicar estos ajustes</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="161"/>
        <source>Select the run&apos;s technique and fill in its settings, to run it again or change it.</source>
        <translation>Selecciona la técnica de la ejecución y rellena sus ajustes, para repetirla o cambiarla.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="166"/>
        <source>Apply settings</source>
        <translation>Aplicar ajustes</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="168"/>
        <source>Apply the selected run&apos;s settings</source>
        <translation>Aplicar los ajustes de la ejecución seleccionada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="179"/>
        <source>Two runs side by side</source>
        <translation>Dos ejecuciones lado a lado</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="183"/>
        <source>Run comparison</source>
        <translation>Comparación de ejecuciones</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="189"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="190"/>
        <source>Close the comparison</source>
        <translation>Cerrar la comparación</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="197"/>
        <source>Trade-off charts</source>
        <translation>Gráficos de compromiso</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="198"/>
        <source>The current model&apos;s runs: quality against size and against latency. The line joins the best trade-offs (the Pareto front); click a point to select its run.</source>
        <translation>Las ejecuciones del modelo actual: calidad frente a tamaño y frente a latencia. La línea une los mejores compromisos (el frente de Pareto); pulse un punto para seleccionar su ejecución.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="312"/>
        <source>Run {id}: {settings}</source>
        <translation>Ejecución {id}: {settings}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="317"/>
        <source>1 run kept</source>
        <translation>1 ejecución guardada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="318"/>
        <source>{count} runs kept</source>
        <translation>{count} ejecuciones guardadas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="359"/>
        <source> ({delta:+.2f} points)</source>
        <translation> ({delta:+.2f} puntos)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="363"/>
        <source>SQNR {value:.1f} dB</source>
        <translation>SQNR {value:.1f} dB</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="364"/>
        <source>SQNR ∞ (identical)</source>
        <translation>SQNR ∞ (idéntico)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="377"/>
        <source>Kept in float: {layers}</source>
        <translation>Mantenidas en float: {layers}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="417"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="418"/>
        <source>Threads</source>
        <translation>Hilos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="421"/>
        <source>Kept in float</source>
        <translation>Mantenidas en float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="427"/>
        <source>Accuracy</source>
        <translation>Exactitud</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="429"/>
        <source>Original accuracy</source>
        <translation>Exactitud original</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="431"/>
        <source>SQNR</source>
        <translation>SQNR</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="435"/>
        <location filename="../../quantgui/ui/history_panel.py" line="436"/>
        <source>Run {id}</source>
        <translation>Ejecución {id}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="463"/>
        <source>Accuracy (%)</source>
        <translation>Exactitud (%)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="463"/>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="469"/>
        <source>No runs of {model} yet: press Quantize and each run appears here.</source>
        <translation>Aún no hay ejecuciones de {model}: pulse Cuantizar y cada ejecución aparecerá aquí.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="471"/>
        <source>this model</source>
        <translation>este modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="475"/>
        <source>{model}: 1 run. The line joins the Pareto front, the runs no other run beats on both quality and cost.</source>
        <translation>{model}: 1 ejecución. La línea une el frente de Pareto, las ejecuciones que ninguna otra supera a la vez en calidad y en coste.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="477"/>
        <source>{model}: {count} runs. The line joins the Pareto front, the runs no other run beats on both quality and cost.</source>
        <translation>{model}: {count} ejecuciones. La línea une el frente de Pareto, las ejecuciones que ninguna otra supera a la vez en calidad y en coste.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="485"/>
        <source>Quality against size</source>
        <translation>Calidad frente a tamaño</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="486"/>
        <source>Size (MiB)</source>
        <translation>Tamaño (MiB)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="487"/>
        <source>Size (KiB)</source>
        <translation>Tamaño (KiB)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="489"/>
        <source>Quality against latency</source>
        <translation>Calidad frente a latencia</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/history_panel.py" line="490"/>
        <source>Latency (ms)</source>
        <translation>Latencia (ms)</translation>
    </message>
</context>
<context>
    <name>InputsEditor</name>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="54"/>
        <source>Model inputs</source>
        <translation>Entradas del modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="55"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="55"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="56"/>
        <source>Shape</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="56"/>
        <source>Range</source>
        <translation>Rango</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="58"/>
        <source>Per sample, without the batch: 128 for a sequence, 3,224,224 for an image.</source>
        <translation>Por muestra, sin el lote: 128 para una secuencia, 3,224,224 para una imagen.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="61"/>
        <source>The values it takes, both ends included: 0..30521 for token ids of a 30522-word vocabulary, 0..1 for an attention mask. Needed for integer inputs; for float inputs it makes random data uniform in it.</source>
        <translation>Los valores que toma, ambos extremos incluidos: 0..30521 para ids de tokens de un vocabulario de 30522 palabras, 0..1 para una máscara de atención. Necesario para entradas enteras; en entradas de coma flotante, los datos aleatorios son uniformes en él.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="73"/>
        <source>Add input</source>
        <translation>Añadir entrada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="74"/>
        <source>Add a row for the model&apos;s next input, in the order its forward takes them.</source>
        <translation>Añade una fila para la siguiente entrada del modelo, en el orden en que las toma su forward.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="77"/>
        <source>Remove input</source>
        <translation>Quitar entrada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="78"/>
        <source>Remove the selected input.</source>
        <translation>Quita la entrada seleccionada.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="94"/>
        <source>Type of input {number}</source>
        <translation>Tipo de la entrada {number}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="161"/>
        <source>Inputs: add a row for each input of the model.</source>
        <translation>Entradas: añada una fila por cada entrada del modelo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="166"/>
        <source>number {number}</source>
        <translation>número {number}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="168"/>
        <source>Input {label}: the name must be a word of letters, digits and _, e.g. input_ids.</source>
        <translation>Entrada {label}: el nombre debe ser una palabra de letras, dígitos y _, p. ej. input_ids.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="172"/>
        <source>Input {label}: two inputs have this name.</source>
        <translation>Entrada {label}: dos entradas tienen este nombre.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="177"/>
        <source>Input {label}: write its shape per sample as positive whole numbers, e.g. 128 or 3,224,224.</source>
        <translation>Entrada {label}: escriba su forma por muestra con números enteros positivos, p. ej. 128 o 3,224,224.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="181"/>
        <source>Input {label}: write the range as LOW..HIGH, e.g. 0..1.</source>
        <translation>Entrada {label}: escriba el rango como MÍN..MÁX, p. ej. 0..1.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="185"/>
        <source>Input {label}: an integer input needs its range, e.g. 0..30521 for token ids (both ends included).</source>
        <translation>Entrada {label}: una entrada entera necesita su rango, p. ej. 0..30521 para ids de tokens (ambos extremos incluidos).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/inputs_editor.py" line="192"/>
        <source>Input {label}: {problem}</source>
        <translation>Entrada {label}: {problem}</translation>
    </message>
</context>
<context>
    <name>LayerDetail</name>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="38"/>
        <location filename="../../quantgui/ui/layers/detail.py" line="106"/>
        <source>Select a layer to see its weights.</source>
        <translation>Seleccione una capa para ver sus pesos.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="40"/>
        <source>Selected layer</source>
        <translation>Capa seleccionada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="42"/>
        <source>channel </source>
        <translation>canal </translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="43"/>
        <source>Output channel</source>
        <translation>Canal de salida</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="44"/>
        <source>The output channel whose int8 grid is drawn (per-channel weights).</source>
        <translation>El canal de salida cuya rejilla int8 se dibuja (pesos por canal).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="52"/>
        <location filename="../../quantgui/ui/layers/detail.py" line="86"/>
        <source>Weights of the selected layer</source>
        <translation>Pesos de la capa seleccionada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="58"/>
        <location filename="../../quantgui/ui/layers/detail.py" line="108"/>
        <location filename="../../quantgui/ui/layers/detail.py" line="185"/>
        <source>Weights and int8 grid</source>
        <translation>Pesos y rejilla int8</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="60"/>
        <source>Weight range per output channel</source>
        <translation>Rango de los pesos por canal de salida</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="61"/>
        <source>output channel</source>
        <translation>canal de salida</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="63"/>
        <location filename="../../quantgui/ui/layers/detail.py" line="109"/>
        <location filename="../../quantgui/ui/layers/detail.py" line="251"/>
        <source>Activation range from calibration</source>
        <translation>Rango de activación de la calibración</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="64"/>
        <location filename="../../quantgui/ui/layers/detail.py" line="158"/>
        <source>input</source>
        <translation>entrada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="65"/>
        <location filename="../../quantgui/ui/layers/detail.py" line="158"/>
        <source>output</source>
        <translation>salida</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="117"/>
        <source>{name} ({type}) holds {count} layers. Select one of them to see its weights.</source>
        <translation>{name} ({type}) contiene {count} capas. Seleccione una para ver sus pesos.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="118"/>
        <source>module</source>
        <translation>módulo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="148"/>
        <source>{scheme} int8 weights, scale {scale:.3g}, zero point {zp:g}</source>
        <translation>pesos int8 {scheme}, escala {scale:.3g}, punto cero {zp:g}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="150"/>
        <source>per-channel</source>
        <translation>por canal</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="151"/>
        <source>per-tensor</source>
        <translation>por tensor</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="154"/>
        <source>float weights</source>
        <translation>pesos float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="155"/>
        <source>weights before quantization (run to see the int8 grid)</source>
        <translation>pesos antes de cuantizar (ejecute para ver la rejilla int8)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="157"/>
        <source>no weights</source>
        <translation>sin pesos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="161"/>
        <source>{which} range [{low:.3g}, {high:.3g}]</source>
        <translation>rango de {which} [{low:.3g}, {high:.3g}]</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="175"/>
        <source>No weights to show</source>
        <translation>No hay pesos que mostrar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="182"/>
        <source>Weights of channel {channel} and its int8 grid</source>
        <translation>Pesos del canal {channel} y su rejilla int8</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="186"/>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="193"/>
        <source>original</source>
        <translation>original</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="194"/>
        <source>quantized</source>
        <translation>cuantizado</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="216"/>
        <location filename="../../quantgui/ui/layers/detail.py" line="218"/>
        <source>int8 levels</source>
        <translation>niveles int8</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="219"/>
        <source>weight value</source>
        <translation>valor del peso</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="248"/>
        <source>Activation range: none (float or dynamic layer)</source>
        <translation>Rango de activación: ninguno (capa float o dinámica)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/detail.py" line="249"/>
        <source>Activation range: known after a static or QAT run</source>
        <translation>Rango de activación: se conoce tras una ejecución estática o QAT</translation>
    </message>
</context>
<context>
    <name>LayerTable</name>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="135"/>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="135"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="135"/>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="135"/>
        <source>Output shape</source>
        <translation>Forma de salida</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="136"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="136"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="136"/>
        <source>Weight SQNR (dB)</source>
        <translation>SQNR de los pesos (dB)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="137"/>
        <source>Output SQNR (dB)</source>
        <translation>SQNR de la salida (dB)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="137"/>
        <source>Accumulated SQNR (dB)</source>
        <translation>SQNR acumulada (dB)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="106"/>
        <source>Tick a layer planned int8 to keep it in float in the next run.</source>
        <translation>Marque una capa prevista en int8 para mantenerla en float en la próxima ejecución.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="107"/>
        <source>For a module: the parameters of everything inside it.</source>
        <translation>En un módulo: los parámetros de todo lo que contiene.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="108"/>
        <source>int8: quantized; fused: folded into the layer before it; float: left in float. For a module: how many layers inside it are which.</source>
        <translation>int8: cuantizada; fusionada: integrada en la capa anterior; float: se queda en float. En un módulo: cuántas capas de cada tipo contiene.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="111"/>
        <source>The original weight (batch-norm folded in) against the int8 weight. For a module: the lowest value inside it.</source>
        <translation>El peso original (con batch-norm integrada) frente al peso int8. En un módulo: el valor más bajo que contiene.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="113"/>
        <source>The layer&apos;s own error: the quantized layer fed the float input. For a module: the lowest value inside it.</source>
        <translation>El error propio de la capa: la capa cuantizada alimentada con la entrada float. En un módulo: el valor más bajo que contiene.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="115"/>
        <source>The quantized model&apos;s activation here against the original&apos;s, with every error upstream. For a module: the lowest value inside it.</source>
        <translation>La activación del modelo cuantizado aquí frente a la del original, con todos los errores anteriores. En un módulo: el valor más bajo que contiene.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="125"/>
        <source>Layers of the model</source>
        <translation>Capas del modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="277"/>
        <source>int8</source>
        <translation>int8</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="277"/>
        <source>fused</source>
        <translation>fusionada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="278"/>
        <source>float</source>
        <translation>float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="301"/>
        <source>1 int8</source>
        <translation>1 int8</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="301"/>
        <source>{count} int8</source>
        <translation>{count} int8</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="302"/>
        <source>1 fused</source>
        <translation>1 fusionada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="302"/>
        <source>{count} fused</source>
        <translation>{count} fusionadas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="303"/>
        <source>1 float</source>
        <translation>1 float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="303"/>
        <source>{count} float</source>
        <translation>{count} float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="321"/>
        <location filename="../../quantgui/ui/layers/table.py" line="339"/>
        <source>(model)</source>
        <translation>(modelo)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="345"/>
        <source>Tick to keep {name} in float in the next run.</source>
        <translation>Marque para mantener {name} en float en la próxima ejecución.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="355"/>
        <source>Output SQNR {value:.1f} dB, below {limit:.0f} dB: this layer&apos;s own quantization error is large (the layer fed the float input). The Sensitivity ranking measures something else, how much the whole model&apos;s output gains when this layer alone stays float, so a layer can be red here and low in the ranking, or the reverse.</source>
        <translation>SQNR de salida {value:.1f} dB, por debajo de {limit:.0f} dB: el error de cuantización propio de esta capa es grande (la capa recibe la entrada en float). La clasificación de Sensibilidad mide otra cosa, cuánto gana la salida de todo el modelo si solo esta capa se queda en float, así que una capa puede estar en rojo aquí y baja en la clasificación, o al revés.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="424"/>
        <source>{name}: {type} with {count} layers inside</source>
        <translation>{name}: {type} con {count} capas dentro</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="425"/>
        <source>module</source>
        <translation>módulo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="431"/>
        <source>The lowest value among the layers inside.</source>
        <translation>El valor más bajo entre las capas que contiene.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/table.py" line="434"/>
        <source>Holds a layer below {limit:.0f} dB output SQNR.</source>
        <translation>Contiene una capa por debajo de {limit:.0f} dB de SQNR de salida.</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="99"/>
        <source>Load a model to see its layers.</source>
        <translation>Cargue un modelo para ver sus capas.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="101"/>
        <source>Layer plan status</source>
        <translation>Estado del plan de capas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="107"/>
        <source>Tree</source>
        <translation>Árbol</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="107"/>
        <source>Show the layers as a tree</source>
        <translation>Mostrar las capas como un árbol</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="108"/>
        <source>Group the layers under the modules that contain them; sorting orders the layers inside each module.</source>
        <translation>Agrupa las capas bajo los módulos que las contienen; al ordenar se ordenan las capas dentro de cada módulo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="110"/>
        <source>Flat list</source>
        <translation>Lista plana</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="110"/>
        <source>Show the layers as a flat list</source>
        <translation>Mostrar las capas como una lista plana</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="111"/>
        <source>List every layer by its full name; sorting orders all layers together.</source>
        <translation>Lista cada capa por su nombre completo; al ordenar se ordenan todas las capas juntas.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="136"/>
        <source>SQNR by layer</source>
        <translation>SQNR por capa</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="137"/>
        <source>Sensitivity</source>
        <translation>Sensibilidad</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="169"/>
        <source>Planning…</source>
        <translation>Planificando…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="208"/>
        <source>Reused from the previous run: {items}.</source>
        <translation>Reutilizado de la ejecución anterior: {items}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="233"/>
        <source>No plan: {problem}</source>
        <translation>Sin plan: {problem}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="222"/>
        <source>Planning {method} quantization on the {backend} backend…</source>
        <translation>Planificando la cuantización {method} en el backend {backend}…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="236"/>
        <source>The plan could not be made: {message}</source>
        <translation>No se pudo hacer el plan: {message}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="333"/>
        <source>torch.ao.ns (PyTorch&apos;s numeric suite)</source>
        <translation>torch.ao.ns (el numeric suite de PyTorch)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="334"/>
        <source>torch.ao.ns (PyTorch&apos;s numeric suite) and forward hooks</source>
        <translation>torch.ao.ns (el numeric suite de PyTorch) y forward hooks</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="336"/>
        <source>forward hooks</source>
        <translation>forward hooks</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="338"/>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="249"/>
        <source>Plan for {method} quantization on the {backend} backend: {int8}, {fused}, {float}.</source>
        <translation>Plan para la cuantización {method} en el backend {backend}: {int8}, {fused}, {float}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="253"/>
        <source>1 layer int8</source>
        <translation>1 capa int8</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="253"/>
        <source>{count} layers int8</source>
        <translation>{count} capas int8</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="254"/>
        <source>{count} fused</source>
        <translation>{count} fusionadas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="254"/>
        <source>1 fused</source>
        <translation>1 fusionada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="255"/>
        <source>{count} float</source>
        <translation>{count} float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="255"/>
        <source>1 float</source>
        <translation>1 float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="257"/>
        <source>Kept in float by you: {names}.</source>
        <translation>Mantenidas en float por usted: {names}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="259"/>
        <source>Tick “Keep float” to leave a layer in float.</source>
        <translation>Marque «Mantener en float» para dejar una capa en float.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="306"/>
        <source>Highlighted in red: {names}, below {limit:.0f} dB output SQNR (the layer&apos;s own error is large).</source>
        <translation>Resaltadas en rojo: {names}, por debajo de {limit:.0f} dB de SQNR de salida (el error propio de la capa es grande).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="310"/>
        <source>No layer is below {limit:.0f} dB output SQNR, so none is highlighted.</source>
        <translation>Ninguna capa está por debajo de {limit:.0f} dB de SQNR de salida, así que ninguna se resalta.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="313"/>
        <source>Last run: {method} on the {backend} backend, {count} of {total} layers int8, output SQNR {sqnr:.1f} dB. {worst} Measured with {sources}.</source>
        <translation>Última ejecución: {method} en el backend {backend}, {count} de {total} capas en int8, SQNR de salida {sqnr:.1f} dB. {worst} Medido con {sources}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="328"/>
        <source>kept in float: ticked “Keep float” (the plan would make it int8)</source>
        <translation>mantenida en float: marcada «Mantener en float» (el plan la pondría en int8)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="376"/>
        <source>Next run:</source>
        <translation>Próxima ejecución:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="378"/>
        <source>Next run: {names} kept in float.</source>
        <translation>Próxima ejecución: {names} en float.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="426"/>
        <source>Fix the settings first.</source>
        <translation>Corrija primero los ajustes.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="437"/>
        <source>{method} on the {backend} backend</source>
        <translation>{method} en el backend {backend}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/panel.py" line="389"/>
        <source>Kept in float in the next run: {names}. Press Quantize to compare.</source>
        <translation>Se mantendrán en float en la próxima ejecución: {names}. Pulse Cuantizar para comparar.</translation>
    </message>
</context>
<context>
    <name>LogPanel</name>
    <message>
        <location filename="../../quantgui/ui/log_panel.py" line="18"/>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/log_panel.py" line="19"/>
        <source>Messages from loading and quantizing, newest last.</source>
        <translation>Mensajes de la carga y la cuantización, los más recientes al final.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="108"/>
        <source>QuantGUI — PyTorch quantization</source>
        <translation>QuantGUI — cuantización de PyTorch</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="189"/>
        <location filename="../../quantgui/ui/main_window.py" line="547"/>
        <source>Loading {name}…</source>
        <translation>Cargando {name}…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="223"/>
        <location filename="../../quantgui/ui/main_window.py" line="226"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="227"/>
        <source>A demo model with its data, ready to quantize.</source>
        <translation>Un modelo de demostración con sus datos, listo para cuantizar.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="232"/>
        <source>Model description</source>
        <translation>Descripción del modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="233"/>
        <location filename="../../quantgui/ui/main_window.py" line="554"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="236"/>
        <source>Model summary</source>
        <translation>Resumen del modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="243"/>
        <source>Technique</source>
        <translation>Técnica</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="257"/>
        <source>{title} quantization</source>
        <translation>Cuantización {title}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="268"/>
        <source>Technique explanation</source>
        <translation>Explicación de la técnica</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="272"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="278"/>
        <source>Settings problem</source>
        <translation>Problema en los ajustes</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="280"/>
        <source>Reset to defaults</source>
        <translation>Valores por defecto</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="281"/>
        <source>Reset the settings to their defaults</source>
        <translation>Devolver los ajustes a sus valores por defecto</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="282"/>
        <source>Every technique&apos;s settings back to their defaults (the technique stays chosen).</source>
        <translation>Los ajustes de todas las técnicas vuelven a sus valores por defecto (la técnica elegida se mantiene).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="302"/>
        <location filename="../../quantgui/ui/main_window.py" line="304"/>
        <source>Quantize</source>
        <translation>Cuantizar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="305"/>
        <source>Quantize a copy of the model with these settings and compare it (Ctrl+R).</source>
        <translation>Cuantiza una copia del modelo con estos ajustes y la compara (Ctrl+R).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="308"/>
        <location filename="../../quantgui/ui/main_window.py" line="309"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="310"/>
        <source>Stop the run; the model is left as it was (Esc).</source>
        <translation>Detiene la ejecución; el modelo queda como estaba (Esc).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="312"/>
        <location filename="../../quantgui/ui/main_window.py" line="313"/>
        <source>Compare engines</source>
        <translation>Comparar motores</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="314"/>
        <source>Quantize with these settings on every engine available here, time them together and recommend one (Ctrl+Shift+R).</source>
        <translation>Cuantizar con estos ajustes en cada motor disponible aquí, medirlos juntos y recomendar uno (Ctrl+Mayús+R).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="322"/>
        <location filename="../../quantgui/ui/main_window.py" line="323"/>
        <source>Compare all three</source>
        <translation>Comparar las tres</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="325"/>
        <source>Quantize with Dynamic, Static and QAT with the settings they share, time them together with the original and mark the best trade-offs (Ctrl+Shift+A).</source>
        <translation>Cuantizar con Dinámica, Estática y QAT con los ajustes que comparten, medirlas junto con el original y marcar los mejores compromisos (Ctrl+Mayús+A).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="333"/>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="341"/>
        <location filename="../../quantgui/ui/main_window.py" line="1249"/>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="342"/>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="344"/>
        <source>Elapsed time</source>
        <translation>Tiempo transcurrido</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="386"/>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="396"/>
        <location filename="../../quantgui/ui/main_window.py" line="1173"/>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="396"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="397"/>
        <source>Comparison</source>
        <translation>Comparación</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="398"/>
        <source>Outputs</source>
        <translation>Salidas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="398"/>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="406"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="407"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="411"/>
        <source>Engines</source>
        <translation>Motores</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="414"/>
        <source>Techniques</source>
        <translation>Técnicas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="419"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="420"/>
        <source>&amp;Open model…</source>
        <translation>&amp;Abrir modelo…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="433"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="438"/>
        <source>&amp;Run</source>
        <translation>&amp;Ejecutar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="439"/>
        <source>&amp;Quantize</source>
        <translation>&amp;Cuantizar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="442"/>
        <source>&amp;Cancel</source>
        <translation>Ca&amp;ncelar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="445"/>
        <source>Compare &amp;engines</source>
        <translation>Comparar &amp;motores</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="447"/>
        <source>Run these settings on every engine and recommend the fastest that keeps agreement.</source>
        <translation>Ejecutar estos ajustes en cada motor y recomendar el más rápido que mantenga la concordancia.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="451"/>
        <source>Compare &amp;all three</source>
        <translation>Comparar &amp;las tres</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="453"/>
        <source>Run Dynamic, Static and QAT on this model and show them side by side.</source>
        <translation>Ejecutar Dinámica, Estática y QAT con este modelo y mostrarlas lado a lado.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="462"/>
        <source>&amp;Reset settings to defaults</source>
        <translation>&amp;Restablecer los ajustes por defecto</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="467"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="475"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="478"/>
        <location filename="../../quantgui/ui/main_window.py" line="491"/>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="488"/>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="491"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="492"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="501"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="502"/>
        <source>&amp;Guide</source>
        <translation>&amp;Guía</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="504"/>
        <source>What each technique, engine and number means.</source>
        <translation>Qué significa cada técnica, cada motor y cada cifra.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="507"/>
        <source>&amp;About QuantGUI</source>
        <translation>&amp;Acerca de QuantGUI</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="523"/>
        <source>Open model…</source>
        <translation>Abrir modelo…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="556"/>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="580"/>
        <source>Opening: {stage}</source>
        <translation>Abriendo: {stage}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="597"/>
        <source>Opening cancelled; {name} is still loaded.</source>
        <translation>Apertura cancelada; {name} sigue cargado.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="600"/>
        <source>No model is loaded.</source>
        <translation>No hay ningún modelo cargado.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="601"/>
        <source>Opening cancelled; no model is loaded.</source>
        <translation>Apertura cancelada; no hay ningún modelo cargado.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="628"/>
        <source>Loaded {name}: {source}.</source>
        <translation>Cargado {name}: {source}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="630"/>
        <source>{name} loaded.</source>
        <translation>{name} cargado.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="638"/>
        <source>The model could not be loaded.</source>
        <translation>No se pudo cargar el modelo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="639"/>
        <source>The model could not be loaded: {message}</source>
        <translation>No se pudo cargar el modelo: {message}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="647"/>
        <source>The model could not be loaded</source>
        <translation>No se pudo cargar el modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="653"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="653"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="659"/>
        <source>Inputs</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="663"/>
        <source>{answer} ({count} classes)</source>
        <translation>{answer} ({count} clases)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="715"/>
        <source>{technique} selected: it quantizes the most of {name}.</source>
        <translation>{technique} seleccionada: es la que más cuantiza de {name}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1050"/>
        <source>Compare all three, {label}: {recipe}</source>
        <translation>Comparar las tres, {label}: {recipe}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1052"/>
        <source>Comparing {techniques} on {name}…</source>
        <translation>Comparando {techniques} con {name}…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1085"/>
        <source>Timing all results together…</source>
        <translation>Midiendo todos los resultados juntos…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1088"/>
        <source>Technique {index}/{count}: {technique}</source>
        <translation>Técnica {index}/{count}: {technique}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1093"/>
        <source>epoch {epoch}/{epochs}, step {step}/{steps}</source>
        <translation>época {epoch}/{epochs}, paso {step}/{steps}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1124"/>
        <source>{label} was not run: {reason}</source>
        <translation>{label} no se ejecutó: {reason}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1128"/>
        <source>Compared {count} technique(s) in {seconds:.1f} s; Pareto front: {front}; {added} run(s) added to the history.</source>
        <translation>{count} técnica(s) comparada(s) en {seconds:.1f} s; frente de Pareto: {front}; {added} ejecución(es) añadida(s) al historial.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1158"/>
        <source>Comparison, Layers and Outputs show {run}.</source>
        <translation>Comparación, Capas y Salidas muestran {run}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1172"/>
        <source>Predicting</source>
        <translation>Prediciendo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1173"/>
        <source>Per-layer error</source>
        <translation>Error por capa</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1174"/>
        <source>Exporting</source>
        <translation>Exportando</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1174"/>
        <source>Compiling</source>
        <translation>Compilando</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1175"/>
        <source>Opening the ONNX Runtime session</source>
        <translation>Abriendo la sesión de ONNX Runtime</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1176"/>
        <source>Checking the data</source>
        <translation>Comprobando los datos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1177"/>
        <source>Ranking layers</source>
        <translation>Clasificando las capas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1179"/>
        <source>Reading the model</source>
        <translation>Leyendo el modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1180"/>
        <source>Importing its code</source>
        <translation>Importando su código</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1181"/>
        <source>Building the model</source>
        <translation>Construyendo el modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1182"/>
        <source>Loading the weights</source>
        <translation>Cargando los pesos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1183"/>
        <source>Loading the tokenizer</source>
        <translation>Cargando el tokenizador</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1184"/>
        <source>Reading the data</source>
        <translation>Leyendo los datos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1185"/>
        <source>Reading images</source>
        <translation>Leyendo imágenes</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1186"/>
        <source>Tokenizing</source>
        <translation>Tokenizando</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1187"/>
        <source>Checking the model</source>
        <translation>Comprobando el modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1242"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1299"/>
        <source>{count} of the runs carry a warning (see the Log): do not rely on their figures.</source>
        <translation>{count} de las ejecuciones llevan un aviso (vea el Registro): no se fíe de sus cifras.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1329"/>
        <source>Compare all three failed</source>
        <translation>Comparar las tres falló</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1381"/>
        <source>Language: {language}</source>
        <translation>Idioma: {language}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1402"/>
        <source>The settings are back to their defaults.</source>
        <translation>Los ajustes vuelven a sus valores por defecto.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1415"/>
        <source>QuantGUI {version} · PyTorch {torch} (quantized engine {engine}) · PySide6 {pyside} (Qt {qt}) · Python {python}</source>
        <translation>QuantGUI {version} · PyTorch {torch} (motor cuantizado {engine}) · PySide6 {pyside} (Qt {qt}) · Python {python}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1421"/>
        <source>See and do PyTorch quantization: load a model, quantize a copy, and compare size, latency, accuracy and how far the outputs agree, layer by layer.</source>
        <translation>Ver y hacer cuantización de PyTorch: cargue un modelo, cuantice una copia y compare tamaño, latencia, exactitud y cuánto concuerdan las salidas, capa a capa.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1426"/>
        <source>MIT licence. The README beside the program explains every number; the same pipeline runs without a screen as quantgui-cli.</source>
        <translation>Licencia MIT. El README junto al programa explica cada número; el mismo proceso se ejecuta sin pantalla con quantgui-cli.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1492"/>
        <source>An engine comparison is running.</source>
        <translation>Hay una comparación de motores en marcha.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1494"/>
        <source>Compare all three is running.</source>
        <translation>Comparar las tres está en marcha.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1495"/>
        <source>A {method} run is in progress.</source>
        <translation>Hay una ejecución {method} en curso.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1498"/>
        <source>The layers are being ranked (Layers tab).</source>
        <translation>Se están clasificando las capas (pestaña Capas).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1510"/>
        <source>Quit QuantGUI?</source>
        <translation>¿Salir de QuantGUI?</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1513"/>
        <source>Quitting stops it, and its result is lost. Keep it running to see the result.</source>
        <translation>Salir la detiene y su resultado se pierde. Déjela en marcha para ver el resultado.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1515"/>
        <source>Stop and quit</source>
        <translation>Detener y salir</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1517"/>
        <source>Keep running</source>
        <translation>Seguir</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1548"/>
        <source>Cancelled; the window is closing.</source>
        <translation>Cancelado; la ventana se está cerrando.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="397"/>
        <location filename="../../quantgui/ui/main_window.py" line="655"/>
        <source>Layers</source>
        <translation>Capas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="525"/>
        <source>Open a model file of your own, with its data.</source>
        <translation>Abrir un archivo de modelo propio, con sus datos.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="656"/>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="657"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="660"/>
        <source>Input shape</source>
        <translation>Forma de entrada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="661"/>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="661"/>
        <source>{train} training, {val} validation samples</source>
        <translation>{train} muestras de entrenamiento, {val} de validación</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="663"/>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="667"/>
        <source>Accuracy</source>
        <translation>Exactitud</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="744"/>
        <source>{field}: enter a number.</source>
        <translation>{field}: escriba un número.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="907"/>
        <location filename="../../quantgui/ui/main_window.py" line="938"/>
        <location filename="../../quantgui/ui/main_window.py" line="1048"/>
        <source>Starting…</source>
        <translation>Empezando…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="914"/>
        <source>Run: {recipe}</source>
        <translation>Ejecución: {recipe}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="916"/>
        <source>Quantizing {name} ({method})…</source>
        <translation>Cuantizando {name} ({method})…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="939"/>
        <source>Compare engines: {recipe}</source>
        <translation>Comparar motores: {recipe}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="941"/>
        <source>Comparing engines on {name} ({method})…</source>
        <translation>Comparando motores con {name} ({method})…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="958"/>
        <source>Timing all engines together…</source>
        <translation>Midiendo todos los motores juntos…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="963"/>
        <source>Engine {index}/{count}: {engine}</source>
        <translation>Motor {index}/{count}: {engine}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="969"/>
        <source>epoch {epoch}/{epochs}</source>
        <translation>época {epoch}/{epochs}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1002"/>
        <location filename="../../quantgui/ui/main_window.py" line="1119"/>
        <source>A run could not be added to the history: {reason}.</source>
        <translation>No se pudo añadir una ejecución al historial: {reason}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1006"/>
        <source>Compared {count} engine(s) in {seconds:.1f} s; {added} run(s) added to the history.</source>
        <translation>{count} motor(es) comparado(s) en {seconds:.1f} s; {added} ejecución(es) añadida(s) al historial.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1164"/>
        <location filename="../../quantgui/ui/main_window.py" line="1167"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1170"/>
        <source>Preparing</source>
        <translation>Preparando</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1170"/>
        <source>Calibrating</source>
        <translation>Calibrando</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1171"/>
        <source>Quantizing</source>
        <translation>Cuantizando</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1171"/>
        <source>Converting</source>
        <translation>Convirtiendo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1172"/>
        <source>Measuring</source>
        <translation>Midiendo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1202"/>
        <source>Epoch {epoch}/{epochs}: train loss {loss:.4f}, validation accuracy {accuracy}</source>
        <translation>Época {epoch}/{epochs}: pérdida de entrenamiento {loss:.4f}, exactitud de validación {accuracy}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1221"/>
        <source>Epoch {epoch}/{epochs}, step {step}/{steps}</source>
        <translation>Época {epoch}/{epochs}, paso {step}/{steps}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1237"/>
        <location filename="../../quantgui/ui/main_window.py" line="1280"/>
        <source>{seconds:.1f} s</source>
        <translation>{seconds:.1f} s</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="990"/>
        <location filename="../../quantgui/ui/main_window.py" line="1106"/>
        <location filename="../../quantgui/ui/main_window.py" line="1260"/>
        <location filename="../../quantgui/ui/main_window.py" line="1275"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1282"/>
        <source>Done in {seconds:.1f} s: {size:.2f}× the size, {latency:.2f}× the latency, {count} of {total} layers quantized.</source>
        <translation>Hecho en {seconds:.1f} s: {size:.2f}× el tamaño, {latency:.2f}× la latencia, {count} de {total} capas cuantizadas.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1319"/>
        <location filename="../../quantgui/ui/main_window.py" line="1323"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1321"/>
        <source>Cancelled; the last completed run is shown.</source>
        <translation>Cancelado; se muestra la última ejecución completada.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1324"/>
        <source>Cancelled; the model is unchanged.</source>
        <translation>Cancelado; el modelo no ha cambiado.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1332"/>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1333"/>
        <source>The run failed: {message}</source>
        <translation>La ejecución falló: {message}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1330"/>
        <source>The engine comparison failed</source>
        <translation>La comparación de motores falló</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1331"/>
        <source>Quantization failed</source>
        <translation>La cuantización falló</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1353"/>
        <source>This looks like a bug in QuantGUI or in torch; the details below help to report it.</source>
        <translation>Parece un error de QuantGUI o de torch; los detalles de abajo ayudan a notificarlo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1359"/>
        <source>Change and try again…</source>
        <translation>Cambiar y reintentar…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/main_window.py" line="1444"/>
        <source>About QuantGUI</source>
        <translation>Acerca de QuantGUI</translation>
    </message>
</context>
<context>
    <name>OpenModelDialog</name>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="192"/>
        <location filename="../../quantgui/ui/open_dialog.py" line="581"/>
        <source>Open model</source>
        <translation>Abrir modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="206"/>
        <source>torch.export program</source>
        <translation>programa de torch.export</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="206"/>
        <source>Python file</source>
        <translation>archivo de Python</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="207"/>
        <source>TorchScript</source>
        <translation>TorchScript</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="208"/>
        <source>pickled model — runs code</source>
        <translation>modelo serializado con pickle — ejecuta código</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="209"/>
        <source>weights only (a state_dict), not a model</source>
        <translation>solo pesos (un state_dict), no un modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="210"/>
        <source>Hugging Face model</source>
        <translation>modelo de Hugging Face</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="211"/>
        <source>architecture by name: its package&apos;s code runs when you press Open; random weights unless you give a weights file (nothing is downloaded)</source>
        <translation>arquitectura por nombre: el código de su paquete se ejecuta al pulsar Abrir; pesos aleatorios salvo que indique un archivo de pesos (nunca se descarga nada)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="243"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="244"/>
        <source>Browse for {what}</source>
        <translation>Buscar {what}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="260"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="268"/>
        <source>File or folder</source>
        <translation>Archivo o carpeta</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="269"/>
        <source>A model file (.pt2, .py, .pt, …), a Hugging Face folder (config.json and its weights) or a Python package folder.</source>
        <translation>Un archivo de modelo (.pt2, .py, .pt, …), una carpeta de Hugging Face (config.json y sus pesos) o la carpeta de un paquete de Python.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="271"/>
        <source>Architecture by name</source>
        <translation>Arquitectura por nombre</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="272"/>
        <source>Any importable factory or nn.Module class, as py:module:factory, e.g. a torchvision or timm architecture.</source>
        <translation>Cualquier fábrica o clase nn.Module importable, como py:módulo:fábrica, p. ej. una arquitectura de torchvision o timm.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="284"/>
        <source>Open:</source>
        <translation>Abrir:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="286"/>
        <source>Model file</source>
        <translation>Archivo del modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="296"/>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="309"/>
        <source>Kind of model file</source>
        <translation>Tipo de archivo de modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="310"/>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="318"/>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="319"/>
        <source>The nn.Module subclasses defined in the file, found without running it.</source>
        <translation>Las subclases de nn.Module definidas en el archivo, encontradas sin ejecutarlo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="322"/>
        <source>Class:</source>
        <translation>Clase:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="324"/>
        <source>Constructor arguments</source>
        <translation>Argumentos del constructor</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="326"/>
        <source>Keyword arguments for the class, as a JSON object.</source>
        <translation>Argumentos con nombre para la clase, como un objeto JSON.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="330"/>
        <source>Constructor arguments problem</source>
        <translation>Problema en los argumentos del constructor</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="336"/>
        <source>Arguments (JSON):</source>
        <translation>Argumentos (JSON):</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="338"/>
        <location filename="../../quantgui/ui/open_dialog.py" line="594"/>
        <source>Weights file</source>
        <translation>Archivo de pesos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="287"/>
        <source>model.pt2, model.py, a Hugging Face folder…</source>
        <translation>model.pt2, model.py, una carpeta de Hugging Face…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="289"/>
        <source>Folder…</source>
        <translation>Carpeta…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="290"/>
        <source>Browse for a model folder</source>
        <translation>Buscar una carpeta de modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="291"/>
        <source>A Hugging Face folder (config.json with model.safetensors or pytorch_model.bin) or a Python package folder (__init__.py).</source>
        <translation>Una carpeta de Hugging Face (config.json con model.safetensors o pytorch_model.bin) o la carpeta de un paquete de Python (__init__.py).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="298"/>
        <source>Factory</source>
        <translation>Fábrica</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="300"/>
        <source>py:package.module:factory_or_class; the Arguments (JSON) are passed to it.</source>
        <translation>py:paquete.módulo:fábrica_o_clase; recibe los Argumentos (JSON).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="303"/>
        <source>Factory:</source>
        <translation>Fábrica:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="306"/>
        <source>Architectures:</source>
        <translation>Arquitecturas:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="313"/>
        <source>About the model</source>
        <translation>Acerca del modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="315"/>
        <source>About:</source>
        <translation>Acerca de:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="339"/>
        <source>optional: weights.pt or .safetensors (a state_dict)</source>
        <translation>opcional: weights.pt o .safetensors (un state_dict)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="342"/>
        <source>Weights:</source>
        <translation>Pesos:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="344"/>
        <source>Input shape</source>
        <translation>Forma de entrada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="345"/>
        <source>e.g. 3,32,32 (per sample, without batch)</source>
        <translation>p. ej. 3,32,32 (por muestra, sin el lote)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="347"/>
        <source>Input shape:</source>
        <translation>Forma de entrada:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="350"/>
        <source>Inputs</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="352"/>
        <source>Describe each input (several inputs, token ids or other integers)</source>
        <translation>Describir cada entrada (varias entradas, ids de tokens u otros enteros)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="354"/>
        <source>One row per input of the model&apos;s forward, in order: its name, type, shape per sample and, for integers, the values it takes. Random data respects them.</source>
        <translation>Una fila por cada entrada del forward del modelo, en orden: su nombre, tipo, forma por muestra y, para enteros, los valores que toma. Los datos aleatorios los respetan.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="366"/>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="371"/>
        <source>Random (good for calibration only, no accuracy)</source>
        <translation>Aleatorios (solo sirven para calibrar, sin exactitud)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="372"/>
        <source>Tensor or array file (.pt, .npy, .npz)</source>
        <translation>Archivo de tensores o arrays (.pt, .npy, .npz)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="373"/>
        <source>CSV file with a label column</source>
        <translation>Archivo CSV con una columna de etiquetas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="374"/>
        <source>Folder of images, one sub-folder per class</source>
        <translation>Carpeta de imágenes, una subcarpeta por clase</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="375"/>
        <source>Text file, one example per line (.txt; needs the model&apos;s tokenizer)</source>
        <translation>Archivo de texto, un ejemplo por línea (.txt; necesita el tokenizador del modelo)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="387"/>
        <source>Source:</source>
        <translation>Origen:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="389"/>
        <source>Data path</source>
        <translation>Ruta de los datos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="391"/>
        <source>Path:</source>
        <translation>Ruta:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="393"/>
        <source>Text column</source>
        <translation>Columna de texto</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="394"/>
        <source>The column of texts, tokenized with the model&apos;s tokenizer.</source>
        <translation>La columna de textos, tokenizados con el tokenizador del modelo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="397"/>
        <source>Text column:</source>
        <translation>Columna de texto:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="399"/>
        <source>Label column</source>
        <translation>Columna de etiquetas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="401"/>
        <source>Label column:</source>
        <translation>Columna de etiquetas:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="403"/>
        <source>Image size</source>
        <translation>Tamaño de imagen</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="404"/>
        <source>H,W (empty: the first image&apos;s size)</source>
        <translation>Al,An (vacío: el tamaño de la primera imagen)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="406"/>
        <source>Image size:</source>
        <translation>Tamaño de imagen:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="408"/>
        <source>Validation fraction</source>
        <translation>Fracción de validación</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="413"/>
        <source>The share of the samples kept aside to measure the models; the rest calibrates and trains.</source>
        <translation>La parte de las muestras que se reserva para medir los modelos; el resto calibra y entrena.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="415"/>
        <source>Validation fraction:</source>
        <translation>Fracción de validación:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="425"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="429"/>
        <source>Data preview</source>
        <translation>Vista previa de los datos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="431"/>
        <source>First rows</source>
        <translation>Primeras filas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="436"/>
        <source>First text as tokens</source>
        <translation>Primer texto en tokens</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="451"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="456"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="457"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="587"/>
        <source>Model folder</source>
        <translation>Carpeta del modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="603"/>
        <source>Image folder</source>
        <translation>Carpeta de imágenes</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="607"/>
        <source>Data file</source>
        <translation>Archivo de datos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="663"/>
        <source>Reading the file…</source>
        <translation>Leyendo el archivo…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="664"/>
        <source>Checking the name…</source>
        <translation>Comprobando el nombre…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="676"/>
        <source>Python package folder</source>
        <translation>Carpeta de paquete de Python</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="707"/>
        <source>Inputs: {inputs}</source>
        <translation>Entradas: {inputs}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="709"/>
        <source>Inputs: pixel_values of {shape}</source>
        <translation>Entradas: pixel_values de {shape}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="712"/>
        <source>Tokenizer: {tokenizer}</source>
        <translation>Tokenizador: {tokenizer}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="713"/>
        <source>Tokenizer: none in the folder</source>
        <translation>Tokenizador: ninguno en la carpeta</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="723"/>
        <source>not a model QuantGUI can open</source>
        <translation>no es un modelo que QuantGUI pueda abrir</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="833"/>
        <source>256 random samples of the input shape: enough to calibrate, but there are no labels, so no accuracy.</source>
        <translation>256 muestras aleatorias de la forma de entrada: bastan para calibrar, pero no hay etiquetas, así que no hay exactitud.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="840"/>
        <location filename="../../quantgui/ui/open_dialog.py" line="992"/>
        <source>Choose the data.</source>
        <translation>Elija los datos.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="843"/>
        <source>Reading the data…</source>
        <translation>Leyendo los datos…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="861"/>
        <source>{count} samples</source>
        <translation>{count} muestras</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="863"/>
        <source>shape {shape}</source>
        <translation>forma {shape}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="866"/>
        <source>texts from column {column}</source>
        <translation>textos de la columna {column}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="871"/>
        <source>per class: {counts}</source>
        <translation>por clase: {counts}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="873"/>
        <source>no labels</source>
        <translation>sin etiquetas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="880"/>
        <source>The first text as the model sees it: {tokens}</source>
        <translation>El primer texto tal como lo ve el modelo: {tokens}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="889"/>
        <source>Image of class {label}</source>
        <translation>Imagen de la clase {label}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="899"/>
        <source>(no labels)</source>
        <translation>(sin etiquetas)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="941"/>
        <source>Not valid JSON: {error} (at character {pos}).</source>
        <translation>JSON no válido: {error} (en el carácter {pos}).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="944"/>
        <source>Give a JSON object, e.g. {&quot;hidden&quot;: 64}.</source>
        <translation>Escriba un objeto JSON, p. ej. {&quot;hidden&quot;: 64}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="954"/>
        <source>Give the architecture, e.g. py:torchvision.models:resnet18, or choose one in the list.</source>
        <translation>Indique la arquitectura, p. ej. py:torchvision.models:resnet18, o elija una de la lista.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="956"/>
        <source>Choose a model file.</source>
        <translation>Elija un archivo de modelo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="960"/>
        <location filename="../../quantgui/ui/open_dialog.py" line="1033"/>
        <source>Reading the model file…</source>
        <translation>Leyendo el archivo del modelo…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="962"/>
        <source>This file holds only weights. Choose the Python file that defines the model, and give this file as its weights.</source>
        <translation>Este archivo solo contiene pesos. Elija el archivo de Python que define el modelo e indique este archivo como sus pesos.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="966"/>
        <source>Choose the model&apos;s class.</source>
        <translation>Elija la clase del modelo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="969"/>
        <source>Constructor arguments: {problem}</source>
        <translation>Argumentos del constructor: {problem}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="973"/>
        <source>The weights file {path} does not exist.</source>
        <translation>El archivo de pesos {path} no existe.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="983"/>
        <source>Input shape: write positive whole numbers separated by commas, e.g. 3,32,32.</source>
        <translation>Forma de entrada: escriba enteros positivos separados por comas, p. ej. 3,32,32.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="987"/>
        <source>Input shape: needed for random data, as this file does not store it (e.g. 3,32,32, per sample).</source>
        <translation>Forma de entrada: hace falta para datos aleatorios, porque este archivo no la guarda (p. ej. 3,32,32, por muestra).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="994"/>
        <source>The image folder {path} does not exist.</source>
        <translation>La carpeta de imágenes {path} no existe.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="996"/>
        <source>The data file {path} does not exist.</source>
        <translation>El archivo de datos {path} no existe.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="998"/>
        <source>Tensor data must be a .pt, .pth, .npy or .npz file.</source>
        <translation>Los datos de tensores deben ser un archivo .pt, .pth, .npy o .npz.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="1000"/>
        <source>Choose a .csv file.</source>
        <translation>Elija un archivo .csv.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="1002"/>
        <source>Choose a .txt file, one example per line.</source>
        <translation>Elija un archivo .txt, un ejemplo por línea.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="1004"/>
        <source>Text data needs the model&apos;s tokenizer (tokenizer.json, vocab.txt, … in a Hugging Face folder), and this model has none. Use random data, or a tensor file of token ids.</source>
        <translation>Los datos de texto necesitan el tokenizador del modelo (tokenizer.json, vocab.txt, … en una carpeta de Hugging Face), y este modelo no tiene. Use datos aleatorios o un archivo de tensores con ids de tokens.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/open_dialog.py" line="1013"/>
        <source>Image size: write H,W or one number, e.g. 32,32.</source>
        <translation>Tamaño de imagen: escriba Al,An o un solo número, p. ej. 32,32.</translation>
    </message>
</context>
<context>
    <name>PreviousRunBox</name>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="28"/>
        <location filename="../../quantgui/ui/layers/whatif.py" line="92"/>
        <source>What-if: previous run and this run</source>
        <translation>¿Y si…?: la ejecución anterior y esta</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="33"/>
        <source>Previous run</source>
        <translation>Ejecución anterior</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="33"/>
        <source>This run</source>
        <translation>Esta ejecución</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="34"/>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="42"/>
        <source>Previous run compared with this run</source>
        <translation>La ejecución anterior comparada con esta</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="45"/>
        <source>Reused from the previous run</source>
        <translation>Reutilizado de la ejecución anterior</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="71"/>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="86"/>
        <source>same</source>
        <translation>igual</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="86"/>
        <location filename="../../quantgui/ui/layers/whatif.py" line="89"/>
        <location filename="../../quantgui/ui/layers/whatif.py" line="91"/>
        <source>changed</source>
        <translation>cambia</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="87"/>
        <source>Technique</source>
        <translation>Técnica</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="89"/>
        <source>Engine</source>
        <translation>Motor</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="91"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="93"/>
        <source>What-if: previous run ({before}) and this run ({now})</source>
        <translation>¿Y si…?: la ejecución anterior ({before}) y esta ({now})</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="95"/>
        <source>Layers kept float</source>
        <translation>Capas mantenidas en float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="96"/>
        <source>Layers quantized</source>
        <translation>Capas cuantizadas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="99"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="102"/>
        <source>{median:.3f} ms</source>
        <translation>{median:.3f} ms</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="103"/>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="108"/>
        <source>{delta:+.2f} points</source>
        <translation>{delta:+.2f} puntos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="110"/>
        <source>Accuracy</source>
        <translation>Exactitud</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="112"/>
        <source>Output SQNR (dB)</source>
        <translation>SQNR de la salida (dB)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="113"/>
        <source>{delta:+.1f} dB</source>
        <translation>{delta:+.1f} dB</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="115"/>
        <source>Top-1 agreement</source>
        <translation>Coincidencia top-1</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="124"/>
        <source>Reused from the previous run: {items}.</source>
        <translation>Reutilizado de la ejecución anterior: {items}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/whatif.py" line="127"/>
        <source>Nothing was reused from the previous run.</source>
        <translation>No se reutilizó nada de la ejecución anterior.</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <location filename="../../quantgui/ui/i18n.py" line="74"/>
        <source>Ctrl</source>
        <translation>Ctrl</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/i18n.py" line="74"/>
        <source>Shift</source>
        <translation>Mayús</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/i18n.py" line="75"/>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/i18n.py" line="75"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
</context>
<context>
    <name>ResultsIO</name>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="95"/>
        <source>&amp;Save quantized model…</source>
        <translation>&amp;Guardar modelo cuantizado…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="96"/>
        <source>Save the last run&apos;s quantized model and check that it loads back.</source>
        <translation>Guardar el modelo cuantizado de la última ejecución y comprobar que se vuelve a cargar.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="100"/>
        <source>&amp;Export as Python script…</source>
        <translation>&amp;Exportar como script de Python…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="101"/>
        <source>Write a standalone script that rebuilds the quantized model with these settings.</source>
        <translation>Escribir un script independiente que reconstruye el modelo cuantizado con estos ajustes.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="104"/>
        <source>Save &amp;HTML report…</source>
        <translation>Guardar informe &amp;HTML…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="105"/>
        <source>Write the last run&apos;s report as one self-contained HTML file.</source>
        <translation>Escribir el informe de la última ejecución como un único archivo HTML autónomo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="108"/>
        <source>Save re&amp;cipe…</source>
        <translation>Guardar re&amp;ceta…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="109"/>
        <source>Save the technique and settings (and the model&apos;s name) as JSON.</source>
        <translation>Guardar la técnica y los ajustes (y el nombre del modelo) como JSON.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="112"/>
        <source>Open rec&amp;ipe…</source>
        <translation>Abrir rece&amp;ta…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="113"/>
        <source>Fill in the technique and settings from a saved recipe (the window&apos;s or the command line&apos;s).</source>
        <translation>Rellenar la técnica y los ajustes desde una receta guardada (de la ventana o de la línea de comandos).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="350"/>
        <source>Exporting the script to {path} also writes the files it reads beside it (weights, data, the model&apos;s source files), and these files exist already:</source>
        <translation>Exportar el script a {path} también escribe a su lado los archivos que lee (pesos, datos, los archivos fuente del modelo), y estos archivos ya existen:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="451"/>
        <source>{field}: enter a number.</source>
        <translation>{field}: escriba un número.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="214"/>
        <source>state_dict with a loader (*.pt)</source>
        <translation>state_dict con cargador (*.pt)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="215"/>
        <source>TorchScript (*.pt)</source>
        <translation>TorchScript (*.pt)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="216"/>
        <location filename="../../quantgui/ui/results_io.py" line="217"/>
        <source>torch.export program (*.pt2)</source>
        <translation>Programa de torch.export (*.pt2)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="218"/>
        <source>ONNX model (*.onnx)</source>
        <translation>Modelo ONNX (*.onnx)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="226"/>
        <source>Save quantized model</source>
        <translation>Guardar modelo cuantizado</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="230"/>
        <source>Export as Python script</source>
        <translation>Exportar como script de Python</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="231"/>
        <source>Python script (*.py)</source>
        <translation>Script de Python (*.py)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="237"/>
        <source>Save HTML report</source>
        <translation>Guardar informe HTML</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="238"/>
        <source>HTML report (*.html)</source>
        <translation>Informe HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="241"/>
        <source>Save recipe</source>
        <translation>Guardar receta</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="242"/>
        <location filename="../../quantgui/ui/results_io.py" line="247"/>
        <source>Recipe (*.json)</source>
        <translation>Receta (*.json)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="245"/>
        <source>Open recipe</source>
        <translation>Abrir receta</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="248"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="257"/>
        <source>Wait for the file being written to be done.</source>
        <translation>Espere a que termine de escribirse el archivo en curso.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="284"/>
        <source>Quantize first: there is no quantized model to save.</source>
        <translation>Cuantice primero: no hay ningún modelo cuantizado que guardar.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="306"/>
        <source>Saving the quantized model to {path}…</source>
        <translation>Guardando el modelo cuantizado en {path}…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="152"/>
        <location filename="../../quantgui/ui/results_io.py" line="322"/>
        <source>Load a model first.</source>
        <translation>Cargue primero un modelo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="319"/>
        <location filename="../../quantgui/ui/results_io.py" line="424"/>
        <source>The script could not be written</source>
        <translation>No se pudo escribir el script</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="341"/>
        <source>Writing the script to {path}…</source>
        <translation>Escribiendo el script en {path}…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="376"/>
        <source>Quantize first: there is no report to save.</source>
        <translation>Cuantice primero: no hay ningún informe que guardar.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="382"/>
        <source>QuantGUI report: {model}</source>
        <translation>Informe de QuantGUI: {model}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="393"/>
        <source>Writing the report to {path}…</source>
        <translation>Escribiendo el informe en {path}…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="400"/>
        <source>identical outputs</source>
        <translation>salidas idénticas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="401"/>
        <source>maximum output difference {difference:.3g}</source>
        <translation>diferencia máxima de las salidas {difference:.3g}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="403"/>
        <source>Saved {format} to {path} ({size}); loaded back: {verdict}.</source>
        <translation>Guardado {format} en {path} ({size}); al volver a cargarlo: {verdict}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="407"/>
        <source>Script written to {path}.</source>
        <translation>Script escrito en {path}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="415"/>
        <source>HTML report written to {path}.</source>
        <translation>Informe HTML escrito en {path}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="287"/>
        <location filename="../../quantgui/ui/results_io.py" line="423"/>
        <source>The quantized model could not be saved</source>
        <translation>No se pudo guardar el modelo cuantizado</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="348"/>
        <source>Replace the files beside the script?</source>
        <translation>¿Reemplazar los archivos junto al script?</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="358"/>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="366"/>
        <source>The script was not written.</source>
        <translation>El script no se escribió.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="383"/>
        <location filename="../../quantgui/ui/results_io.py" line="425"/>
        <source>The report could not be written</source>
        <translation>No se pudo escribir el informe</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="412"/>
        <source>The files it reads are beside it: {paths}.</source>
        <translation>Los archivos que lee están a su lado: {paths}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="454"/>
        <source>{path} cannot be written: {reason}.</source>
        <translation>No se puede escribir {path}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="456"/>
        <source>The recipe could not be saved</source>
        <translation>No se pudo guardar la receta</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="459"/>
        <source>Recipe saved to {path}.</source>
        <translation>Receta guardada en {path}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="479"/>
        <location filename="../../quantgui/ui/results_io.py" line="512"/>
        <source>Wait for the current job to end.</source>
        <translation>Espere a que termine el trabajo en curso.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="484"/>
        <source>The recipe could not be opened</source>
        <translation>No se pudo abrir la receta</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="488"/>
        <source>Opened the recipe {path} ({method}).</source>
        <translation>Abierta la receta {path} ({method}).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="496"/>
        <source>The recipe was saved for {model}; its settings now apply to {current}. Open that model with File &gt; Open model… to run it as saved.</source>
        <translation>La receta se guardó para {model}; sus ajustes se aplican ahora a {current}. Abra ese modelo con Archivo &gt; Abrir modelo… para ejecutarla tal como se guardó.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="518"/>
        <source>The run&apos;s settings cannot be read: {reason}.</source>
        <translation>No se pueden leer los ajustes de la ejecución: {reason}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="520"/>
        <source>The settings could not be applied</source>
        <translation>No se pudieron aplicar los ajustes</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="524"/>
        <source>Applied the settings of run {id} ({method}).</source>
        <translation>Aplicados los ajustes de la ejecución {id} ({method}).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="527"/>
        <source>That run was on {model}; they now apply to {current}.</source>
        <translation>Esa ejecución era sobre {model}; ahora se aplican a {current}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="546"/>
        <source>The run could not be added to the history: {reason}.</source>
        <translation>No se pudo añadir la ejecución al historial: {reason}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/results_io.py" line="549"/>
        <source>Added to the history as run {id}.</source>
        <translation>Añadida al historial como ejecución {id}.</translation>
    </message>
</context>
<context>
    <name>SamplesPanel</name>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="50"/>
        <source>After a run, this tab compares the two models&apos; outputs on every validation sample.</source>
        <translation>Tras una ejecución, esta pestaña compara las salidas de los dos modelos en cada muestra de validación.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="61"/>
        <source>Output values</source>
        <translation>Valores de salida</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="62"/>
        <location filename="../../quantgui/ui/samples_panel.py" line="137"/>
        <source>original</source>
        <translation>original</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="63"/>
        <location filename="../../quantgui/ui/samples_panel.py" line="139"/>
        <source>quantized</source>
        <translation>cuantizado</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="66"/>
        <source>Scatter of original against quantized outputs</source>
        <translation>Dispersión de las salidas originales frente a las cuantizadas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="68"/>
        <source>Each dot is one output value; on the diagonal the quantized model agrees exactly.</source>
        <translation>Cada punto es un valor de salida; en la diagonal el modelo cuantizado coincide exactamente.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="81"/>
        <source>Agreement metrics</source>
        <translation>Métricas de concordancia</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="91"/>
        <source>Sample</source>
        <translation>Muestra</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="93"/>
        <source>Sample input and class probabilities</source>
        <translation>Entrada de la muestra y probabilidades por clase</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="100"/>
        <source>Input features</source>
        <translation>Características de entrada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="103"/>
        <source>feature</source>
        <translation>característica</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="110"/>
        <source>Sample inputs</source>
        <translation>Entradas de la muestra</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="111"/>
        <source>The sample&apos;s inputs, one row each, their values side by side; token ids with their words when the model&apos;s tokenizer is known.</source>
        <translation>Las entradas de la muestra, una fila cada una, con sus valores uno al lado del otro; los ids de tokens con sus palabras cuando se conoce el tokenizador del modelo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="128"/>
        <source>Probabilities</source>
        <translation>Probabilidades</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="132"/>
        <source>class</source>
        <translation>clase</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="144"/>
        <source>Predictions</source>
        <translation>Predicciones</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="146"/>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="147"/>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="148"/>
        <source>Next disagreement</source>
        <translation>Siguiente discrepancia</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="149"/>
        <source>Show the previous sample.</source>
        <translation>Muestra la muestra anterior.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="150"/>
        <source>Show the next sample.</source>
        <translation>Muestra la muestra siguiente.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="152"/>
        <source>Jump to the next sample where the two models predict different classes.</source>
        <translation>Salta a la siguiente muestra en la que los dos modelos predicen clases distintas.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="193"/>
        <source>cosine {value:.5f}</source>
        <translation>coseno {value:.5f}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="194"/>
        <source>SQNR {value:.1f} dB</source>
        <translation>SQNR {value:.1f} dB</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="195"/>
        <source>max |error| {value:.4g}</source>
        <translation>|error| máx. {value:.4g}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="197"/>
        <source>top-1 agreement {value:.2%}</source>
        <translation>concordancia top-1 {value:.2%}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="215"/>
        <source>Next disagreement ({count})</source>
        <translation>Siguiente discrepancia ({count})</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="314"/>
        <source>words</source>
        <translation>palabras</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="327"/>
        <source>padding (the attention mask is 0 here)</source>
        <translation>relleno (la máscara de atención es 0 aquí)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="337"/>
        <source>The first {shown} of {count} values of each input are shown.</source>
        <translation>Se muestran los primeros {shown} de {count} valores de cada entrada.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="340"/>
        <source>Reading the tokenizer to show the words…</source>
        <translation>Leyendo el tokenizador para mostrar las palabras…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="372"/>
        <source>Sample {index} of {count}</source>
        <translation>Muestra {index} de {count}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="375"/>
        <source>label {label}</source>
        <translation>etiqueta {label}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="380"/>
        <source>original {a}, quantized {b}</source>
        <translation>original {a}, cuantizado {b}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="391"/>
        <source>Original: class {co} ({po:.1%})   Quantized: class {cq} ({pq:.1%})</source>
        <translation>Original: clase {co} ({po:.1%})   Cuantizado: clase {cq} ({pq:.1%})</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/samples_panel.py" line="394"/>
        <source>the models disagree</source>
        <translation>los modelos discrepan</translation>
    </message>
</context>
<context>
    <name>SensitivityView</name>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="67"/>
        <source>Rank layers</source>
        <translation>Clasificar capas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="68"/>
        <source>Quantize everything but one layer, for each layer in turn, and rank the layers by how much keeping them in float helps.</source>
        <translation>Cuantiza todo menos una capa, cada capa por turno, y ordena las capas según cuánto ayuda mantenerlas en float.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="72"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="73"/>
        <source>Cancel ranking</source>
        <translation>Cancelar la clasificación</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="75"/>
        <source>Keep suggested in float</source>
        <translation>Mantener en float las sugeridas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="76"/>
        <source>Tick the suggested layers&apos; keep-float boxes; press Quantize to see the effect.</source>
        <translation>Marca las casillas «mantener en float» de las capas sugeridas; pulse Cuantizar para ver el efecto.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="86"/>
        <location filename="../../quantgui/ui/layers/ranking.py" line="121"/>
        <source>Rank the layers to find the ones that hurt most.</source>
        <translation>Clasifique las capas para encontrar las que más perjudican.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="89"/>
        <source>Sensitivity progress</source>
        <translation>Progreso de la sensibilidad</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="93"/>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="93"/>
        <source>SQNR gain (dB)</source>
        <translation>Ganancia de SQNR (dB)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="93"/>
        <source>Accuracy gain</source>
        <translation>Ganancia de exactitud</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="94"/>
        <source>SQNR when kept float (dB)</source>
        <translation>SQNR si se mantiene en float (dB)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="94"/>
        <source>Suggested</source>
        <translation>Sugerida</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="100"/>
        <source>Layers ranked by sensitivity</source>
        <translation>Capas ordenadas por sensibilidad</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="134"/>
        <source>Sensitivity: starting…</source>
        <translation>Sensibilidad: empezando…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="145"/>
        <source>The ranking was made for {what}; the technique or its settings changed since. Rank again to rank the layers for these settings.</source>
        <translation>La clasificación se hizo para {what}; la técnica o sus ajustes han cambiado desde entonces. Vuelva a clasificar las capas para estos ajustes.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="152"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="160"/>
        <source>Sensitivity {current}/{total}</source>
        <translation>Sensibilidad {current}/{total}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="173"/>
        <source>{delta:+.2f} points</source>
        <translation>{delta:+.2f} puntos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="177"/>
        <source>★ suggested</source>
        <translation>★ sugerida</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="190"/>
        <source>Ranked 1 layer ({what}).</source>
        <translation>1 capa clasificada ({what}).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="191"/>
        <source>Ranked {count} layers ({what}).</source>
        <translation>{count} capas clasificadas ({what}).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="194"/>
        <source>Keeping {names} in float should help most.</source>
        <translation>Mantener {names} en float debería ser lo que más ayude.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="198"/>
        <source>No layer gains 1 dB or more by staying float.</source>
        <translation>Ninguna capa gana 1 dB o más al quedarse en float.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="203"/>
        <source>Ranking failed: {message}</source>
        <translation>La clasificación falló: {message}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/ranking.py" line="211"/>
        <source>Ranking cancelled.</source>
        <translation>Clasificación cancelada.</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../quantgui/ui/settings_panel.py" line="84"/>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/settings_panel.py" line="85"/>
        <source>On</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/settings_panel.py" line="86"/>
        <source>Off</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/settings_panel.py" line="97"/>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/settings_panel.py" line="112"/>
        <source>layer names, comma-separated</source>
        <translation>nombres de capas, separados por comas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/settings_panel.py" line="248"/>
        <source>Why this engine</source>
        <translation>Por qué este motor</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/settings_panel.py" line="253"/>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/settings_panel.py" line="258"/>
        <source>Show advanced settings</source>
        <translation>Mostrar ajustes avanzados</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/settings_panel.py" line="259"/>
        <source>Show or hide the settings most runs do not need to change.</source>
        <translation>Muestra u oculta los ajustes que casi nunca hace falta cambiar.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/settings_panel.py" line="374"/>
        <source>Checking which engine can quantize this model…</source>
        <translation>Comprobando qué motor puede cuantizar este modelo…</translation>
    </message>
</context>
<context>
    <name>SqnrChart</name>
    <message>
        <location filename="../../quantgui/ui/layers/chart.py" line="21"/>
        <source>SQNR by layer</source>
        <translation>SQNR por capa</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/chart.py" line="22"/>
        <source>Output SQNR of each quantized layer (bars; red: below the dashed line at {limit:.0f} dB) and accumulated SQNR (dots). Higher is better.</source>
        <translation>SQNR de salida de cada capa cuantizada (barras; en rojo: por debajo de la línea discontinua en {limit:.0f} dB) y SQNR acumulada (puntos). Más alto es mejor.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/chart.py" line="26"/>
        <source>SQNR (dB)</source>
        <translation>SQNR (dB)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/layers/chart.py" line="67"/>
        <source>Press Quantize to measure each layer&apos;s error</source>
        <translation>Pulse Cuantizar para medir el error de cada capa</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="125"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="129"/>
        <source>Suggested technique</source>
        <translation>Técnica sugerida</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="133"/>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="135"/>
        <source>Quantize</source>
        <translation>Cuantizar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="136"/>
        <source>Quantize from the Start tab</source>
        <translation>Cuantizar desde la pestaña Inicio</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="138"/>
        <location filename="../../quantgui/ui/start_page.py" line="201"/>
        <source>Compare all three</source>
        <translation>Comparar las tres</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="139"/>
        <source>Compare all three from the Start tab</source>
        <translation>Comparar las tres desde la pestaña Inicio</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="151"/>
        <source>&lt;h2&gt;Loading a model…&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Cargando un modelo…&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="173"/>
        <source>Quantize with {technique}</source>
        <translation>Cuantizar con {technique}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="177"/>
        <source>Working out which technique quantizes the most of this model…</source>
        <translation>Calculando qué técnica cuantiza más de este modelo…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="184"/>
        <source>{technique}: {layers}, {share:.0%} of the weights</source>
        <translation>{technique}: {layers}, {share:.0%} de los pesos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="186"/>
        <source>1 layer</source>
        <translation>1 capa</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="186"/>
        <source>{count} layers</source>
        <translation>{count} capas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="189"/>
        <source>&lt;b&gt;{technique}&lt;/b&gt; is selected: of the techniques that need no training, it quantizes the most of this model ({plans}).</source>
        <translation>&lt;b&gt;{technique}&lt;/b&gt; está seleccionada: de las técnicas que no necesitan entrenamiento, es la que más cuantiza de este modelo ({plans}).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="195"/>
        <source>&lt;b&gt;{technique}&lt;/b&gt; is selected.</source>
        <translation>&lt;b&gt;{technique}&lt;/b&gt; está seleccionada.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="217"/>
        <source>Check the technique and its settings on the left (the tooltips say what each one does).</source>
        <translation>Revise la técnica y sus ajustes a la izquierda (las descripciones emergentes dicen qué hace cada uno).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="219"/>
        <source>Press &lt;b&gt;Quantize&lt;/b&gt; (Ctrl+R) to quantize a copy with {technique}: Comparison shows the size, the latency and the accuracy, Layers each layer&apos;s error, Outputs the predictions.</source>
        <translation>Pulse &lt;b&gt;Cuantizar&lt;/b&gt; (Ctrl+R) para cuantizar una copia con {technique}: Comparación muestra el tamaño, la latencia y la exactitud, Capas el error de cada capa, Salidas las predicciones.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="223"/>
        <source>Or press &lt;b&gt;Compare all three&lt;/b&gt; (Ctrl+Shift+A): Dynamic, Static and QAT side by side in the Techniques tab.</source>
        <translation>O pulse &lt;b&gt;Comparar las tres&lt;/b&gt; (Ctrl+Mayús+A): Dinámica, Estática y QAT lado a lado en la pestaña Técnicas.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/start_page.py" line="226"/>
        <source>Help &gt; Guide (F1) explains each technique and each number.</source>
        <translation>Ayuda &gt; Guía (F1) explica cada técnica y cada número.</translation>
    </message>
</context>
<context>
    <name>TechniquesPanel</name>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="105"/>
        <source>How do the three techniques compare on this model?

Run ▸ Compare all three (Ctrl+Shift+A) quantizes the loaded model with Dynamic, Static and QAT, using the settings on the left that they share (engine, threads, batch size, layers kept in float), times them together with the float32 original, and shows size, latency, accuracy and agreement side by side with the Pareto front: the best trade-offs. Each technique&apos;s run is added to the History.</source>
        <translation>¿Cómo se comparan las tres técnicas con este modelo?

Ejecutar ▸ Comparar las tres (Ctrl+Mayús+A) cuantiza el modelo cargado con Dinámica, Estática y QAT, con los ajustes de la izquierda que comparten (motor, hilos, tamaño de lote, capas mantenidas en float), las mide junto con el original float32 y muestra tamaño, latencia, exactitud y concordancia lado a lado con el frente de Pareto: los mejores compromisos. La ejecución de cada técnica se añade al Historial.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="113"/>
        <source>Compare all three: how to start</source>
        <translation>Comparar las tres: cómo empezar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="122"/>
        <source>Pareto front</source>
        <translation>Frente de Pareto</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="126"/>
        <source>How the techniques were measured</source>
        <translation>Cómo se midieron las técnicas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="131"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="132"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="132"/>
        <source>Size of the saved model (state_dict).</source>
        <translation>Tamaño del modelo guardado (state_dict).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="133"/>
        <source>Size
ratio</source>
        <translation>Tamaño
relativo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="133"/>
        <source>Size against the float32 original: lower is smaller.</source>
        <translation>Tamaño frente al original float32: menos es más pequeño.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="135"/>
        <source>Latency
median</source>
        <translation>Latencia
mediana</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="135"/>
        <source>Median latency of one batch.</source>
        <translation>Latencia mediana de un lote.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="136"/>
        <source>p10–p90</source>
        <translation>p10–p90</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="136"/>
        <source>The spread of the runs: 10th to 90th percentile latency of one batch. Results whose spreads overlap have the same latency (tie).</source>
        <translation>La dispersión de las ejecuciones: latencia de un lote del percentil 10 al 90. Los resultados cuyas dispersiones se solapan tienen la misma latencia (empate).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="139"/>
        <source>Speed-up</source>
        <translation>Aceleración</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="139"/>
        <source>Median latency of the original divided by this one&apos;s: above 1× is faster.</source>
        <translation>Latencia mediana del original dividida por la de este: por encima de 1× es más rápido.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="141"/>
        <source>Accuracy</source>
        <translation>Exactitud</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="141"/>
        <source>Validation accuracy.</source>
        <translation>Exactitud de validación.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="142"/>
        <source>Agreement
SQNR (dB)</source>
        <translation>Concordancia
SQNR (dB)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="142"/>
        <source>How close the outputs stay to the original&apos;s: higher is closer, ∞ is identical.</source>
        <translation>Cuánto se acercan las salidas a las del original: más alto es más cercano, ∞ es idéntico.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="145"/>
        <source>int8
layers</source>
        <translation>Capas
int8</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="145"/>
        <source>Layers running in int8, of all layers.</source>
        <translation>Capas que se ejecutan en int8, del total.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="146"/>
        <source>Pareto</source>
        <translation>Pareto</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="146"/>
        <source>★: on the Pareto front.</source>
        <translation>★: en el frente de Pareto.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="147"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="147"/>
        <source>What each run used: QAT&apos;s epochs, static quantization&apos;s calibration batches (QAT trains for 1 epoch here unless its settings were opened); the cell&apos;s tooltip adds the engine.</source>
        <translation>Lo que usó cada ejecución: las épocas de QAT, los lotes de calibración de la cuantización estática (QAT entrena 1 época aquí salvo que se hayan abierto sus ajustes); la ayuda emergente de la celda añade el motor.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="164"/>
        <source>Technique comparison table</source>
        <translation>Tabla de comparación de técnicas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="172"/>
        <source>Run shown in Comparison, Layers and Outputs</source>
        <translation>Ejecución mostrada en Comparación, Capas y Salidas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="174"/>
        <source>The original and every result are timed together in interleaved rounds, so their latencies can be compared.</source>
        <translation>El original y cada resultado se miden juntos en rondas intercaladas, así que sus latencias se pueden comparar.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="180"/>
        <source>What the Pareto front is</source>
        <translation>Qué es el frente de Pareto</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="184"/>
        <source>Techniques not run</source>
        <translation>Técnicas no ejecutadas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="187"/>
        <source>Latency against accuracy chart</source>
        <translation>Gráfico de latencia frente a exactitud</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="188"/>
        <source>One point per result: left is faster, up is more accurate, a bigger marker is a bigger model. The dashed line joins the Pareto front.</source>
        <translation>Un punto por resultado: a la izquierda es más rápido, arriba es más exacto, un marcador mayor es un modelo mayor. La línea discontinua une el frente de Pareto.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="195"/>
        <source>Median latency (ms), lower is faster</source>
        <translation>Latencia mediana (ms), menos es más rápido</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="271"/>
        <source>Comparison, Layers and Outputs show {title}; select another row to show that run there (and save it).</source>
        <translation>Comparación, Capas y Salidas muestran {title}; seleccione otra fila para mostrar allí esa ejecución (y guardarla).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="275"/>
        <source>Select a row to show that run in Comparison, Layers and Outputs (and save it).</source>
        <translation>Seleccione una fila para mostrar esa ejecución en Comparación, Capas y Salidas (y guardarla).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="309"/>
        <source>Pareto front: {results}</source>
        <translation>Frente de Pareto: {results}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="313"/>
        <source>No technique ran.</source>
        <translation>No se ejecutó ninguna técnica.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="317"/>
        <source>{model}: {threads} thread(s), batch {batch}, {engine}. The original and every result were timed together in interleaved rounds.</source>
        <translation>{model}: {threads} hilo(s), lote {batch}, {engine}. El original y cada resultado se midieron juntos en rondas intercaladas.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="323"/>
        <source>accuracy</source>
        <translation>exactitud</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="323"/>
        <source>agreement (SQNR)</source>
        <translation>concordancia (SQNR)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="325"/>
        <source>{mark} Pareto front: the results that no other result beats on latency, size and {quality} at once. Each one is a best trade-off; every result off the front is beaten on all three by one on it.</source>
        <translation>{mark} Frente de Pareto: los resultados que ningún otro supera a la vez en latencia, tamaño y {quality}. Cada uno es un mejor compromiso; cada resultado fuera del frente es superado en las tres cosas por uno del frente.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="330"/>
        <source>Tie: {results} have the same latency within p10–p90; neither counts as faster.</source>
        <translation>Empate: {results} tienen la misma latencia dentro de p10–p90; ninguno cuenta como más rápido.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="345"/>
        <source>accuracy {value}</source>
        <translation>exactitud {value}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="346"/>
        <source>agreement {value} dB</source>
        <translation>concordancia {value} dB</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="350"/>
        <source>{title}: {size:.2f}× the size, {speed}, {quality}.</source>
        <translation>{title}: {size:.2f}× el tamaño, {speed}, {quality}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="361"/>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="576"/>
        <source>latency tie (p10–p90)</source>
        <translation>empate de latencia (p10–p90)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="367"/>
        <location filename="../../quantgui/ui/techniques_panel.py" line="506"/>
        <source>float32 original</source>
        <translation>original float32</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="384"/>
        <source>{ms:.2f} ms (tie)</source>
        <translation>{ms:.2f} ms (empate)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="385"/>
        <source>{ms:.2f} ms</source>
        <translation>{ms:.2f} ms</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="386"/>
        <source>{low:.2f}–{high:.2f} ms</source>
        <translation>{low:.2f}–{high:.2f} ms</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="392"/>
        <source>{count} of {total}</source>
        <translation>{count} de {total}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="412"/>
        <source>Same latency within p10–p90 as {results}: a tie for the Pareto front.</source>
        <translation>La misma latencia dentro de p10–p90 que {results}: un empate para el frente de Pareto.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="427"/>
        <source>Quantized in {seconds:.1f} s.</source>
        <translation>Cuantizado en {seconds:.1f} s.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="468"/>
        <source>epochs: {count}</source>
        <translation>épocas: {count}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="470"/>
        <source>calibration batches: {count}</source>
        <translation>lotes de calibración: {count}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="496"/>
        <source>Not run here:</source>
        <translation>No ejecutado aquí:</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="522"/>
        <source>Accuracy (%), higher is better</source>
        <translation>Exactitud (%), más alto es mejor</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="523"/>
        <source>Agreement SQNR (dB), higher is closer</source>
        <translation>SQNR de concordancia (dB), más alto es más cercano</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="524"/>
        <source>Latency against accuracy; marker area: model size</source>
        <translation>Latencia frente a exactitud; área del marcador: tamaño del modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/techniques_panel.py" line="526"/>
        <source>Latency against agreement; marker area: model size</source>
        <translation>Latencia frente a concordancia; área del marcador: tamaño del modelo</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <location filename="../../quantgui/ui/training_plots.py" line="30"/>
        <source>Choose QAT and press Quantize: the training loss, the validation metrics and the learning rate appear here as the model trains.</source>
        <translation>Elija QAT y pulse Cuantizar: la pérdida de entrenamiento, las métricas de validación y la tasa de aprendizaje aparecen aquí mientras el modelo entrena.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/training_plots.py" line="35"/>
        <source>Training curves</source>
        <translation>Curvas de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/training_plots.py" line="36"/>
        <source>QAT training curves: loss, validation loss and accuracy, learning rate.</source>
        <translation>Curvas de entrenamiento QAT: pérdida, pérdida y exactitud de validación, tasa de aprendizaje.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/training_plots.py" line="47"/>
        <source>Training loss</source>
        <translation>Pérdida de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/training_plots.py" line="49"/>
        <location filename="../../quantgui/ui/training_plots.py" line="57"/>
        <source>step</source>
        <translation>paso</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/training_plots.py" line="51"/>
        <source>per step</source>
        <translation>por paso</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/training_plots.py" line="53"/>
        <source>smoothed</source>
        <translation>suavizada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/training_plots.py" line="56"/>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/training_plots.py" line="61"/>
        <source>Validation loss</source>
        <translation>Pérdida de validación</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/training_plots.py" line="62"/>
        <location filename="../../quantgui/ui/training_plots.py" line="68"/>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/training_plots.py" line="66"/>
        <source>Validation accuracy</source>
        <translation>Exactitud de validación</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/training_plots.py" line="72"/>
        <source>QAT (fake-quantized)</source>
        <translation>QAT (cuantización simulada)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/training_plots.py" line="76"/>
        <location filename="../../quantgui/ui/training_plots.py" line="140"/>
        <source>original</source>
        <translation>original</translation>
    </message>
</context>
<context>
    <name>UserModels</name>
    <message>
        <location filename="../../quantgui/ui/user_models.py" line="50"/>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/user_models.py" line="108"/>
        <source>Only if you trust where it came from, choose “Trust and open”. Then model.save_pretrained(folder) writes model.safetensors, which holds tensors only and opens without asking.</source>
        <translation>Solo si confía en su procedencia, elija «Confiar y abrir». Después, model.save_pretrained(carpeta) escribe model.safetensors, que solo contiene tensores y se abre sin preguntar.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/user_models.py" line="115"/>
        <source>Trust this file?</source>
        <translation>¿Confía en este archivo?</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/user_models.py" line="116"/>
        <source>Loading this file runs code from it. Only continue if you trust where it came from.</source>
        <translation>Cargar este archivo ejecuta código que contiene. Continúe solo si confía en su procedencia.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/user_models.py" line="124"/>
        <source>{name} is a whole pickled model: opening it unpickles the file, which can run any code it contains. Safer: a torch.export program (.pt2), or the Python file and class with state_dict weights.</source>
        <translation>{name} es un modelo completo serializado con pickle: abrirlo deserializa el archivo, lo que puede ejecutar cualquier código que contenga. Más seguro: un programa de torch.export (.pt2), o el archivo de Python y la clase con pesos en un state_dict.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/user_models.py" line="127"/>
        <source>Trust and open</source>
        <translation>Confiar y abrir</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/user_models.py" line="149"/>
        <source>The model could not be loaded</source>
        <translation>No se pudo cargar el modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/user_models.py" line="161"/>
        <source>Wait for the current job to end.</source>
        <translation>Espere a que termine el trabajo en curso.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/user_models.py" line="166"/>
        <source>Not a valid shape: {text}</source>
        <translation>No es una forma válida: {text}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/user_models.py" line="170"/>
        <source>Opening {name}…</source>
        <translation>Abriendo {name}…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/user_models.py" line="247"/>
        <source>No recent models</source>
        <translation>No hay modelos recientes</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/user_models.py" line="251"/>
        <source>Clear the list</source>
        <translation>Vaciar la lista</translation>
    </message>
</context>
<context>
    <name>log</name>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="329"/>
        <source>Quantizing {model} with {technique} on {engine} (torch {torch}, {threads} threads).</source>
        <translation>Cuantizando {model} con {technique} en {engine} (torch {torch}, {threads} hilos).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="332"/>
        <source>No layer of {model} was quantized by {technique} on {engine}; see the layer table for the reasons.</source>
        <translation>{technique} en {engine} no cuantizó ninguna capa de {model}; los motivos están en la tabla de capas.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="336"/>
        <source>Only {quantized} of the {weighted} convolution and linear layers of {model} run in int8 with {technique} on {engine}; the layer table says why for each, and Compare engines shows whether another engine converts more.</source>
        <translation>Solo {quantized} de las {weighted} capas convolucionales y lineales de {model} se ejecutan en int8 con {technique} en {engine}; la tabla de capas dice por qué en cada una, y Comparar motores muestra si otro motor convierte más.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="341"/>
        <source>torch.ao&apos;s FX graph mode stopped on this model: {error}</source>
        <translation>El modo de grafo FX de torch.ao se detuvo en este modelo: {error}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="342"/>
        <source>torch.ao.ns could not compare the layers ({error}); the per-layer errors come from forward hooks.</source>
        <translation>torch.ao.ns no pudo comparar las capas ({error}); los errores por capa vienen de forward hooks.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="346"/>
        <source>{layer} shares its weight with {other}: the ONNX model holds that weight twice (the lookup&apos;s table, and transposed for the product), so both are made int8 (keeping one float would make the model larger).</source>
        <translation>{layer} comparte su peso con {other}: el modelo ONNX guarda ese peso dos veces (la tabla de la búsqueda y, traspuesto, para el producto), así que ambos pasan a int8 (dejar uno en float haría el modelo más grande).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="351"/>
        <source>{layer} shares its weight with {other}: kept float, so that the weight is stored once (an int8 copy of it beside the float original would make the quantized model larger than the float one).</source>
        <translation>{layer} comparte su peso con {other}: se deja en float para que el peso se guarde una sola vez (una copia int8 junto al original en float haría el modelo cuantizado más grande que el float).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="356"/>
        <source>The multi-head attention fast path is off during the run (it does not accept dynamically quantized weights); run the quantized model with torch.backends.mha.set_fastpath_enabled(False).</source>
        <translation>La vía rápida de la atención multi-cabeza se desactiva durante la ejecución (no acepta pesos cuantizados dinámicamente); ejecute el modelo cuantizado con torch.backends.mha.set_fastpath_enabled(False).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="361"/>
        <source>Training on {device}; the model moves to the CPU before convert (int8 kernels are CPU-only).</source>
        <translation>Entrenando en {device}; el modelo pasa a la CPU antes de convertirlo (los kernels int8 son solo de CPU).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="365"/>
        <source>{name}: quantizing…</source>
        <translation>{name}: cuantizando…</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="366"/>
        <source>{name}: skipped ({reason})</source>
        <translation>{name}: omitido ({reason})</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="367"/>
        <source>{name}: failed ({reason})</source>
        <translation>{name}: falló ({reason})</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="368"/>
        <source>{name}: not run ({reason})</source>
        <translation>{name}: no ejecutado ({reason})</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="369"/>
        <source>torchao could not prepare the default torch.export capture; the strict capture (TorchDynamo) worked.</source>
        <translation>torchao no pudo preparar la captura predeterminada de torch.export; la captura estricta (TorchDynamo) funcionó.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="373"/>
        <source>Compiled by inductor in {compile:.1f} s (float32 reference {compile_float:.1f} s), for batches of {batch}: other batch sizes are padded or split, never recompiled. The saved .pt2 program takes any batch size.</source>
        <translation>Compilado por inductor en {compile:.1f} s (referencia float32 {compile_float:.1f} s), para lotes de {batch}: otros tamaños de lote se rellenan o se dividen, nunca se recompila. El programa .pt2 guardado acepta cualquier tamaño de lote.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="378"/>
        <source>Compiled by inductor in {compile:.1f} s (float32 reference {compile_float:.1f} s), for batches of {batch}: other batch sizes are padded or split, never recompiled. The saved .pt2 program takes only batches of {fixed} (the model fixes its batch size).</source>
        <translation>Compilado por inductor en {compile:.1f} s (referencia float32 {compile_float:.1f} s), para lotes de {batch}: otros tamaños de lote se rellenan o se dividen, nunca se recompila. El programa .pt2 guardado solo acepta lotes de {fixed} (el modelo fija su tamaño de lote).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="383"/>
        <source>torchao&apos;s numeric debugger could not compare the layers ({error}); no per-layer errors for this run.</source>
        <translation>El depurador numérico de torchao no pudo comparar las capas ({error}); esta ejecución no tiene errores por capa.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="387"/>
        <source>The {engine} engine quantizes Linear layers dynamically; {types} stay float32 (compiled).</source>
        <translation>El motor {engine} cuantiza dinámicamente las capas Linear; {types} se quedan en float32 (compilado).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="391"/>
        <source>The per-layer comparison failed ({error}); no per-layer errors for this run.</source>
        <translation>La comparación por capas falló ({error}); esta ejecución no tiene errores por capa.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="394"/>
        <source>This torchao cannot freeze batch-norm statistics in an exported graph; they keep updating.</source>
        <translation>Esta versión de torchao no puede congelar las estadísticas de batch-norm en un grafo exportado; siguen actualizándose.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="398"/>
        <source>Exported with {exporter}, opset {opset}.</source>
        <translation>Exportado con {exporter}, opset {opset}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="399"/>
        <source>Reused the ONNX model exported with {exporter}, opset {opset}.</source>
        <translation>Se reutilizó el modelo ONNX exportado con {exporter}, opset {opset}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="402"/>
        <source>Exported with {exporter}, opset {opset}; ORT pre-processing skipped ({skipped}).</source>
        <translation>Exportado con {exporter}, opset {opset}; se omitió el preprocesado de ORT ({skipped}).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="405"/>
        <source>Reused the ONNX model exported with {exporter}, opset {opset}; ORT pre-processing skipped ({skipped}).</source>
        <translation>Se reutilizó el modelo ONNX exportado con {exporter}, opset {opset}; se omitió el preprocesado de ORT ({skipped}).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="409"/>
        <source>onnxruntime&apos;s qdq_loss_debug could not compare the layers ({error}).</source>
        <translation>qdq_loss_debug de onnxruntime no pudo comparar las capas ({error}).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="412"/>
        <source>{count} ONNX nodes ({types}) hold infinite values (a transformer&apos;s attention mask), which calibration cannot give a range: these op types stay float.</source>
        <translation>{count} nodos ONNX ({types}) contienen valores infinitos (la máscara de atención de un transformer), a los que la calibración no puede dar un rango: estos tipos de operación quedan en float.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="416"/>
        <source>Calibrated on {used} of {total} batches: ONNX Runtime&apos;s calibration holds every activation of every batch ({mib:.0f} MiB a sample, {budget:.0f} GiB at most).</source>
        <translation>Calibrado con {used} de {total} lotes: la calibración de ONNX Runtime guarda cada activación de cada lote ({mib:.0f} MiB por muestra, {budget:.0f} GiB como máximo).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="420"/>
        <source>torchao weight-only int8: {int8} of {linear} Linear layers hold int8 weights; the model saves in {size:,} bytes instead of {float_size:,} ({ratio:.2f}x). Activations stay float32.</source>
        <translation>torchao weight-only int8: {int8} de {linear} capas Linear tienen pesos int8; el modelo se guarda en {size:,} bytes en lugar de {float_size:,} ({ratio:.2f}x). Las activaciones se quedan en float32.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="425"/>
        <source>Weight-only int8 gives no speed-up on CPU: no int8 kernel runs; at every call the int8 weights are converted to float32 in front of a float32 matmul, so the compiled model is about as fast as float32 at large batches and slower at batch 1. What it saves is size: the Linear weights are 4x smaller on disk and in memory. For int8 speed on CPU use dynamic quantization on the PyTorch eager or ONNX Runtime engine.</source>
        <translation>Weight-only int8 no acelera en CPU: no se ejecuta ningún kernel int8; en cada llamada los pesos int8 se convierten a float32 delante de un matmul float32, así que el modelo compilado es más o menos igual de rápido que float32 con lotes grandes y más lento con lote 1. Lo que ahorra es tamaño: los pesos Linear ocupan 4x menos en disco y en memoria. Para velocidad int8 en CPU use la cuantización dinámica en el motor PyTorch eager u ONNX Runtime.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="432"/>
        <source>Not built here: {reason}</source>
        <translation>No construido aquí: {reason}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="433"/>
        <source>Compiled with inductor (freezing): int8 in {compile:.1f} s, float32 in {compile_float:.1f} s (apart from latency).</source>
        <translation>Compilado con inductor (freezing): int8 en {compile:.1f} s, float32 en {compile_float:.1f} s (aparte de la latencia).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="437"/>
        <source>The per-layer errors could not be measured ({error}).</source>
        <translation>No se pudieron medir los errores por capa ({error}).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="438"/>
        <source>Per-layer errors measured on {samples} validation samples.</source>
        <translation>Errores por capa medidos en {samples} muestras de validación.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="439"/>
        <source>Per-layer errors measured on {samples} of {available} validation samples: the model&apos;s layers give {values:,} activation values a sample, so a few samples already give millions a layer (the output agreement uses every sample).</source>
        <translation>Errores por capa medidos en {samples} de {available} muestras de validación: las capas del modelo dan {values:,} valores de activación por muestra, así que unas pocas muestras ya dan millones por capa (la concordancia de salidas usa todas las muestras).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="444"/>
        <source>The quantized outputs do not follow the original&apos;s (SQNR {sqnr} dB, below {floor} dB: the error is about as large as the outputs): do not use this model. A working int8 model gives 20 dB or more, so something is wrong (calibration data unlike the validation data, a layer int8 cannot hold, or a fault of the {engine} engine on this model): try another engine, or keep the layers with the lowest SQNR in float (Layers tab).</source>
        <translation>Las salidas cuantizadas no siguen a las del original (SQNR {sqnr} dB, por debajo de {floor} dB: el error es casi tan grande como las salidas): no use este modelo. Un modelo int8 que funciona da 20 dB o más, así que algo va mal (datos de calibración distintos de los de validación, una capa que int8 no puede representar, o un fallo del motor {engine} con este modelo): pruebe otro motor, o mantenga en float las capas con el SQNR más bajo (pestaña Capas).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="452"/>
        <source>The original model&apos;s outputs are all near zero (RMS {rms}, below float32&apos;s epsilon {eps}): no quantization step is that fine, so the agreement figures (SQNR, cosine, top-1) mean nothing on this model. Randomly initialised weights often give such outputs: use trained weights, or the data the model was made for.</source>
        <translation>Las salidas del modelo original están todas cerca de cero (RMS {rms}, por debajo del épsilon de float32, {eps}): ningún paso de cuantización es tan fino, así que las cifras de concordancia (SQNR, coseno, top-1) no significan nada en este modelo. Los pesos inicializados al azar suelen dar salidas así: use pesos entrenados, o los datos para los que se hizo el modelo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="458"/>
        <source>The data changed during this run: the original model, or the one the {engine} engine built from it, wrote into its inputs, so these figures may come from altered data (the loaded data itself is unchanged). Do not rely on them; report the model and the engine.</source>
        <translation>Los datos cambiaron durante esta ejecución: el modelo original, o el que el motor {engine} construyó a partir de él, escribió en sus entradas, así que estas cifras pueden venir de datos alterados (los datos cargados no han cambiado). No se fíe de ellas; informe del modelo y del motor.</translation>
    </message>
</context>
<context>
    <name>message</name>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="467"/>
        <source>The {engine} engine does not implement {technique} quantization; it offers {techniques}.</source>
        <translation>El motor {engine} no implementa la cuantización {technique}; ofrece {techniques}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="471"/>
        <source>{engine} is the fastest engine that keeps agreement ({speedup:.2f}x float32 eager PyTorch, SQNR {sqnr:.1f} dB; agreement kept: within {tolerance:g} dB of the best or above {floor:g} dB).</source>
        <translation>{engine} es el motor más rápido que mantiene la concordancia ({speedup:.2f}x float32 en PyTorch eager, SQNR {sqnr:.1f} dB; concordancia mantenida: a menos de {tolerance:g} dB de la mejor o por encima de {floor:g} dB).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="476"/>
        <source>{recommendation} Left out for agreement: {engines}.</source>
        <translation>{recommendation} Descartados por concordancia: {engines}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="477"/>
        <source>No engine produced outputs that can be compared.</source>
        <translation>Ningún motor produjo salidas que se puedan comparar.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="478"/>
        <source>{engine} chosen for {technique} on {model}: {default} cannot apply it (FX graph mode cannot rewrite this model), and torch.export captures the model whole.</source>
        <translation>Se eligió {engine} para {technique} en {model}: {default} no puede aplicarla (el modo de grafo FX no puede reescribir este modelo), y torch.export captura el modelo entero.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="482"/>
        <source>{engine} chosen for {technique} on {model}: {default} would quantize only {quantized} of its {weighted} convolution and linear layers (FX cannot trace the rest), and torch.export captures the model whole.</source>
        <translation>Se eligió {engine} para {technique} en {model}: {default} cuantizaría solo {quantized} de sus {weighted} capas convolucionales y lineales (FX no puede trazar el resto), y torch.export captura el modelo entero.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="487"/>
        <source>{default} is kept as chosen, but it cannot apply {technique} to {model} (FX graph mode cannot rewrite this model); {engine} can, as torch.export captures the model whole.</source>
        <translation>Se mantiene {default}, como se eligió, pero no puede aplicar {technique} a {model} (el modo de grafo FX no puede reescribir este modelo); {engine} sí puede, porque torch.export captura el modelo entero.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="492"/>
        <source>{default} is kept as chosen, but it will quantize only {quantized} of the {weighted} convolution and linear layers of {model} with {technique}; {engine} captures the model whole with torch.export.</source>
        <translation>Se mantiene {default}, como se eligió, pero cuantizará solo {quantized} de las {weighted} capas convolucionales y lineales de {model} con {technique}; {engine} captura el modelo entero con torch.export.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="497"/>
        <source>{default} cannot apply {technique} to {model} (FX graph mode cannot rewrite this model), and {engine} cannot take it either ({why}).</source>
        <translation>{default} no puede aplicar {technique} a {model} (el modo de grafo FX no puede reescribir este modelo), y {engine} tampoco puede tomarlo ({why}).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="501"/>
        <source>{default} will quantize only {quantized} of the {weighted} convolution and linear layers of {model} with {technique}, and {engine} cannot take it either ({why}).</source>
        <translation>{default} cuantizará solo {quantized} de las {weighted} capas convolucionales y lineales de {model} con {technique}, y {engine} tampoco puede tomarlo ({why}).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="505"/>
        <source>The setting {name} must be true or false, not {value}.</source>
        <translation>El ajuste {name} debe ser verdadero o falso, no {value}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="506"/>
        <source>Use true/false, yes/no or 1/0.</source>
        <translation>Use true/false, yes/no o 1/0.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="507"/>
        <source>The setting {name} must be a whole number, not {value}.</source>
        <translation>El ajuste {name} debe ser un número entero, no {value}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="508"/>
        <source>Give an integer such as 3, without quotes or decimals.</source>
        <translation>Dé un entero como 3, sin comillas ni decimales.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="509"/>
        <source>The setting {name} must be a finite number, not {value}.</source>
        <translation>El ajuste {name} debe ser un número finito, no {value}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="512"/>
        <source>Give a number such as 0.001 (NaN and infinity are not allowed).</source>
        <translation>Dé un número como 0.001 (NaN e infinito no se admiten).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="515"/>
        <source>The setting {name} must be text, not {value}.</source>
        <translation>El ajuste {name} debe ser texto, no {value}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="516"/>
        <source>Give it as text in quotes.</source>
        <translation>Escríbalo como texto entre comillas.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="517"/>
        <source>The setting {name} must be a list of names, not {value}.</source>
        <translation>El ajuste {name} debe ser una lista de nombres, no {value}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="520"/>
        <source>Give a list, e.g. [&quot;fc1&quot;, &quot;fc2&quot;] (or [] for none).</source>
        <translation>Dé una lista, p. ej. [&quot;fc1&quot;, &quot;fc2&quot;] (o [] para ninguno).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="521"/>
        <source>The setting {name} must be a number, not {value}.</source>
        <translation>El ajuste {name} debe ser un número, no {value}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="522"/>
        <source>The setting {name}={value} is out of range.</source>
        <translation>El ajuste {name}={value} está fuera de rango.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="523"/>
        <source>Use a value from {low} to {high}.</source>
        <translation>Use un valor de {low} a {high}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="524"/>
        <source>Unknown {name} {value}.</source>
        <translation>Valor desconocido de {name}: {value}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="525"/>
        <source>Choose one of: {choices}.</source>
        <translation>Elija uno de: {choices}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="526"/>
        <source>Unknown setting(s) for {method}: {names}.</source>
        <translation>Ajustes desconocidos para {method}: {names}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="527"/>
        <source>Known settings: {names}.</source>
        <translation>Ajustes conocidos: {names}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="528"/>
        <source>Unknown method {value}.</source>
        <translation>Técnica desconocida {value}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="529"/>
        <source>Dynamic quantization needs at least one layer type.</source>
        <translation>La cuantización dinámica necesita al menos un tipo de capa.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="530"/>
        <source>Select Linear, for example.</source>
        <translation>Seleccione Linear, por ejemplo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="531"/>
        <source>Dynamic quantization does not support layer type {value}.</source>
        <translation>La cuantización dinámica no admite el tipo de capa {value}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="534"/>
        <source>Choose from: {choices}.</source>
        <translation>Elija entre: {choices}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="535"/>
        <source>The setting model must be text (a model file or folder, or demo:NAME), not {value}.</source>
        <translation>El ajuste model debe ser texto (un archivo o carpeta de modelo, o demo:NOMBRE), no {value}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="538"/>
        <source>Give the model&apos;s path in quotes, or leave the setting out.</source>
        <translation>Dé la ruta del modelo entre comillas, o quite el ajuste.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="541"/>
        <source>The setting model_args must be a JSON object of the model&apos;s arguments, not {value}.</source>
        <translation>El ajuste model_args debe ser un objeto JSON con los argumentos del modelo, no {value}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="544"/>
        <source>Write the arguments as a JSON object of names and values, or leave the setting out.</source>
        <translation>Escriba los argumentos como un objeto JSON de nombres y valores, o quite el ajuste.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="547"/>
        <source>The recipe {path} does not exist.</source>
        <translation>La receta {path} no existe.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="548"/>
        <source>Check the path and its spelling.</source>
        <translation>Compruebe la ruta y cómo está escrita.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="549"/>
        <source>The recipe {path} is a folder, not a recipe file.</source>
        <translation>La receta {path} es una carpeta, no un archivo de receta.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="550"/>
        <source>The recipe {path} is not a regular file (a pipe, a device or a socket).</source>
        <translation>La receta {path} no es un archivo normal (es una tubería, un dispositivo o un socket).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="553"/>
        <source>The recipe {path} cannot be read: {reason}.</source>
        <translation>La receta {path} no se puede leer: {reason}.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="554"/>
        <source>Check the file and its permissions.</source>
        <translation>Compruebe el archivo y sus permisos.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="555"/>
        <source>The recipe {path} is {size}, far more than a recipe (a small JSON file of settings, at most {limit}).</source>
        <translation>La receta {path} ocupa {size}, mucho más que una receta (un pequeño archivo JSON de ajustes, de {limit} como mucho).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="559"/>
        <source>The recipe {path} is empty: it is not a JSON recipe.</source>
        <translation>La receta {path} está vacía: no es una receta JSON.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="560"/>
        <source>{path} is not a JSON recipe: it is not UTF-8 text (byte {byte} at position {position}).</source>
        <translation>{path} no es una receta JSON: no es texto UTF-8 (byte {byte} en la posición {position}).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="564"/>
        <source>{path} is not a JSON recipe: it is not valid JSON ({reason} at line {line}, column {column}).</source>
        <translation>{path} no es una receta JSON: no es JSON válido ({reason} en la línea {line}, columna {column}).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="568"/>
        <source>{path} is not a usable recipe: its JSON nests too deeply (a recipe is one flat object of settings).</source>
        <translation>{path} no es una receta utilizable: su JSON se anida demasiado (una receta es un solo objeto plano de ajustes).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="572"/>
        <source>{path} is not a recipe: it is not a JSON object of settings.</source>
        <translation>{path} no es una receta: no es un objeto JSON de ajustes.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="575"/>
        <source>{path} is not a recipe: it has no technique (&quot;method&quot;).</source>
        <translation>{path} no es una receta: no tiene técnica (&quot;method&quot;).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="578"/>
        <source>Choose a file written by Save recipe… or by quantgui-cli --save-recipe.</source>
        <translation>Elija un archivo escrito por Guardar receta… o por quantgui-cli --save-recipe.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="581"/>
        <source>The recipe {path} gives {name} twice, so which value is meant is unclear.</source>
        <translation>La receta {path} da {name} dos veces, así que no está claro qué valor vale.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="584"/>
        <source>Keep one of the two.</source>
        <translation>Deje solo uno de los dos.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="585"/>
        <source>The recipe {path} cannot be used: the setting {name} holds a number of {digits} digits.</source>
        <translation>La receta {path} no se puede usar: el ajuste {name} tiene un número de {digits} cifras.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="589"/>
        <source>The recipe {path} cannot be used: the setting {name} holds {value}, which is not a finite number.</source>
        <translation>La receta {path} no se puede usar: el ajuste {name} vale {value}, que no es un número finito.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="593"/>
        <source>Give an ordinary number such as 3 or 0.001.</source>
        <translation>Dé un número corriente como 3 o 0.001.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="594"/>
        <source>The recipe {path} cannot be used. {reason}</source>
        <translation>La receta {path} no se puede usar. {reason}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="595"/>
        <source>The weights of the Hugging Face folder {folder}, {file}, are a pickle that holds more than tensors ({found}): unpickling it can run any code it contains, so it was not opened.</source>
        <translation>Los pesos de la carpeta de Hugging Face {folder}, {file}, son un pickle que contiene más que tensores ({found}): deserializarlo puede ejecutar cualquier código que contenga, así que no se ha abierto.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="600"/>
        <source>Only if you trust where it came from, pass --trust to open it. Then model.save_pretrained(folder) writes model.safetensors, which holds tensors only and opens without asking.</source>
        <translation>Solo si confía en su procedencia, páselo con --trust para abrirlo. Después, model.save_pretrained(carpeta) escribe model.safetensors, que solo contiene tensores y se abre sin preguntar.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="605"/>
        <source>{ratio:.2f}x slower than float</source>
        <translation>{ratio:.2f}x más lento que float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="606"/>
        <source>{ratio:.2f}x faster than float</source>
        <translation>{ratio:.2f}x más rápido que float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="607"/>
        <source>as fast as float</source>
        <translation>igual de rápido que float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="608"/>
        <source>Below ~1 ms per call, the overhead of quantizing activations (and dequantizing the outputs) dominates: the int8 kernels save less time than the conversions cost.</source>
        <translation>Por debajo de ~1 ms por llamada domina el coste de cuantizar las activaciones (y descuantizar las salidas): los kernels int8 ahorran menos tiempo del que cuestan las conversiones.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="612"/>
        <source>The int8 kernels of this engine are no faster than float32 for these layers on this CPU, and quantizing the activations costs time of its own.</source>
        <translation>Los kernels int8 de este motor no son más rápidos que float32 para estas capas en esta CPU, y cuantizar las activaciones cuesta su propio tiempo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="616"/>
        <source>Measured while other programs used {percent}% of the CPU: latencies are unreliable.</source>
        <translation>Medido mientras otros programas usaban el {percent} % de la CPU: las latencias no son fiables.</translation>
    </message>
</context>
<context>
    <name>model</name>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="168"/>
        <source>Three-layer perceptron on 8x8 handwritten digits, 0.1 ms a batch: so small that int8 runs slower than float; it shows the 4x smaller weights and the accuracy kept.</source>
        <translation>Perceptrón de tres capas sobre dígitos manuscritos de 8x8, 0,1 ms por lote: tan pequeño que int8 va más lento que float; muestra los pesos 4 veces más pequeños y la exactitud conservada.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="172"/>
        <source>LSTM that reads each digit image row by row: dynamic quantization makes its weights int8 (a quarter of the size) but runs slower than float, since below ~1 ms a call quantizing the activations costs more than int8 saves.</source>
        <translation>LSTM que lee cada imagen de dígito fila a fila: la cuantización dinámica pasa sus pesos a int8 (una cuarta parte del tamaño) pero va más lenta que float, porque por debajo de ~1 ms por llamada cuantizar las activaciones cuesta más de lo que int8 ahorra.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="177"/>
        <source>Small transformer encoder over the image rows as tokens (attention, LayerNorm, GELU): int8 keeps its accuracy, but at this size it is no faster than float (static runs slower).</source>
        <translation>Pequeño codificador transformer sobre las filas de la imagen como tokens (atención, LayerNorm, GELU): int8 conserva su exactitud, pero a este tamaño no es más rápido que float (la estática va más lenta).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="163"/>
        <source>Conv-BatchNorm-ReLU network on 8x8 handwritten digits: static quantization fuses each block into int8 kernels, 2-3x faster than float at a quarter of the size; dynamic leaves its convolutions float.</source>
        <translation>Red Conv-BatchNorm-ReLU sobre dígitos manuscritos de 8x8: la cuantización estática fusiona cada bloque en kernels int8, de 2 a 3 veces más rápida que float con una cuarta parte del tamaño; la dinámica deja sus convoluciones en float.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="182"/>
        <source>Wide MLP (3 x Linear 1024) on digits: large enough for int8 to run faster than float, 1.4-4.6x depending on the CPU (dynamic and static).</source>
        <translation>MLP ancho (3 x Linear 1024) sobre dígitos: lo bastante grande para que int8 sea más rápido que float, de 1,4 a 4,6 veces según la CPU (dinámica y estática).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="186"/>
        <source>The seed tutorial&apos;s Linear(10, 2) on random data: so small that int8 is slower than float and, with file overhead, larger.</source>
        <translation>El Linear(10, 2) del tutorial semilla sobre datos aleatorios: tan pequeño que int8 es más lento que float y, con la sobrecarga del archivo, más grande.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="190"/>
        <source>Hugging Face model {architecture} from {folder}/ with weights {weights}</source>
        <translation>Modelo de Hugging Face {architecture} de {folder}/ con los pesos {weights}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="193"/>
        <source>compares its {output}</source>
        <translation>compara sus {output}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="194"/>
        <source>{size}x{size} images assumed (the config has no image_size)</source>
        <translation>se suponen imágenes de {size}x{size} (la configuración no tiene image_size)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="197"/>
        <source>sequences of {length} tokens</source>
        <translation>secuencias de {length} tokens</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="198"/>
        <source>its {count} Conv1D layers run as the Linear layers they are</source>
        <translation>sus {count} capas Conv1D se ejecutan como las capas Linear que son</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="201"/>
        <source>architecture by name: {name} with weights {weights}</source>
        <translation>arquitectura por nombre: {name} con los pesos {weights}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="202"/>
        <source>architecture by name: {name} (random initialisation: no weights file given (weights are never downloaded))</source>
        <translation>arquitectura por nombre: {name} (inicialización aleatoria: no se dio un archivo de pesos (los pesos nunca se descargan))</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="206"/>
        <source>Python class {name} from {file}</source>
        <translation>clase de Python {name} de {file}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="207"/>
        <source>Python class {name} from {file} with weights {weights}</source>
        <translation>clase de Python {name} de {file} con los pesos {weights}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="208"/>
        <source>Python class {name} from {file} (random weights: no weights file given)</source>
        <translation>clase de Python {name} de {file} (pesos aleatorios: no se dio un archivo de pesos)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="211"/>
        <source>pickled model {file} (trusted)</source>
        <translation>modelo serializado con pickle {file} (de confianza)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="212"/>
        <source>TorchScript model {file}</source>
        <translation>modelo TorchScript {file}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="213"/>
        <source>torch.export program {file}</source>
        <translation>programa torch.export {file}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="214"/>
        <source>{count} layer(s) recovered from its graph</source>
        <translation>{count} capa(s) recuperada(s) de su grafo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="215"/>
        <source>data: {data}</source>
        <translation>datos: {data}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="216"/>
        <source>random data ({count} Gaussian samples of shape {shape}): good for calibration only, no accuracy</source>
        <translation>datos aleatorios ({count} muestras gaussianas de forma {shape}): solo sirven para calibrar, sin exactitud</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="220"/>
        <source>random data ({count} samples of {inputs}): good for calibration only, no accuracy</source>
        <translation>datos aleatorios ({count} muestras de {inputs}): solo sirven para calibrar, sin exactitud</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="223"/>
        <source>images from {folder}/ ({classes} classes, {count} images of {shape})</source>
        <translation>imágenes de {folder}/ ({classes} clases, {count} imágenes de {shape})</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="226"/>
        <source>CSV {file} ({rows} rows, {features} features)</source>
        <translation>CSV {file} ({rows} filas, {features} características)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="227"/>
        <source>{file} ({count} samples)</source>
        <translation>{file} ({count} muestras)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="228"/>
        <source>{count} texts from {file}, tokenized ({inputs})</source>
        <translation>{count} textos de {file}, tokenizados ({inputs})</translation>
    </message>
</context>
<context>
    <name>note</name>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="232"/>
        <source>kept in float by request</source>
        <translation>mantenida en float a petición</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="233"/>
        <source>fused into {layer}</source>
        <translation>fusionada en {layer}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="234"/>
        <source>folded away by graph rewriting</source>
        <translation>eliminada al reescribir el grafo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="235"/>
        <source>float16 weights (no speed or size gain on CPU)</source>
        <translation>pesos float16 (sin ganancia de velocidad ni de tamaño en CPU)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="236"/>
        <source>{note} (fused {type})</source>
        <translation>{note} ({type} fusionada)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="237"/>
        <source>simulated only: FX left a reference module (float weights between quantize and dequantize) because no int8 kernel pattern matched its neighbours</source>
        <translation>solo simulada: FX dejó un módulo de referencia (pesos float entre quantize y dequantize) porque ningún patrón de kernel int8 encajó con sus vecinas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="241"/>
        <source>no weights to quantize</source>
        <translation>sin pesos que cuantizar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="242"/>
        <source>kept float: FX&apos;s int8 softmax clamps its input scores to the fixed output range [0, 1) and ruins attention (measured: SQNR -0.6 dB on the transformer demo)</source>
        <translation>se queda en float: el softmax int8 de FX recorta sus puntuaciones de entrada al rango fijo de salida [0, 1) y estropea la atención (medido: SQNR -0.6 dB en la demo transformer)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="246"/>
        <source>kept float: FX cannot trace &apos;{module}&apos; ({reason})</source>
        <translation>se queda en float: FX no puede trazar «{module}» ({reason})</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="247"/>
        <source>the model</source>
        <translation>el modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="248"/>
        <source>int8 table: shares its weight with {other}, which ONNX Runtime stores twice (for the lookup and, transposed, for the product); both are int8</source>
        <translation>tabla int8: comparte su peso con {other}, que ONNX Runtime guarda dos veces (para la búsqueda y, traspuesto, para el producto); ambos son int8</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="252"/>
        <source>kept float: shares its weight with {other} (an int8 copy beside the float one would make the model larger)</source>
        <translation>se queda en float: comparte su peso con {other} (una copia int8 junto a la float haría el modelo más grande)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="257"/>
        <source>int8 weights; activations stay float</source>
        <translation>pesos int8; las activaciones se quedan en float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="258"/>
        <source>{note}, trained with fake quantization</source>
        <translation>{note}, entrenada con cuantización simulada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="259"/>
        <source>{note}; fused into oneDNN int8 kernels by inductor</source>
        <translation>{note}; inductor la fusiona en kernels int8 de oneDNN</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="260"/>
        <source>float32 with {layer} (kept float); inductor folds it when compiling</source>
        <translation>float32 con {layer} (mantenida en float); inductor la integra al compilar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="263"/>
        <source>folded into {layer}</source>
        <translation>integrada en {layer}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="264"/>
        <source>folded into the preceding convolution</source>
        <translation>integrada en la convolución anterior</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="265"/>
        <source>its weights are used inside {parent}&apos;s own computation (e.g. MultiheadAttention&apos;s projections), which runs in {state} on this engine</source>
        <translation>sus pesos se usan dentro del cálculo propio de {parent} (p. ej. las proyecciones de MultiheadAttention), que en este motor se ejecuta en {state}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="269"/>
        <source>not in the exported graph (folded or unused)</source>
        <translation>no está en el grafo exportado (integrada o sin usar)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="270"/>
        <source>no int8 pattern for {type} in {method} quantization on this engine; runs in float32 (compiled)</source>
        <translation>no hay patrón int8 para {type} en la cuantización {method} en este motor; se ejecuta en float32 (compilado)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="274"/>
        <source>no int8 kernel for {type} on this engine; runs in float32 (compiled)</source>
        <translation>no hay kernel int8 para {type} en este motor; se ejecuta en float32 (compilado)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="277"/>
        <source>int8 weights; activations quantized per row at run time (torch._int_mm)</source>
        <translation>pesos int8; activaciones cuantizadas por fila al ejecutar (torch._int_mm)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="280"/>
        <source>not quantized by torchao; runs in float32 (compiled)</source>
        <translation>torchao no la cuantizó; se ejecuta en float32 (compilado)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="281"/>
        <source>dynamic quantization on this engine covers Linear layers only; {type} runs in float32 (compiled)</source>
        <translation>la cuantización dinámica en este motor solo cubre capas Linear; {type} se ejecuta en float32 (compilado)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="285"/>
        <source>no ONNX node of its own: the exporter folded it into {layer}</source>
        <translation>sin nodo ONNX propio: el exportador la integró en {layer}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="288"/>
        <source>no ONNX node of its own: {parent} computes it in its own ONNX nodes, which this view does not attribute to it</source>
        <translation>sin nodo ONNX propio: {parent} la calcula en sus propios nodos ONNX, que esta vista no le atribuye</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="292"/>
        <source>no ONNX node of its own: folded away by the exporter</source>
        <translation>sin nodo ONNX propio: el exportador la eliminó</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="293"/>
        <source>simulated only: int8 weights around ONNX {ops}, but ONNX Runtime fused no int8 kernel there and runs it in float32</source>
        <translation>solo simulada: pesos int8 alrededor de ONNX {ops}, pero ONNX Runtime no fusionó ningún kernel int8 ahí y la ejecuta en float32</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="297"/>
        <source>asked to stay float, but ONNX Runtime runs it as {op}</source>
        <translation>se pidió dejarla en float, pero ONNX Runtime la ejecuta como {op}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="298"/>
        <source>int8 weights and activations: ONNX {node} between QuantizeLinear/DequantizeLinear, run by ONNX Runtime as {op}</source>
        <translation>pesos y activaciones int8: ONNX {node} entre QuantizeLinear/DequantizeLinear, que ONNX Runtime ejecuta como {op}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="302"/>
        <source>int8 weights; activations quantized at run time (ONNX {node}, run by ONNX Runtime as {op})</source>
        <translation>pesos int8; activaciones cuantizadas al ejecutar (ONNX {node}, que ONNX Runtime ejecuta como {op})</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="306"/>
        <source>ONNX {op} runs in float32: not a layer type selected for dynamic quantization, or ONNX Runtime has no dynamic int8 kernel for it</source>
        <translation>ONNX {op} se ejecuta en float32: no es un tipo de capa elegido para la cuantización dinámica, u ONNX Runtime no tiene kernel int8 dinámico para ella</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="310"/>
        <source>ONNX {op} runs in float32: ONNX Runtime&apos;s static quantization skips it</source>
        <translation>ONNX {op} se ejecuta en float32: la cuantización estática de ONNX Runtime la omite</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="313"/>
        <source>int8 weights (torchao weight-only); activations float</source>
        <translation>pesos int8 (torchao weight-only); activaciones en float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="314"/>
        <source>kept in float32 (Keep in float)</source>
        <translation>mantenida en float32 (Mantener en float)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="315"/>
        <source>float32: this engine quantizes only nn.Linear weights</source>
        <translation>float32: este motor solo cuantiza los pesos de nn.Linear</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="316"/>
        <source>float32: torchao left this Linear unquantized</source>
        <translation>float32: torchao dejó esta Linear sin cuantizar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="317"/>
        <source>int8 weights; activations quantized at run time</source>
        <translation>pesos int8; activaciones cuantizadas al ejecutar</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="318"/>
        <source>not a layer type selected for dynamic quantization</source>
        <translation>no es un tipo de capa elegido para la cuantización dinámica</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="256"/>
        <source>int8 weights and activations</source>
        <translation>pesos y activaciones int8</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="319"/>
        <source>no int8 kernel for {type} in static quantization; kept float</source>
        <translation>no hay kernel int8 para {type} en la cuantización estática; se queda en float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="322"/>
        <source>int8 weights and activations, trained with fake quantization</source>
        <translation>pesos y activaciones int8, entrenada con cuantización simulada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="325"/>
        <source>no int8 kernel for {type} in QAT; kept float</source>
        <translation>no hay kernel int8 para {type} en QAT; se queda en float</translation>
    </message>
</context>
<context>
    <name>recipe</name>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="12"/>
        <source>Where the quantized model runs: PyTorch eager (torch.ao int8 kernels), PyTorch compiled (torchao PT2E + inductor), ONNX Runtime, or torchao weight-only int8. Each is compared with its own float32 and with float32 in eager PyTorch.</source>
        <translation>Dónde se ejecuta el modelo cuantizado: PyTorch eager (kernels int8 de torch.ao), PyTorch compilado (torchao PT2E + inductor), ONNX Runtime o torchao weight-only int8. Cada uno se compara con su propio float32 y con float32 en PyTorch eager.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="17"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="18"/>
        <source>Which int8 kernels run the model. x86 is best on Intel/AMD CPUs; onednn is close; fbgemm is slower on convolutions; qnnpack is for ARM (about 20x slower on x86).</source>
        <translation>Qué kernels int8 ejecutan el modelo. x86 es el mejor en CPU Intel/AMD; onednn se le acerca; fbgemm es más lento en convoluciones; qnnpack es para ARM (unas 20x más lento en x86).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="22"/>
        <source>x86</source>
        <translation>x86</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="23"/>
        <source>fbgemm</source>
        <translation>fbgemm</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="24"/>
        <source>onednn</source>
        <translation>onednn</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="25"/>
        <source>qnnpack</source>
        <translation>qnnpack</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="26"/>
        <source>Threads</source>
        <translation>Hilos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="27"/>
        <source>CPU threads used for calibration, training and the latency measurement.</source>
        <translation>Hilos de CPU para la calibración, el entrenamiento y la medición de latencia.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="30"/>
        <source>Batch size</source>
        <translation>Tamaño de lote</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="31"/>
        <source>Samples per batch for calibration, training and latency.</source>
        <translation>Muestras por lote para la calibración, el entrenamiento y la latencia.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="32"/>
        <source>Keep in float</source>
        <translation>Mantener en float</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="33"/>
        <source>Names of layers to leave in float32.</source>
        <translation>Nombres de las capas que se dejan en float32.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="34"/>
        <source>Layer types</source>
        <translation>Tipos de capa</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="35"/>
        <source>Layer types whose weights are stored in int8. Activations are quantized on the fly at each call, so no calibration data is needed.</source>
        <translation>Tipos de capa cuyos pesos se guardan en int8. Las activaciones se cuantizan al vuelo en cada llamada, así que no hacen falta datos de calibración.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="39"/>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="40"/>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="41"/>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="42"/>
        <source>LSTMCell</source>
        <translation>LSTMCell</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="43"/>
        <source>GRUCell</source>
        <translation>GRUCell</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="44"/>
        <source>RNNCell</source>
        <translation>RNNCell</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="45"/>
        <source>Weight type</source>
        <translation>Tipo de los pesos</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="46"/>
        <source>int8 stores weights in a quarter of the space and runs faster on CPU. float16 is offered for completeness: on CPU it saves neither time nor disk.</source>
        <translation>int8 guarda los pesos en la cuarta parte del espacio y es más rápido en CPU. float16 se ofrece por completitud: en CPU no ahorra ni tiempo ni disco.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="50"/>
        <source>int8</source>
        <translation>int8</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="51"/>
        <source>float16</source>
        <translation>float16</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="52"/>
        <source>Observer</source>
        <translation>Observador</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="53"/>
        <source>How activation ranges are learned from calibration data. MinMax is fast but an outlier stretches the range; moving-average MinMax resists outliers; Histogram chooses the range that minimises the error (slowest, usually best).</source>
        <translation>Cómo se aprenden los rangos de activación con los datos de calibración. MinMax es rápido, pero un valor atípico estira el rango; MinMax con media móvil resiste los atípicos; Histogram elige el rango que minimiza el error (el más lento, normalmente el mejor).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="58"/>
        <source>minmax</source>
        <translation>mín-máx</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="59"/>
        <source>moving_average_minmax</source>
        <translation>mín-máx con media móvil</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="60"/>
        <source>histogram</source>
        <translation>histograma</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="61"/>
        <source>Per-channel weights</source>
        <translation>Pesos por canal</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="62"/>
        <source>One scale per output channel instead of one per tensor: more accurate, same speed.</source>
        <translation>Una escala por canal de salida en lugar de una por tensor: más exacto, misma velocidad.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="65"/>
        <source>Calibration batches</source>
        <translation>Lotes de calibración</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="66"/>
        <source>How many batches of training data are run through the model to learn activation ranges.</source>
        <translation>Cuántos lotes de datos de entrenamiento pasan por el modelo para aprender los rangos de activación.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="70"/>
        <source>Reduce range</source>
        <translation>Reducir rango</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="71"/>
        <source>Use 7-bit activations to avoid overflow on CPUs without VNNI. Automatic by default: off when this CPU has VNNI.</source>
        <translation>Usar activaciones de 7 bits para evitar desbordamientos en CPU sin VNNI. Automático por defecto: desactivado si esta CPU tiene VNNI.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="75"/>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="76"/>
        <source>Passes over the training data with fake quantization.</source>
        <translation>Pasadas por los datos de entrenamiento con cuantización simulada.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="77"/>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="78"/>
        <source>Step size of fine-tuning. QAT starts from a trained model: keep it small.</source>
        <translation>Tamaño del paso del ajuste fino. QAT parte de un modelo entrenado: manténgalo pequeño.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="81"/>
        <source>Optimizer</source>
        <translation>Optimizador</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="82"/>
        <source>Adam adapts step sizes; SGD uses momentum 0.9.</source>
        <translation>Adam adapta el tamaño de los pasos; SGD usa momento 0.9.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="83"/>
        <source>adam</source>
        <translation>adam</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="84"/>
        <source>sgd</source>
        <translation>sgd</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="85"/>
        <source>Learning-rate schedule</source>
        <translation>Calendario de la tasa de aprendizaje</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="86"/>
        <source>Cosine decays the learning rate to zero.</source>
        <translation>Cosine reduce la tasa de aprendizaje hasta cero.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="87"/>
        <source>constant</source>
        <translation>constante</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="88"/>
        <source>cosine</source>
        <translation>coseno</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="89"/>
        <source>Freeze observers after epoch</source>
        <translation>Congelar observadores tras la época</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="90"/>
        <source>After this epoch the quantization ranges stop moving, so the last epochs fine-tune against fixed ranges. Empty: never freeze.</source>
        <translation>Tras esta época los rangos de cuantización dejan de moverse, así que las últimas épocas ajustan con rangos fijos. Vacío: no congelar nunca.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="94"/>
        <source>Freeze batch-norm after epoch</source>
        <translation>Congelar batch-norm tras la época</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="95"/>
        <source>After this epoch batch-norm statistics stop updating. Empty: never freeze.</source>
        <translation>Tras esta época las estadísticas de batch-norm dejan de actualizarse. Vacío: no congelar nunca.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="98"/>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="99"/>
        <source>Where training runs. The model always moves to the CPU to convert.</source>
        <translation>Dónde se entrena. El modelo siempre pasa a la CPU para convertirlo.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="102"/>
        <source>cpu</source>
        <translation>cpu</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="103"/>
        <source>cuda</source>
        <translation>cuda</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="104"/>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="105"/>
        <source>cross_entropy on the labels, or distillation: match the original model&apos;s outputs (needs no labels). auto picks cross_entropy when labels exist.</source>
        <translation>cross_entropy sobre las etiquetas, o distillation: imitar las salidas del modelo original (no necesita etiquetas). auto elige cross_entropy cuando hay etiquetas.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="109"/>
        <source>auto</source>
        <translation>automática</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="110"/>
        <source>cross_entropy</source>
        <translation>entropía cruzada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="111"/>
        <source>distillation</source>
        <translation>destilación</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="112"/>
        <source>Random seed</source>
        <translation>Semilla aleatoria</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="113"/>
        <source>Seed for the order of training batches.</source>
        <translation>Semilla del orden de los lotes de entrenamiento.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="114"/>
        <source>PyTorch eager (torch.ao)</source>
        <translation>PyTorch eager (torch.ao)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="115"/>
        <source>torch.ao.quantization&apos;s int8 kernels in eager PyTorch (FX graph mode: fusion and stubs are automatic). No compilation; the reference is the float model in eager PyTorch.</source>
        <translation>Los kernels int8 de torch.ao.quantization en PyTorch eager (modo grafo FX: la fusión y los stubs son automáticos). Sin compilación; la referencia es el modelo float en PyTorch eager.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="120"/>
        <source>PyTorch compiled (PT2E + inductor)</source>
        <translation>PyTorch compilado (PT2E + inductor)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="121"/>
        <source>torchao PT2E quantization, compiled by torch.compile (inductor, freezing) into oneDNN int8 kernels: where PyTorch users deploy. Compilation takes seconds and is reported apart from latency.</source>
        <translation>Cuantización PT2E de torchao, compilada por torch.compile (inductor, freezing) en kernels int8 de oneDNN: donde despliegan los usuarios de PyTorch. La compilación tarda segundos y se informa aparte de la latencia.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="126"/>
        <source>ONNX Runtime</source>
        <translation>ONNX Runtime</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="127"/>
        <source>Exports the model to ONNX, quantizes it with onnxruntime.quantization (static QDQ calibrated on your data, or dynamic) and runs it in an ONNX Runtime session; compared against the float32 model in ONNX Runtime.</source>
        <translation>Exporta el modelo a ONNX, lo cuantiza con onnxruntime.quantization (QDQ estático calibrado con sus datos, o dinámico) y lo ejecuta en una sesión de ONNX Runtime; se compara con el modelo float32 en ONNX Runtime.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="132"/>
        <source>torchao weight-only</source>
        <translation>torchao weight-only</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="133"/>
        <source>torchao weight-only int8: nn.Linear weights are stored in int8 (4x smaller); activations stay float32, so no calibration is needed. Lowered with torch.compile (inductor, freezing) and compared with compiled float32. On CPU it saves size but gives no speed-up. int4 needs a CUDA GPU and the mslk package, float8 a GPU of compute capability 8.9+; neither is built by this engine.</source>
        <translation>torchao weight-only int8: los pesos de nn.Linear se guardan en int8 (4x menos); las activaciones se quedan en float32, así que no hace falta calibrar. Se compila con torch.compile (inductor, freezing) y se compara con float32 compilado. En CPU ahorra tamaño pero no acelera. int4 necesita una GPU CUDA y el paquete mslk, float8 una GPU de capacidad de cómputo 8.9+; este motor no construye ninguno de los dos.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="11"/>
        <source>Engine</source>
        <translation>Motor</translation>
    </message>
</context>
<context>
    <name>technique</name>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="143"/>
        <source>Dynamic</source>
        <translation>Dinámica</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="148"/>
        <source>Static</source>
        <translation>Estática</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="154"/>
        <source>QAT</source>
        <translation>QAT</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="144"/>
        <source>Weights are stored in int8 ahead of time and activations are quantized on the fly at each call. It needs no calibration data and suits Linear and LSTM layers best.</source>
        <translation>Los pesos se guardan en int8 de antemano y las activaciones se cuantizan al vuelo en cada llamada. No necesita datos de calibración y va mejor con capas Linear y LSTM.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="149"/>
        <source>Weights and activations are both int8, with activation ranges learned by running calibration data through the model. It gives the largest speed-up on convolutional networks.</source>
        <translation>Pesos y activaciones son int8, y los rangos de las activaciones se aprenden pasando datos de calibración por el modelo. Es la que más acelera las redes convolucionales.</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/core_strings.py" line="155"/>
        <source>The model is fine-tuned with fake quantization so that it learns to live with int8 rounding. It takes longer than static quantization but recovers accuracy that it loses.</source>
        <translation>El modelo se reentrena con cuantización simulada para que aprenda a convivir con el redondeo a int8. Tarda más que la cuantización estática, pero recupera la exactitud que esta pierde.</translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="20"/>
        <source>the “{field}” field</source>
        <translation>el campo «{field}»</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="21"/>
        <source>Arguments (JSON)</source>
        <translation>Argumentos (JSON)</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="22"/>
        <source>Input shape</source>
        <translation>Forma de entrada</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="23"/>
        <source>Image size</source>
        <translation>Tamaño de imagen</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="24"/>
        <source>e.g. {example} in {field}</source>
        <translation>p. ej. {example} en {field}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="25"/>
        <source>In Open model, tick “Describe each input” and give one row per input of the model&apos;s forward, in its order: the name, the type, the shape per sample and, for integers, the range of values (LOW..HIGH).</source>
        <translation>En Abrir modelo, marca «Describir cada entrada» y da una fila por cada entrada del forward del modelo, en su orden: el nombre, el tipo, la forma por muestra y, para enteros, el rango de valores (BAJO..ALTO).</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="32"/>
        <source>the Python file, its class and its weights in Open model</source>
        <translation>el archivo Python, su clase y sus pesos en Abrir modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="34"/>
        <source>Open a Python file and choose its class</source>
        <translation>Abra un archivo Python y elija su clase</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="38"/>
        <source>leave {field} empty</source>
        <translation>deje vacío {field}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="43"/>
        <source>Leave {field} empty</source>
        <translation>Deje vacío {field}</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="46"/>
        <source>Label column</source>
        <translation>Columna de etiquetas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="51"/>
        <source>answer “Trust and open” when asked</source>
        <translation>responda «Confiar y abrir» cuando se le pregunte</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="61"/>
        <source>describe the model&apos;s inputs in Open model</source>
        <translation>describe las entradas del modelo en Abrir modelo</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="62"/>
        <source>the range in the Inputs table</source>
        <translation>el rango en la tabla de Entradas</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="63"/>
        <source>the input “{example}”</source>
        <translation>la entrada «{example}»</translation>
    </message>
    <message>
        <location filename="../../quantgui/ui/wording.py" line="65"/>
        <source>the Inputs table of Open model</source>
        <translation>la tabla de Entradas de Abrir modelo</translation>
    </message>
</context>
</TS>
