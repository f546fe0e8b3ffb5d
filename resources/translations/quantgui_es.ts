<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
  <context>
    <name>ComparisonPanel</name>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="38" />
      <source>Press Quantize to compare the original and the quantized model here.</source>
      <translation>Pulse Cuantizar para comparar aquí el modelo original y el cuantizado.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="48" />
      <location filename="../../quantgui/ui/comparison_panel.py" line="63" />
      <source>Original</source>
      <translation>Original</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="48" />
      <location filename="../../quantgui/ui/comparison_panel.py" line="63" />
      <location filename="../../quantgui/ui/comparison_panel.py" line="81" />
      <source>Quantized</source>
      <translation>Cuantizado</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="48" />
      <source>Quantized / original</source>
      <translation>Cuantizado / original</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="54" />
      <source>Comparison of original and quantized model</source>
      <translation>Comparación del modelo original y el cuantizado</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="55" />
      <source>Size is the saved state_dict; latency is the median of warm runs with the stated threads and batch size.</source>
      <translation>El tamaño es el del state_dict guardado; la latencia es la mediana de ejecuciones en caliente con los hilos y el tamaño de lote indicados.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="58" />
      <source>Size and latency bar charts</source>
      <translation>Gráficos de barras de tamaño y latencia</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="59" />
      <source>Size and median latency, original (blue) and quantized (orange).</source>
      <translation>Tamaño y latencia mediana, original (azul) y cuantizado (naranja).</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="61" />
      <source>Size (KiB)</source>
      <translation>Tamaño (KiB)</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="62" />
      <source>Latency (ms)</source>
      <translation>Latencia (ms)</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="80" />
      <source>Layer</source>
      <translation>Capa</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="80" />
      <source>Original type</source>
      <translation>Tipo original</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="81" />
      <source>Quantized type</source>
      <translation>Tipo cuantizado</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="82" />
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="90" />
      <source>Layer table</source>
      <translation>Tabla de capas</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="91" />
      <source>Every layer of the model, and what quantization did to it.</source>
      <translation>Cada capa del modelo y lo que la cuantización hizo con ella.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="116" />
      <source>Size</source>
      <translation>Tamaño</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="118" />
      <source>{median:.3f} ms (p90 {p90:.3f})</source>
      <translation>{median:.3f} ms (p90 {p90:.3f})</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="119" />
      <source>Latency</source>
      <translation>Latencia</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="123" />
      <source>{threads} threads, batch {batch}</source>
      <translation>{threads} hilos, lote {batch}</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="124" />
      <source>Measured with</source>
      <translation>Medido con</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="129" />
      <source>{delta:+.2f} points</source>
      <translation>{delta:+.2f} puntos</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="130" />
      <source>Accuracy</source>
      <translation>Exactitud</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="133" />
      <source>Layers quantized</source>
      <translation>Capas cuantizadas</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="133" />
      <source>0 of {total}</source>
      <translation>0 de {total}</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="134" />
      <source>{count} of {total}</source>
      <translation>{count} de {total}</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="136" />
      <source>Technique</source>
      <translation>Técnica</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="136" />
      <source>float32</source>
      <translation>float32</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="137" />
      <source>Backend</source>
      <translation>Backend</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="148" />
      <source>yes</source>
      <translation>sí</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/comparison_panel.py" line="148" />
      <source>no</source>
      <translation>no</translation>
    </message>
  </context>
  <context>
    <name>LogPanel</name>
    <message>
      <location filename="../../quantgui/ui/log_panel.py" line="18" />
      <source>Log</source>
      <translation>Registro</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/log_panel.py" line="19" />
      <source>Messages from loading and quantizing, newest last.</source>
      <translation>Mensajes de la carga y la cuantización, los más recientes al final.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="54" />
      <source>QuantGUI — PyTorch quantization</source>
      <translation>QuantGUI — cuantización de PyTorch</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="86" />
      <location filename="../../quantgui/ui/main_window.py" line="313" />
      <source>Loading {name}…</source>
      <translation>Cargando {name}…</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="109" />
      <location filename="../../quantgui/ui/main_window.py" line="112" />
      <source>Model</source>
      <translation>Modelo</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="113" />
      <source>A demo model with its data, ready to quantize.</source>
      <translation>Un modelo de demostración con sus datos, listo para cuantizar.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="118" />
      <source>Model description</source>
      <translation>Descripción del modelo</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="119" />
      <location filename="../../quantgui/ui/main_window.py" line="312" />
      <source>Loading…</source>
      <translation>Cargando…</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="122" />
      <source>Model summary</source>
      <translation>Resumen del modelo</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="129" />
      <source>Technique</source>
      <translation>Técnica</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="133" />
      <source>Dynamic</source>
      <translation>Dinámica</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="133" />
      <source>Static</source>
      <translation>Estática</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="134" />
      <source>QAT</source>
      <translation>QAT</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="136" />
      <source>Weights are stored in int8 ahead of time and activations are quantized on the fly at each call. It needs no calibration data and suits Linear and LSTM layers best.</source>
      <translation>Los pesos se guardan en int8 de antemano y las activaciones se cuantizan al vuelo en cada llamada. No necesita datos de calibración y va mejor con capas Linear y LSTM.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="139" />
      <source>Weights and activations are both int8, with activation ranges learned by running calibration data through the model. It gives the largest speed-up on convolutional networks.</source>
      <translation>Pesos y activaciones son int8, y los rangos de las activaciones se aprenden pasando datos de calibración por el modelo. Es la que más acelera las redes convolucionales.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="142" />
      <source>The model is fine-tuned with fake quantization so that it learns to live with int8 rounding. It takes longer than static quantization but recovers accuracy that it loses.</source>
      <translation>El modelo se reentrena con cuantización simulada para que aprenda a convivir con el redondeo a int8. Tarda más que la cuantización estática, pero recupera la exactitud que esta pierde.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="150" />
      <source>{title} quantization</source>
      <translation>Cuantización {title}</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="160" />
      <source>Technique explanation</source>
      <translation>Explicación de la técnica</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="164" />
      <source>Settings</source>
      <translation>Ajustes</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="170" />
      <source>Settings problem</source>
      <translation>Problema en los ajustes</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="177" />
      <location filename="../../quantgui/ui/main_window.py" line="179" />
      <source>Quantize</source>
      <translation>Cuantizar</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="180" />
      <source>Quantize a copy of the model with these settings and compare it (Ctrl+R).</source>
      <translation>Cuantiza una copia del modelo con estos ajustes y la compara (Ctrl+R).</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="183" />
      <location filename="../../quantgui/ui/main_window.py" line="184" />
      <source>Cancel</source>
      <translation>Cancelar</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="185" />
      <source>Stop the run; the model is left as it was (Esc).</source>
      <translation>Detiene la ejecución; el modelo queda como estaba (Esc).</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="192" />
      <source>Progress</source>
      <translation>Progreso</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="197" />
      <source>Ready</source>
      <translation>Listo</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="198" />
      <source>Stage</source>
      <translation>Etapa</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="200" />
      <source>Elapsed time</source>
      <translation>Tiempo transcurrido</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="218" />
      <source>Results</source>
      <translation>Resultados</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="223" />
      <source>Training</source>
      <translation>Entrenamiento</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="223" />
      <source>Comparison</source>
      <translation>Comparación</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="224" />
      <source>Outputs</source>
      <translation>Salidas</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="224" />
      <source>Log</source>
      <translation>Registro</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="231" />
      <source>&amp;File</source>
      <translation>&amp;Archivo</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="232" />
      <source>&amp;Open model…</source>
      <translation>&amp;Abrir modelo…</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="237" />
      <source>&amp;Quit</source>
      <translation>&amp;Salir</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="242" />
      <source>&amp;Run</source>
      <translation>&amp;Ejecutar</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="243" />
      <source>&amp;Quantize</source>
      <translation>&amp;Cuantizar</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="246" />
      <source>&amp;Cancel</source>
      <translation>Ca&amp;ncelar</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="252" />
      <source>&amp;View</source>
      <translation>&amp;Ver</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="259" />
      <source>&amp;Language</source>
      <translation>&amp;Idioma</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="262" />
      <source>System</source>
      <translation>Sistema</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="271" />
      <source>&amp;Help</source>
      <translation>Ay&amp;uda</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="272" />
      <source>&amp;About QuantGUI</source>
      <translation>&amp;Acerca de QuantGUI</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="287" />
      <source>Open model…</source>
      <translation>Abrir modelo…</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="289" />
      <location filename="../../quantgui/ui/main_window.py" line="365" />
      <source>Loading your own files comes in a later release.</source>
      <translation>La carga de sus propios archivos llegará en una versión posterior.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="330" />
      <source>Loaded {name}: {source}.</source>
      <translation>Cargado {name}: {source}.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="332" />
      <source>{name} loaded.</source>
      <translation>{name} cargado.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="339" />
      <source>The model could not be loaded.</source>
      <translation>No se pudo cargar el modelo.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="340" />
      <source>The model could not be loaded</source>
      <translation>No se pudo cargar el modelo</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="345" />
      <source>yes</source>
      <translation>sí</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="345" />
      <source>no</source>
      <translation>no</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="347" />
      <source>Layers</source>
      <translation>Capas</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="348" />
      <source>Parameters</source>
      <translation>Parámetros</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="349" />
      <source>Size</source>
      <translation>Tamaño</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="350" />
      <source>Input shape</source>
      <translation>Forma de entrada</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="351" />
      <source>Data</source>
      <translation>Datos</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="351" />
      <source>{train} training, {val} validation samples</source>
      <translation>{train} muestras de entrenamiento, {val} de validación</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="353" />
      <source>Labels</source>
      <translation>Etiquetas</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="354" />
      <source>classes</source>
      <translation>clases</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="357" />
      <source>Accuracy</source>
      <translation>Exactitud</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="364" />
      <source>Open model</source>
      <translation>Abrir modelo</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="367" />
      <source>For now, choose one of the demo models.</source>
      <translation>Por ahora, elija uno de los modelos de demostración.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="393" />
      <source>{field}: enter a number.</source>
      <translation>{field}: escriba un número.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="432" />
      <source>Starting…</source>
      <translation>Empezando…</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="436" />
      <source>Run: {recipe}</source>
      <translation>Ejecución: {recipe}</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="438" />
      <source>Quantizing {name} ({method})…</source>
      <translation>Cuantizando {name} ({method})…</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="452" />
      <source>Cancelling…</source>
      <translation>Cancelando…</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="455" />
      <source>Preparing</source>
      <translation>Preparando</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="455" />
      <source>Calibrating</source>
      <translation>Calibrando</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="456" />
      <source>Quantizing</source>
      <translation>Cuantizando</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="456" />
      <source>Converting</source>
      <translation>Convirtiendo</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="457" />
      <source>Measuring</source>
      <translation>Midiendo</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="470" />
      <source>Epoch {epoch}/{epochs}: train loss {loss:.4f}, validation accuracy {accuracy}</source>
      <translation>Época {epoch}/{epochs}: pérdida de entrenamiento {loss:.4f}, exactitud de validación {accuracy}</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="480" />
      <source>Epoch {epoch}/{epochs}, step {step}/{steps}</source>
      <translation>Época {epoch}/{epochs}, paso {step}/{steps}</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="490" />
      <source>{seconds:.1f} s</source>
      <translation>{seconds:.1f} s</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="498" />
      <location filename="../../quantgui/ui/main_window.py" line="504" />
      <source>Done</source>
      <translation>Hecho</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="509" />
      <source>Done in {seconds:.1f} s: {size:.2f}× the size, {latency:.2f}× the latency, {count} of {total} layers quantized.</source>
      <translation>Hecho en {seconds:.1f} s: {size:.2f}× el tamaño, {latency:.2f}× la latencia, {count} de {total} capas cuantizadas.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="519" />
      <location filename="../../quantgui/ui/main_window.py" line="520" />
      <source>Cancelled</source>
      <translation>Cancelado</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="521" />
      <source>Cancelled; the model is unchanged.</source>
      <translation>Cancelado; el modelo no ha cambiado.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="525" />
      <source>Failed</source>
      <translation>Falló</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="526" />
      <source>The run failed: {message}</source>
      <translation>La ejecución falló: {message}</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="529" />
      <source>Quantization failed</source>
      <translation>La cuantización falló</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="543" />
      <source>This looks like a bug in QuantGUI or in torch; the details below help to report it.</source>
      <translation>Parece un error de QuantGUI o de torch; los detalles de abajo ayudan a notificarlo.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="554" />
      <source>The language changes the next time QuantGUI starts.</source>
      <translation>El idioma cambiará la próxima vez que se inicie QuantGUI.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="558" />
      <source>About QuantGUI</source>
      <translation>Acerca de QuantGUI</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/main_window.py" line="559" />
      <source>QuantGUI {version}: see and do PyTorch quantization — dynamic, static and QAT, side by side.</source>
      <translation>QuantGUI {version}: ver y hacer cuantización de PyTorch — dinámica, estática y QAT, lado a lado.</translation>
    </message>
  </context>
  <context>
    <name>SamplesPanel</name>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="34" />
      <source>After a run, this tab compares the two models' outputs on every validation sample.</source>
      <translation>Tras una ejecución, esta pestaña compara las salidas de los dos modelos en cada muestra de validación.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="45" />
      <source>Output values</source>
      <translation>Valores de salida</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="46" />
      <location filename="../../quantgui/ui/samples_panel.py" line="91" />
      <source>original</source>
      <translation>original</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="47" />
      <location filename="../../quantgui/ui/samples_panel.py" line="93" />
      <source>quantized</source>
      <translation>cuantizado</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="50" />
      <source>Scatter of original against quantized outputs</source>
      <translation>Dispersión de las salidas originales frente a las cuantizadas</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="52" />
      <source>Each dot is one output value; on the diagonal the quantized model agrees exactly.</source>
      <translation>Cada punto es un valor de salida; en la diagonal el modelo cuantizado coincide exactamente.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="65" />
      <source>Agreement metrics</source>
      <translation>Métricas de concordancia</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="75" />
      <source>Sample</source>
      <translation>Muestra</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="77" />
      <source>Sample input and class probabilities</source>
      <translation>Entrada de la muestra y probabilidades por clase</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="82" />
      <source>Probabilities</source>
      <translation>Probabilidades</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="86" />
      <source>class</source>
      <translation>clase</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="98" />
      <source>Predictions</source>
      <translation>Predicciones</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="100" />
      <source>◀ Previous</source>
      <translation>◀ Anterior</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="101" />
      <source>Next ▶</source>
      <translation>Siguiente ▶</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="102" />
      <source>Next disagreement</source>
      <translation>Siguiente discrepancia</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="103" />
      <source>Show the previous sample.</source>
      <translation>Muestra la muestra anterior.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="104" />
      <source>Show the next sample.</source>
      <translation>Muestra la muestra siguiente.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="106" />
      <source>Jump to the next sample where the two models predict different classes.</source>
      <translation>Salta a la siguiente muestra en la que los dos modelos predicen clases distintas.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="143" />
      <source>cosine {value:.5f}</source>
      <translation>coseno {value:.5f}</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="144" />
      <source>SQNR {value:.1f} dB</source>
      <translation>SQNR {value:.1f} dB</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="145" />
      <source>max |error| {value:.4g}</source>
      <translation>|error| máx. {value:.4g}</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="147" />
      <source>top-1 agreement {value:.2%}</source>
      <translation>concordancia top-1 {value:.2%}</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="162" />
      <source>Next disagreement ({count})</source>
      <translation>Siguiente discrepancia ({count})</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="182" />
      <source>Sample {index} of {count}</source>
      <translation>Muestra {index} de {count}</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="185" />
      <source>label {label}</source>
      <translation>etiqueta {label}</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="190" />
      <source>original {a}, quantized {b}</source>
      <translation>original {a}, cuantizado {b}</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="201" />
      <source>Original: class {co} ({po:.1%})   Quantized: class {cq} ({pq:.1%})</source>
      <translation>Original: clase {co} ({po:.1%})   Cuantizado: clase {cq} ({pq:.1%})</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/samples_panel.py" line="204" />
      <source>the models disagree</source>
      <translation>los modelos discrepan</translation>
    </message>
  </context>
  <context>
    <name>SettingsPanel</name>
    <message>
      <location filename="../../quantgui/ui/settings_panel.py" line="69" />
      <source>Automatic</source>
      <translation>Automático</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/settings_panel.py" line="70" />
      <source>On</source>
      <translation>Sí</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/settings_panel.py" line="71" />
      <source>Off</source>
      <translation>No</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/settings_panel.py" line="81" />
      <source>Never</source>
      <translation>Nunca</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/settings_panel.py" line="96" />
      <source>layer names, comma-separated</source>
      <translation>nombres de capas, separados por comas</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/settings_panel.py" line="190" />
      <source>Advanced</source>
      <translation>Avanzado</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/settings_panel.py" line="195" />
      <source>Show advanced settings</source>
      <translation>Mostrar ajustes avanzados</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/settings_panel.py" line="196" />
      <source>Show or hide the settings most runs do not need to change.</source>
      <translation>Muestra u oculta los ajustes que casi nunca hace falta cambiar.</translation>
    </message>
  </context>
  <context>
    <name>TrainingPlots</name>
    <message>
      <location filename="../../quantgui/ui/training_plots.py" line="20" />
      <source>Choose QAT and press Quantize: the training loss, the validation metrics and the learning rate appear here as the model trains.</source>
      <translation>Elija QAT y pulse Cuantizar: la pérdida de entrenamiento, las métricas de validación y la tasa de aprendizaje aparecen aquí mientras el modelo entrena.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/training_plots.py" line="25" />
      <source>Training curves</source>
      <translation>Curvas de entrenamiento</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/training_plots.py" line="26" />
      <source>QAT training curves: loss, validation loss and accuracy, learning rate.</source>
      <translation>Curvas de entrenamiento QAT: pérdida, pérdida y exactitud de validación, tasa de aprendizaje.</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/training_plots.py" line="37" />
      <source>Training loss</source>
      <translation>Pérdida de entrenamiento</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/training_plots.py" line="39" />
      <location filename="../../quantgui/ui/training_plots.py" line="44" />
      <source>step</source>
      <translation>paso</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/training_plots.py" line="40" />
      <source>per step</source>
      <translation>por paso</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/training_plots.py" line="41" />
      <source>smoothed</source>
      <translation>suavizada</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/training_plots.py" line="43" />
      <source>Learning rate</source>
      <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/training_plots.py" line="48" />
      <source>Validation loss</source>
      <translation>Pérdida de validación</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/training_plots.py" line="49" />
      <location filename="../../quantgui/ui/training_plots.py" line="54" />
      <source>epoch</source>
      <translation>época</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/training_plots.py" line="53" />
      <source>Validation accuracy</source>
      <translation>Exactitud de validación</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/training_plots.py" line="58" />
      <source>QAT (fake-quantized)</source>
      <translation>QAT (cuantización simulada)</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/training_plots.py" line="62" />
      <location filename="../../quantgui/ui/training_plots.py" line="107" />
      <source>original</source>
      <translation>original</translation>
    </message>
  </context>
  <context>
    <name>recipe</name>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="10" />
      <source>Backend</source>
      <translation>Backend</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="11" />
      <source>Threads</source>
      <translation>Hilos</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="12" />
      <source>Batch size</source>
      <translation>Tamaño de lote</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="13" />
      <source>Keep in float</source>
      <translation>Mantener en float</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="14" />
      <source>Layer types</source>
      <translation>Tipos de capa</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="15" />
      <source>Weight type</source>
      <translation>Tipo de los pesos</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="16" />
      <source>Observer</source>
      <translation>Observador</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="17" />
      <source>Per-channel weights</source>
      <translation>Pesos por canal</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="18" />
      <source>Calibration batches</source>
      <translation>Lotes de calibración</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="19" />
      <source>Reduce range</source>
      <translation>Reducir rango</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="20" />
      <source>Epochs</source>
      <translation>Épocas</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="21" />
      <source>Learning rate</source>
      <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="22" />
      <source>Optimizer</source>
      <translation>Optimizador</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="23" />
      <source>Learning-rate schedule</source>
      <translation>Calendario de la tasa de aprendizaje</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="24" />
      <source>Freeze observers after epoch</source>
      <translation>Congelar observadores tras la época</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="25" />
      <source>Freeze batch-norm after epoch</source>
      <translation>Congelar batch-norm tras la época</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="26" />
      <source>Device</source>
      <translation>Dispositivo</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="27" />
      <source>Loss</source>
      <translation>Pérdida</translation>
    </message>
    <message>
      <location filename="../../quantgui/ui/core_strings.py" line="28" />
      <source>Random seed</source>
      <translation>Semilla aleatoria</translation>
    </message>
  </context>
</TS>